package dev.gcscope.analysis.incident;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of any span of an incident, read as the delayed intervals are read ({@link Attribution}'s own
 * delay and causes over whole bins of the grid): what the incident view shows for a range the user
 * selected. The grid is the resolution, so the span is widened or narrowed to the bins whose middle it
 * covers (at least one), and {@link #fromS}/{@link #toS} say which.
 *
 * @param fromS the first bin's start, on the incident's clock
 * @param toS the last bin's end
 * @param bins how many bins of the grid were read
 * @param schedDelayP99Ms the larger of the kernel's and the runtime's P99, as an interval's; NaN without either
 * @param kernelDelayP99Ms P99 of the program's threads' kernel scheduling delay; NaN without perf
 * @param delayed whether the P99 reached the threshold the diagnosis was made with
 * @param latencies every runtime source's goroutine latency over the span, the diagnosis' own first
 * @param causes as {@link Attribution} names them for an interval; they are read whether or not the span was delayed
 */
public record RangeReading(double fromS, double toS, int bins, double schedDelayP99Ms, double kernelDelayP99Ms, boolean delayed,
                           List<Latency> latencies, List<Diagnosis.Cause> causes) {
    public RangeReading {
        latencies = List.copyOf(latencies);
        causes = List.copyOf(causes);
    }

    /**
     * One runtime source's goroutine scheduling latency over the span.
     *
     * @param p99AtLeast the P99 lies above the source's highest finite bucket: {@code p99Ms} is that bound, a lower bound
     * @param sampleFromS the earliest snapshot the span's figures came from (a snapshot interval that reaches past the span adds its share)
     * @param sampleToS the latest
     */
    public record Latency(String file, double count, double p50Ms, double p99Ms, boolean p99AtLeast, double sampleFromS, double sampleToS) {}

    /**
     * @param runtimes every runtime source's latency lane ({@code LaneBuilder.runtimeLanes}); empty uses the diagnosis' own
     */
    public static RangeReading of(Diagnosis d, List<IncidentLanes.RuntimeLatency> runtimes, double fromS, double toS) {
        IncidentLanes l = d.lanes();
        Bins g = l.bins();
        int first = Integer.MAX_VALUE, last = -1;
        for (int b = 0; b < g.count(); b++) {
            double mid = (g.from(b) + g.to(b)) / 2;
            if (mid >= Math.min(fromS, toS) && mid < Math.max(fromS, toS)) {
                first = Math.min(first, b);
                last = b;
            }
        }
        if (last < 0) {
            int b = g.of((fromS + toS) / 2);
            if (b < 0) b = (fromS + toS) / 2 < g.startS() ? 0 : g.count() - 1;
            first = last = b;
        }
        int to = last + 1;
        double[] delay = Attribution.delay(l, first, to);
        List<Latency> latencies = new ArrayList<>();
        List<IncidentLanes.RuntimeLatency> all = runtimes.isEmpty() ? l.runtime().stream().toList() : runtimes;
        for (IncidentLanes.RuntimeLatency r : all) {
            double count = 0, sFrom = Double.NaN, sTo = Double.NaN;
            for (int b = first; b < to; b++) {
                count += r.count()[b];
                if (!Double.isNaN(r.sampleFromS()[b])) sFrom = Double.isNaN(sFrom) ? r.sampleFromS()[b] : Math.min(sFrom, r.sampleFromS()[b]);
                if (!Double.isNaN(r.sampleToS()[b])) sTo = Double.isNaN(sTo) ? r.sampleToS()[b] : Math.max(sTo, r.sampleToS()[b]);
            }
            latencies.add(new Latency(r.file(), count, r.quantileMs(first, to, 0.5), r.quantileMs(first, to, 0.99), r.atLeast(first, to, 0.99),
                    sFrom, sTo));
        }
        return new RangeReading(g.from(first), g.to(last), to - first, delay[0], delay[1], delay[0] >= d.thresholdMs(), latencies,
                Attribution.causes(l, first, to));
    }
}
