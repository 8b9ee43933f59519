package dev.gcscope.render.timeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.export.Graphics2DPainter;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.FrameStyle;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotFrame;
import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.render.theme.ChartTheme;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A line over far more cycles than pixels is drawn as the band between each column's minimum and
 * maximum: the band is filled where the values are, and a single extreme still reaches its value.
 */
class LineEnvelopeTest {
    private static final int N = 200_000;
    private static final int SPIKE = 123_456;
    private static final int W = 800;
    private static final int H = 400;

    @Test
    void theBandIsFilledAndASingleSpikeReachesItsValue() {
        double[] start = new double[N];
        double[] live = new double[N];
        Random rnd = new Random(5);
        for (int i = 0; i < N; i++) {
            start[i] = i * 0.01;
            live[i] = 40 + 20 * rnd.nextDouble();
        }
        live[SPIKE] = 200;
        StwSeries layout = StwSeries.of(start, new double[N], new boolean[N], new int[N], new int[N]);
        TimelineCycles cycles = TimelineCycles.of(layout, Map.of(GcColumns.HEAP_LIVE_MB, live), new int[N], List.of("steady"), null);
        TimelineColours colours = ChartTheme.LIGHT.timeline(TimelineKind.HEAP);
        TimelinePlot plot = TimelinePlot.lines(TimelineKind.HEAP, cycles, "heap (MB)",
                List.of(new TimelineSeries("live heap", "MB", live, 2, false))).view(null, null, -1, true, colours, ChartFont.labels());

        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, W, H);
        PlotArea area = PlotFrame.paint(new Graphics2DPainter(g), W, H, new FrameStyle(ChartTheme.LIGHT.frame(), ChartFont.labels(),
                ChartTheme.PADDING, 0), plot, "").area();
        g.dispose();
        Rgba line = colours.paletteColour(2);

        // the band from 40 to 60 MB is solid in every column the cycles span (the axis leaves room at each end)
        int y50 = (int) area.yScale().toPixel(50);
        int filled = 0, columns = 0;
        int first = (int) Math.ceil(area.xScale().toPixel(start[0])) + 1;
        int last = (int) Math.floor(area.xScale().toPixel(start[N - 1])) - 1;
        assertTrue(last - first > W / 2, "the cycles span most of the plot");
        for (int x = first; x <= last; x++, columns++) if (near(image.getRGB(x, y50), line)) filled++;
        assertTrue(filled == columns, filled + " of " + columns + " columns filled at 50 MB");
        // the spike's column reaches 200 MB, far above the band
        int spikeX = (int) area.xScale().toPixel(start[SPIKE]);
        int y190 = (int) area.yScale().toPixel(190);
        boolean reached = false;
        for (int x = spikeX - 1; x <= spikeX + 1; x++) reached |= near(image.getRGB(x, y190), line);
        assertTrue(reached, "the spike is drawn up to its value");
        // and nothing else is up there
        int y150 = (int) area.yScale().toPixel(150);
        for (int x = (int) area.x() + 2; x < area.right() - 2; x++) {
            if (Math.abs(x - spikeX) > 3) assertTrue(!near(image.getRGB(x, y150), line), "no line at 150 MB at x " + x);
        }
    }

    private static boolean near(int argb, Rgba c) {
        return Math.abs((argb >> 16 & 0xff) - c.red8()) < 40 && Math.abs((argb >> 8 & 0xff) - c.green8()) < 40
                && Math.abs((argb & 0xff) - c.blue8()) < 40;
    }
}
