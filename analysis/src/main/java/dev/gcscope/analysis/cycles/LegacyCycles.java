package dev.gcscope.analysis.cycles;

/**
 * Which cycles were printed by Go 1.4 or older, where the whole collection stopped the world and the
 * heap field was {@code before -> after} (no live heap). Those are exactly the cycles without a start
 * time: Go printed {@code @…s} from 1.5 on (formats.md §1.3), and the parser keeps a 1.5+ line only
 * once its {@code @} time is read.
 */
final class LegacyCycles {
    private LegacyCycles() {}

    /** @param startS the cycle's {@code start_s} */
    static boolean stoppedTheWorld(double startS) {
        return Double.isNaN(startS);
    }
}
