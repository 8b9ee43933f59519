package dev.gcscope.analysis.regime;

import dev.gcscope.analysis.SyntheticCycles;
import dev.gcscope.analysis.SyntheticCycles.Phase;
import dev.gcscope.analysis.SyntheticCycles.Timestamps;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Does the regime analysis find the phases a trace really went through? Synthetic traces with known
 * phases ({@link SyntheticCycles}): a short high-allocation burst among calm stretches, four
 * distinct phases, one steady phase (no structure), and two phases whose timestamps were damaged.
 * For each, over several seeds: the number of regimes found, each phase's purity (the share of its
 * cycles, after the feature window has filled, in the regime most of them are in), whether every
 * phase has a regime of its own, and how many cycles got no regime.
 */
public final class RegimeSimulation {
    /** A regime needs its trailing feature window filled: the cycles before that mix two phases. */
    static final int SETTLE_CYCLES = RegimeFeatures.WINDOW;

    /** One kind of trace: its phases (a phase listed twice is the same regime twice) and the right number of regimes. */
    public record Case(String name, List<Phase> phases, int[] regimeOfPhase, int regimes, Timestamps timestamps) {}

    /**
     * Over {@code runs} seeds.
     *
     * @param rightK runs that found exactly the right number of regimes
     * @param separated runs in which every true regime's cycles mostly fell in a regime of their own
     * @param purity mean over runs of the least pure regime found: the share of its cycles that
     *               belong to the true regime most of them belong to (two merged phases give ~50%)
     * @param recall mean over runs of the smallest share of a true regime's cycles that its majority regime holds
     * @param unassigned mean share of cycles that got no regime (−1)
     * @param shareOfCycles the smallest true regime's share of cycles (what makes it hard), and of time
     */
    public record Outcome(String name, int runs, int rightK, int separated, double purity, double recall, double unassigned,
                          double shareOfCycles, double shareOfTime, String exampleMethod) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-34s right k %3d/%d  every regime own %3d/%d  purity %5.1f%%  recall %5.1f%%"
                            + "  unassigned %5.1f%%  (smallest: %.0f%% of cycles, %.1f%% of time)  e.g. %s",
                    name, rightK, runs, separated, runs, 100 * purity, 100 * recall, 100 * unassigned, 100 * shareOfCycles,
                    100 * shareOfTime, exampleMethod);
        }
    }

    // calm: 30 MB/s into an 8 MB heap, a cycle every ~0.3 s; burst: 3 GB/s, 4 MB live, 80% garbage, a cycle every ~5 ms
    static final Phase CALM = new Phase("calm", 150, 30, 8, 0.5);
    static final Phase BURST = new Phase("burst", 4, 3000, 4, 0.2);

    public static List<Case> cases() {
        return List.of(
                new Case("burst between calm stretches", List.of(CALM, BURST, CALM), new int[] {0, 1, 0}, 2, Timestamps.INTACT),
                // steady and churn differ only in allocation rate (×2.5): distinct, but closer to each other than to the rest
                new Case("four distinct phases", List.of(
                        new Phase("steady", 60, 40, 30, 0.5),
                        new Phase("churn", 60, 100, 30, 0.5),
                        new Phase("cache", 60, 60, 400, 0.9),
                        new Phase("garbage", 60, 1500, 8, 0.1)), new int[] {0, 1, 2, 3}, 4, Timestamps.INTACT),
                new Case("one steady phase", List.of(new Phase("steady", 300, 50, 40, 0.5)), new int[] {0}, 1,
                        Timestamps.INTACT),
                twoPhases(Timestamps.REPEATED),
                twoPhases(Timestamps.BACKWARD),
                twoPhases(Timestamps.MISSING));
    }

    /** Two phases that differ in survival and live heap (the allocation rate needs timestamps), ~300 cycles. */
    private static Case twoPhases(Timestamps t) {
        return new Case("two phases, timestamps " + t.name().toLowerCase(Locale.ROOT),
                List.of(new Phase("small", 30, 100, 10, 0.3), new Phase("cache", 30, 100, 300, 0.9)), new int[] {0, 1}, 2, t);
    }

    public static List<Outcome> run(int runs, long seed) {
        List<Outcome> out = new ArrayList<>();
        for (Case c : cases()) out.add(run(c, runs, seed));
        return out;
    }

    public static Outcome run(Case c, int runs, long seed) {
        int rightK = 0, separated = 0;
        double purity = 0, recall = 0, unassigned = 0, minCycles = 1, minTime = 1;
        String example = null;
        for (int r = 0; r < runs; r++) {
            SyntheticCycles.Trace t = SyntheticCycles.of(seed + r, c.phases(), c.timestamps());
            RegimeAnalysis.Result result = RegimeAnalysis.of(t.cycles());
            if (example == null) example = result.method();
            if (result.regimes().size() == c.regimes()) rightK++;
            Score s = score(t, c, result.regimeOfRow(), result.regimes().size());
            if (s.separated) separated++;
            purity += s.purity / runs;
            recall += s.recall / runs;
            unassigned += s.unassigned / runs;
            minCycles = Math.min(minCycles, s.smallestCycles);
            minTime = Math.min(minTime, s.smallestTime);
        }
        return new Outcome(c.name(), runs, rightK, separated, purity, recall, unassigned, minCycles, minTime, example);
    }

    private record Score(double purity, double recall, boolean separated, double unassigned, double smallestCycles,
                         double smallestTime) {}

    private static Score score(SyntheticCycles.Trace t, Case c, int[] regimeOfRow, int found) {
        int n = regimeOfRow.length;
        // counts[truth][found regime + 1] over the settled cycles; column 0 is "no regime"
        int[][] counts = new int[c.regimes()][found + 1];
        int[] cycles = new int[c.regimes()];
        int none = 0, lastPhase = -1, inPhase = 0;
        for (int i = 0; i < n; i++) {
            int phase = t.phaseOfRow()[i];
            inPhase = phase == lastPhase ? inPhase + 1 : 1;
            lastPhase = phase;
            int truth = c.regimeOfPhase()[phase];
            cycles[truth]++;
            if (regimeOfRow[i] < 0) none++;
            if (inPhase > SETTLE_CYCLES) counts[truth][regimeOfRow[i] + 1]++;
        }
        double[] time = new double[c.regimes()];
        double allTime = 0;
        for (int p = 0; p < c.phases().size(); p++) {
            time[c.regimeOfPhase()[p]] += c.phases().get(p).seconds();
            allTime += c.phases().get(p).seconds();
        }
        double recall = 1, smallestCycles = 1, smallestTime = 1;
        Set<Integer> majorities = new HashSet<>();
        boolean separated = true;
        for (int g = 0; g < c.regimes(); g++) {
            int settled = 0, top = 1;
            for (int k = 0; k <= found; k++) settled += counts[g][k];
            for (int k = 2; k <= found; k++) if (counts[g][k] > counts[g][top]) top = k;
            int held = found == 0 ? 0 : counts[g][top];
            recall = Math.min(recall, settled == 0 ? 0 : (double) held / settled);
            // "its own": its majority regime holds at least half its cycles and is no other true regime's majority
            if (held * 2 < settled || !majorities.add(top)) separated = false;
            smallestCycles = Math.min(smallestCycles, (double) cycles[g] / n);
            smallestTime = Math.min(smallestTime, time[g] / allTime);
        }
        double purity = found == 0 ? 0 : 1;
        for (int k = 1; k <= found; k++) {
            int total = 0, top = 0;
            for (int[] row : counts) {
                total += row[k];
                top = Math.max(top, row[k]);
            }
            if (total > 0) purity = Math.min(purity, (double) top / total);
        }
        return new Score(purity, recall, separated, (double) none / n, smallestCycles, smallestTime);
    }
}
