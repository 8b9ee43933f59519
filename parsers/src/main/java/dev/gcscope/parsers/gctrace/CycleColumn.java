package dev.gcscope.parsers.gctrace;

import java.util.List;

/**
 * The columns of the cycles table, in table order, each declared once: its name (with its unit,
 * {@link GcColumns}), value type, unit, where its values come from and what they mean. The parser
 * builds the {@link Origin#PARSED} ones; the {@link Origin#DERIVED} ones are computed across cycles
 * by the analysis module right after the parse; {@code export --csv} writes them in this order and
 * {@code gcscope help export} lists them from here. Names and order are public contract: columns are
 * only ever added.
 */
public enum CycleColumn {
    RUN(GcColumns.RUN, Type.INT, "", Origin.PARSED,
            "process run in the file: 1, and 1 more each time the gc number starts again (a restart)"),
    GC(GcColumns.GC, Type.INT, "", Origin.PARSED, "Go's gc number"),
    START_S(GcColumns.START_S, Type.DOUBLE, "s", Origin.PARSED, "cycle start since process start (the @ time); none before Go 1.5"),
    WALL_TIME(GcColumns.WALL_TIME, Type.DATE_TIME, "", Origin.PARSED, "the log line's timestamp, if it had one"),
    GC_CPU_PCT(GcColumns.GC_CPU_PCT, Type.INT, "%", Origin.PARSED,
            "GC's CPU share since process start, as Go prints it (cumulative, truncated)"),
    SWEEP_TERM_MS(GcColumns.SWEEP_TERM_MS, Type.DOUBLE, "ms", Origin.PARSED, "sweep termination (stop-the-world), clock"),
    MARK_MS(GcColumns.MARK_MS, Type.DOUBLE, "ms", Origin.PARSED, "concurrent mark and scan, clock"),
    MARK_TERM_MS(GcColumns.MARK_TERM_MS, Type.DOUBLE, "ms", Origin.PARSED, "mark termination (stop-the-world), clock"),
    STW_MS(GcColumns.STW_MS, Type.DOUBLE, "ms", Origin.PARSED,
            "the stop-the-world phases summed (before Go 1.5: every phase)"),
    SWEEP_TERM_CPU_MS(GcColumns.SWEEP_TERM_CPU_MS, Type.DOUBLE, "ms", Origin.PARSED, "CPU time in sweep termination"),
    ASSIST_CPU_MS(GcColumns.ASSIST_CPU_MS, Type.DOUBLE, "ms", Origin.PARSED, "CPU time of mutator assists"),
    BACKGROUND_CPU_MS(GcColumns.BACKGROUND_CPU_MS, Type.DOUBLE, "ms", Origin.PARSED, "CPU time of background mark workers"),
    IDLE_CPU_MS(GcColumns.IDLE_CPU_MS, Type.DOUBLE, "ms", Origin.PARSED, "CPU time of idle mark workers"),
    MARK_TERM_CPU_MS(GcColumns.MARK_TERM_CPU_MS, Type.DOUBLE, "ms", Origin.PARSED, "CPU time in mark termination"),
    HEAP_START_MB(GcColumns.HEAP_START_MB, Type.INT, "MB", Origin.PARSED, "heap when the cycle started (4 of 4->4->2 MB)"),
    HEAP_END_MB(GcColumns.HEAP_END_MB, Type.INT, "MB", Origin.PARSED, "heap when marking ended (the second 4)"),
    HEAP_LIVE_MB(GcColumns.HEAP_LIVE_MB, Type.INT, "MB", Origin.PARSED, "heap marked live (the 2); none before Go 1.5"),
    HEAP_GOAL_MB(GcColumns.HEAP_GOAL_MB, Type.INT, "MB", Origin.PARSED, "heap goal (5 MB goal)"),
    STACKS_MB(GcColumns.STACKS_MB, Type.INT, "MB", Origin.PARSED, "scannable stacks (Go 1.18+)"),
    GLOBALS_MB(GcColumns.GLOBALS_MB, Type.INT, "MB", Origin.PARSED, "scannable globals (Go 1.18+)"),
    PROCS(GcColumns.PROCS, Type.INT, "", Origin.PARSED, "processors used (4 P)"),
    FORCED(GcColumns.FORCED, Type.BOOLEAN, "", Origin.PARSED, "runtime.GC() or the 2-minute periodic GC"),
    INTERVAL_S(GcColumns.INTERVAL_S, Type.DOUBLE, "s", Origin.DERIVED,
            "time since the previous cycle of the run (a run's first cycle: since process start)"),
    ALLOC_MB(GcColumns.ALLOC_MB, Type.DOUBLE, "MB", Origin.DERIVED, "allocated since the previous cycle started"),
    ALLOC_RATE_MB_S(GcColumns.ALLOC_RATE_MB_S, Type.DOUBLE, "MB/s", Origin.DERIVED, "alloc_mb / interval_s"),
    SURVIVAL(GcColumns.SURVIVAL, Type.DOUBLE, "", Origin.DERIVED, "live / end heap (before Go 1.5: end / start)"),
    TRIGGER(GcColumns.TRIGGER, Type.TEXT, "", Origin.PARSED,
            "what started the cycle: heap (the goal), user (runtime.GC()) or periodic"),
    LEAK_CHECK(GcColumns.LEAK_CHECK, Type.BOOLEAN, "", Origin.PARSED, "the cycle checked for goroutine leaks (Go 1.26)"),
    PARTIAL(GcColumns.PARTIAL, Type.BOOLEAN, "", Origin.PARSED,
            "kept from a damaged or cut-off line: the fields after the damage are empty"),
    INSTALL_WB_MS(GcColumns.INSTALL_WB_MS, Type.DOUBLE, "ms", Origin.PARSED,
            "write-barrier installation (stop-the-world; Go 1.5 only), clock"),
    LINE(GcColumns.LINE, Type.INT, "", Origin.PARSED, "the input line the cycle was read from");

    /** The Tablesaw column type a column has. */
    public enum Type { INT, DOUBLE, BOOLEAN, TEXT, DATE_TIME }

    /** Where a column's values come from. */
    public enum Origin {
        /** Read from the cycle's gc line (and the lines around it), by the parser. */
        PARSED,
        /** Computed from this and the previous cycle's parsed columns, by the analysis module. */
        DERIVED
    }

    private static final List<CycleColumn> ALL = List.of(values());
    private static final List<CycleColumn> PARSED_ONLY = ALL.stream().filter(c -> c.origin == Origin.PARSED).toList();

    private final String columnName;
    private final Type type;
    private final String unit;
    private final Origin origin;
    private final String meaning;

    CycleColumn(String columnName, Type type, String unit, Origin origin, String meaning) {
        this.columnName = columnName;
        this.type = type;
        this.unit = unit;
        this.origin = origin;
        this.meaning = meaning;
    }

    /** The name in the table and the CSV header, e.g. {@code stw_ms}. */
    public String columnName() { return columnName; }
    public Type type() { return type; }
    /** {@code ms}, {@code s}, {@code MB}, {@code MB/s}, {@code %}, or empty for counts, ratios, flags and text. */
    public String unit() { return unit; }
    public Origin origin() { return origin; }
    /** One line for {@code help}: what a value means. */
    public String meaning() { return meaning; }

    /** Every column, in table order. */
    public static List<CycleColumn> all() {
        return ALL;
    }

    /** The columns the parser builds, in table order. */
    public static List<CycleColumn> parsed() {
        return PARSED_ONLY;
    }
}
