package dev.gcscope.render.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.export.Graphics2DPainter;
import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Painter;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** A y title longer than its chart is tall loses words from the front, never its unit, instead of being clipped. */
class AxisTitleFitTest {
    @Test
    void aShortChartKeepsTheTailOfItsTitleWithTheUnit() {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Painter g = new Graphics2DPainter(image.createGraphics());
        g.setFont(ChartFont.labels());
        String title = "stop-the-world pause (ms)";
        double whole = g.textWidth(title);
        assertEquals(title, PlotFrameLayer.fitting(g, title, whole + 1), "room enough: whole");
        String tail = PlotFrameLayer.fitting(g, title, g.textWidth("pause (ms)") + 1);
        assertEquals("pause (ms)", tail);
        assertTrue(g.textWidth(tail) < whole);
        // no tail short enough: the whole title rather than the unit alone
        assertEquals(title, PlotFrameLayer.fitting(g, title, 5));
    }
}
