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
 * maximum, faint, with the line through each column's mean over it: the band is filled where the
 * values are, the line runs where their middle is, and a single extreme still reaches its value.
 */
class LineEnvelopeTest {
    private static final int N = 200_000;
    private static final int SPIKE = 123_456;
    private static final int W = 800;
    private static final int H = 400;
    /** The envelope's opacity under a dense line, as the design says (a fifth). */
    private static final double ENVELOPE_OPACITY = 0.2;

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

        Rgba faint = colours.plotFill().interpolate(line, ENVELOPE_OPACITY);

        // the band from 40 to 60 MB is filled, faintly, in every column the cycles span (the axis leaves room at each end)
        int y44 = (int) area.yScale().toPixel(44), y56 = (int) area.yScale().toPixel(56);
        int filled = 0, columns = 0, lined = 0;
        StringBuilder missed = new StringBuilder();
        int first = (int) Math.ceil(area.xScale().toPixel(start[0])) + 1;
        int last = (int) Math.floor(area.xScale().toPixel(start[N - 1])) - 1;
        assertTrue(last - first > W / 2, "the cycles span most of the plot");
        // 170 MB: between the horizontal grid lines (150 is a tick), where only vertical ones cross
        int y150 = (int) area.yScale().toPixel(170);
        int background = image.getRGB((int) area.x() + 2, y150);
        for (int x = first; x <= last; x++) {
            // a vertical grid line's column is darker all the way up; the band over it is too
            if (image.getRGB(x, y150) != background) continue;
            columns++;
            if (near(image.getRGB(x, y44), faint, 16) && near(image.getRGB(x, y56), faint, 16)) filled++;
            else missed.append(String.format(" x%d:%06x/%06x", x, image.getRGB(x, y44) & 0xffffff, image.getRGB(x, y56) & 0xffffff));
            // the mean of uniform values between 40 and 60 is 50: the line runs there, at full colour
            boolean onLine = false;
            for (int y = (int) area.yScale().toPixel(51.5); y <= (int) area.yScale().toPixel(48.5); y++) {
                onLine |= near(image.getRGB(x, y), line, 40);
            }
            if (onLine) lined++;
        }
        assertTrue(columns > W / 2 && filled == columns, filled + " of " + columns + " columns faintly filled at 44 and 56 MB, want "
                + String.format("%02x%02x%02x", faint.red8(), faint.green8(), faint.blue8()) + ":" + missed);
        assertTrue(lined == columns, "the mean line at 50 MB in " + lined + " of " + columns + " columns");
        // the spike's column reaches 200 MB, far above the band
        int spikeX = (int) area.xScale().toPixel(start[SPIKE]);
        int y190 = (int) area.yScale().toPixel(190);
        boolean reached = false;
        for (int x = spikeX - 1; x <= spikeX + 1; x++) reached |= near(image.getRGB(x, y190), faint, 16);
        assertTrue(reached, "the spike is drawn up to its value");
        // and nothing else is up there
        for (int x = (int) area.x() + 2; x < area.right() - 2; x++) {
            if (Math.abs(x - spikeX) > 3) assertTrue(!near(image.getRGB(x, y150), faint, 16), "nothing at 170 MB at x " + x);
        }
    }

    private static boolean near(int argb, Rgba c, int tolerance) {
        return Math.abs((argb >> 16 & 0xff) - c.red8()) < tolerance && Math.abs((argb >> 8 & 0xff) - c.green8()) < tolerance
                && Math.abs((argb & 0xff) - c.blue8()) < tolerance;
    }
}
