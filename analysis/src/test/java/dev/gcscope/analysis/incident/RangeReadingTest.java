package dev.gcscope.analysis.incident;

import static dev.gcscope.analysis.incident.Diagnosis.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The figures of a range the user selects, on the real recordings: read over the bins whose middle the range
 * covers, with the causes an interval would get, whatever the range.
 */
class RangeReadingTest {

    private static Diagnosis diagnose(String run, List<String> files) {
        IncidentSources s = new SourceReader(null).read(IncidentSamples.parse(run, files));
        return Attribution.diagnose(s, ClockAlignment.align(s, Map.of()), 1, Attribution.DEFAULT_THRESHOLD_MS);
    }

    @Test
    void aSelectedPhaseIsReadWithItsCauses() {
        Diagnosis quota = diagnose("quota50", IncidentSamples.CORE), free = diagnose("free", IncidentSamples.CORE);
        for (Diagnosis d : List.of(quota, free)) {
            Map<String, double[]> phases = IncidentSamples.phases(d == quota ? "quota50" : "free");
            double start = phases.get("low-alloc")[0];
            // the surge phase, as the workload logged it: delayed, a surge of goroutines, the quota only where there is one
            RangeReading surge = RangeReading.of(d, List.of(), phases.get("surge")[0], phases.get("end")[0]);
            assertTrue(surge.delayed(), surge::toString);
            assertTrue(surge.schedDelayP99Ms() > 100, surge::toString);
            assertTrue(surge.causes().stream().anyMatch(c -> c.cause().equals(GOROUTINE_SURGE)), surge::toString);
            assertEquals(d == quota, surge.causes().get(0).cause().equals(CPU_QUOTA), surge::toString);
            assertEquals(d == quota, surge.causes().stream().anyMatch(c -> c.cause().equals(CPU_QUOTA)), surge::toString);
            // whole bins whose middle lies in the phase: within half a bin of its ends
            double w = d.lanes().bins().widthS();
            assertEquals(phases.get("surge")[0], surge.fromS(), w / 2 + 1e-9);
            assertEquals(phases.get("end")[0], surge.toS(), w / 2 + 1e-9);
            assertEquals(Math.round((surge.toS() - surge.fromS()) / w), surge.bins());
            // the quiet first phase: not delayed, no throttling named
            RangeReading quiet = RangeReading.of(d, List.of(), start + 0.5, phases.get("cache")[0] - 0.5);
            assertFalse(quiet.delayed(), quiet::toString);
            assertTrue(quiet.schedDelayP99Ms() < Attribution.DEFAULT_THRESHOLD_MS, quiet::toString);
            assertFalse(quiet.causes().stream().anyMatch(c -> c.cause().equals(CPU_QUOTA)), quiet::toString);
        }
    }

    @Test
    void aRangeWithinOneBinReadsThatBinAndAnIntervalReadsAsTheIntervalsTable() {
        Diagnosis d = diagnose("quota50", IncidentSamples.CORE);
        Bins g = d.lanes().bins();
        for (Interval i : d.intervals()) {
            RangeReading r = RangeReading.of(d, List.of(), i.fromS(), i.toS());
            assertEquals(i.fromS(), r.fromS(), 1e-9);
            assertEquals(i.toS(), r.toS(), 1e-9);
            assertEquals(i.schedDelayP99Ms(), r.schedDelayP99Ms(), 1e-9);
            assertEquals(i.kernelDelayP99Ms(), r.kernelDelayP99Ms(), 1e-9);
            assertEquals(i.goroutineLatencyP99Ms(), r.latencies().get(0).p99Ms(), 1e-9);
            assertEquals(i.causes(), r.causes());
            assertTrue(r.delayed());
        }
        int b = g.of(d.intervals().get(0).fromS() + 0.5);
        RangeReading inside = RangeReading.of(d, List.of(), g.from(b) + 0.1, g.from(b) + 0.3);
        assertEquals(1, inside.bins());
        assertEquals(g.from(b), inside.fromS(), 1e-9);
        assertEquals(d.lanes().kernel().orElseThrow().p99Ms()[b], inside.kernelDelayP99Ms(), 1e-9);
    }

    /** Over the quota run's surge, the Prometheus export's P99 is only a lower bound: its buckets end at 117 ms. */
    @Test
    void everyRuntimeSourceIsReadAndACappedP99IsALowerBound() {
        List<String> files = new ArrayList<>(IncidentSamples.CORE);
        files.add("prometheus.json");
        IncidentSources s = new SourceReader(null).read(IncidentSamples.parse("quota50", files));
        Diagnosis d = Attribution.diagnose(s, ClockAlignment.align(s, Map.of()), 1, Attribution.DEFAULT_THRESHOLD_MS);
        Map<String, double[]> phases = IncidentSamples.phases("quota50");
        RangeReading r = RangeReading.of(d, LaneBuilder.runtimeLanes(s, d.alignment(), d.lanes()), phases.get("surge")[0], phases.get("end")[0]);
        assertEquals(2, r.latencies().size());
        RangeReading.Latency json = r.latencies().get(0), prom = r.latencies().get(1);
        assertFalse(json.p99AtLeast(), json::toString);
        assertTrue(prom.p99AtLeast(), prom::toString);
        assertTrue(json.p99Ms() > prom.p99Ms(), r::toString);
        assertTrue(json.count() > 1000 && prom.count() > 1000, r::toString);
        assertTrue(prom.sampleToS() - prom.sampleFromS() >= r.toS() - r.fromS(), "the export's snapshots cover the range");
    }
}
