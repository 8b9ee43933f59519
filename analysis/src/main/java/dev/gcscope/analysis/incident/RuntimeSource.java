package dev.gcscope.analysis.incident;

import dev.gcscope.analysis.sched.HistogramHistory;

/**
 * What the Go runtime reported about itself, snapshot by snapshot (runtime/metrics JSON lines, scrapes,
 * or Prometheus range queries of client_golang's Go collector), on the file's own clock: the JSON
 * {@code t} (seconds since the program started, for the phases workload) or the Prometheus timestamp.
 * Scalars are NaN where a snapshot lacks them.
 *
 * @param file the file name
 * @param timeS each snapshot's time on the file's clock
 * @param wallS each snapshot's wall-clock time (Unix seconds), NaN where unknown
 * @param goroutines {@code /sched/goroutines:goroutines} (all live goroutines)
 * @param runnable {@code /sched/goroutines/runnable:goroutines} (Go 1.26+), NaN before
 * @param gomaxprocs {@code /sched/gomaxprocs:threads}
 * @param gcCycles {@code /gc/cycles/total:gc-cycles}, cumulative
 * @param gcCpuS {@code /cpu/classes/gc/total:cpu-seconds}, cumulative
 * @param assistCpuS {@code /cpu/classes/gc/mark/assist:cpu-seconds}, cumulative
 * @param totalCpuS {@code /cpu/classes/total:cpu-seconds} (GOMAXPROCS × wall time), cumulative
 * @param idleCpuS {@code /cpu/classes/idle:cpu-seconds} (what of it went unused), cumulative
 * @param latencies {@code /sched/latencies:seconds}, null when absent
 * @param stwPauses {@code /sched/pauses/total/gc:seconds} (else {@code /gc/pauses:seconds}), null when absent
 * @param unixClock whether {@code timeS} is itself Unix seconds (Prometheus timestamps)
 */
public record RuntimeSource(String file, double[] timeS, double[] wallS, double[] goroutines, double[] runnable,
                            double[] gomaxprocs, double[] gcCycles, double[] gcCpuS, double[] assistCpuS, double[] totalCpuS, double[] idleCpuS,
                            HistogramHistory latencies, HistogramHistory stwPauses, boolean unixClock) {

    public int size() {
        return timeS.length;
    }

    public boolean hasWallClock() {
        for (double w : wallS) if (!Double.isNaN(w)) return true;
        return false;
    }

    public boolean hasGcCycles() {
        for (double c : gcCycles) if (!Double.isNaN(c)) return true;
        return false;
    }

    /** The index of the snapshot at {@code time} (exactly, as the histogram intervals give it), or -1. */
    public int indexOf(double time) {
        int lo = 0, hi = timeS.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (timeS[mid] < time) lo = mid + 1; else if (timeS[mid] > time) hi = mid - 1; else return mid;
        }
        return -1;
    }
}
