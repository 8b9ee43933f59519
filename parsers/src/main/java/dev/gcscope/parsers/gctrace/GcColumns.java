package dev.gcscope.parsers.gctrace;

import java.util.List;

/**
 * Column names of the gctrace tables. They are public contract: {@code export --csv} writes them and
 * users' scripts read them, so they are only ever added to, never renamed. Units are in the names.
 * The cycles table's columns, their order, types and meanings are declared in {@link CycleColumn}.
 */
public final class GcColumns {
    private GcColumns() {}

    // cycles: as printed
    public static final String RUN = "run";
    public static final String GC = "gc";
    public static final String START_S = "start_s";
    public static final String WALL_TIME = "wall_time";
    public static final String GC_CPU_PCT = "gc_cpu_pct";
    public static final String SWEEP_TERM_MS = "sweep_term_ms";
    public static final String MARK_MS = "mark_ms";
    public static final String MARK_TERM_MS = "mark_term_ms";
    public static final String STW_MS = "stw_ms";
    public static final String SWEEP_TERM_CPU_MS = "sweep_term_cpu_ms";
    public static final String ASSIST_CPU_MS = "assist_cpu_ms";
    public static final String BACKGROUND_CPU_MS = "background_cpu_ms";
    public static final String IDLE_CPU_MS = "idle_cpu_ms";
    public static final String MARK_TERM_CPU_MS = "mark_term_cpu_ms";
    public static final String HEAP_START_MB = "heap_start_mb";
    public static final String HEAP_END_MB = "heap_end_mb";
    public static final String HEAP_LIVE_MB = "heap_live_mb";
    public static final String HEAP_GOAL_MB = "heap_goal_mb";
    public static final String STACKS_MB = "stacks_mb";
    public static final String GLOBALS_MB = "globals_mb";
    public static final String PROCS = "procs";
    public static final String FORCED = "forced";
    // cycles: derived (by the analysis module)
    public static final String INTERVAL_S = "interval_s";
    public static final String ALLOC_MB = "alloc_mb";
    public static final String ALLOC_RATE_MB_S = "alloc_rate_mb_s";
    public static final String SURVIVAL = "survival";
    // cycles: extras beyond the list
    public static final String TRIGGER = "trigger";
    public static final String LEAK_CHECK = "leak_check";
    public static final String PARTIAL = "partial";
    public static final String INSTALL_WB_MS = "install_wb_ms";
    public static final String LINE = "line";

    /** Values of {@link #TRIGGER}. */
    public static final String TRIGGER_HEAP = "heap";
    public static final String TRIGGER_USER = "user";
    public static final String TRIGGER_PERIODIC = "periodic";

    /** Every cycles column name, in table order ({@link CycleColumn} declares them). */
    public static final List<String> CYCLE_COLUMNS = CycleColumn.all().stream().map(CycleColumn::columnName).toList();

    // scavenger table
    public static final String SOURCE = "source";
    public static final String SEQ = "seq";
    public static final String RELEASED_MB = "released_mb";
    public static final String INUSE_MB = "inuse_mb";
    public static final String IDLE_MB = "idle_mb";
    public static final String SYS_MB = "sys_mb";
    public static final String CONSUMED_MB = "consumed_mb";
    public static final String GEN = "gen";
    public static final String WORK_KIB = "work_kib";
    public static final String WORK_BG_KIB = "work_bg_kib";
    public static final String WORK_EAGER_KIB = "work_eager_kib";
    public static final String RELEASED_TOTAL_KIB = "released_total_kib";
    public static final String UTIL_PCT = "util_pct";
    public static final String CONTROLLER_RESET = "controller_reset";

    /** Table names in a gctrace {@code ParseResult}. */
    public static final String CYCLES_TABLE = "cycles";
    public static final String SCAVENGER_TABLE = "scavenger";
}
