package dev.gcscope.analysis.stats;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.AnalysisSamples;
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
}
