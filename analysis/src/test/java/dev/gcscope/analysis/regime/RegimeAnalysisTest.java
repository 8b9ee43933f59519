package dev.gcscope.analysis.regime;

import static dev.gcscope.parsers.gctrace.GcColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.AnalysisSamples;
import dev.gcscope.analysis.AnalysisSamples.Phase;
import dev.gcscope.analysis.work.CancelAfter;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.samples.SampleTraces;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * The regimes found must be the phases the workload really went through: it logs when each phase
 * starts, so for every recording of every Go version the cycles of the low-allocation, cache and
 * burst phases (after their first second, while the program settles) must each fall mostly in one
 * regime, and in three different ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegimeAnalysisTest {
    static final double SETTLE_S = 1.0;
    static final double MIN_SHARE = 0.80;

    /** A recording's cycles and their regimes, found once for both checks over every recording. */
    private record Analysed(Table cycles, RegimeAnalysis.Result result) {}

    private final Map<String, Analysed> analysed = new HashMap<>();

    private Analysed analysed(String path) {
        return analysed.computeIfAbsent(path, p -> {
            Table t = AnalysisSamples.cycles(p);
            return new Analysed(t, RegimeAnalysis.of(t));
        });
    }

    static Stream<String> phaseRecordings() {
        return SampleTraces.ofFormat("gctrace").stream().filter(s -> s.has("phases")).map(SampleTraces.Sample::path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phaseRecordings")
    void eachPhaseIsOneRegimeAndThePhasesDiffer(String path) {
        Table t = analysed(path).cycles();
        RegimeAnalysis.Result r = analysed(path).result();
        Set<Integer> regimesOfPhases = new HashSet<>();
        for (Phase p : AnalysisSamples.phases(path)) {
            if (!Set.of("low-alloc", "cache", "burst").contains(p.name())) continue;
            Map<Integer, Integer> counts = new TreeMap<>();
            int total = 0;
            for (int i = 0; i < t.rowCount(); i++) {
                double s = t.doubleColumn(START_S).getDouble(i);
                if (t.intColumn(RUN).getInt(i) != 1 || s < p.startS() + SETTLE_S || s >= p.endS()) continue;
                if (t.booleanColumn(FORCED).get(i)) continue;
                counts.merge(r.regimeOfRow()[i], 1, Integer::sum);
                total++;
            }
            assertTrue(total >= 5, p + " has cycles to judge (" + total + ")");
            Map.Entry<Integer, Integer> top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            assertTrue(top.getKey() >= 0, p.name() + " falls in a real regime: " + counts);
            assertTrue(top.getValue() >= MIN_SHARE * total, p.name() + ": " + counts + " of " + total + " (" + r.method() + ")");
            regimesOfPhases.add(top.getKey());
        }
        assertEquals(3, regimesOfPhases.size(), "low-alloc, cache and burst are three regimes: " + r.regimes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phaseRecordings")
    void descriptionsMatchTheWorkloadsPhases(String path) {
        Table t = analysed(path).cycles();
        RegimeAnalysis.Result r = analysed(path).result();
        List<Regime> regimes = r.regimes();
        // the regime of each phase, by the majority of its settled cycles, carries the phase's labels
        Map<String, String> expected = Map.of("low-alloc", "low_alloc_rate", "cache", "high_survival", "burst", "high_alloc_rate");
        for (Phase p : AnalysisSamples.phases(path)) {
            if (!expected.containsKey(p.name())) continue;
            int[] votes = new int[regimes.size()];
            for (int i = 0; i < t.rowCount(); i++) {
                double s = t.doubleColumn(START_S).getDouble(i);
                int g = r.regimeOfRow()[i];
                if (g >= 0 && t.intColumn(RUN).getInt(i) == 1 && s >= p.startS() + SETTLE_S && s < p.endS()) votes[g]++;
            }
            int top = 0;
            for (int g = 1; g < votes.length; g++) if (votes[g] > votes[top]) top = g;
            assertTrue(regimes.get(top).labels().contains(expected.get(p.name())), p.name() + " → " + regimes.get(top));
        }
        assertTrue(regimes.stream().anyMatch(g -> g.labels().contains("low_survival")), "the burst's garbage: " + regimes);
        for (Regime g : regimes) assertTrue(g.description().startsWith("allocating ~"), g.description());
    }

    @Test
    void survivalFromAFewWholeMegabytesIsFlaggedCoarseAndALargerHeapsIsNot() {
        Table t = AnalysisSamples.cycles("gctrace/go1.24-phases.log");
        RegimeAnalysis.Result r = RegimeAnalysis.of(t);
        int coarse = 0;
        for (Regime g : r.regimes()) {
            if (g.labels().contains("distinct_groups") || g.description().startsWith("distinct groups")) continue;
            boolean small = g.liveHeapMb() < RegimeLabels.COARSE_SURVIVAL_LIVE_MB;
            assertEquals(small, g.description().contains("(coarse: Go prints whole MB)"), g.description());
            if (small) coarse++;
        }
        // The burst phase churns garbage on a 1 MB live heap; the cache phase grows to over 100 MB.
        assertTrue(coarse >= 1, "the burst's regime reads survival from 1 MB: " + r.regimes());
        assertTrue(r.regimes().stream().anyMatch(g -> g.liveHeapMb() >= 16 && !g.description().contains("coarse")),
                r.regimes().toString());
    }

    @Test
    void aLiveHeapGoPrintsAsZeroIsUnderOneMegabyteWithCoarseSurvival() {
        // Three cycles quoted in golang/go#13552, each "0->0->0 MB": not "0 MB live", not "0% surviving" as a fact.
        RegimeAnalysis.Result r = RegimeAnalysis.of(AnalysisSamples.cycles("gctrace/quoted/go1.6-devel-golang-go-13552.txt"));
        assertEquals(1, r.regimes().size(), r.regimes().toString());
        Regime g = r.regimes().get(0);
        assertTrue(g.description().endsWith("(coarse: Go prints whole MB), under 1 MB live heap"), g.description());
        assertEquals(List.of("low_alloc_rate", "low_survival", "small_heap"), g.labels());
    }

    @Test
    void forcedCyclesAreNotARegime() {
        Table t = AnalysisSamples.cycles("gctrace/go1.24-phases.log");
        RegimeAnalysis.Result r = RegimeAnalysis.of(t);
        int forced = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.booleanColumn(FORCED).get(i)) {
                assertEquals(-1, r.regimeOfRow()[i], "row " + i);
                forced++;
            }
        }
        assertTrue(forced > 0);
        int inRegimes = r.regimes().stream().mapToInt(Regime::cycles).sum();
        assertEquals(Arrays.stream(r.regimeOfRow()).filter(g -> g >= 0).count(), inRegimes);
    }

    @Test
    void sameInputSameRegimes() {
        Table t = AnalysisSamples.cycles("gctrace/go1.22-phases.log");
        RegimeAnalysis.Result a = RegimeAnalysis.of(t), b = RegimeAnalysis.of(t);
        assertArrayEquals(a.regimeOfRow(), b.regimeOfRow());
        assertEquals(a.regimes(), b.regimes());
    }

    @Test
    void oneSteadyPhaseIsOneRegime() {
        // only the low-allocation phase of a recording: no structure to find
        String path = "gctrace/go1.24-phases.log";
        Phase low = AnalysisSamples.phases(path).get(0);
        Table t = AnalysisSamples.cycles(path);
        Table steady = t.where(t.doubleColumn(START_S).isLessThan(low.endS()));
        RegimeAnalysis.Result r = RegimeAnalysis.of(steady);
        assertEquals(1, r.regimes().size(), r.method() + " " + r.regimes());
        assertTrue(r.regimes().get(0).labels().contains("low_alloc_rate"));
    }

    @Test
    void dbscanIsAnAlternative() {
        Table t = AnalysisSamples.cycles("gctrace/go1.24-phases.log");
        RegimeAnalysis.Result r = RegimeAnalysis.of(t, RegimeAnalysis.Method.DBSCAN);
        assertTrue(r.method().startsWith("DBSCAN"), r.method());
        assertTrue(r.regimes().size() >= 2, r.regimes().toString());
    }

    /** Cancelled during the k-means runs, the clustering tries no further k (each is 3 restarts on 1,000 cycles). */
    @Test
    void aCancelledAnalysisStopsBeforeTheNextClustering() {
        Table t = AnalysisSamples.cycles("gctrace/go1.24-phases.log");
        CancelAfter counting = CancelAfter.never();
        RegimeAnalysis.Result whole = RegimeAnalysis.of(t, RegimeAnalysis.Method.KMEANS, Work.on(Runnable::run, counting));
        assertArrayEquals(RegimeAnalysis.of(t).regimeOfRow(), whole.regimeOfRow());
        int k = RegimeClustering.MAX_K - 1;
        assertTrue(counting.polls() >= k + 2, "a poll before clustering, one per k, and after: " + counting.polls());
        CancelAfter third = new CancelAfter(3);
        assertThrows(CancellationException.class, () -> RegimeAnalysis.of(t, RegimeAnalysis.Method.KMEANS, Work.on(Runnable::run, third)));
        assertEquals(3, third.polls());
    }
}
