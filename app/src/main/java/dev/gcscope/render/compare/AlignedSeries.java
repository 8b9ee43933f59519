package dev.gcscope.render.compare;

import static dev.gcscope.parsers.gctrace.GcColumns.GC_CPU_PCT;
import static dev.gcscope.parsers.gctrace.GcColumns.HEAP_LIVE_MB;

import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.render.timeline.GcTraceSeries;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One side of the aligned timelines: each cycle's time since the side's first cycle, laid out as its
 * own timeline lays it out ({@link GcTraceSeries}: restarted runs end to end), with the values the
 * pause, heap and GC CPU timelines plot — the trace's own columns, nothing computed from them.
 *
 * @param sinceFirstS seconds since the side's first timed cycle (the cycle index when the trace has no times)
 * @param timed false when the cycles have no start times and x is the cycle's position
 */
public record AlignedSeries(String label, double[] sinceFirstS, boolean timed, double[] stwMs, double[] heapLiveMb,
                            double[] gcCpuPct) {

    /** From a gctrace cycles table; O(n), off the UI thread. */
    public static AlignedSeries of(String label, Table cycles) {
        StwSeries s = GcTraceSeries.of(cycles);
        double[] x = s.x().clone();
        double first = Double.NaN;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                first = v;
                break;
            }
        }
        for (int i = 0; i < x.length; i++) x[i] -= first;
        return new AlignedSeries(label, x, s.xKind() == StwSeries.XKind.SECONDS, s.stwMs(), column(cycles, HEAP_LIVE_MB),
                column(cycles, GC_CPU_PCT));
    }

    public AlignedSeries withLabel(String newLabel) {
        return new AlignedSeries(newLabel, sinceFirstS, timed, stwMs, heapLiveMb, gcCpuPct);
    }

    /** The time of the last cycle since the first; 0 for none. */
    public double span() {
        double m = 0;
        for (double v : sinceFirstS) if (v > m) m = v;
        return m;
    }

    private static double[] column(Table cycles, String name) {
        double[] out = new double[cycles.rowCount()];
        if (!cycles.columnNames().contains(name)) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        Column<?> c = cycles.column(name);
        for (int i = 0; i < out.length; i++) out[i] = c.isMissing(i) ? Double.NaN : ((Number) c.get(i)).doubleValue();
        return out;
    }
}
