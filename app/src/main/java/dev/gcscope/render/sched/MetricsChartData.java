package dev.gcscope.render.sched;

import dev.gcscope.analysis.sched.HistogramHistory;
import dev.gcscope.render.chart.BucketHeatmapPlot;
import dev.gcscope.render.chart.BucketHistogramPlot;
import dev.gcscope.render.chart.PercentileLinesPlot;
import dev.gcscope.render.plot.Quantity;
import java.util.List;

/**
 * What the runtime/metrics charts draw, from a metric's snapshots: the histogram of one snapshot
 * with its P50/P90/P99, the heatmap of the per-interval histograms and the intervals' percentiles.
 * Shared by the window's views and the headless export and report, so both draw the same data.
 */
public final class MetricsChartData {
    /** The metric a chart opens on when the file has it: the scheduler's own latency, then the GC pauses. */
    public static final List<String> PREFERRED = List.of("/sched/latencies:seconds", "/sched/pauses/total/gc:seconds", "/gc/pauses:seconds");
    public static final String[] MARKER_LABELS = {"P50", "P90", "P99"};

    private MetricsChartData() {}

    /** The metric shown first: a preferred one with observations, else the first with any; null for none. */
    public static HistogramHistory preferred(List<HistogramHistory> histories) {
        for (String name : PREFERRED) {
            for (HistogramHistory h : histories) if (h.name().equals(name) && !h.isEmpty() && h.last().total() > 0) return h;
        }
        for (HistogramHistory h : histories) if (!h.isEmpty() && h.last().total() > 0) return h;
        return histories.isEmpty() ? null : histories.get(0);
    }

    /** The metrics with at least one interval between snapshots (what the over-time charts can show). */
    public static List<HistogramHistory> withIntervals(List<HistogramHistory> histories) {
        return histories.stream().filter(h -> h.intervals().size() > 0).toList();
    }

    /** {@code h}'s {@code histogram_quantile} P50, P90 and P99 as of snapshot {@code s}. */
    public static double[] marks(HistogramHistory h, HistogramHistory.Snapshot s) {
        double[] marks = new double[HistogramHistory.QUANTILES.length];
        for (int k = 0; k < marks.length; k++) marks[k] = s.quantile(HistogramHistory.QUANTILES[k], h.upper());
        return marks;
    }

    /** The bars of snapshot {@code s} of {@code h} (counts since process start), its percentiles marked. */
    public static BucketHistogramPlot.Bars bars(HistogramHistory h, HistogramHistory.Snapshot s) {
        return new BucketHistogramPlot.Bars(h.lower(), h.upper(), s.counts(), Quantity.ofMetric(h.name()), h.name(), marks(h, s),
                MARKER_LABELS.clone());
    }

    /** True when every interval of {@code h} has a start and an end time: the x axis is then seconds. */
    private static boolean timed(List<HistogramHistory.Interval> iv) {
        return iv.stream().allMatch(i -> !Double.isNaN(i.startS()) && !Double.isNaN(i.endS()) && i.endS() > i.startS());
    }

    private static String xTitle(boolean timed) {
        return timed ? "time (s)" : "interval (the snapshots have no times)";
    }

    /**
     * A metric's name as a y-axis title: without its unit ("/sched/latencies:seconds" ->
     * "/sched/latencies"), which the tick labels carry ("1 ms"); labels of a Prometheus series stay.
     * The whole name was cut on a 1024 px window ("encies:seconds per interval (log)"); what is still
     * too long for a short chart the frame shortens from the left (PlotFrameLayer).
     */
    public static String axisName(String name) {
        int brace = name.indexOf('{');
        String metric = brace < 0 ? name : name.substring(0, brace);
        int colon = metric.lastIndexOf(':');
        if (colon <= 0) return name;
        return metric.substring(0, colon) + (brace < 0 ? "" : name.substring(brace));
    }

    /** One heatmap column per interval between snapshots, one row per bucket. */
    public static BucketHeatmapPlot.Cells heatmap(HistogramHistory h) {
        if (h == null) return BucketHeatmapPlot.Cells.empty();
        List<HistogramHistory.Interval> iv = h.intervals();
        int n = iv.size();
        boolean timed = timed(iv);
        double[] start = new double[n], end = new double[n];
        double[][] counts = new double[n][];
        for (int k = 0; k < n; k++) {
            HistogramHistory.Interval i = iv.get(k);
            start[k] = timed ? i.startS() : k;
            end[k] = timed ? i.endS() : k + 1;
            counts[k] = i.counts();
        }
        return new BucketHeatmapPlot.Cells(xTitle(timed), axisName(h.name()), Quantity.ofMetric(h.name()), h.lower(), h.upper(), start, end, counts, !timed);
    }

    /** Each interval's P50, P90 and P99, at the interval's end. */
    public static PercentileLinesPlot.Lines percentiles(HistogramHistory h) {
        if (h == null) return PercentileLinesPlot.Lines.empty();
        List<HistogramHistory.Interval> iv = h.intervals();
        int n = iv.size();
        boolean timed = timed(iv);
        double[] mid = new double[n], p50 = new double[n], p90 = new double[n], p99 = new double[n];
        for (int k = 0; k < n; k++) {
            HistogramHistory.Interval i = iv.get(k);
            mid[k] = timed ? i.endS() : k + 1;
            p50[k] = i.p50();
            p90[k] = i.p90();
            p99[k] = i.p99();
        }
        double[][] lines = new double[PercentileLinesPlot.Role.values().length][];
        lines[PercentileLinesPlot.Role.P50.ordinal()] = p50;
        lines[PercentileLinesPlot.Role.P90.ordinal()] = p90;
        lines[PercentileLinesPlot.Role.P99.ordinal()] = p99;
        return new PercentileLinesPlot.Lines(timed ? "interval end (s)" : xTitle(false), axisName(h.name()) + " per interval",
                Quantity.ofMetric(h.name()), true, mid, lines, null, null, !timed);
    }
}
