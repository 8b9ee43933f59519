package dev.gcscope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.stats.Convergence;
import dev.gcscope.analysis.stats.ConvergenceTracker;
import dev.gcscope.analysis.stats.IncrementalMmu;
import dev.gcscope.analysis.stats.MutatorUtilization;
import dev.gcscope.analysis.stats.PauseFits;
import dev.gcscope.analysis.stats.PauseStatistics;
import dev.gcscope.analysis.stats.SerialDependence;
import dev.gcscope.analysis.stats.SloStreak;
import dev.gcscope.analysis.stats.SortedSample;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.samples.SampleTraces;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * A followed log's statistics, updated piece by piece, against the same statistics computed from
 * scratch on the cycles so far, on every bundled gctrace sample fed in pieces of random sizes (a
 * followed parse hands out the same table with rows appended; {@code inRange(0, n)} is that table
 * after n rows). Exact where the incremental algorithm is exact; the MMU to the rounding of its sums
 * (1e-9); the regimes placed by the nearest centre between clusterings within a stated agreement
 * with a fresh clustering.
 */
class LiveAnalysisTest {
    private static final double SLO_MS = SloStreak.DEFAULT_THRESHOLD_MS;
    /** The MMU sums the same GC time in another order (IncrementalMmu's comment). */
    private static final double MMU_ROUNDING = 1e-9;
    private static final int PLACE_FROM = 200;

    @Test
    void everyUpdateEqualsTheFromScratchFiguresOnEverySample() {
        Random random = new Random(14);
        int updates = 0, placedUpdates = 0, samples = 0;
        double worstAgreement = 1;
        String worstAt = "";
        for (SampleTraces.Sample sample : SampleTraces.ofFormat("gctrace")) {
            Table all = AnalysisSamples.cycles(sample.path());
            if (all.rowCount() == 0) continue;
            samples++;
            // placing from 200 cycles on rather than the app's 1,000, so the recordings (1,000-3,000
            // cycles each) have many updates between clusterings
            LiveAnalysis live = new LiveAnalysis(RegimeAnalysis.Method.KMEANS, PLACE_FROM);
            int n = 0;
            while (n < all.rowCount()) {
                n = Math.min(all.rowCount(), n + 1 + random.nextInt(n < 50 ? 20 : 400));
                Table prefix = all.inRange(0, n);
                LiveAnalysis.Update u = live.update(prefix, SLO_MS, Work.serial());
                String at = sample.path() + " after " + n + " cycles";
                assertSameAsFromScratch(prefix, u, at);
                updates++;
                if (!u.regimes().clustered()) {
                    placedUpdates++;
                    double agreement = agreement(u.analysis().regimes().regimeOfRow(), RegimeAnalysis.of(prefix).regimeOfRow());
                    if (agreement < worstAgreement) {
                        worstAgreement = agreement;
                        worstAt = at;
                    }
                }
            }
        }
        System.out.printf("LiveAnalysisTest: %d samples, %d updates (%d with cycles placed by nearest centre);"
                + " worst agreement of placed regimes with a fresh clustering %.3f (%s)%n", samples, updates, placedUpdates,
                worstAgreement, worstAt);
        assertTrue(samples >= 20 && placedUpdates > 50, samples + " samples, " + placedUpdates + " updates between clusterings");
        // The stated bound: between clusterings (the log at most doubled since, 200 cycles or more) at
        // least 98 % of the cycles are in the regime a fresh clustering of the same cycles puts them in.
        assertTrue(worstAgreement >= 0.98, "agreement " + worstAgreement + " at " + worstAt);
    }

    private static void assertSameAsFromScratch(Table prefix, LiveAnalysis.Update u, String at) {
        double[] stw = prefix.doubleColumn(GcColumns.STW_MS).asDoubleArray();
        SortedSample sorted = SortedSample.of(stw);
        CycleRangeAnalysis w = u.whole();
        assertEquals(GcSummary.of(prefix), u.analysis().summary(), at);
        assertEquals(PauseStatistics.of(sorted, SerialDependence.of(stw)), u.analysis().pauses(), at);
        assertEquals(u.analysis().summary(), w.summary(), at);
        assertEquals(sorted.size(), w.stwSorted().size(), at);
        for (int i = 0; i < sorted.size(); i++) assertEquals(sorted.get(i), w.stwSorted().get(i), at);
        assertEquals(SloStreak.of(stw, SLO_MS), w.slo(), at);

        double[] known = Arrays.stream(stw).filter(v -> !Double.isNaN(v)).toArray();
        Convergence.Result expected = known.length < Convergence.MIN_CYCLES ? new Convergence.Result(List.of(), -1, -1)
                : Convergence.at(known, ConvergenceTracker.checkpoints(known.length), Work.serial());
        assertEquals(expected, w.convergence(), at);

        List<MutatorUtilization.Point> mmu = w.mmu();
        double[] windows = mmu.stream().mapToDouble(MutatorUtilization.Point::windowMs).toArray();
        double[] scratch = MutatorUtilization.at(prefix, windows);
        for (int i = 0; i < windows.length; i++) assertEquals(scratch[i], mmu.get(i).mmu(), MMU_ROUNDING, at + ", MMU at " + windows[i] + " ms");
        // every window length of the fixed grid the runs are long enough for, and no other
        double[] grid = IncrementalMmu.windows(windows.length == 0 ? 0 : windows[windows.length - 1]);
        assertArrayEquals(grid, windows, at);
        double[] next = MutatorUtilization.at(prefix, IncrementalMmu.windows(windows.length == 0 ? 1e18 : windows[windows.length - 1] * 1.3));
        if (next.length > windows.length) assertTrue(Double.isNaN(next[windows.length]), at + ": a longer window had an MMU");

        RegimeAnalysis.Result regimes = u.analysis().regimes();
        if (u.regimes().clustered()) {
            RegimeAnalysis.Result fresh = RegimeAnalysis.of(prefix);
            assertEquals(fresh.regimes(), regimes.regimes(), at);
            assertArrayEquals(fresh.regimeOfRow(), regimes.regimeOfRow(), at);
            assertEquals(fresh.method(), regimes.method(), at);
        } else {
            assertTrue(regimes.method().contains("placed by the nearest regime centre"), regimes.method());
        }
        // each regime's pauses, whatever placed its cycles, as the range analysis computes them from the labels
        CycleRangeAnalysis byLabels = CycleRangeAnalysis.of(prefix, regimes.regimeOfRow(), 0, prefix.rowCount(), SLO_MS, Work.serial());
        assertEquals(byLabels.regimes(), w.regimes(), at);
        int[] counts = new int[regimes.regimes().size()];
        for (int g : regimes.regimeOfRow()) if (g >= 0) counts[g]++;
        double[] time = new double[counts.length];
        double allTime = 0;
        for (int i = 0; i < prefix.rowCount(); i++) {
            double iv = prefix.doubleColumn(GcColumns.INTERVAL_S).getDouble(i);
            if (!(iv > 0)) continue;
            allTime += iv;
            if (regimes.regimeOfRow()[i] >= 0) time[regimes.regimeOfRow()[i]] += iv;
        }
        for (var g : regimes.regimes()) {
            assertEquals(counts[g.id()], g.cycles(), at);
            assertEquals((double) counts[g.id()] / prefix.rowCount(), g.shareOfCycles(), at);
            assertEquals(allTime > 0 ? time[g.id()] / allTime : Double.NaN, g.shareOfTime(), at);
        }

        if (u.fittedPauses() == sorted.size()) {
            PauseFits.Result fits = PauseFits.of(sorted);
            assertEquals(fits.verdict(), w.fits().verdict(), at);
            assertEquals(fits.fits().size(), w.fits().fits().size(), at);
            for (int i = 0; i < fits.fits().size(); i++) {
                PauseFits.Fit a = fits.fits().get(i), b = w.fits().fits().get(i);
                assertEquals(List.of(a.model(), a.parameters(), a.logLikelihood(), a.ksStatistic(), a.ksP()),
                        List.of(b.model(), b.parameters(), b.logLikelihood(), b.ksStatistic(), b.ksP()), at);
            }
        } else {
            assertTrue(u.fittedPauses() * (1 + LiveAnalysis.REFIT_GROWTH) > sorted.size(), at + ": fits over too few pauses");
        }
    }

    /**
     * The share of cycles with a regime in either labelling that are in corresponding regimes, each
     * regime of {@code a} corresponding to the regime of {@code b} it shares most cycles with.
     */
    static double agreement(int[] a, int[] b) {
        int ka = Arrays.stream(a).max().orElse(-1) + 1, kb = Arrays.stream(b).max().orElse(-1) + 1;
        int[][] both = new int[ka + 1][kb + 1];
        int labelled = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0 && b[i] < 0) continue;
            labelled++;
            both[a[i] + 1][b[i] + 1]++;
        }
        if (labelled == 0) return 1;
        int agree = 0;
        for (int x = 1; x <= ka; x++) {
            int best = 0;
            for (int y = 1; y <= kb; y++) best = Math.max(best, both[x][y]);
            agree += best;
        }
        return (double) agree / labelled;
    }

    /** Placement keeps the labels the clustering gave: a regime's cycles never move between updates. */
    @Test
    void cyclesKeepTheirRegimeUntilTheNextClustering() {
        Table all = AnalysisSamples.cycles("gctrace/go1.24-phases.log");
        LiveAnalysis live = new LiveAnalysis(RegimeAnalysis.Method.KMEANS, PLACE_FROM);
        int[] before = null;
        List<Integer> placed = new ArrayList<>();
        for (int n = 100; n <= all.rowCount(); n += 37) {
            LiveAnalysis.Update u = live.update(all.inRange(0, n), SLO_MS, Work.serial());
            int[] now = u.analysis().regimes().regimeOfRow();
            if (!u.regimes().clustered()) {
                placed.add(n);
                assertArrayEquals(before, Arrays.copyOf(now, before.length), "after " + n);
            } else {
                assertEquals(n, u.regimes().clusteredAt());
            }
            before = now;
        }
        assertTrue(placed.size() > 10, placed.toString());
    }
}
