package dev.gcscope.render.plot;

import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.TextAlign;
import dev.gcscope.render.TextBaseline;
import java.util.List;

/**
 * A chart with its legend over it, as one picture: an exported chart or a report's figure leaves the
 * window's header behind, and without the legend its colours would say nothing. The entries wrap
 * onto more rows when the picture is narrow.
 *
 * <p>What a chart draws may depend on the size it is drawn at (a timeline with more cycles than
 * pixels draws densities instead of cycles), so the legend is chosen after the chart is drawn, and
 * the room for it is what the largest of its {@linkplain Entries#candidates() candidates} needs:
 * the chart's height never depends on which one is shown.
 */
public record LegendedChart(ChartDrawing chart, Entries entries, ChartFont font, Rgba textFill, double left, double fixedHeight)
        implements ChartDrawing {
    private static final double SWATCH = 11;
    private static final double LINE = 16;
    private static final double MARK_GAP = 5;
    private static final double ENTRY_GAP = 14;
    private static final double ROW_GAP = 2;
    private static final double TOP = 4;

    /** The legend's possible entry lists, and the one that applies once the chart is drawn. */
    public interface Entries {
        List<List<LegendEntry>> candidates();

        List<LegendEntry> afterDrawing();
    }

    /** A legend whose entries do not depend on the drawing. */
    public static Entries fixed(List<LegendEntry> entries) {
        List<LegendEntry> copy = List.copyOf(entries);
        return new Entries() {
            @Override
            public List<List<LegendEntry>> candidates() {
                return List.of(copy);
            }

            @Override
            public List<LegendEntry> afterDrawing() {
                return copy;
            }
        };
    }

    /**
     * @param left where the entries start
     */
    public LegendedChart(ChartDrawing chart, Entries entries, ChartFont font, Rgba textFill, double left) {
        this(chart, entries, font, textFill, left, Double.NaN);
    }

    /**
     * The height the legend takes over a picture {@code width} wide, its text measured by
     * {@code metrics} (which must have no font set that matters: the legend sets its own).
     */
    public double legendHeight(Painter metrics, double width) {
        metrics.setFont(font);
        int rows = 0;
        for (List<LegendEntry> c : entries.candidates()) rows = Math.max(rows, rows(metrics, c, width - left - TOP));
        return rows == 0 ? 0 : TOP + rows * rowHeight(metrics);
    }

    /**
     * The same legend over a fixed height: a chart exported from the window keeps its height on
     * screen under a legend measured there, however the picture's painter measures text.
     */
    public LegendedChart withLegendHeight(double height) {
        return new LegendedChart(chart, entries, font, textFill, left, height);
    }

    private static double rowHeight(Painter g) {
        return Math.max(SWATCH, g.lineHeight()) + ROW_GAP;
    }

    @Override
    public void paint(Painter g, double width, double height) {
        double legendHeight = Double.isNaN(fixedHeight) ? legendHeight(g, width) : fixedHeight;
        g.setFont(font);
        double room = width - left - TOP;
        double rowHeight = rowHeight(g);
        g.save();
        g.translate(0, legendHeight);
        chart.paint(g, width, Math.max(0, height - legendHeight));
        g.restore();
        draw(g, entries.afterDrawing(), room, rowHeight);
    }

    private double entryWidth(Painter g, LegendEntry e) {
        double mark = e.mark() == LegendEntry.Mark.LINE ? LINE : SWATCH;
        return mark + MARK_GAP + g.textWidth(e.label());
    }

    private int rows(Painter g, List<LegendEntry> list, double room) {
        if (list.isEmpty()) return 0;
        int rows = 1;
        double x = 0;
        for (LegendEntry e : list) {
            double w = entryWidth(g, e);
            if (x > 0 && x + w > room) {
                rows++;
                x = 0;
            }
            x += w + ENTRY_GAP;
        }
        return rows;
    }

    private void draw(Painter g, List<LegendEntry> list, double room, double rowHeight) {
        g.setFont(font);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(TextBaseline.CENTER);
        double x = 0, cy = TOP + rowHeight / 2;
        for (LegendEntry e : list) {
            double w = entryWidth(g, e);
            if (x > 0 && x + w > room) {
                x = 0;
                cy += rowHeight;
            }
            double mx = left + x;
            drawMark(g, e, mx, cy);
            g.setFill(textFill);
            g.setGlobalAlpha(1);
            g.fillText(e.label(), mx + (e.mark() == LegendEntry.Mark.LINE ? LINE : SWATCH) + MARK_GAP, cy);
            x += w + ENTRY_GAP;
        }
    }

    private static void drawMark(Painter g, LegendEntry e, double x, double cy) {
        double h = SWATCH / 2;
        switch (e.mark()) {
            case BOX -> {
                g.setFill(e.colour());
                g.setGlobalAlpha(e.opacity());
                g.fillRect(x, cy - h, SWATCH, SWATCH);
                g.setGlobalAlpha(1);
            }
            case LINE -> {
                g.setStroke(e.colour());
                g.setLineWidth(2);
                g.setLineDashes(e.dashed() ? new double[] {4, 3} : null);
                g.strokeLine(x, cy, x + LINE, cy);
                g.setLineDashes((double[]) null);
                g.setLineWidth(1);
            }
            case DIAMOND -> {
                g.setStroke(e.colour());
                g.setLineWidth(1.5);
                g.strokePolygon(new double[] {x + h, x + SWATCH, x + h, x}, new double[] {cy - h, cy, cy + h, cy}, 4);
                g.setLineWidth(1);
            }
            case TICK -> {
                g.setFill(e.colour());
                g.fillRect(x + h - 1, cy - 4, 2, 8);
            }
        }
    }
}
