package dev.gcscope.parsers.perfsched;

import java.util.List;

/**
 * Column names of the {@code perf sched timehist} tables: public contract, only ever added to.
 * Units are in the names.
 */
public final class TimehistColumns {
    private TimehistColumns() {}

    // events: one row per printed event, in file order
    /** The event's timestamp as perf prints it ({@code sec.usec}). */
    public static final String TIME_S = "time_s";
    public static final String CPU = "cpu";
    /** The comm of the task in the task column ({@code <idle>} for the idle task), without {@code [tid/pid]}. */
    public static final String TASK = "task";
    /** Missing when perf's 31-character task string cut the number off. */
    public static final String TID = "tid";
    public static final String PID = "pid";
    public static final String WAIT_MS = "wait_ms";
    public static final String SCH_DELAY_MS = "sch_delay_ms";
    public static final String RUN_MS = "run_ms";
    /** The switched-out task's state with {@code --state} ({@code R}, {@code S}, {@code D}, {@code I} …). */
    public static final String STATE = "state";
    /** {@link #EVENT_SWITCH}, {@link #EVENT_AWAKENED}, {@link #EVENT_MIGRATED} or {@link #EVENT_LOST}. */
    public static final String EVENT = "event";
    // extras
    /** Priority at switch-out with {@code --show-prio}. */
    public static final String PRIO = "prio";
    /** Priority at switch-in when it changed while running ({@code 120->100} gives 120 here, 100 in prio). */
    public static final String PRIO_FROM = "prio_from";
    /** Time between wakeup and migration with {@code -P/--pre-migrations}. */
    public static final String PRE_MIG_MS = "pre_mig_ms";
    /** The task switched in, with {@code -n/--next}. */
    public static final String NEXT = "next";
    public static final String NEXT_TID = "next_tid";
    /** The task woken ({@code awakened:}) or migrated ({@code migrated:}); the task column holds the CPU's current task. */
    public static final String TARGET = "target";
    public static final String TARGET_TID = "target_tid";
    public static final String TARGET_PID = "target_pid";
    public static final String FROM_CPU = "from_cpu";
    public static final String TO_CPU = "to_cpu";
    /** Events lost, on {@code lost N events on cpu C} rows. */
    public static final String LOST = "lost";
    /** The callchain perf appends with {@code -g} ({@code schedule_timeout <- wait_for_completion <- ...}). */
    public static final String CALLCHAIN = "callchain";
    public static final String LINE = "line";

    public static final List<String> EVENT_COLUMNS = List.of(TIME_S, CPU, TASK, TID, PID, WAIT_MS, SCH_DELAY_MS,
            RUN_MS, STATE, EVENT, PRIO, PRIO_FROM, PRE_MIG_MS, NEXT, NEXT_TID, TARGET, TARGET_TID, TARGET_PID,
            FROM_CPU, TO_CPU, LOST, CALLCHAIN, LINE);

    // attributes of the parse, from perf report --header-only lines before the timehist (PerfHeader)
    /** Wall-clock time (Unix seconds) perf read together with {@link #ATTR_CLOCK_REFERENCE_S} ({@code -k mono}). */
    public static final String ATTR_CLOCK_TOD_S = "clock_tod_s";
    /** The recording clock's time (the timestamps' clock) read together with {@link #ATTR_CLOCK_TOD_S}. */
    public static final String ATTR_CLOCK_REFERENCE_S = "clock_reference_s";
    /** The recording clock, e.g. {@code monotonic}; absent for perf's own clock. */
    public static final String ATTR_CLOCKID = "clockid";
    /** {@code captured on}: the data file's modification time, Unix seconds, read as UTC (to the second). */
    public static final String ATTR_CAPTURED_ON_S = "captured_on_s";
    public static final String ATTR_FIRST_SAMPLE_S = "first_sample_s";
    public static final String ATTR_LAST_SAMPLE_S = "last_sample_s";

    public static final String EVENT_SWITCH = "switch";
    public static final String EVENT_AWAKENED = "awakened";
    public static final String EVENT_MIGRATED = "migrated";
    public static final String EVENT_LOST = "lost";

    // summary: the rows of -s / -S (Runtime summary, Wait-time summary, Idle-time summary)
    /** {@code runtime}, {@code wait-time} or {@code idle-time}: which summary the row is from. */
    public static final String SECTION = "section";
    public static final String COMM = "comm";
    public static final String PARENT = "parent";
    /** sched-in count (sched-out count in the idle-time summary). */
    public static final String SCHED_IN = "sched_in";
    /** Run time (idle time in the idle-time summary). */
    public static final String RUN_TIME_MS = "run_time_ms";
    public static final String MIN_RUN_MS = "min_run_ms";
    public static final String AVG_RUN_MS = "avg_run_ms";
    public static final String MAX_RUN_MS = "max_run_ms";
    public static final String STDDEV_PCT = "stddev_pct";
    public static final String MIGRATIONS = "migrations";
    public static final String SLEEP_MS = "sleep_ms";
    public static final String IOWAIT_MS = "iowait_ms";
    public static final String PREEMPT_MS = "preempt_ms";
    public static final String DELAY_MS = "delay_ms";
    /** Listed under "Terminated tasks:" (older perf). */
    public static final String TERMINATED = "terminated";

    public static final List<String> SUMMARY_COLUMNS = List.of(SECTION, COMM, TID, PID, PARENT, SCHED_IN, RUN_TIME_MS,
            MIN_RUN_MS, AVG_RUN_MS, MAX_RUN_MS, STDDEV_PCT, MIGRATIONS, SLEEP_MS, IOWAIT_MS, PREEMPT_MS, DELAY_MS,
            TERMINATED, LINE);

    public static final String SECTION_RUNTIME = "runtime";
    public static final String SECTION_WAIT_TIME = "wait-time";
    public static final String SECTION_IDLE_TIME = "idle-time";

    // idle: "Idle stats:" per CPU
    public static final String IDLE_MS = "idle_ms";
    public static final String IDLE_PCT = "idle_pct";
    /** "CPU  1 idle entire time window". */
    public static final String IDLE_ENTIRE_WINDOW = "idle_entire_window";

    // totals: the four lines that end a summary
    public static final String UNIQUE_TASKS = "unique_tasks";
    public static final String CONTEXT_SWITCHES = "context_switches";
    public static final String TOTAL_RUN_TIME_MS = "total_run_time_ms";
    public static final String TOTAL_SCHED_TIME_MS = "total_sched_time_ms";
    /** The {@code (x N)} after the scheduling time. */
    public static final String SCHED_TIME_CPUS = "sched_time_cpus";

    /** Table names in a perf-sched-timehist {@code ParseResult}; the first is the main table. */
    public static final String EVENTS_TABLE = "events";
    public static final String SUMMARY_TABLE = "summary";
    public static final String IDLE_TABLE = "idle";
    public static final String TOTALS_TABLE = "totals";
}
