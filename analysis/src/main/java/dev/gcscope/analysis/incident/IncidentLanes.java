package dev.gcscope.analysis.incident;

import dev.gcscope.analysis.HistogramQuantile;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the incident view draws, lane by lane, on the incident's clock and grid ({@link Bins}). Every
 * array has one value per bin; NaN where the lane's source has nothing for that bin. A lane is absent
 * when no file gave its source. Times are on the incident's clock (Unix seconds, or seconds since the
 * process started: {@link Alignment#unixClock()}).
 */
public record IncidentLanes(Bins bins, Optional<Gc> gc, Optional<KernelDelay> kernel, Optional<RuntimeLatency> runtime,
                            Optional<Pressure> pressure, Optional<Quota> quota) {

    /** One GC cycle as a bar: its two stop-the-world pauses are at its start and its end. */
    public record GcBar(int gc, double startS, double endS, double sweepTermMs, double markTermMs, double stwMs) {}

    /**
     * GC cycles.
     *
     * @param stwMs stop-the-world time in the bin
     * @param maxStwMs the longest single pause in it
     * @param cpuShare GC's CPU (assists and dedicated and fractional workers, gctrace's cpu field, spread over each
     *                 cycle's wall time) as a share of {@code cpuShareOf}
     * @param assistShare the assists' part of the same
     * @param cpuShareOf {@code "gomaxprocs"}: GOMAXPROCS × the bin, what the program could have run
     */
    public record Gc(String file, List<GcBar> bars, double[] stwMs, double[] maxStwMs, double[] cpuShare, double[] assistShare,
                     String cpuShareOf) {}

    /**
     * The Go program's threads' kernel scheduling delay ({@link ThreadDelaySource}) per bin, and every
     * delay (sorted by time) for percentiles over any span.
     */
    public record KernelDelay(String file, String program, double[] count, double[] p50Ms, double[] p99Ms, double[] maxMs,
                              double[] atS, double[] delayMs) {
        /** The {@code p}-th percentile of the delays of switch-ins in {@code [from, to)}; NaN without any. */
        public double percentileMs(double from, double to, double p) {
            double[] d = between(from, to);
            return d.length == 0 ? Double.NaN : dev.gcscope.analysis.Percentiles.of(d).at(p);
        }

        public double maxMs(double from, double to) {
            double m = Double.NaN;
            for (double d : between(from, to)) m = Double.isNaN(m) ? d : Math.max(m, d);
            return m;
        }

        public int count(double from, double to) {
            return between(from, to).length;
        }

        double[] between(double from, double to) {
            int a = lowerBound(atS, from), b = lowerBound(atS, to);
            return Arrays.copyOfRange(delayMs, a, b);
        }
    }

    /**
     * The runtime's goroutine scheduling latency ({@code /sched/latencies:seconds}) per bin (each
     * snapshot interval's histogram spread over the bins it covers), with the stop-the-world time apart:
     * the latency histogram counts the time goroutines waited while the world was stopped.
     *
     * <p>A bin's figures are only as fine as the source's snapshots: an interval between two snapshots is
     * spread evenly over the bins it covers, so where snapshots are further apart than a bin (Prometheus'
     * 1 s step, a failed scrape that leaves a 2 s gap) neighbouring bins share one interval's mix. {@code
     * sampleFromS}/{@code sampleToS} say which snapshots a bin's figures came from. A histogram exported with
     * coarse buckets (client_golang 1.14 re-buckets {@code /sched/latencies} to 8 buckets, the highest finite
     * one at 117 ms) cannot place a quantile above its highest finite bound: {@link #atLeast} says when a
     * quantile is that bound, a lower bound, as {@code histogram_quantile} returns it.
     *
     * @param upperS the histogram's bucket upper bounds, seconds
     * @param bucketCounts per bin, the observations per bucket
     * @param stwMs stop-the-world time in the bin (gctrace's pauses, else the pause histogram's)
     * @param maxStwMs the longest pause in it (for the histogram: the upper bound of its highest bucket)
     * @param sampleFromS per bin, the earliest snapshot of the intervals spread into it, on the incident's clock; NaN where none
     * @param sampleToS per bin, the latest snapshot of those intervals
     * @param typicalStepS the median time between the source's snapshots, seconds: the lane's resolution; NaN without two
     */
    public record RuntimeLatency(String file, double[] count, double[] p50Ms, double[] p99Ms, double[] stwMs, double[] maxStwMs,
                                 double[] upperS, double[][] bucketCounts, double[] sampleFromS, double[] sampleToS, double typicalStepS) {
        /** The {@code q}-quantile over bins {@code [fromBin, toBin)} in ms, by histogram_quantile rules; NaN without observations. */
        public double quantileMs(int fromBin, int toBin, double q) {
            return HistogramQuantile.ofBuckets(q, upperS, summed(fromBin, toBin)) * 1000;
        }

        /**
         * Whether the {@code q}-quantile over bins {@code [fromBin, toBin)} lies in the +Inf bucket: {@link #quantileMs} is then the
         * highest finite bound and the quantile is at least that, by how much the histogram cannot say.
         */
        public boolean atLeast(int fromBin, int toBin, double q) {
            double[] sum = summed(fromBin, toBin);
            int top = upperS.length - 1;
            if (top < 1 || upperS[top] != Double.POSITIVE_INFINITY) return false;
            double total = 0, belowTop = 0;
            for (int k = 0; k < sum.length; k++) {
                total += sum[k];
                if (k < top) belowTop += sum[k];
            }
            return total > 0 && belowTop < q * total;
        }

        /** The highest finite bucket bound, ms: the largest latency the source can tell apart. */
        public double highestFiniteMs() {
            for (int k = upperS.length - 1; k >= 0; k--) if (Double.isFinite(upperS[k])) return upperS[k] * 1000;
            return Double.NaN;
        }

        private double[] summed(int fromBin, int toBin) {
            double[] sum = new double[upperS.length];
            for (int b = Math.max(0, fromBin); b < Math.min(toBin, bucketCounts.length); b++) {
                if (bucketCounts[b] == null) continue;
                for (int k = 0; k < sum.length; k++) sum[k] += bucketCounts[b][k];
            }
            return sum;
        }
    }

    /**
     * Runnable pressure: goroutines per P. {@code runnableCounted} is true when the runtime counted the
     * runnable ones (Go 1.26's {@code /sched/goroutines/runnable:goroutines}); otherwise every live
     * goroutine is counted, blocked ones too.
     *
     * @param snapshotS the snapshots' times on the incident's clock, for rises between two of them
     */
    public record Pressure(String file, double[] goroutines, double[] gomaxprocs, double[] perP, boolean runnableCounted,
                           double[] snapshotS, double[] snapshotGoroutines, double[] snapshotGomaxprocs) {}

    /**
     * CPU quota throttling per bin.
     *
     * @param periods CFS periods in the bin (periods with runnable tasks)
     * @param throttledPeriods periods in which the group ran out of quota
     * @param throttledShare their ratio
     * @param throttledMs throttled time (summed over CPUs by the kernel)
     * @param usageCores CPU the group used, in cores (NaN when the source has no usage)
     * @param limited false when the group has no CPU limit (the kernel counted no periods)
     */
    public record Quota(String file, double[] periods, double[] throttledPeriods, double[] throttledShare, double[] throttledMs,
                        double[] usageCores, boolean limited) {}

    static int lowerBound(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
