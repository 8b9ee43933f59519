package dev.gcscope.analysis;

import static dev.gcscope.parsers.perfsched.LatencyColumns.*;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The key figures of a {@code perf sched latency} table.
 *
 * @param tasks task rows (the {@code TOTAL:} row is not one)
 * @param totalRuntimeMs the {@code TOTAL:} rows' runtime (summed when the file holds several tables);
 *     without a TOTAL row, the sum over the task rows; NaN when there is neither
 * @param totalSwitches likewise for the count column ("Switches"/"Count"); -1 when there is neither
 * @param fromTotalRow whether the totals are perf's own TOTAL rows
 * @param worstTask the task of the row with the largest maximum delay (the first of equals); null without rows
 * @param worstMaxDelayMs that row's maximum delay; NaN without rows
 */
public record SchedLatencySummary(int tasks, double totalRuntimeMs, long totalSwitches, boolean fromTotalRow,
                                  String worstTask, double worstMaxDelayMs) {

    public static SchedLatencySummary of(Table taskRows, Table totals) {
        int n = taskRows.rowCount();
        boolean fromTotal = totals.rowCount() > 0;
        double runtime;
        long switches;
        if (fromTotal) {
            runtime = sum(totals.doubleColumn(TOTAL_RUNTIME_MS));
            switches = sum(totals.longColumn(TOTAL_SWITCHES));
        } else {
            runtime = n == 0 ? Double.NaN : sum(taskRows.doubleColumn(RUNTIME_MS));
            switches = n == 0 ? -1 : sum(taskRows.longColumn(SWITCHES));
        }
        DoubleColumn max = taskRows.doubleColumn(MAX_DELAY_MS);
        StringColumn task = taskRows.stringColumn(TASK);
        int worst = -1;
        for (int i = 0; i < n; i++) {
            if (max.isMissing(i)) continue;
            if (worst < 0 || max.getDouble(i) > max.getDouble(worst)) worst = i;
        }
        return new SchedLatencySummary(n, runtime, switches, fromTotal,
                worst < 0 ? null : task.get(worst), worst < 0 ? Double.NaN : max.getDouble(worst));
    }

    private static double sum(DoubleColumn c) {
        // exact in thousandths: perf prints %.3f, so add whole microseconds, not binary fractions
        long us = 0;
        boolean any = false;
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) continue;
            us += Math.round(c.getDouble(i) * 1000);
            any = true;
        }
        return any ? us / 1000.0 : Double.NaN;
    }

    private static long sum(LongColumn c) {
        long s = 0;
        boolean any = false;
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) continue;
            s += c.getLong(i);
            any = true;
        }
        return any ? s : -1;
    }
}
