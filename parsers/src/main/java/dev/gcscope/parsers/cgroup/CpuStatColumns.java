package dev.gcscope.parsers.cgroup;

import java.util.List;

/**
 * The table of a {@code cgroup-cpu-stat} parse: one row per dump of {@code cpu.stat}. Public
 * contract like the other formats' columns ({@code export --csv} writes it): names are only ever
 * added. The kernel's cumulative counters come as read (times in ms whatever unit the cgroup version
 * prints); the per-interval columns are each dump minus the one before and are missing in the first
 * dump, after a dump without a time, and where a counter went down (the cgroup was re-created).
 */
public final class CpuStatColumns {
    private CpuStatColumns() {}

    public static final String TABLE = "cpu_stat";

    /** 1-based number of the dump in the file. */
    public static final String SAMPLE = "sample";
    /** The dump's time in Unix seconds (UTC), from the timestamp line before it; missing without one. */
    public static final String TIME_S = "time_s";
    /** {@code nr_periods}: CFS periods that elapsed while the group had runnable tasks (cumulative). */
    public static final String NR_PERIODS = "nr_periods";
    /** {@code nr_throttled}: periods in which the group used up its quota and was throttled (cumulative). */
    public static final String NR_THROTTLED = "nr_throttled";
    /** {@code throttled_time} (v1, ns) or {@code throttled_usec} (v2) in ms, cumulative. */
    public static final String THROTTLED_TOTAL_MS = "throttled_total_ms";
    /** {@code usage_usec} (v2) or {@code cpuacct.usage} (v1, when dumped with it) in ms of CPU, cumulative. */
    public static final String USAGE_TOTAL_MS = "usage_total_ms";
    /** Seconds since the previous dump. */
    public static final String INTERVAL_S = "interval_s";
    /** Periods that elapsed since the previous dump. */
    public static final String PERIODS = "periods";
    /** Throttled periods since the previous dump. */
    public static final String THROTTLED_PERIODS = "throttled_periods";
    /** {@link #THROTTLED_PERIODS} / {@link #PERIODS}; missing when no period elapsed. */
    public static final String THROTTLED_SHARE = "throttled_share";
    /** Throttled time since the previous dump, in ms (summed over the group's CPUs by the kernel). */
    public static final String THROTTLED_MS = "throttled_ms";
    /** CPU time the group used since the previous dump, in ms. */
    public static final String USAGE_MS = "usage_ms";
    /** 1-based input line of the dump's first counter. */
    public static final String LINE = "line";

    public static final List<String> COLUMNS = List.of(SAMPLE, TIME_S, NR_PERIODS, NR_THROTTLED, THROTTLED_TOTAL_MS,
            USAGE_TOTAL_MS, INTERVAL_S, PERIODS, THROTTLED_PERIODS, THROTTLED_SHARE, THROTTLED_MS, USAGE_MS, LINE);
}
