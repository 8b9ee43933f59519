package dev.gcscope.analysis.incident;

import static dev.gcscope.analysis.incident.Diagnosis.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.sched.SchedSamples;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Why the goroutines waited in the two real recordings of the same phased run: one under a 50 % CPU
 * quota, one without a limit, both with a phase that starts 4000 goroutines at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttributionTest {
    private Diagnosis free, quota;
    private Map<String, double[]> freePhases, quotaPhases;

    @BeforeAll
    void diagnose() {
        free = diagnose("free");
        quota = diagnose("quota50");
        freePhases = IncidentSamples.phases("free");
        quotaPhases = IncidentSamples.phases("quota50");
    }

    private static Diagnosis diagnose(String run) {
        IncidentSources s = new SourceReader(null).read(IncidentSamples.parse(run, IncidentSamples.CORE));
        return Attribution.diagnose(s, ClockAlignment.align(s, Map.of()), 1, Attribution.DEFAULT_THRESHOLD_MS);
    }

    @Test
    void theQuotaRunsHeavyPhasesAreTheQuotas() {
        double heavyFrom = quotaPhases.get("burst")[0], heavyTo = quotaPhases.get("end")[0];
        List<Interval> heavy = quota.intervals().stream().filter(i -> i.toS() > heavyFrom && i.fromS() < heavyTo).toList();
        assertTrue(heavy.size() >= 2, quota.intervals()::toString);
        for (Interval i : heavy) assertEquals(CPU_QUOTA, i.leading(), i::toString);
        assertTrue(heavy.stream().anyMatch(i -> i.fromS() < quotaPhases.get("forced")[0]), "the burst phase is delayed");
        assertTrue(quota.verdict().contains("the CPU quota"), quota.verdict());
    }

    @Test
    void theFreeRunIsNeverTheQuotas() {
        assertFalse(free.lanes().quota().orElseThrow().limited());
        assertFalse(free.intervals().isEmpty());
        for (Interval i : free.intervals()) assertFalse(i.has(CPU_QUOTA), i::toString);
        assertFalse(free.verdict().contains("the CPU quota:"), free.verdict());
    }

    @Test
    void theSurgePhaseIsASurgeOfGoroutines() {
        for (Diagnosis d : List.of(free, quota)) {
            Map<String, double[]> phases = d == free ? freePhases : quotaPhases;
            double from = phases.get("surge")[0], to = phases.get("end")[0];
            // the first delayed interval of the phase: its goroutines wait once they queue, in the bins after their start
            Interval i = d.intervals().stream().filter(x -> x.toS() > from && x.fromS() < to).findFirst()
                    .orElseThrow(() -> new AssertionError(d.intervals()));
            assertTrue(i.has(GOROUTINE_SURGE), i::toString);
            assertTrue(i.goroutineLatencyP99Ms() > 100, i::toString);
        }
        Interval surge = free.intervals().stream().filter(x -> x.toS() > freePhases.get("surge")[0]).findFirst().orElseThrow();
        assertEquals(GOROUTINE_SURGE, surge.leading());
        assertTrue(free.verdict().contains("a surge of new goroutines, not the CPU quota"), free.verdict());
    }

    /** The quota lane's periods, summed over all bins, are the counters' rise in the raw cpu.stat log. */
    @Test
    void throttledPeriodsAreTheCountersRise() {
        String raw = SchedSamples.text(IncidentSamples.path("quota50", "cpu-stat.log"));
        IncidentLanes.Quota q = quota.lanes().quota().orElseThrow();
        assertEquals(rise(raw, "nr_periods"), sum(q.periods()), 1e-6);
        assertEquals(rise(raw, "nr_throttled"), sum(q.throttledPeriods()), 1e-6);
        assertEquals(rise(raw, "throttled_time") / 1e6, sum(q.throttledMs()), 1e-3);
        assertTrue(rise(raw, "nr_throttled") > 50);
    }

    private static double rise(String raw, String key) {
        Matcher m = Pattern.compile("^" + key + " (\\d+)$", Pattern.MULTILINE).matcher(raw);
        double first = Double.NaN, last = Double.NaN;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
            if (Double.isNaN(first)) first = last;
        }
        return last - first;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s;
    }
}
