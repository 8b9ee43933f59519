package dev.gcscope.export.report;

import dev.gcscope.render.timeline.GcTraceSeries;
import tech.tablesaw.api.Table;

/**
 * The cycles of a gctrace inside {@code --from S --to S}, on the x axis the window's timelines and
 * selection use: seconds since the process started, runs laid end to end with a gap of 2 % of their
 * summed length, or the cycle's 1-based position when any cycle has no start time (Go 1.4).
 */
public final class TimelineSpan {
    private TimelineSpan() {}

    /**
     * The cycles whose x lies in {@code [from, to]}, as the window's selection finds them.
     *
     * @param from start of the range, or null for the first cycle's x
     * @param to end of the range, or null for the last cycle's x
     */
    public static CycleSpan of(Table cycles, Double from, Double to) {
        double[] x = x(cycles);
        int n = x.length;
        double lo = from != null ? from : n > 0 ? x[0] : 0;
        double hi = to != null ? to : n > 0 ? x[n - 1] : 0;
        for (double v : x) {
            if (from == null) lo = Math.min(lo, v);
            if (to == null) hi = Math.max(hi, v);
        }
        int first = n, end = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] >= lo && x[i] <= hi) {
                first = Math.min(first, i);
                end = i + 1;
            }
        }
        return first >= end ? new CycleSpan(lo, hi, 0, 0, n) : new CycleSpan(lo, hi, first, end, n);
    }

    /** The window's own x layout ({@link GcTraceSeries}), so a range means the same cycles in both. */
    static double[] x(Table cycles) {
        return GcTraceSeries.of(cycles).x();
    }
}
