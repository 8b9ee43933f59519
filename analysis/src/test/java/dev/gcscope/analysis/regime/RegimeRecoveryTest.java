package dev.gcscope.analysis.regime;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.SyntheticCycles;
import dev.gcscope.analysis.SyntheticCycles.Phase;
import dev.gcscope.analysis.SyntheticCycles.Timestamps;
import dev.gcscope.analysis.regime.RegimeSimulation.Case;
import dev.gcscope.analysis.regime.RegimeSimulation.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regimes of traces whose phases are known ({@link RegimeSimulation}): a short burst, four distinct
 * phases, no structure, damaged timestamps, each over several seeds.
 */
class RegimeRecoveryTest {
    static final int RUNS = 5;
    static final long SEED = 20261127L;

    static Case named(String prefix) {
        return RegimeSimulation.cases().stream().filter(c -> c.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    /** A burst that is ~40% of the cycles but ~1% of the time: drawing only by time saw 6 of its cycles in 1,000. */
    @Test
    void aShortBurstIsARegimeOfItsOwn() {
        Outcome o = RegimeSimulation.run(named("burst"), RUNS, SEED);
        assertTrue(o.shareOfTime() < 0.04 && o.shareOfCycles() > 0.25, o.toString());
        assertEquals(RUNS, o.rightK(), o.toString());
        assertEquals(RUNS, o.separated(), o.toString());
        assertTrue(o.purity() > 0.95, o.toString());
    }

    /** Two of the four differ only 2.5-fold in allocation rate: the smallest k near the best silhouette lumped them. */
    @Test
    void fourDistinctPhasesAreFourRegimes() {
        Outcome o = RegimeSimulation.run(named("four"), RUNS, SEED);
        assertEquals(RUNS, o.rightK(), o.toString());
        assertEquals(RUNS, o.separated(), o.toString());
        assertTrue(o.purity() > 0.95, o.toString());
    }

    @Test
    void oneSteadyPhaseIsOneRegime() {
        Outcome o = RegimeSimulation.run(named("one steady"), RUNS, SEED);
        assertEquals(RUNS, o.rightK(), o.toString());
    }

    @Test
    void cyclesWithDamagedTimestampsArePlacedAndCounted() {
        for (Timestamps t : new Timestamps[] {Timestamps.REPEATED, Timestamps.BACKWARD, Timestamps.MISSING}) {
            Outcome o = RegimeSimulation.run(named("two phases, timestamps " + t.name().toLowerCase(java.util.Locale.ROOT)), RUNS, SEED);
            assertEquals(0, o.unassigned(), 1e-12, o.toString());
            assertEquals(RUNS, o.separated(), o.toString());
            assertTrue(o.exampleMethod().contains("timestamps did not advance"), o.exampleMethod());
        }
        // the count is the cycles whose own time did not advance (every one but the first, here)
        Case missing = named("two phases, timestamps missing");
        SyntheticCycles.Trace trace = SyntheticCycles.of(SEED, missing.phases(), Timestamps.MISSING);
        RegimeAnalysis.Result r = RegimeAnalysis.of(trace.cycles());
        int n = trace.cycles().rowCount();
        assertTrue(r.method().contains((n - 1) + " cycles whose timestamps did not advance"), r.method());
        assertTrue(r.regimes().stream().allMatch(g -> Double.isNaN(g.allocRateMbS())), "no time, no rate: " + r.regimes());
    }

    /**
     * More distinct phases than {@value RegimeClustering#MAX_K} regimes: some regime must hold two, and
     * it is then described by both groups' figures, not by the median of the larger.
     */
    @Test
    void aRegimeHoldingTwoDistinctGroupsIsDescribedByBoth() {
        List<Phase> phases = new ArrayList<>();
        // ten phases 2.5-fold apart in allocation rate, ~150 cycles each
        double[] rates = {4, 10, 25, 60, 150, 400, 1000, 2500, 6000, 15000};
        for (double rate : rates) phases.add(new Phase("rate " + rate, 150 * 64 / rate, rate, 64, 0.5));
        SyntheticCycles.Trace t = SyntheticCycles.of(SEED, phases);
        RegimeAnalysis.Result r = RegimeAnalysis.of(t.cycles());
        assertTrue(r.regimes().size() <= RegimeClustering.MAX_K, r.method());
        int described = 0;
        int[] regimeOfRow = r.regimeOfRow();
        for (Regime g : r.regimes()) {
            // the phases with at least a fifth of this regime's cycles
            int[] count = new int[phases.size()];
            int total = 0;
            for (int i = 0; i < regimeOfRow.length; i++) {
                if (regimeOfRow[i] != g.id()) continue;
                count[t.phaseOfRow()[i]]++;
                total++;
            }
            int big = 0;
            for (int c : count) if (c >= 0.2 * total) big++;
            if (big < 2) continue;
            assertTrue(g.description().startsWith("distinct groups:"), g + " holds " + java.util.Arrays.toString(count));
            described++;
        }
        assertTrue(described > 0, "ten phases in at most eight regimes: " + r.regimes());
    }
}
