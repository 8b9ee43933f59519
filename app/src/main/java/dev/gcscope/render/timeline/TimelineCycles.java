package dev.gcscope.render.timeline;

import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.render.plot.TimeRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;
import tech.tablesaw.columns.times.PackedLocalTime;

/**
 * What the timelines plot, as primitive arrays: the laid-out x of every cycle ({@link StwSeries}),
 * the numeric columns they draw (read from the cycles table once, on first use, missing values as
 * NaN), each cycle's regime and its logged wall-clock time. Row {@code i} is cycle {@code i} of the
 * document everywhere.
 */
public final class TimelineCycles {
    /** Wall time of a row that has none. */
    public static final long NO_WALL_TIME = Long.MIN_VALUE;

    private final StwSeries layout;
    private final Function<String, double[]> source;
    private final Map<String, double[]> columns = new HashMap<>();
    private final int[] regimeOfRow;
    private final List<String> regimeLabels;
    private final long[] wallMs;
    private int[] segmentOfRow;

    private TimelineCycles(StwSeries layout, Function<String, double[]> source, int[] regimeOfRow,
                           List<String> regimeLabels, long[] wallMs) {
        if (regimeOfRow.length != layout.size() || (wallMs != null && wallMs.length != layout.size())) {
            throw new IllegalArgumentException("arrays differ in length from the layout");
        }
        this.layout = layout;
        this.source = source;
        this.regimeOfRow = regimeOfRow;
        this.regimeLabels = List.copyOf(regimeLabels);
        this.wallMs = wallMs;
    }

    /**
     * The cycles of a gctrace cycles table laid out as {@code layout}, with their regimes; columns are
     * read from the table when a chart first asks.
     */
    public static TimelineCycles of(Table t, StwSeries layout, RegimeAnalysis.Result regimes) {
        List<String> labels = new ArrayList<>();
        for (Regime r : regimes.regimes()) {
            while (labels.size() <= r.id()) labels.add("");
            labels.set(r.id(), r.label().replace(',', ' ').replace('_', ' '));
        }
        return new TimelineCycles(layout, name -> readColumn(t, name), regimes.regimeOfRow(), labels, wallTimes(t));
    }

    /**
     * Synthetic cycles (tests, benchmarks).
     *
     * @param columns by {@link GcColumns} name; a column not given is absent
     * @param wallMs epoch milliseconds of each cycle's log line ({@link #NO_WALL_TIME} when unknown), or null
     */
    public static TimelineCycles of(StwSeries layout, Map<String, double[]> columns, int[] regimeOfRow,
                                    List<String> regimeLabels, long[] wallMs) {
        Map<String, double[]> copy = Map.copyOf(columns);
        return new TimelineCycles(layout, copy::get, regimeOfRow, regimeLabels, wallMs);
    }

    public static TimelineCycles empty() {
        return of(StwSeries.empty(), Map.of(), new int[0], List.of(), null);
    }

    public StwSeries layout() {
        return layout;
    }

    public int size() {
        return layout.size();
    }

    /** The column's values (shared: do not modify), or null when the trace does not have it. */
    public double[] column(String name) {
        return columns.computeIfAbsent(name, source);
    }

    /** True when the column exists and at least one cycle has a value in it. */
    public boolean has(String name) {
        double[] v = column(name);
        if (v == null) return false;
        for (double d : v) {
            if (!Double.isNaN(d)) return true;
        }
        return false;
    }

    /** Rows whose x lies in {@code r}, as {@code [from, to)}; every row when x is not in order. */
    public int[] rowsIn(TimeRange r) {
        double[] x = layout.x();
        if (!layout.xSorted()) return new int[] {0, x.length};
        return new int[] {lowerBound(x, r.from()), lowerBound(x, Math.nextUp(r.to()))};
    }

    /** First index whose value is at least {@code v}. */
    public static int lowerBound(double[] sorted, double v) {
        int i = Arrays.binarySearch(sorted, v);
        if (i < 0) return -i - 1;
        while (i > 0 && sorted[i - 1] == v) i--;
        return i;
    }

    /**
     * A gap without cycles: an interval between two cycles of a run longer than this many times the
     * trace's 99th-percentile interval. The restart sample has one of 0.91 s where 99 % of intervals
     * are under 0.14 s: a line across it would draw a live heap the trace never measured.
     */
    static final double GAP_FACTOR = 3;
    /** Fewer intervals than this give no percentile to judge a gap by: no gaps. */
    private static final int GAP_MIN_INTERVALS = 20;

    /**
     * Per row, the stretch of consecutive cycles it belongs to: a new stretch starts at each run
     * and after each gap without cycles ({@link #GAP_FACTOR}). Lines join only cycles of one stretch.
     * Shared: do not modify.
     */
    public int[] segmentOfRow() {
        if (segmentOfRow == null) segmentOfRow = segments();
        return segmentOfRow;
    }

    private int[] segments() {
        int n = size();
        double[] x = layout.x();
        int[] seg = new int[n];
        double limit = Double.POSITIVE_INFINITY;
        if (layout.xKind() == StwSeries.XKind.SECONDS && layout.xSorted()) {
            double[] dx = new double[n];
            int m = 0;
            for (int i = 1; i < n; i++) {
                if (layout.run(i) == layout.run(i - 1)) dx[m++] = x[i] - x[i - 1];
            }
            if (m >= GAP_MIN_INTERVALS) {
                double[] d = Arrays.copyOf(dx, m);
                Arrays.sort(d);
                double p99 = d[Math.min(m - 1, (int) Math.ceil(0.99 * m) - 1)];
                if (p99 > 0) limit = GAP_FACTOR * p99;
            }
        }
        int s = 0;
        for (int i = 1; i < n; i++) {
            if (layout.run(i) != layout.run(i - 1) || x[i] - x[i - 1] > limit) s++;
            seg[i] = s;
        }
        return seg;
    }

    /** Regime id per row, −1 for forced cycles and noise. Shared: do not modify. */
    public int[] regimeOfRow() {
        return regimeOfRow;
    }

    /** Words describing regime {@code id}, empty when unknown. */
    public String regimeLabel(int id) {
        return id >= 0 && id < regimeLabels.size() ? regimeLabels.get(id) : "";
    }

    public int regimeCount() {
        return regimeLabels.size();
    }

    /** Epoch milliseconds of the row's log line, {@link #NO_WALL_TIME} when it had no timestamp. */
    public long wallMs(int row) {
        return wallMs == null ? NO_WALL_TIME : wallMs[row];
    }

    public boolean hasWallTimes() {
        if (wallMs == null) return false;
        for (long w : wallMs) {
            if (w != NO_WALL_TIME) return true;
        }
        return false;
    }

    private static double[] readColumn(Table t, String name) {
        if (!t.containsColumn(name) || !(t.column(name) instanceof NumericColumn<?> c)) return null;
        int n = t.rowCount();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = c.isMissing(i) ? Double.NaN : c.getDouble(i);
        return out;
    }

    /** The wall clock as logged (a local time without zone), read as if UTC so no zone shifts it. */
    private static long[] wallTimes(Table t) {
        if (!t.containsColumn(GcColumns.WALL_TIME) || !(t.column(GcColumns.WALL_TIME) instanceof DateTimeColumn c)) return null;
        int n = t.rowCount();
        long[] out = new long[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (c.isMissing(i)) {
                out[i] = NO_WALL_TIME;
            } else {
                long packed = c.getLongInternal(i);
                out[i] = PackedLocalDate.toEpochDay(PackedLocalDateTime.date(packed)) * 86_400_000L
                        + PackedLocalTime.getMillisecondOfDay(PackedLocalDateTime.time(packed));
                any = true;
            }
        }
        return any ? out : null;
    }

    @Override
    public String toString() {
        return "TimelineCycles[" + size() + " cycles, columns " + Arrays.toString(columns.keySet().toArray()) + "]";
    }
}
