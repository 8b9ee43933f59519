package dev.gcscope.analysis.incident;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
