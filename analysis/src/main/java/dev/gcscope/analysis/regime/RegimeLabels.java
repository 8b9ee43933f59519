package dev.gcscope.analysis.regime;

import java.util.ArrayList;
import java.util.List;

/**
 * The words the field uses for a GC regime, from its typical figures. Thresholds are named so that
 * a reader can argue with them: a service allocating 50 MB/s is calm, 200 MB/s keeps the GC busy;
 * under a third of the heap surviving is mostly garbage, over 80% is a cache. Go prints heaps in
 * whole MB (truncated), so on a live heap of a few MB the survival figure is coarse: 1 MB live of a
 * 3 MB heap reads 33% whether 1.0 or 1.9 MB survived. Such a regime keeps its survival word (the
 * labels are what scripts and legends key on), and its description says the figure is coarse.
 */
public final class RegimeLabels {
    public static final double LOW_ALLOC_MB_S = 50;
    public static final double HIGH_ALLOC_MB_S = 200;
    public static final double LOW_SURVIVAL = 0.35;
    public static final double HIGH_SURVIVAL = 0.80;
    public static final double SMALL_HEAP_MB = 16;
    /** Below this live heap, whole-MB truncation moves survival by a quarter or more of itself. */
    public static final double COARSE_SURVIVAL_LIVE_MB = 4;
    public static final double LARGE_HEAP_MB = 1024;
    /** The live heap grows (or shrinks) by at least this factor and this many MB across the regime. */
    public static final double HEAP_TREND_FACTOR = 1.5;
    public static final double HEAP_TREND_MB = 8;

    private RegimeLabels() {}

    /** True when survival is read from whole-MB figures of a live heap too small for them. */
    static boolean isSurvivalCoarse(double liveMb) {
        return liveMb < COARSE_SURVIVAL_LIVE_MB;
    }

    static List<String> of(double allocMbS, double survival, double liveMb, double firstLiveMb, double lastLiveMb) {
        List<String> out = new ArrayList<>();
        // without timestamps there is no rate to name (NaN)
        if (!Double.isNaN(allocMbS)) {
            out.add(allocMbS < LOW_ALLOC_MB_S ? "low_alloc_rate" : allocMbS >= HIGH_ALLOC_MB_S ? "high_alloc_rate" : "moderate_alloc_rate");
        }
        out.add(survival < LOW_SURVIVAL ? "low_survival" : survival >= HIGH_SURVIVAL ? "high_survival" : "moderate_survival");
        if (liveMb < SMALL_HEAP_MB) out.add("small_heap");
        if (liveMb >= LARGE_HEAP_MB) out.add("large_heap");
        if (lastLiveMb >= firstLiveMb * HEAP_TREND_FACTOR && lastLiveMb - firstLiveMb >= HEAP_TREND_MB) out.add("growing_heap");
        if (firstLiveMb >= lastLiveMb * HEAP_TREND_FACTOR && firstLiveMb - lastLiveMb >= HEAP_TREND_MB) out.add("shrinking_heap");
        return out;
    }
}
