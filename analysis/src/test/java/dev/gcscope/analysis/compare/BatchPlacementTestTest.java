package dev.gcscope.analysis.compare;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The dependence-aware pause test against simulated pauses whose truth is known: log-normal pauses
 * whose logs follow an AR(1) process (correlation ρ from one cycle to the next), as a busy machine
 * lengthens several pauses in a row.
 */
class BatchPlacementTestTest {
    private static final int PAIRS = 300, CYCLES = 800;

    private static double[] pauses(SplittableRandom r, double rho, double scale) {
        double[] out = new double[CYCLES];
        double z = gaussian(r), innovation = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < CYCLES; i++) {
            if (i > 0) z = rho * z + innovation * gaussian(r);
            out[i] = scale * Math.exp(0.5 * z);
        }
        return out;
    }

    private static double[] sorted(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** {batch placement test, Mann–Whitney}: share of pairs called different at 0.05. */
    private static double[] calls(double rho, double shift, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int batch = 0, mw = 0;
        for (int t = 0; t < PAIRS; t++) {
            double[] a = pauses(r, rho, 1), b = pauses(r, rho, shift);
            if (BatchPlacementTest.p(a, b) < 0.05) batch++;
            if (MannWhitney.p(sorted(a), sorted(b)) < 0.05) mw++;
        }
        return new double[] {batch / (double) PAIRS, mw / (double) PAIRS};
    }

    @Test
    void correlatedCyclesOfOneDistributionAreCalledDifferentAboutFivePercentOfTheTime() {
        double[] independent = calls(0, 1, 1), correlated = calls(0.8, 1, 2);
        assertTrue(independent[0] <= 0.08, "independent: " + independent[0]);
        assertTrue(correlated[0] <= 0.08, "ρ 0.8: " + correlated[0]);
        // what it is for: Mann–Whitney, assuming independent cycles, calls far more
        assertTrue(correlated[1] > 0.3, "Mann–Whitney at ρ 0.8: " + correlated[1]);
    }

    @Test
    void aRealShiftIsFoundAsOftenAsMannWhitneyFindsItWhereCyclesAreIndependent() {
        double[] c = calls(0, 1.1, 3);
        assertTrue(c[0] >= 0.8 * c[1] && c[1] > 0.5, "batch " + c[0] + ", Mann–Whitney " + c[1]);
    }

    @Test
    void identicalTracesAndTooFewPauses() {
        double[] a = pauses(new SplittableRandom(4), 0.5, 1);
        assertEquals(1, BatchPlacementTest.p(a, a), 1e-9);
        assertTrue(Double.isNaN(BatchPlacementTest.p(new double[19], a)));
    }
}
