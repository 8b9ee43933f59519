package dev.gcscope.ui.sched;

import dev.gcscope.ui.summary.Formats;
import java.math.BigDecimal;
import java.math.MathContext;

/** How the key figures of the perf sched and runtime/metrics documents write their numbers. */
final class SchedFigures {
    private SchedFigures() {}

    static String msOrMissing(double ms) {
        return Double.isNaN(ms) ? Formats.MISSING : Formats.ms(ms) + " ms";
    }

    /** Seconds in the unit that keeps them readable: ns, µs, ms or s, three significant digits. */
    static String seconds(double s) {
        if (Double.isNaN(s)) return Formats.MISSING;
        if (Double.isInfinite(s)) return s > 0 ? "+Inf" : "-Inf";
        double a = Math.abs(s);
        if (a == 0) return "0 s";
        if (a < 1e-6) return plain(s * 1e9) + " ns";
        if (a < 1e-3) return plain(s * 1e6) + " µs";
        if (a < 1) return plain(s * 1e3) + " ms";
        return plain(s) + " s";
    }

    static String plain(double v) {
        if (Double.isNaN(v)) return Formats.MISSING;
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
