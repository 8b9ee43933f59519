package dev.gcscope.analysis;

import static dev.gcscope.parsers.perfsched.TimehistColumns.*;

import java.util.HashSet;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The key figures of {@code perf sched timehist} output.
 *
 * @param events context-switch rows (event {@code switch}: the rows with wait/delay/run times),
 *     {@code <idle>} rows included
 * @param tasks distinct threads (by tid; by name where perf cut the tid off) with a switch row,
 *     the idle task not counted; for a summary-only file, the task rows of its runtime (or wait-time) summary
 * @param schDelayMs scheduling delay per switch row, {@code <idle>} rows left out (they never wait)
 */
public record TimehistSummary(long events, long tasks, Percentiles schDelayMs) {
    public static final String IDLE = "<idle>";

    /** The events-table columns {@link #of} reads: parse only these when nothing else is needed. */
    public static final Set<String> COLUMNS = Set.of(EVENT, TASK, TID, SCH_DELAY_MS);

    public static TimehistSummary of(Table events, Table summary) {
        StringColumn event = events.stringColumn(EVENT);
        StringColumn task = events.stringColumn(TASK);
        IntColumn tid = events.intColumn(TID);
        DoubleColumn delay = events.doubleColumn(SCH_DELAY_MS);
        int n = events.rowCount();
        double[] delays = new double[n];
        int k = 0;
        long switches = 0;
        Set<Integer> tids = new HashSet<>();
        Set<String> cutNames = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (!EVENT_SWITCH.equals(event.get(i))) continue;
            switches++;
            String name = task.get(i);
            if (IDLE.equals(name)) continue;
            if (tid.isMissing(i)) cutNames.add(name); else tids.add(tid.getInt(i));
            delays[k++] = delay.getDouble(i);
        }
        long tasks = tids.size() + cutNames.size();
        if (switches == 0) tasks = summaryTasks(summary);
        return new TimehistSummary(switches, tasks, Percentiles.of(java.util.Arrays.copyOf(delays, k)));
    }

    /** Rows of the first runtime or wait-time summary, else of the idle-time one (perf's "Total number of unique tasks"). */
    private static long summaryTasks(Table summary) {
        StringColumn section = summary.stringColumn(SECTION);
        String first = null;
        for (int i = 0; i < summary.rowCount() && first == null; i++) {
            if (!section.get(i).equals(SECTION_IDLE_TIME)) first = section.get(i);
        }
        if (first == null) first = SECTION_IDLE_TIME;
        long rows = 0;
        for (int i = 0; i < summary.rowCount(); i++) {
            if (section.get(i).equals(first)) rows++;
        }
        return rows;
    }
}
