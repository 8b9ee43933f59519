package dev.gcscope.ui.timeline;

import dev.gcscope.ui.chart.LinearScale;
import dev.gcscope.ui.chart.MinMaxReducer;
import dev.gcscope.ui.chart.PlotArea;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;

/**
 * Figures per cycle as lines (heap sizes, GC CPU share). Where a pixel column covers several
 * cycles the line runs from the column's maximum to its minimum, so the envelope of a million
 * cycles is drawn exactly and a single extreme still reaches its value; where cycles are sparse the
 * line joins them at their own x, with a dot at each. Lines break between runs.
 *
 * <p>Colours: the palette slot {@link TimelineSeries#colour()} of each series.
 */
public final class LineTimelineChart extends TimelineChart {
    private static final double LINE_WIDTH = 1.6;
    /** Above this many pixels per cycle, each cycle also gets a dot. */
    private static final double DOTS_FROM_WIDTH = 4;

    private final String yTitle;
    private final List<TimelineSeries> series;
    private final MinMaxReducer reducer = new MinMaxReducer();

    public LineTimelineChart(TimelineCycles cycles, String yTitle, List<TimelineSeries> series) {
        super(cycles);
        this.yTitle = yTitle;
        this.series = List.copyOf(series);
        getStyleClass().add("line-timeline-chart");
    }

    public List<TimelineSeries> series() {
        return series;
    }

    /** The colour series {@code s} is drawn in. */
    public Paint colour(TimelineSeries s) {
        return paletteColour(s.colour());
    }

    @Override
    protected String yTitle() {
        return yTitle;
    }

    @Override
    protected double yMax(int from, int to) {
        double m = Double.NaN;
        for (TimelineSeries s : series) {
            double[] v = s.values();
            for (int i = from; i < to; i++) {
                if (v[i] > m || (Double.isNaN(m) && !Double.isNaN(v[i]))) m = v[i];
            }
        }
        return m;
    }

    @Override
    protected double pickY(int i, double pointerY) {
        double best = Double.NaN;
        for (TimelineSeries s : series) {
            double v = s.values()[i];
            if (Double.isNaN(v)) continue;
            if (Double.isNaN(best)) best = v;
            else if (Double.isNaN(pointerY) ? v > best : closer(v, best, pointerY)) best = v;
        }
        return best;
    }

    /** Whether {@code v} is nearer {@code target} than {@code best} (ties to the higher). */
    private static boolean closer(double v, double best, double target) {
        double dv = Math.abs(v - target), db = Math.abs(best - target);
        return dv < db || (dv == db && v > best);
    }

    @Override
    protected void describeValues(StringBuilder b, int i) {
        for (TimelineSeries s : series) figure(b, s.label(), s.values()[i], s.unit());
    }

    @Override
    protected void drawRows(GraphicsContext g, PlotArea area, int from, int to) {
        int columns = (int) Math.ceil(area.width());
        boolean dots = barWidth(area, from, to) >= DOTS_FROM_WIDTH;
        // Neighbours just outside the view, so lines run to the edges instead of stopping short.
        int lo = Math.max(0, from - 1);
        int hi = Math.min(cycles.size(), to + 1);
        for (TimelineSeries s : series) {
            Paint colour = colour(s);
            g.setStroke(colour);
            g.setFill(colour);
            g.setLineWidth(LINE_WIDTH);
            g.setLineDashes(s.dashed() ? new double[] {6, 4} : null);
            drawLine(g, area, s.values(), from, to, columns, dots);
            drawEdges(g, area, s.values(), lo, from, to, hi);
        }
        g.setLineDashes((double[]) null);
    }

    private void drawLine(GraphicsContext g, PlotArea area, double[] v, int from, int to, int columns, boolean dots) {
        double[] x = layout.x();
        LinearScale xs = area.xScale();
        LinearScale ys = area.yScale();
        reducer.reduce(x, v, from, to, null, xs, area.x(), columns);
        g.beginPath();
        boolean open = false;
        int previousRun = -1;
        for (int c = 0; c < columns; c++) {
            int n = reducer.count(c);
            if (n == 0) continue;
            int row = reducer.maxIndex(c);
            int run = layout.run(row);
            if (n == 1) {
                double px = xs.toPixel(x[row]);
                double py = ys.toPixel(v[row]);
                if (open && run == previousRun) g.lineTo(px, py);
                else g.moveTo(px, py);
                if (dots) g.fillOval(px - 2, py - 2, 4, 4);
            } else {
                double cx = area.x() + c + 0.5;
                if (open && run == previousRun) g.lineTo(cx, ys.toPixel(reducer.max(c)));
                else g.moveTo(cx, ys.toPixel(reducer.max(c)));
                g.lineTo(cx, ys.toPixel(reducer.min(c)));
            }
            open = true;
            previousRun = run;
        }
        g.stroke();
    }

    /** The segments from the last cycle before the view to the first in it, and the same at the right. */
    private void drawEdges(GraphicsContext g, PlotArea area, double[] v, int lo, int from, int to, int hi) {
        double[] x = layout.x();
        if (lo < from && from < to) segment(g, area, x, v, lo, from);
        if (to < hi && from < to) segment(g, area, x, v, to - 1, to);
        if (from == to && lo < from && to < hi) segment(g, area, x, v, lo, to);
    }

    private void segment(GraphicsContext g, PlotArea area, double[] x, double[] v, int a, int b) {
        if (Double.isNaN(v[a]) || Double.isNaN(v[b]) || layout.run(a) != layout.run(b)) return;
        g.strokeLine(area.xScale().toPixel(x[a]), area.yScale().toPixel(v[a]),
                area.xScale().toPixel(x[b]), area.yScale().toPixel(v[b]));
    }
}
