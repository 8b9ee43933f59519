package dev.gcscope.render.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NiceTicksTest {

    private static List<String> labels(NiceTicks t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.count(); i++) out.add(t.label(i));
        return out;
    }

    @Test
    void coversTheRangeWithStepsOfOneTwoOrFive() {
        NiceTicks t = NiceTicks.covering(0, 7.534, 10);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8"), labels(t));
        assertEquals(List.of("0", "5", "10", "15", "20", "25"), labels(NiceTicks.covering(0, 21.3, 6)));
        assertEquals(List.of("0.00", "0.05", "0.10", "0.15"), labels(NiceTicks.covering(0, 0.13, 4)));
    }

    @Test
    void ticksAreExactMultiplesNotAccumulatedSums() {
        NiceTicks t = NiceTicks.covering(0, 1, 11);
        assertEquals(0.1, t.step(), 1e-15);
        assertEquals("0.7", t.label(7));
        assertEquals(1.0, t.last(), 0);
    }

    @Test
    void aSingleValueStillGetsARange() {
        NiceTicks t = NiceTicks.covering(8, 8, 5);
        assertTrue(t.first() <= 8 && t.last() > 8, t.toString());
        NiceTicks zero = NiceTicks.covering(0, 0, 5);
        assertTrue(zero.last() > 0, zero.toString());
    }

    @Test
    void integerAxesNeverGetFractionalTicks() {
        NiceTicks t = new AxisSpec("cycle", 1, 3, true, false).ticks(10);
        assertEquals(List.of("1", "2", "3"), labels(t));
    }
}
