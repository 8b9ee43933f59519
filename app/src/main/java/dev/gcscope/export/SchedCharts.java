package dev.gcscope.export;

import dev.gcscope.analysis.sched.DelayOverTime;
import dev.gcscope.analysis.sched.HistogramHistory;
import dev.gcscope.analysis.sched.LogBins;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.metrics.MetricsColumns;
import dev.gcscope.parsers.perfsched.PerfSchedTimehistParser;
import dev.gcscope.parsers.perfsched.TimehistColumns;
import dev.gcscope.render.ChartFont;
import dev.gcscope.render.chart.BucketHeatmapPlot;
import dev.gcscope.render.chart.BucketHistogramPlot;
import dev.gcscope.render.chart.PercentileLinesPlot;
import dev.gcscope.render.plot.ChartDrawing;
import dev.gcscope.render.plot.FrameStyle;
import dev.gcscope.render.plot.FramedChart;
import dev.gcscope.render.plot.StackedCharts;
import dev.gcscope.render.sched.MetricsChartData;
import dev.gcscope.render.sched.TimehistChartData;
import dev.gcscope.render.theme.ChartTheme;
import java.util.List;
import java.util.Map;

/**
 * The charts of a {@code perf sched timehist} or runtime/metrics file as the window's views draw
 * them, without the window, each under its view's id: {@code sched-timehist-delays} (the busiest
 * process's delay histogram over its delay over time, the task the view opens on),
 * {@code sched-metrics-histogram} (the last snapshot of the metric the view opens on) and, with
 * several snapshots, {@code sched-metrics-over-time} (its heatmap over its percentiles per interval).
 * The data are prepared by the same code as on screen ({@code render.sched}).
 */
public final class SchedCharts {
    public static final String TIMEHIST_DELAYS = "sched-timehist-delays";
    public static final String METRICS_HISTOGRAM = "sched-metrics-histogram";
    public static final String METRICS_OVER_TIME = "sched-metrics-over-time";
    /** Every id a scheduler or metrics input may have. */
    public static final List<String> IDS = List.of(TIMEHIST_DELAYS, METRICS_HISTOGRAM, METRICS_OVER_TIME);
    private static final Map<String, String> TITLES = Map.of(TIMEHIST_DELAYS, "Delays per task", METRICS_HISTOGRAM, "Histogram",
            METRICS_OVER_TIME, "Over time");
    /** Histogram over time series, as the views share their height on screen. */
    private static final List<Double> SHARES = List.of(1.0, 1.0);

    private final List<String> ids;
    private final TaskChart task;
    private final HistogramHistory histogram;
    private final HistogramHistory overTime;

    private record TaskChart(TaskDelays.Task task, BucketHistogramPlot.Bars bars, PercentileLinesPlot.Lines lines) {}

    private SchedCharts(List<String> ids, TaskChart task, HistogramHistory histogram, HistogramHistory overTime) {
        this.ids = ids;
        this.task = task;
        this.histogram = histogram;
        this.overTime = overTime;
    }

    /** The charts {@code result} has: none for a format without scheduler or metrics charts. */
    public static SchedCharts of(ParseResult result) {
        if (result.format().equals(PerfSchedTimehistParser.FORMAT)) {
            TaskDelays d = TaskDelays.of(result.table(TimehistColumns.EVENTS_TABLE));
            TaskDelays.Task t = TimehistChartData.busiest(d.tasks());
            TaskChart chart = null;
            if (t != null) {
                double[] x = TimehistChartData.times(d, t, TimehistChartData.t0(d)), y = d.delaysOf(t);
                chart = new TaskChart(t, TimehistChartData.histogram(t, LogBins.of(y, TimehistChartData.RESOLUTION_MS)),
                        TimehistChartData.overTime(DelayOverTime.of(x, y), x, y));
            }
            return new SchedCharts(List.of(TIMEHIST_DELAYS), chart, null, null);
        }
        // by its table rather than its format: every runtime/metrics format gives the same buckets table
        if (result.tables().get(MetricsColumns.BUCKETS_TABLE) != null) {
            List<HistogramHistory> h = HistogramHistory.of(result.table(MetricsColumns.BUCKETS_TABLE));
            List<HistogramHistory> multi = MetricsChartData.withIntervals(h);
            HistogramHistory over = MetricsChartData.preferred(multi);
            return new SchedCharts(over == null ? List.of(METRICS_HISTOGRAM) : List.of(METRICS_HISTOGRAM, METRICS_OVER_TIME), null,
                    MetricsChartData.preferred(h), over);
        }
        return new SchedCharts(List.of(), null, null, null);
    }

    /** The ids of this input's charts, in the window's tab order. */
    public List<String> ids() {
        return ids;
    }

    /** The view's title, for a caption. */
    public static String title(String id) {
        return TITLES.getOrDefault(id, id);
    }

    /** What the chart is of (the metric, or the task), for a caption; empty when it has no data. */
    public String subject(String id) {
        return switch (id) {
            case TIMEHIST_DELAYS -> task == null ? "" : task.task().label();
            case METRICS_HISTOGRAM -> histogram == null ? "" : histogram.name() + ", last snapshot";
            case METRICS_OVER_TIME -> overTime == null ? "" : overTime.name() + ", per interval between snapshots";
            default -> "";
        };
    }

    /**
     * Chart {@code id} in {@code theme}'s colours, with the window's label font; counts on a log axis
     * as the views open.
     *
     * @throws IllegalArgumentException for an id this input does not have
     */
    public ChartDrawing chart(String id, ChartTheme theme) {
        if (!ids.contains(id)) {
            throw new IllegalArgumentException("no chart '" + id + "' for this input; its charts are " + String.join(", ", ids));
        }
        ChartFont font = ChartFont.labels();
        FrameStyle style = new FrameStyle(theme.frame(), font, ChartTheme.PADDING, 0);
        return switch (id) {
            case TIMEHIST_DELAYS -> new StackedCharts(List.of(
                    new FramedChart(new BucketHistogramPlot(task == null ? BucketHistogramPlot.Bars.empty() : task.bars(), true,
                            theme.bucketHistogram(), font), style, "No context switches in this file"),
                    new FramedChart(new PercentileLinesPlot(task == null ? PercentileLinesPlot.Lines.empty() : task.lines())
                            .view(null, theme.percentileLines()), style, "No context switches in this file")), SHARES);
            case METRICS_HISTOGRAM -> new FramedChart(new BucketHistogramPlot(histogram == null || histogram.isEmpty()
                    ? BucketHistogramPlot.Bars.empty() : MetricsChartData.bars(histogram, histogram.last()), true,
                    theme.bucketHistogram(), font), style, histogram == null ? "No histograms in this file" : "No observations in this snapshot");
            default -> new StackedCharts(List.of(
                    new FramedChart(new BucketHeatmapPlot(MetricsChartData.heatmap(overTime), theme.heatmap()), style,
                            "No observations between snapshots"),
                    new FramedChart(new PercentileLinesPlot(MetricsChartData.percentiles(overTime)).view(null, theme.percentileLines()),
                            style, "No observations between snapshots")), SHARES);
        };
    }
}
