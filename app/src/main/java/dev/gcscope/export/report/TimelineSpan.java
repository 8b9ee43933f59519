package dev.gcscope.export.report;

import static dev.gcscope.parsers.gctrace.GcColumns.RUN;
import static dev.gcscope.parsers.gctrace.GcColumns.START_S;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The cycles of a gctrace inside {@code --from S --to S}, on the x axis the window's timelines and
 * selection use: seconds since the process started, runs laid end to end with a gap of 2 % of their
 * summed length, or the cycle's 1-based position when any cycle has no start time (Go 1.4).
 *
 * <p>Why a copy of {@code ui.chart.StwSeries}' layout: the report command runs headless and may not
 * reach the UI's classes. The charts' toolkit-free half moves that layout out of the UI; then this
 * class should call it. Until then {@code TimelineSpanTest} holds the two to the same rows.
 */
public final class TimelineSpan {
    /** As {@code StwSeries.RUN_GAP_FRACTION}. */
    private static final double RUN_GAP_FRACTION = 0.02;

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

    static double[] x(Table cycles) {
        int n = cycles.rowCount();
        DoubleColumn start = cycles.doubleColumn(START_S);
        IntColumn runs = cycles.intColumn(RUN);
        double[] s = new double[n];
        int[] run = new int[n];
        boolean timed = n > 0;
        for (int i = 0; i < n; i++) {
            s[i] = start.isMissing(i) ? Double.NaN : start.getDouble(i);
            run[i] = runs.isMissing(i) ? 1 : runs.getInt(i);
            if (Double.isNaN(s[i])) timed = false;
        }
        double[] x = new double[n];
        if (!timed) {
            for (int i = 0; i < n; i++) x[i] = i + 1;
            return x;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (i + 1 == n || run[i + 1] != run[i]) total += Math.max(s[i], 0);
        }
        double gap = total > 0 ? total * RUN_GAP_FRACTION : 1;
        double offset = 0;
        double runEnd = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && run[i] != run[i - 1]) offset = runEnd + gap;
            x[i] = offset + s[i];
            runEnd = Math.max(runEnd, x[i]);
        }
        return x;
    }
}
