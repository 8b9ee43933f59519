package dev.gcscope.analysis.incident;

import java.util.List;

/**
 * Why the goroutines waited: the intervals whose P99 scheduling delay reached the threshold, each with
 * its causes ranked, and a sentence for the whole recording.
 *
 * @param alignment how every source was put on the incident's clock
 * @param lanes the lanes the intervals were read from
 * @param thresholdMs the P99 delay from which a bin counts as delayed
 * @param processStartS when the Go process started, on the incident's clock (gctrace's and the JSON lines' 0); NaN when unknown
 * @param intervals runs of delayed bins with the same causes, in time order
 * @param verdict one sentence
 */
public record Diagnosis(Alignment alignment, IncidentLanes lanes, double thresholdMs, double processStartS, List<Interval> intervals, String verdict) {
    public Diagnosis {
        intervals = List.copyOf(intervals);
    }

    /** Cause ids, as {@code diagnose --json} prints them. */
    public static final String CPU_QUOTA = "cpu_quota";
    public static final String RUNNABLE_PRESSURE = "runnable_pressure";
    public static final String GC = "gc";
    public static final String GOROUTINE_SURGE = "goroutine_surge";
    public static final String NONE = "none";

    /** @param evidence the figures behind it, in a phrase */
    public record Cause(String cause, String evidence) {}

    /**
     * @param fromS start on the incident's clock
     * @param toS end
     * @param schedDelayP99Ms the larger of the two P99s below: the delay the interval was flagged for
     * @param kernelDelayP99Ms P99 of how long the kernel kept the program's threads runnable before they ran (perf); NaN without perf
     * @param goroutineLatencyP99Ms P99 of how long goroutines waited to run ({@code /sched/latencies}); NaN without it
     * @param causes most likely first; {@code none} alone when nothing read explains the delay
     * @param goroutineLatencyP99AtLeast the goroutine P99 lies above the histogram's highest finite bucket (client_golang's
     *                                   Prometheus export ends at 117 ms): it is that bound, a lower bound
     */
    public record Interval(double fromS, double toS, double schedDelayP99Ms, double kernelDelayP99Ms, double goroutineLatencyP99Ms,
                           List<Cause> causes, boolean goroutineLatencyP99AtLeast) {
        public Interval {
            causes = List.copyOf(causes);
        }

        public Interval(double fromS, double toS, double schedDelayP99Ms, double kernelDelayP99Ms, double goroutineLatencyP99Ms,
                        List<Cause> causes) {
            this(fromS, toS, schedDelayP99Ms, kernelDelayP99Ms, goroutineLatencyP99Ms, causes, false);
        }

        /** Whether {@link #schedDelayP99Ms} is only a lower bound: it is the goroutine P99, and that is one. */
        public boolean schedDelayAtLeast() {
            return goroutineLatencyP99AtLeast && !(kernelDelayP99Ms > goroutineLatencyP99Ms);
        }

        public String leading() {
            return causes.get(0).cause();
        }

        public boolean has(String cause) {
            return causes.stream().anyMatch(c -> c.cause().equals(cause));
        }
    }
}
