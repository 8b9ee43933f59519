package dev.gcscope.analysis.compare;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.stats.RatioOfSums;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ratio-of-sums intervals against the truth of simulated traces ({@link RatioSimulation}; the full
 * table is {@code bench.TruthSimulations}'), and the printing bounds of whole-MB heaps.
 */
class CostRatioTest {
    private static final long SEED = 20261202L;

    @Test
    void intervalsHoldTheTruthAboutNinetyFivePercentOfTheTimeFromAThousandCorrelatedCycles() {
        // 400 pairs per cell: a coverage of 95 % is read within ±2.2 points (2 standard errors)
        List<RatioSimulation.Cell> cells = RatioSimulation.run(new int[] {1000}, new double[] {0, 0.5, 0.9}, 400, 1.3, SEED);
        for (RatioSimulation.Cell c : cells) {
            assertTrue(c.sideCoverage() >= 0.92 && c.sideCoverage() <= 0.98, c.toString());
            assertTrue(c.ratioCoverage() >= 0.92 && c.ratioCoverage() <= 0.98, c.toString());
        }
    }

    @Test
    void noChangeIsCalledAChangeAboutFivePercentOfTheTime() {
        for (RatioSimulation.Cell c : RatioSimulation.run(new int[] {100, 1000}, new double[] {0.5}, 400, 1, SEED)) {
            assertTrue(c.falseChange() <= 0.08, c.toString());
            assertTrue(c.ratioCoverage() >= 0.92, c.toString());
        }
    }

    @Test
    void heapsPrintedInWholeMegabytesAreNeverCalledMoreDifferentThanThePrintingAllows() {
        double[] ones = new double[40], twos = new double[40], threes = new double[40];
        java.util.Arrays.fill(ones, 1);
        java.util.Arrays.fill(twos, 2);
        java.util.Arrays.fill(threes, 3);
        RatioOfSums.Estimate a = RatioOfSums.of(twos, ones, 1, 0), b = RatioOfSums.of(threes, ones, 1, 0);
        assertEquals(0, a.standardError(), 0);
        CostRatio r = CostRatio.of(a, b, 0.95);
        assertEquals(1.5, r.ratio(), 1e-12);
        // printed 2 is in [2, 3), printed 3 in [3, 4): B/A lies in (1, 2)
        assertEquals(1, r.low(), 1e-12);
        assertEquals(2, r.high(), 1e-12);
        // the same printed heap on both sides: the printing alone allows no change
        CostRatio same = CostRatio.of(a, a, 0.95);
        assertEquals(1, same.p(), 0);
        assertTrue(same.low() < 1 && same.high() > 1, same.toString());
    }

    @Test
    void tooFewCyclesGiveNoInterval() {
        double[] y = {1, 2, 3}, x = {1, 1, 1};
        CostRatio r = CostRatio.of(RatioOfSums.of(y, x, 0, 0), RatioOfSums.of(y, x, 0, 0), 0.95);
        assertEquals(1, r.ratio(), 1e-12);
        assertFalse(r.hasInterval());
        assertTrue(Double.isNaN(r.p()));
    }
}
