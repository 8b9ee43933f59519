package dev.gcscope.render.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StwSeriesTest {

    @Test
    void runsAreLaidEndToEndWithAGapAndASeparatorEach() {
        double[] start = {0.1, 0.5, 1.0, 0.2, 0.8};
        double[] stw = {1, 2, 3, 4, 5};
        boolean[] forced = {false, true, false, false, false};
        int[] run = {1, 1, 1, 2, 2};
        int[] gc = {1, 2, 3, 1, 2};
        StwSeries s = StwSeries.of(start, stw, forced, run, gc);
        assertEquals(StwSeries.XKind.SECONDS, s.xKind());
        assertEquals(2, s.runCount());
        double gap = (1.0 + 0.8) * StwSeries.RUN_GAP_FRACTION;
        assertArrayEquals(new double[] {1.0 + gap}, s.runStartX(), 1e-12);
        assertArrayEquals(new double[] {0.1, 0.5, 1.0, 1.0 + gap + 0.2, 1.0 + gap + 0.8}, s.x(), 1e-12);
        assertTrue(s.xSorted());
        assertEquals(0.2, s.startS(3), 0, "the readout shows the run's own time");
        assertEquals(5, s.yMax(), 0);
    }

    @Test
    void withoutStartTimesXIsThePositionInTheFile() {
        double[] start = {Double.NaN, Double.NaN, Double.NaN};
        StwSeries s = StwSeries.of(start, new double[] {8, 8, 7}, new boolean[3], new int[] {1, 1, 1}, new int[] {1, 2, 3});
        assertEquals(StwSeries.XKind.CYCLE_INDEX, s.xKind());
        assertArrayEquals(new double[] {1, 2, 3}, s.x(), 0);
    }
}
