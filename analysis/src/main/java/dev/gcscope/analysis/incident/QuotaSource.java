package dev.gcscope.analysis.incident;

/**
 * A cgroup's CPU bandwidth counters over time, from a {@code cpu.stat} log or cAdvisor's
 * {@code container_cpu_cfs_*} series, on the wall clock. All cumulative; NaN where a sample lacks one.
 *
 * @param file the file name
 * @param timeS each sample's time in Unix seconds
 * @param periods {@code nr_periods}: CFS periods in which the group had runnable tasks
 * @param throttled {@code nr_throttled}: periods in which it used up its quota
 * @param throttledMs throttled time in ms
 * @param usageMs CPU used in ms
 */
public record QuotaSource(String file, double[] timeS, double[] periods, double[] throttled, double[] throttledMs,
                          double[] usageMs) {

    public int size() {
        return timeS.length;
    }

    /** Whether the group has a CPU limit at all: without one the kernel counts no periods. */
    public boolean hasLimit() {
        for (int i = 0; i < periods.length; i++) if (periods[i] > periods[0]) return true;
        return false;
    }
}
