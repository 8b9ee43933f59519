package dev.gcscope.analysis.stats;

import static org.junit.jupiter.api.Assertions.*;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.analysis.AnalysisSamples;
import dev.gcscope.analysis.work.CancelAfter;
import dev.gcscope.analysis.work.Work;
import java.util.concurrent.CancellationException;
import dev.gcscope.samples.SampleTraces;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class MutatorUtilizationTest {

    /** MMU by brute force: utilization sampled every {@code step} ms, every window position tried. */
    static double bruteForce(double[] seg, double w, double step) {
        double from = seg[0], to = seg[seg.length - 2];
        int cells = (int) Math.ceil((to - from) / step);
        double[] lost = new double[cells];
        for (int i = 0; i < seg.length; i += 3) {
            for (int c = 0; c < cells; c++) {
                double a = from + c * step, b = a + step;
                double overlap = Math.max(0, Math.min(b, seg[i + 1]) - Math.max(a, seg[i]));
                lost[c] += overlap * seg[i + 2];
            }
        }
        int win = (int) Math.round(w / step);
        double worst = 0;
        for (int s = 0; s + win <= cells; s++) {
            double sum = 0;
            for (int c = s; c < s + win; c++) sum += lost[c];
            worst = Math.max(worst, sum);
        }
        return 1 - worst / w;
    }

    @Test
    void aTimelineWorkedOutByHand() {
        // 1 ms stop-the-world, 10 ms of concurrent mark taking a quarter of the CPUs, 0.5 ms stop-the-world,
        // then nothing until another 1 ms pause at 100 ms
        double[] seg = {0, 1, 1, 1, 11, 0.25, 11, 11.5, 1, 100, 101, 1};
        assertEquals(0, MutatorUtilization.mmu(seg, 1), 1e-12);
        assertEquals(1 - (1 + 0.25) / 2, MutatorUtilization.mmu(seg, 2), 1e-12, "[0, 2): the pause and 1 ms of mark");
        assertEquals(1 - (1 + 2.5 + 0.5) / 12, MutatorUtilization.mmu(seg, 12), 1e-12, "[0, 12): the whole cycle");
        assertEquals(1 - 4.0 / 50, MutatorUtilization.mmu(seg, 50), 1e-12);
        assertTrue(Double.isNaN(MutatorUtilization.mmu(seg, 200)), "no 200 ms window fits in a 101 ms run");
    }

    @Test
    void agreesWithBruteForceOnARealTimeline() {
        Table t = AnalysisSamples.cycles("gctrace/go1.24-phases.log");
        double[] seg = MutatorUtilization.segments(t).get(0);
        // the first 300 ms of the run, at 10 µs resolution
        int n = 0;
        while (n < seg.length && seg[n + 1] < seg[0] + 300) n += 3;
        double[] part = java.util.Arrays.copyOf(seg, n);
        for (double w : new double[] {0.5, 2, 10, 50}) {
            double exact = MutatorUtilization.mmu(part, w);
            assertEquals(bruteForce(part, w, 0.01), exact, 0.01, "MMU(" + w + " ms)");
        }
    }

    /** compare's MMU at 1, 10, 100 ms: the worst run's, each run's as the sweep computes it. */
    @Test
    void atGivenWindowsIsTheWorstRunsMmu() {
        Table t = AnalysisSamples.cycles("gctrace/go1.22-phases-restart.log");
        List<double[]> runs = MutatorUtilization.segments(t);
        assertEquals(2, runs.size(), "the restart sample holds two runs");
        double[] at = MutatorUtilization.at(t, 1, 10, 100);
        double[] windows = {1, 10, 100};
        for (int i = 0; i < windows.length; i++) {
            double worst = Math.min(MutatorUtilization.mmu(runs.get(0), windows[i]), MutatorUtilization.mmu(runs.get(1), windows[i]));
            assertEquals(worst, at[i], 0, windows[i] + " ms");
        }
        assertTrue(at[0] <= at[1] && at[1] <= at[2], java.util.Arrays.toString(at));
        assertTrue(Double.isNaN(MutatorUtilization.at(t, 1e9)[0]), "a window longer than every run has no MMU");
    }

    @Test
    void curveOnARealTrace() {
        List<MutatorUtilization.Point> curve = MutatorUtilization.curve(AnalysisSamples.cycles("gctrace/go1.22-phases-restart.log"));
        assertFalse(curve.isEmpty());
        double maxPause = AnalysisSamples.cycles("gctrace/go1.22-phases-restart.log").doubleColumn("stw_ms").max();
        for (MutatorUtilization.Point p : curve) {
            assertTrue(p.mmu() >= 0 && p.mmu() <= 1, p.toString());
            if (p.windowMs() <= maxPause / 2) assertEquals(0, p.mmu(), 1e-9, "a window inside the longest pause sees no mutator");
        }
        assertTrue(curve.get(curve.size() - 1).mmu() > 0.5, "over seconds the GC takes a small share");
    }

    /**
     * The curve is computed with the window lengths in parallel: it must be exactly, to the last
     * bit, the curve of one window length after another over segments cut straight from the table.
     */
    @Test
    void curveIsExactlyTheSerialSweepOnEverySample() {
        int compared = 0;
        for (SampleTraces.Sample sample : SampleTraces.ofFormat("gctrace")) {
            Table t = AnalysisSamples.cycles(sample.path());
            List<MutatorUtilization.Point> curve = MutatorUtilization.curve(t);
            List<double[]> runs = serialSegments(t);
            double longest = 0;
            for (double[] seg : runs) longest = Math.max(longest, seg.length == 0 ? 0 : seg[seg.length - 2] - seg[0]);
            List<MutatorUtilization.Point> expected = new ArrayList<>();
            if (longest > MutatorUtilization.MIN_WINDOW_MS) {
                double ratio = Math.pow(longest / MutatorUtilization.MIN_WINDOW_MS, 1.0 / (MutatorUtilization.WINDOWS - 1));
                double w = MutatorUtilization.MIN_WINDOW_MS;
                for (int i = 0; i < MutatorUtilization.WINDOWS; i++, w *= ratio) {
                    double mmu = Double.NaN;
                    for (double[] seg : runs) {
                        double m = MutatorUtilization.mmu(seg, w);
                        if (!Double.isNaN(m)) mmu = Double.isNaN(mmu) ? m : Math.min(mmu, m);
                    }
                    if (!Double.isNaN(mmu)) expected.add(new MutatorUtilization.Point(w, mmu));
                }
            }
            assertEquals(expected, curve, sample.path());
            compared += curve.size();
        }
        assertTrue(compared > 0, "some sample has an MMU curve");
    }

    /**
     * Cancelled after a few sweeps, the curve stops: the window lengths not yet swept poll once and
     * end, so far fewer polls than a whole curve takes.
     */
    @Test
    void aCancelledCurveStopsSweeping() {
        Table t = AnalysisSamples.cycles("gctrace/go1.22-phases-restart.log");
        CancelAfter counting = CancelAfter.never();
        assertEquals(MutatorUtilization.curve(t), MutatorUtilization.curve(t, Work.on(Runnable::run, counting)));
        int runs = MutatorUtilization.segments(t).size();
        assertTrue(runs >= 2, "the restart sample has two runs");
        assertTrue(counting.polls() >= MutatorUtilization.WINDOWS * (1 + runs), "a poll per part and per run swept: " + counting.polls());
        CancelAfter fifth = new CancelAfter(5);
        assertThrows(CancellationException.class, () -> MutatorUtilization.curve(t, Work.on(Runnable::run, fifth)));
        assertTrue(fifth.polls() <= 5 + MutatorUtilization.WINDOWS, "after the cancel, one poll per window length left: " + fifth.polls());
    }

    /** Segments (start, end, lost share) of each run, one small array per phase, as the docs describe them. */
    private static List<double[]> serialSegments(Table t) {
        List<double[]> out = new ArrayList<>();
        List<Double> seg = new ArrayList<>();
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < t.rowCount(); i++) {
            if (i > 0 && t.intColumn(RUN).getInt(i) != t.intColumn(RUN).getInt(i - 1)) {
                out.add(seg.stream().mapToDouble(Double::doubleValue).toArray());
                seg.clear();
                last = Double.NEGATIVE_INFINITY;
            }
            double s = t.doubleColumn(START_S).getDouble(i) * 1000;
            double st = t.doubleColumn(SWEEP_TERM_MS).getDouble(i), mk = t.doubleColumn(MARK_MS).getDouble(i);
            double mt = t.doubleColumn(MARK_TERM_MS).getDouble(i), wb = t.doubleColumn(INSTALL_WB_MS).getDouble(i);
            if (Double.isNaN(s) || Double.isNaN(st) || Double.isNaN(mt)) continue;
            if (!Double.isNaN(wb)) st += wb;
            if (Double.isNaN(mk)) mk = 0;
            double markLost = 0;
            int procs = t.intColumn(PROCS).isMissing(i) ? 0 : t.intColumn(PROCS).getInt(i);
            if (mk > 0 && procs > 0) {
                double a = t.doubleColumn(ASSIST_CPU_MS).getDouble(i), b = t.doubleColumn(BACKGROUND_CPU_MS).getDouble(i);
                double cpu = (Double.isNaN(a) ? 0 : a) + (Double.isNaN(b) ? 0 : b);
                markLost = Math.min(1, Math.max(0, cpu / (procs * mk)));
            }
            double[][] parts = {{s, s + st, 1}, {s + st, s + st + mk, markLost}, {s + st + mk, s + st + mk + mt, 1}};
            for (double[] p : parts) {
                double from = Math.max(p[0], last), to = p[1];
                if (to <= from || p[2] <= 0) continue;
                seg.add(from);
                seg.add(to);
                seg.add(p[2]);
                last = to;
            }
        }
        out.add(seg.stream().mapToDouble(Double::doubleValue).toArray());
        return out;
    }
}
