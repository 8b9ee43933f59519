package dev.gcscope.render.sched;

import dev.gcscope.analysis.sched.DelayOverTime;
import dev.gcscope.analysis.sched.LogBins;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.render.chart.BucketHistogramPlot;
import dev.gcscope.render.chart.PercentileLinesPlot;
import dev.gcscope.render.plot.Quantity;
import java.util.List;

/**
 * What the {@code perf sched timehist} charts draw for one task: its scheduling-delay histogram
 * with P50/P90/P99 marked, and its delay over time (P50, P99 and max per time bucket over every
 * switch). Shared by the window's view and the headless export and report.
 */
public final class TimehistChartData {
    /** perf prints delays in whole microseconds: 0.000 ms is "under a microsecond". */
    public static final double RESOLUTION_MS = 0.001;
    public static final String HISTOGRAM_X_TITLE = "scheduling delay";
    public static final String OVER_TIME_X_TITLE = "time since the first event (s)";
    public static final String OVER_TIME_Y_TITLE = "scheduling delay (ms)";
    private static final double MS_PER_S = 1000;

    private TimehistChartData() {}

    /** The busiest process (most switches): in a recording of one Go program, that program; null for none. */
    public static TaskDelays.Task busiest(List<TaskDelays.Task> tasks) {
        TaskDelays.Task best = null;
        for (TaskDelays.Task t : tasks) if (best == null || t.switches() > best.switches()) best = t;
        return best;
    }

    /** The first event's time, from which the charts count seconds. */
    public static double t0(TaskDelays d) {
        double t0 = Double.POSITIVE_INFINITY;
        for (double t : d.timeS()) if (t < t0) t0 = t;
        return t0;
    }

    /** The times of {@code t}'s switches in seconds since {@code t0}, index for index with {@code d.delaysOf(t)}. */
    public static double[] times(TaskDelays d, TaskDelays.Task t, double t0) {
        double[] x = new double[t.rows().length];
        for (int i = 0; i < x.length; i++) x[i] = d.timeS()[t.rows()[i]] - t0;
        return x;
    }

    /** {@code t}'s delay histogram on log bins {@code b}, in seconds, with its percentiles marked. */
    public static BucketHistogramPlot.Bars histogram(TaskDelays.Task t, LogBins b) {
        return new BucketHistogramPlot.Bars(seconds(b.lower()), seconds(b.upper()), b.counts(), Quantity.SECONDS, HISTOGRAM_X_TITLE,
                seconds(new double[] {t.p50Ms(), t.p90Ms(), t.p99Ms()}), MetricsChartData.MARKER_LABELS.clone());
    }

    /**
     * A task's delay over time: P50, P99 and max per bucket, with every switch ({@code times},
     * {@code delaysMs}) behind them as a min–max stroke per pixel.
     */
    public static PercentileLinesPlot.Lines overTime(DelayOverTime o, double[] times, double[] delaysMs) {
        double[][] lines = new double[PercentileLinesPlot.Role.values().length][];
        lines[PercentileLinesPlot.Role.P50.ordinal()] = o.p50Ms();
        lines[PercentileLinesPlot.Role.P99.ordinal()] = o.p99Ms();
        lines[PercentileLinesPlot.Role.MAX.ordinal()] = o.maxMs();
        return new PercentileLinesPlot.Lines(OVER_TIME_X_TITLE, OVER_TIME_Y_TITLE, Quantity.PLAIN, false, o.midS(), lines, times, delaysMs);
    }

    private static double[] seconds(double[] ms) {
        double[] s = new double[ms.length];
        for (int i = 0; i < s.length; i++) s[i] = ms[i] / MS_PER_S;
        return s;
    }
}
