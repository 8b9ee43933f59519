package dev.gcscope.ui.sched;

import dev.gcscope.analysis.sched.DelayOverTime;
import dev.gcscope.analysis.sched.LogBins;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.perfsched.TimehistColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * What the timehist view shows, computed once in the background: the per-task percentiles, and for
 * each task its delay histogram and its delay over time. Times are seconds since the first event.
 */
record TimehistData(TaskDelays delays, List<LogBins> histograms, List<DelayOverTime> overTime, List<double[]> taskTimes,
                    List<double[]> taskDelays) {
    /** perf prints delays in whole microseconds: 0.000 ms is "under a microsecond". */
    static final double RESOLUTION_MS = 0.001;

    static TimehistData of(ParseResult result) {
        TaskDelays d = TaskDelays.of(result.table(TimehistColumns.EVENTS_TABLE));
        double t0 = Double.POSITIVE_INFINITY;
        for (double t : d.timeS()) if (t < t0) t0 = t;
        List<LogBins> bins = new ArrayList<>();
        List<DelayOverTime> over = new ArrayList<>();
        List<double[]> times = new ArrayList<>(), delays = new ArrayList<>();
        for (TaskDelays.Task t : d.tasks()) {
            double[] x = new double[t.rows().length], y = d.delaysOf(t);
            for (int i = 0; i < x.length; i++) x[i] = d.timeS()[t.rows()[i]] - t0;
            bins.add(LogBins.of(y, RESOLUTION_MS));
            over.add(DelayOverTime.of(x, y));
            times.add(x);
            delays.add(y);
        }
        return new TimehistData(d, bins, over, times, delays);
    }
}
