package dev.gcscope.parsers.perfsched;

import java.util.List;

/**
 * Column names of the {@code perf sched latency} tables: public contract ({@code export --csv}
 * writes them), only ever added to. Units are in the names.
 */
public final class LatencyColumns {
    private LatencyColumns() {}

    /** The task field as printed, without padding: {@code phases:(4)}, {@code GC Thread#1:16516}. */
    public static final String TASK = "task";
    /** The task field up to its last colon: {@code phases}, {@code GC Thread#1}, {@code :17008}. */
    public static final String COMM = "comm";
    /** The thread id of a {@code comm:tid} row; missing for {@code comm:(N)} rows (N threads merged). */
    public static final String PID = "pid";
    /** N of {@code comm:(N)}; 1 for a {@code comm:tid} row. */
    public static final String THREADS = "threads";
    public static final String RUNTIME_MS = "runtime_ms";
    /** "Switches" (perf up to 6.9) or "Count" (later): the number of delays measured. */
    public static final String SWITCHES = "switches";
    public static final String AVG_DELAY_MS = "avg_delay_ms";
    public static final String MAX_DELAY_MS = "max_delay_ms";
    /** When the longest delay started (perf 5.10+); missing before. */
    public static final String MAX_DELAY_START_S = "max_delay_start_s";
    /** When the longest delay ended: "Max delay end", or "Maximum delay at" of perf before 5.10. */
    public static final String MAX_DELAY_END_S = "max_delay_end_s";
    // extras
    /** The out-of-tree "Sum delay ms" column; missing where perf does not print it. */
    public static final String SUM_DELAY_MS = "sum_delay_ms";
    /** True when the row was re-joined from lines an e-mail client had wrapped. */
    public static final String REJOINED = "rejoined";
    /** True when the row lacks fields (cut off and not continued); the fields it has are kept. */
    public static final String PARTIAL = "partial";
    /** 1-based line of the row (its first line when re-joined). */
    public static final String LINE = "line";

    public static final List<String> TASK_COLUMNS = List.of(TASK, COMM, PID, THREADS, RUNTIME_MS, SWITCHES,
            AVG_DELAY_MS, MAX_DELAY_MS, MAX_DELAY_START_S, MAX_DELAY_END_S, SUM_DELAY_MS, REJOINED, PARTIAL, LINE);

    // totals table: the TOTAL: row under each table
    public static final String TOTAL_RUNTIME_MS = "total_runtime_ms";
    public static final String TOTAL_SWITCHES = "total_switches";

    public static final List<String> TOTAL_COLUMNS = List.of(TOTAL_RUNTIME_MS, TOTAL_SWITCHES, MAX_DELAY_MS,
            SUM_DELAY_MS, LINE);

    /** Table names in a perf-sched-latency {@code ParseResult}; the first is the main table. */
    public static final String TASKS_TABLE = "tasks";
    public static final String TOTALS_TABLE = "totals";
}
