package dev.gcscope.render.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.export.Graphics2DPainter;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.render.ChartFont;
import dev.gcscope.render.plot.FrameStyle;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotFrame;
import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.render.theme.ChartTheme;
import dev.gcscope.samples.SampleTraces;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A pause timeline with far more cycles than pixel columns draws where the pauses concentrate: nested
 * bands up to each column's P90, P99 and maximum and a line at its median, placed where the known
 * distribution puts them. And lines break at a gap without cycles, as the restart recording has.
 */
class PauseDensityTest {
    private static final int N = 400_000;
    private static final int W = 900;
    private static final int H = 500;

    @Test
    void theBandsAndTheMedianLieWhereTheDistributionPutsThem() {
        // pauses spread evenly on [0, 100) ms in every stretch of cycles (the golden-ratio sequence:
        // any few hundred consecutive values are close to uniform), so neighbouring columns have
        // nearly the same quantiles, about median 50, P90 90, P99 99
        double[] start = new double[N], pause = new double[N];
        for (int i = 0; i < N; i++) {
            start[i] = i * 0.001;
            double golden = i * 0.6180339887498949;
            pause[i] = 100 * (golden - Math.floor(golden));
        }
        StwSeries layout = StwSeries.of(start, pause, new boolean[N], new int[N], new int[N]);
        TimelineCycles cycles = TimelineCycles.of(layout, Map.of(GcColumns.SWEEP_TERM_MS, pause), new int[N], List.of("one"), null);
        TimelineColours colours = ChartTheme.LIGHT.timeline(TimelineKind.PAUSE);
        TimelinePlot plot = GcTimelines.pause(cycles).view(null, null, -1, true, colours, ChartFont.labels());

        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, W, H);
        PlotArea area = PlotFrame.paint(new Graphics2DPainter(g), W, H, new FrameStyle(ChartTheme.LIGHT.frame(), ChartFont.labels(),
                ChartTheme.PADDING, 0), plot, "").area();
        g.dispose();
        assertTrue(plot.dense(), N + " cycles over " + area.width() + " columns");

        int checked = 0;
        for (int x = (int) area.x() + 20; x < area.right() - 20; x += 37) {
            // the column's own cycles (about 440): their quantiles are what the bands must show
            int column = x - (int) area.x();
            List<Double> own = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                if ((int) Math.floor(area.xScale().toPixel(start[i]) - area.x()) == column) own.add(pause[i]);
            }
            own.sort(null);
            double median = quantile(own, 0.5), p90 = quantile(own, 0.9), p99 = quantile(own, 0.99), max = quantile(own, 1);
            // darker the deeper inside the bands: below P90 all three overlap, between P99 and the maximum one
            double below90 = darkness(image.getRGB(x, (int) area.yScale().toPixel(p90 - 10)));
            double p90to99 = darkness(image.getRGB(x, (int) area.yScale().toPixel((p90 + p99) / 2)));
            double p99toMax = darkness(image.getRGB(x, (int) area.yScale().toPixel((p99 + max) / 2)));
            double above = darkness(image.getRGB(x, (int) area.yScale().toPixel(max) - 3));
            assertTrue(below90 > p90to99 && p90to99 > p99toMax && p99toMax > above,
                    "x " + x + ": " + below90 + " > " + p90to99 + " > " + p99toMax + " > " + above);
            // the median line: the darkest pixel of the column between 40 and 60 ms, at the column's median
            int best = -1;
            double darkest = -1;
            for (int y = (int) area.yScale().toPixel(60); y <= (int) area.yScale().toPixel(40); y++) {
                double d = darkness(image.getRGB(x, y));
                if (d > darkest) {
                    darkest = d;
                    best = y;
                }
            }
            assertEquals(area.yScale().toPixel(median), best, 1.5, "median " + median + " at x " + x);
            checked++;
        }
        assertTrue(checked > 10);
    }

    /** The ceil(q·n)-th smallest of {@code sorted}. */
    private static double quantile(List<Double> sorted, double q) {
        return sorted.get(Math.max(1, (int) Math.ceil(q * sorted.size() - 1e-9)) - 1);
    }

    private static double darkness(int rgb) {
        return 765 - ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff));
    }

    @Test
    void aLineBreaksAtTheRestartRecordingsGapWithoutCycles() throws Exception {
        SampleTraces.Sample s = SampleTraces.get("gctrace/go1.22-phases-restart.log");
        String text = new String(s.bytes(), StandardCharsets.UTF_8);
        // from the raw lines: the longest interval between two cycles of one run
        Pattern gc = Pattern.compile("^gc (\\d+) @([0-9.]+)s", Pattern.MULTILINE);
        Matcher m = gc.matcher(text);
        List<double[]> lines = new ArrayList<>();
        while (m.find()) lines.add(new double[] {Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2))});
        int widest = -1;
        double widestGap = 0;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i)[0] < lines.get(i - 1)[0]) continue; // the restart
            double gap = lines.get(i)[1] - lines.get(i - 1)[1];
            if (gap > widestGap) {
                widestGap = gap;
                widest = i;
            }
        }
        assertTrue(widestGap > 0.9, "the recording has a stretch of " + widestGap + " s without cycles");

        var table = DerivedColumns.addTo(new GcTraceParser().parse(TraceSource.of(s.fileName(), s.bytes()))).table(GcColumns.CYCLES_TABLE);
        TimelineCycles cycles = TimelineCycles.of(table, GcTraceSeries.of(table),
                new dev.gcscope.analysis.regime.RegimeAnalysis.Result(List.of(), new int[table.rowCount()], "none"));
        assertEquals(lines.size(), cycles.size());
        int[] segment = cycles.segmentOfRow();
        assertTrue(segment[widest] != segment[widest - 1], "no line across the " + widestGap + " s gap");
        int breaks = 0;
        for (int i = 1; i < segment.length; i++) if (segment[i] != segment[i - 1]) breaks++;
        // the restart, that gap, and only a few others: not a line broken at every irregular interval
        assertTrue(breaks >= 2 && breaks <= 6, breaks + " breaks");
    }
}
