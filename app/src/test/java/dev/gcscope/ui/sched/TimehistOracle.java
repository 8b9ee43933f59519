package dev.gcscope.ui.sched;

import static dev.gcscope.parsers.perfsched.TimehistColumns.*;

import dev.gcscope.parsers.ParseResult;
import dev.gcscope.render.plot.TimeRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import tech.tablesaw.api.Table;

/**
 * A task's switches straight from the parsed events table (rows of its pid, or of a thread seen with
 * that pid), with commons-math R-7 percentiles: what the timehist view must show, found without
 * the view's analysis.
 */
final class TimehistOracle {
    /** One task's switches in a range (null: the whole recording). */
    record Expected(int count, double p50, double p99) {}

    private final Table t;
    private final double t0;
    private final Map<Integer, Integer> pidOfTid = new HashMap<>();

    TimehistOracle(ParseResult parsed) {
        t = parsed.table(EVENTS_TABLE);
        double first = Double.POSITIVE_INFINITY;
        for (int i = 0; i < t.rowCount(); i++) first = Math.min(first, t.doubleColumn(TIME_S).getDouble(i));
        t0 = first;
        for (int i = 0; i < t.rowCount(); i++) {
            if (!t.intColumn(TID).isMissing(i) && !t.intColumn(PID).isMissing(i)) pidOfTid.putIfAbsent(t.intColumn(TID).getInt(i), t.intColumn(PID).getInt(i));
        }
    }

    Expected expected(int pid, TimeRange range) {
        return expected(java.util.Set.of(pid), range);
    }

    /** The switches of several processes together (a program run as several), in a range (null: the whole recording). */
    Expected expected(java.util.Set<Integer> pids, TimeRange range) {
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (!isSwitch(i)) continue;
            Integer p = !t.intColumn(PID).isMissing(i) ? Integer.valueOf(t.intColumn(PID).getInt(i))
                    : t.intColumn(TID).isMissing(i) ? null : pidOfTid.get(t.intColumn(TID).getInt(i));
            if (p == null || !pids.contains(p)) continue;
            double time = t.doubleColumn(TIME_S).getDouble(i);
            if (range != null && (time < range.from() + t0 || time > range.to() + t0)) continue;
            delays.add(t.doubleColumn(SCH_DELAY_MS).getDouble(i));
        }
        double[] d = delays.stream().mapToDouble(Double::doubleValue).toArray();
        Percentile r7 = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        return new Expected(d.length, d.length == 0 ? Double.NaN : r7.evaluate(d, 50), d.length == 0 ? Double.NaN : r7.evaluate(d, 99));
    }

    /** Every switch of a task other than the idle one. */
    int totalSwitches() {
        int n = 0;
        for (int i = 0; i < t.rowCount(); i++) if (isSwitch(i)) n++;
        return n;
    }

    private boolean isSwitch(int i) {
        return EVENT_SWITCH.equals(t.stringColumn(EVENT).get(i)) && !"<idle>".equals(t.stringColumn(TASK).get(i));
    }
}
