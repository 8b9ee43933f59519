package dev.gcscope.ui.sched;

import dev.gcscope.analysis.sched.DelayOverTime;
import dev.gcscope.analysis.sched.LogBins;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.analysis.sched.TimehistPrograms;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.perfsched.TimehistColumns;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.render.sched.TimehistChartData;
import dev.gcscope.ui.task.TaskContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What the timehist view shows, computed once in the background: the per-task percentiles, and for
 * each task its delay histogram and its delay over time. Times are seconds since the first event.
 */
record TimehistData(TaskDelays delays, List<LogBins> histograms, List<DelayOverTime> overTime, List<double[]> taskTimes,
                    List<double[]> taskDelays, double t0, List<TimehistPrograms.Program> programs) {
    /** perf prints delays in whole microseconds: 0.000 ms is "under a microsecond". */
    static final double RESOLUTION_MS = TimehistChartData.RESOLUTION_MS;

    static TimehistData of(ParseResult result) {
        TaskDelays d = TaskDelays.of(result.table(TimehistColumns.EVENTS_TABLE));
        List<TimehistPrograms.Program> programs = TimehistPrograms.of(d, result.table(TimehistColumns.EVENTS_TABLE));
        double t0 = TimehistChartData.t0(d);
        List<LogBins> bins = new ArrayList<>();
        List<DelayOverTime> over = new ArrayList<>();
        List<double[]> times = new ArrayList<>(), delays = new ArrayList<>();
        for (TaskDelays.Task t : d.tasks()) {
            double[] x = TimehistChartData.times(d, t, t0), y = d.delaysOf(t);
            bins.add(LogBins.of(y, RESOLUTION_MS));
            over.add(DelayOverTime.of(x, y));
            times.add(x);
            delays.add(y);
        }
        return new TimehistData(d, bins, over, times, delays, t0, programs);
    }

    /**
     * The per-task figures of the switches in {@code range} (seconds since the first event, both ends
     * included), for the view's selection.
     */
    Shown within(TimeRange range, TaskContext ctx) {
        TaskDelays d = delays.within(range.from() + t0, range.to() + t0);
        List<LogBins> bins = new ArrayList<>(d.tasks().size());
        for (TaskDelays.Task t : d.tasks()) {
            if (ctx.isCancelled()) return null;
            bins.add(LogBins.of(d.delaysOf(t), RESOLUTION_MS));
        }
        return new Shown(range, d, bins);
    }

    Shown whole() {
        return new Shown(null, delays, histograms);
    }

    /**
     * What the table and the histogram show: the whole recording ({@code range} null) or a range of it.
     * {@code histograms} go with {@code delays.tasks()} index for index.
     */
    record Shown(TimeRange range, TaskDelays delays, List<LogBins> histograms) {
        LogBins histogramOf(TaskDelays.Task t) {
            return histograms.get(delays.tasks().indexOf(t));
        }
    }
}
