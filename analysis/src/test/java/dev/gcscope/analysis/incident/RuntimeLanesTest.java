package dev.gcscope.analysis.incident;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every runtime source's latency lane: the JSON lines and the Prometheus export of one process, on one
 * grid. Both count the same scheduling events (180,867 against 180,734 in the quota run), so their totals
 * over the incident agree within 1 %.
 */
class RuntimeLanesTest {

    @Test
    void theSecondRuntimeSourceGetsItsOwnLaneOnTheSameGrid() {
        for (String run : List.of("quota50", "free")) {
            List<String> files = new ArrayList<>(IncidentSamples.CORE);
            files.add("prometheus.json");
            IncidentSources s = new SourceReader(null).read(IncidentSamples.parse(run, files));
            Diagnosis d = Attribution.diagnose(s, ClockAlignment.align(s, Map.of()), 1, Attribution.DEFAULT_THRESHOLD_MS);
            List<IncidentLanes.RuntimeLatency> lanes = LaneBuilder.runtimeLanes(s, d.alignment(), d.lanes());
            assertEquals(2, lanes.size(), run + ": the metrics JSON lines and the Prometheus export");
            IncidentLanes.RuntimeLatency first = d.lanes().runtime().orElseThrow(), second = lanes.get(1);
            assertEquals(first.file(), lanes.get(0).file());
            assertArrayEquals(first.p99Ms(), lanes.get(0).p99Ms(), run);
            assertEquals(d.lanes().bins().count(), second.p99Ms().length);
            double a = 0, b = 0;
            for (int i = 0; i < first.count().length; i++) {
                a += first.count()[i];
                b += second.count()[i];
            }
            // the same process' goroutine scheduling events, counted by two exports of one histogram
            assertEquals(a, b, 0.01 * a, run + ": goroutines scheduled, JSON lines against Prometheus");
        }
    }

    /**
     * The runtime counts a stop-the-world pause as GC CPU on every P, gctrace's cpu field leaves pauses out:
     * with the pauses added (wall time × GOMAXPROCS over GOMAXPROCS × the bin) the two agree on the mean share
     * (2.6 % against 2.8 % in the quota run, 4.8 % against 4.8 % in the free run) and follow each other bin by
     * bin (Pearson r 0.97 and 0.98).
     */
    @Test
    void theRuntimesGcCpuShareAgreesWithGctracesOnceThePausesAreCounted() {
        for (String run : List.of("quota50", "free")) {
            IncidentSources s = new SourceReader(null).read(IncidentSamples.parse(run, IncidentSamples.CORE));
            Diagnosis d = Attribution.diagnose(s, ClockAlignment.align(s, Map.of()), 1, Attribution.DEFAULT_THRESHOLD_MS);
            double[] runtime = LaneBuilder.runtimeGcCpuShare(s, d.alignment(), d.lanes().bins()).orElseThrow();
            double[] share = d.lanes().gc().orElseThrow().cpuShare(), stw = d.lanes().gc().orElseThrow().stwMs();
            double width = d.lanes().bins().widthS();
            List<double[]> pairs = new ArrayList<>();
            for (int b = 0; b < runtime.length; b++) {
                if (!Double.isNaN(runtime[b]) && !Double.isNaN(share[b])) pairs.add(new double[] {runtime[b], share[b] + stw[b] / 1000 / width});
            }
            assertTrue(pairs.size() >= 10, run + ": bins with both");
            double mr = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
            double mg = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
            assertEquals(mg, mr, 0.1 * mg, run + ": mean GC CPU share, runtime against gctrace with its pauses");
            double cov = 0, vr = 0, vg = 0;
            for (double[] p : pairs) {
                cov += (p[0] - mr) * (p[1] - mg);
                vr += (p[0] - mr) * (p[0] - mr);
                vg += (p[1] - mg) * (p[1] - mg);
            }
            assertTrue(cov / Math.sqrt(vr * vg) >= 0.9, run + ": r = " + cov / Math.sqrt(vr * vg));
        }
    }
}
