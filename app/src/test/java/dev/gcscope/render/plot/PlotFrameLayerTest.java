package dev.gcscope.render.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.render.TextMetrics;
import org.junit.jupiter.api.Test;

class PlotFrameLayerTest {
    /** Every character 6 px wide: what the tests compute by hand. */
    private static final TextMetrics SIX = new TextMetrics() {
        @Override
        public double textWidth(String text) {
            return 6 * text.length();
        }

        @Override
        public double lineHeight() {
            return 12;
        }
    };

    @Test
    void aTitleThatFitsIsKept() {
        assertEquals("/sched/latencies (log)", PlotFrameLayer.fitted(SIX, "/sched/latencies (log)", 22 * 6));
    }

    @Test
    void aLongMetricTitleLosesItsLeadingPathPartsFirst() {
        String title = "/sched/latencies per interval (log)"; // 35 characters
        assertEquals("…/latencies per interval (log)", PlotFrameLayer.fitted(SIX, title, 30 * 6));
        assertEquals("…/stopping/gc per interval (log)", PlotFrameLayer.fitted(SIX, "/sched/pauses/stopping/gc per interval (log)", 32 * 6));
    }

    @Test
    void withoutASeparatorLeftItIsCutACharacterAtATimeAndStillFits() {
        String fitted = PlotFrameLayer.fitted(SIX, "go_sched_latencies_seconds per interval (log)", 20 * 6);
        assertTrue(SIX.textWidth(fitted) <= 20 * 6, fitted);
        assertTrue(fitted.startsWith("…") && "go_sched_latencies_seconds per interval (log)".endsWith(fitted.substring(1)), fitted);
        assertEquals(20, fitted.length(), "as much as fits: " + fitted);
    }
}
