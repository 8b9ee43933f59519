package dev.gcscope.render.timeline;

import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.LinearScale;
import dev.gcscope.render.plot.MinMaxReducer;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.StwSeries;
import java.util.List;

/**
 * The lines of a {@link LineTimelineChart}. Where a pixel column covers several cycles the line runs
 * from the column's maximum to its minimum, so the envelope of a million cycles is drawn exactly and
 * a single extreme still reaches its value; where cycles are sparse the line joins them at their own
 * x, with a dot at each. Lines break between runs.
 */
final class LineSeriesLayer implements TimelineLayer {
    private static final double LINE_WIDTH = 1.6;
    /** Above this many pixels per cycle, each cycle also gets a dot. */
    private static final double DOTS_FROM_WIDTH = 4;

    private final StwSeries layout;
    private final int size;
    private final List<TimelineSeries> series;
    private final MinMaxReducer reducer = new MinMaxReducer();

    LineSeriesLayer(TimelineCycles cycles, List<TimelineSeries> series) {
        this.layout = cycles.layout();
        this.size = cycles.size();
        this.series = series;
    }

    @Override
    public void draw(Painter g, TimelineFrame f) {
        int from = f.from(), to = f.to();
        int columns = f.columns();
        boolean dots = f.barWidth() >= DOTS_FROM_WIDTH;
        // Neighbours just outside the view, so lines run to the edges instead of stopping short.
        int lo = Math.max(0, from - 1);
        int hi = Math.min(size, to + 1);
        for (TimelineSeries s : series) {
            Rgba colour = f.colours().paletteColour(s.colour());
            g.setStroke(colour);
            g.setFill(colour);
            g.setLineWidth(LINE_WIDTH);
            g.setLineDashes(s.dashed() ? new double[] {6, 4} : null);
            drawLine(g, f.area(), s.values(), from, to, columns, dots);
            drawEdges(g, f.area(), s.values(), lo, from, to, hi);
        }
        g.setLineDashes((double[]) null);
    }

    private void drawLine(Painter g, PlotArea area, double[] v, int from, int to, int columns, boolean dots) {
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
    private void drawEdges(Painter g, PlotArea area, double[] v, int lo, int from, int to, int hi) {
        double[] x = layout.x();
        if (lo < from && from < to) segment(g, area, x, v, lo, from);
        if (to < hi && from < to) segment(g, area, x, v, to - 1, to);
        if (from == to && lo < from && to < hi) segment(g, area, x, v, lo, to);
    }

    private void segment(Painter g, PlotArea area, double[] x, double[] v, int a, int b) {
        if (Double.isNaN(v[a]) || Double.isNaN(v[b]) || layout.run(a) != layout.run(b)) return;
        g.strokeLine(area.xScale().toPixel(x[a]), area.yScale().toPixel(v[a]),
                area.xScale().toPixel(x[b]), area.yScale().toPixel(v[b]));
    }
}
