package dev.gcscope.ui.gctrace;

import dev.gcscope.analysis.GcTraceAnalysis;
import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.render.timeline.GcTraceSeries;
import dev.gcscope.render.timeline.TimelineCycles;
import dev.gcscope.render.plot.TimeRange;
import java.util.Arrays;
import tech.tablesaw.api.Table;

/**
 * A gctrace document as every view reads it: the cycles table, the x position of each cycle on the
 * shared time axis ({@link StwSeries} lays runs end to end) and the whole trace's analysis, whose
 * regime ids colour the views. Built once, off the UI thread; immutable afterwards. Row {@code i} of
 * {@link #cycles()} is point {@code i} of {@link #layout()} and entry {@code i} of
 * {@link #regimeOfRow()}.
 */
public final class GcTraceData {
    private final Table cycles;
    private final StwSeries layout;
    private final GcTraceAnalysis analysis;

    private GcTraceData(Table cycles, StwSeries layout, GcTraceAnalysis analysis) {
        this.cycles = cycles;
        this.layout = layout;
        this.analysis = analysis;
    }

    /** Lays out and analyses {@code cycles} (a gctrace cycles table, as the parser produced it) on this thread. */
    public static GcTraceData of(Table cycles) {
        return of(cycles, Work.serial());
    }

    /**
     * @param work where the layout and the regimes run beside the pause statistics, and whether the
     *             load was cancelled meanwhile
     * @throws java.util.concurrent.CancellationException when {@code work} is cancelled meanwhile
     */
    public static GcTraceData of(Table cycles, Work work) {
        // The layout and the analysis only read the table: on a million cycles the first chart
        // waits for both, so the layout is a part of its own.
        Work.Part<StwSeries> layout = work.fork(() -> GcTraceSeries.of(cycles));
        GcTraceAnalysis analysis = GcTraceAnalysis.of(cycles, RegimeAnalysis.Method.KMEANS, work);
        return new GcTraceData(cycles, layout.join(), analysis);
    }

    /**
     * Lays out {@code cycles} with an analysis already made of them (a followed log's, updated from
     * its new cycles rather than made again).
     */
    public static GcTraceData of(Table cycles, GcTraceAnalysis analysis) {
        return new GcTraceData(cycles, GcTraceSeries.of(cycles), analysis);
    }

    public Table cycles() {
        return cycles;
    }

    /** What the timelines draw of this trace; columns are read from the table when a chart first asks. */
    public TimelineCycles timelineCycles() {
        return TimelineCycles.of(cycles, layout, analysis.regimes());
    }

    public StwSeries layout() {
        return layout;
    }

    /** The whole trace's summary, pause statistics and regimes. */
    public GcTraceAnalysis analysis() {
        return analysis;
    }

    /** Regime id of each row, −1 for forced GCs and noise. Shared: do not modify. */
    public int[] regimeOfRow() {
        return analysis.regimes().regimeOfRow();
    }

    public int size() {
        return cycles.rowCount();
    }

    /** The whole x extent, or null when there are no cycles. */
    public TimeRange extent() {
        return layout.isEmpty() ? null : new TimeRange(layout.xMin(), layout.xMax());
    }

    /**
     * The rows whose x lies in {@code range}, as {@code [from, to)}; {@code [0, size)} for null.
     * Cycles are laid out in file order, so a time range is a row range.
     */
    public int[] rowsIn(TimeRange range) {
        int n = size();
        if (range == null) return new int[] {0, n};
        double[] x = layout.x();
        if (!layout.xSorted()) {
            int from = n, to = 0;
            for (int i = 0; i < n; i++) {
                if (range.contains(x[i])) {
                    from = Math.min(from, i);
                    to = i + 1;
                }
            }
            return from >= to ? new int[] {0, 0} : new int[] {from, to};
        }
        int from = lowerBound(x, range.from());
        int to = lowerBound(x, Math.nextUp(range.to()));
        return new int[] {from, Math.max(from, to)};
    }

    /** First index whose value is at least {@code v}. */
    private static int lowerBound(double[] sorted, double v) {
        int i = Arrays.binarySearch(sorted, v);
        if (i < 0) return -i - 1;
        while (i > 0 && sorted[i - 1] == v) i--;
        return i;
    }
}
