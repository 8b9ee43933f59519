package dev.gcscope.analysis.stats;

import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.AnalysisSamples;
import org.junit.jupiter.api.Test;

class SloStreakTest {

    @Test
    void longestRunUnderTheThreshold() {
        double[] v = {0.1, 0.5, 0.2, 0.3, Double.NaN, 0.1, 0.39, 0.4, 0.1};
        SloStreak s = SloStreak.of(v, 0.4);
        assertEquals(4, s.longestStreak(), "0.2 0.3 (unknown) 0.1 0.39");
        assertEquals(2, s.streakStartIndex());
        assertEquals(2, s.cyclesAbove(), "0.5 and 0.4 (at the threshold counts as over)");
        assertEquals(2.0 / 8, s.shareAbove(), 1e-12);
    }

    @Test
    void onARealTraceItMatchesACountByHand() {
        double[] stw = AnalysisSamples.cycles("gctrace/go1.22-phases.log").doubleColumn(STW_MS).asDoubleArray();
        SloStreak s = SloStreak.of(stw, SloStreak.DEFAULT_THRESHOLD_MS);
        int best = 0, run = 0, above = 0;
        for (double x : stw) {
            if (Double.isNaN(x)) continue;
            if (x < 0.4) best = Math.max(best, ++run); else { run = 0; above++; }
        }
        assertEquals(best, s.longestStreak());
        assertEquals(above, s.cyclesAbove());
        assertTrue(best > 10 && above > 0);
    }
}
