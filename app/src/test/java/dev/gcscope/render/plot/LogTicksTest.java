package dev.gcscope.render.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogTicksTest {
    private static List<String> labels(LogTicks t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.count(); i++) out.add(t.label(i));
        return out;
    }

    @Test
    void manyDecadesGetOneTickPerDecadeOrFewer() {
        LogTicks t = LogTicks.covering(-1, 4.3, 8);
        assertEquals(List.of("0.1", "1", "10", "100", "1k", "10k"), labels(t));
        assertEquals(3.0, t.at(4), 1e-12, "ticks sit at log10 of their values");
        assertEquals(List.of("0.001", "1", "1k", "1M"), labels(LogTicks.covering(-3, 6, 4)));
    }

    @Test
    void fewDecadesGetOneTwoFiveWhenThereIsRoom() {
        assertEquals(List.of("0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1"), labels(LogTicks.covering(-2, 0, 10)));
        assertEquals(List.of("0.01", "0.1", "1"), labels(LogTicks.covering(-2, 0, 4)), "no room for 1-2-5: decades");
    }

    @Test
    void aNarrowRangeFallsBackToLinearTicksAtTheirLogs() {
        LogTicks t = LogTicks.covering(Math.log10(0.30), Math.log10(0.36), 6);
        assertTrue(t.count() >= 2, labels(t).toString());
        for (int i = 0; i < t.count(); i++) {
            double v = Double.parseDouble(t.label(i));
            assertEquals(Math.log10(v), t.at(i), 1e-12);
            assertTrue(v >= 0.30 - 1e-9 && v <= 0.36 + 1e-9, "inside the range: " + v);
        }
    }

    @Test
    void ticksNeverLeaveTheRange() {
        for (double lo = -3; lo < 2; lo += 0.37) {
            for (double span = 0.05; span < 6; span *= 1.7) {
                LogTicks t = LogTicks.covering(lo, lo + span, 9);
                for (int i = 0; i < t.count(); i++) {
                    assertTrue(t.at(i) >= lo - 1e-9 && t.at(i) <= lo + span + 1e-9, lo + ".." + (lo + span) + ": " + labels(t));
                    if (i > 0) assertTrue(t.at(i) > t.at(i - 1));
                }
                assertTrue(t.count() <= 9 + 1, labels(t).toString());
            }
        }
    }

    @Test
    void compactLabels() {
        assertEquals("0.005", LogTicks.compact(0.005));
        assertEquals("20", LogTicks.compact(20));
        assertEquals("20k", LogTicks.compact(20_000));
        assertEquals("1.5M", LogTicks.compact(1_500_000));
    }
}
