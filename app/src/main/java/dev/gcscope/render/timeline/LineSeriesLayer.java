package dev.gcscope.render.timeline;

import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.LinearScale;
import dev.gcscope.render.plot.MinMaxReducer;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.StwSeries;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of a {@link LineTimelineChart}. Where a pixel column covers several cycles the line runs
 * from the column's maximum to its minimum, so the envelope of a million cycles is drawn exactly and
 * a single extreme still reaches its value; where cycles are sparse the line joins them at their own
 * x, with a dot at each. Lines break between runs and across gaps without cycles
 * ({@link TimelineCycles#segmentOfRow()}).
 *
 * <p>When the rows in view are more than a few per pixel column ({@link TimelineFrame#dense()}) the
 * max-to-min zigzag of a slowly varying figure (the GC CPU share of a million cycles) fills a solid
 * area that hides where the line runs: the envelope is then drawn faint, and the line through each
 * column's mean over it.
 */
final class LineSeriesLayer implements TimelineLayer {
    private static final double LINE_WIDTH = 1.6;
    /** Above this many pixels per cycle, each cycle also gets a dot. */
    private static final double DOTS_FROM_WIDTH = 4;

    /** Opacity of the min-max envelope under a dense line. */
    private static final double ENVELOPE_OPACITY = 0.2;

    private final StwSeries layout;
    private final TimelineCycles cycles;
    private final int size;
    private final List<TimelineSeries> series;
    private final MinMaxReducer reducer = new MinMaxReducer();
    private final Band band = new Band();
    /** Per series, the pixel row of each column's mean in a dense drawing; reused. */
    private double[][] meanY = new double[0][0];

    LineSeriesLayer(TimelineCycles cycles, List<TimelineSeries> series) {
        this.layout = cycles.layout();
        this.cycles = cycles;
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
        if (f.dense()) {
            // every envelope first, then every mean line over them: a later series' envelope hid the
            // lines drawn before it
            if (meanY.length < series.size() || (series.size() > 0 && meanY[0].length < columns)) {
                meanY = new double[series.size()][columns];
            }
            for (int k = 0; k < series.size(); k++) {
                g.setFill(f.colours().paletteColour(series.get(k).colour()));
                drawEnvelope(g, f, series.get(k).values(), from, to, columns, meanY[k]);
            }
            for (int k = 0; k < series.size(); k++) {
                TimelineSeries s = series.get(k);
                g.setStroke(f.colours().paletteColour(s.colour()));
                g.setLineWidth(LINE_WIDTH);
                g.setLineDashes(s.dashed() ? new double[] {6, 4} : null);
                drawMeans(g, f.area(), meanY[k], columns);
            }
            g.setLineDashes((double[]) null);
            return;
        }
        for (TimelineSeries s : series) {
            Rgba colour = f.colours().paletteColour(s.colour());
            g.setStroke(colour);
            g.setFill(colour);
            g.setLineWidth(LINE_WIDTH);
            g.setLineDashes(s.dashed() ? new double[] {6, 4} : null);
            drawLine(g, f, s.values(), from, to, columns, dots);
            drawEdges(g, f, s.values(), lo, from, to, hi);
        }
        g.setLineDashes((double[]) null);
    }

    /**
     * A faint envelope (each column's min to max) of one series, keeping its columns' means in
     * {@code meanY} (NaN for an empty column; {@code -1 - y} where a restart starts the line again) for the lines drawn over
     * every envelope. A gap without cycles narrower than a pixel column is no break here: at this
     * density it is invisible, and breaking the line there cut it into dashes.
     */
    private void drawEnvelope(Painter g, TimelineFrame f, double[] v, int from, int to, int columns, double[] meanY) {
        PlotArea area = f.area();
        double[] x = layout.x();
        reducer.reduce(x, v, from, to, null, area.xScale(), area.x(), columns);
        g.setGlobalAlpha(ENVELOPE_OPACITY);
        band.clear();
        int previous = -1;
        for (int c = 0; c < columns; c++) {
            if (reducer.count(c) == 0) {
                band.fill(g);
                meanY[c] = Double.NaN;
                previous = -1;
                continue;
            }
            int run = layout.run(reducer.maxIndex(c));
            if (run != previous) band.fill(g);
            double top = f.y(reducer.max(c));
            // flat across its column (a single spike's column is a whole pixel wide, not a hairline
            // peak), and at least a pixel tall, so a flat stretch still shows its envelope
            double bottom = Math.max(top + 0.5, f.y(reducer.min(c)));
            band.add(area.x() + c, top - 0.5, bottom);
            band.add(area.x() + c + 1, top - 0.5, bottom);
            // a restart starts the mean line again, as negative pixel rows (no plot has them) mark
            meanY[c] = run != previous && previous != -1 ? -1 - f.y(reducer.mean(c)) : f.y(reducer.mean(c));
            previous = run;
        }
        band.fill(g);
        g.setGlobalAlpha(1);
    }

    /** The line through the columns' means kept by {@link #drawEnvelope}. */
    private static void drawMeans(Painter g, PlotArea area, double[] meanY, int columns) {
        g.beginPath();
        boolean open = false;
        for (int c = 0; c < columns; c++) {
            double py = meanY[c];
            if (Double.isNaN(py)) {
                open = false;
                continue;
            }
            if (py < 0) {
                py = -1 - py;
                open = false;
            }
            double px = area.x() + c + 0.5;
            if (open) g.lineTo(px, py);
            else g.moveTo(px, py);
            open = true;
        }
        g.stroke();
    }

    private void drawLine(Painter g, TimelineFrame f, double[] v, int from, int to, int columns, boolean dots) {
        PlotArea area = f.area();
        double[] x = layout.x();
        int[] segment = cycles.segmentOfRow();
        LinearScale xs = area.xScale();
        reducer.reduce(x, v, from, to, null, xs, area.x(), columns);
        g.beginPath();
        boolean open = false;
        int previousRun = -1;
        band.clear();
        for (int c = 0; c < columns; c++) {
            int n = reducer.count(c);
            if (n == 0) continue;
            int row = reducer.maxIndex(c);
            int run = segment[row];
            boolean joined = open && run == previousRun;
            if (n == 1) {
                // the line leaves a band from its last column's minimum, as a line through it would
                if (!band.isEmpty() && joined) g.moveTo(band.lastX(), band.lastBottom());
                band.flush(g, LINE_WIDTH);
                double px = xs.toPixel(x[row]);
                double py = f.y(v[row]);
                if (joined) g.lineTo(px, py);
                else g.moveTo(px, py);
                if (dots) g.fillOval(px - 2, py - 2, 4, 4);
            } else {
                double cx = area.x() + c + 0.5;
                double top = f.y(reducer.max(c));
                double bottom = f.y(reducer.min(c));
                if (!joined) band.flush(g, LINE_WIDTH);
                if (band.isEmpty()) {
                    if (joined) g.lineTo(cx, top);
                    else g.moveTo(cx, top);
                }
                band.add(cx, top, bottom);
            }
            open = true;
            previousRun = run;
        }
        band.flush(g, LINE_WIDTH);
        g.stroke();
    }

    /**
     * Consecutive pixel columns of many cycles each, drawn as one band from each column's maximum to
     * its minimum, outlined with the line's width: the picture of a line running max to min in every
     * column, but a polygon crossing each pixel row a few times instead of once per column, which on
     * a million cycles is what decides how fast a bitmap is rasterised (the zigzag took seconds at 2×).
     */
    private static final class Band {
        private double[] xs = new double[64];
        private double[] ys = new double[64];
        private double[] bottoms = new double[32];
        private int n;

        boolean isEmpty() {
            return n == 0;
        }

        double lastX() {
            return xs[n - 1];
        }

        double lastBottom() {
            return bottoms[n - 1];
        }

        void clear() {
            n = 0;
        }

        void add(double x, double top, double bottom) {
            if (2 * (n + 1) > xs.length) {
                xs = Arrays.copyOf(xs, xs.length * 2);
                ys = Arrays.copyOf(ys, ys.length * 2);
                bottoms = Arrays.copyOf(bottoms, bottoms.length * 2);
            }
            xs[n] = x;
            ys[n] = top;
            bottoms[n] = bottom;
            n++;
        }

        /** Fills the band collected so far, without outline, and starts a new one. */
        void fill(Painter g) {
            if (n == 0) return;
            close();
            g.fillPolygon(xs, ys, 2 * n);
            n = 0;
        }

        private void close() {
            for (int i = 0; i < n; i++) {
                xs[2 * n - 1 - i] = xs[i];
                ys[2 * n - 1 - i] = bottoms[i];
            }
        }

        /** Draws the band collected so far (tops left to right, bottoms back) and starts a new one. */
        void flush(Painter g, double lineWidth) {
            if (n == 0) return;
            for (int i = 0; i < n; i++) {
                xs[2 * n - 1 - i] = xs[i];
                ys[2 * n - 1 - i] = bottoms[i];
            }
            g.fillPolygon(xs, ys, 2 * n);
            g.setLineWidth(lineWidth);
            g.strokePolygon(xs, ys, 2 * n);
            n = 0;
        }
    }

    /** The segments from the last cycle before the view to the first in it, and the same at the right. */
    private void drawEdges(Painter g, TimelineFrame f, double[] v, int lo, int from, int to, int hi) {
        double[] x = layout.x();
        if (lo < from && from < to) segment(g, f, x, v, lo, from);
        if (to < hi && from < to) segment(g, f, x, v, to - 1, to);
        if (from == to && lo < from && to < hi) segment(g, f, x, v, lo, to);
    }

    private void segment(Painter g, TimelineFrame f, double[] x, double[] v, int a, int b) {
        int[] segment = cycles.segmentOfRow();
        if (Double.isNaN(v[a]) || Double.isNaN(v[b]) || segment[a] != segment[b]) return;
        PlotArea area = f.area();
        g.strokeLine(area.xScale().toPixel(x[a]), f.y(v[a]), area.xScale().toPixel(x[b]), f.y(v[b]));
    }
}
