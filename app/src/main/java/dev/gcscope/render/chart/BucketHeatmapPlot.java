package dev.gcscope.render.chart;

import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.AxisTicks;
import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.plot.LinearScale;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.render.plot.Quantity;
import java.util.Locale;
import java.util.Optional;

/**
 * Per-interval histograms as a heatmap: one column per interval (x = time), one row per bucket on a
 * log y axis, colour = the interval's count in that bucket on a log scale from the low colour (one
 * observation) to the high colour (the largest count); empty cells stay background. Buckets are drawn
 * as {@link BucketHistogramPlot} draws them (0/−∞ and +∞ ends halved/doubled), and only the range of
 * buckets with any observation is shown.
 */
public final class BucketHeatmapPlot implements PlotContent {
    /**
     * @param startX each column's left edge (interval start time, or its number)
     * @param endX each column's right edge
     * @param counts counts[column][bucket]
     * @param wholeX the columns are numbered intervals, so x ticks are whole numbers ("0.5" meant nothing)
     */
    public record Cells(String xTitle, String yTitle, Quantity quantity, double[] lower, double[] upper,
                        double[] startX, double[] endX, double[][] counts, boolean wholeX) {
        /** Columns over a continuous x (time). */
        public Cells(String xTitle, String yTitle, Quantity quantity, double[] lower, double[] upper,
                     double[] startX, double[] endX, double[][] counts) {
            this(xTitle, yTitle, quantity, lower, upper, startX, endX, counts, false);
        }

        public static Cells empty() {
            return new Cells("", "", Quantity.PLAIN, new double[0], new double[0], new double[0], new double[0], new double[0][]);
        }

        public int columns() {
            return startX.length;
        }

        public double maxCount() {
            double m = 0;
            for (double[] c : counts) for (double v : c) m = Math.max(m, v);
            return m;
        }
    }

    /** {@code -chart-heat-low}, {@code -chart-heat-high} on screen. */
    public record Colours(Rgba low, Rgba high) {
        /**
         * The colour of a count when the largest is {@code maxCount}, on a log scale; null for an
         * empty cell.
         */
        public Rgba of(double count, double maxCount) {
            if (!(count > 0) || maxCount <= 0) return null;
            double f = maxCount <= 1 ? 1 : Math.log(count) / Math.log(maxCount);
            return low.interpolate(high, Math.max(0, Math.min(1, f)));
        }
    }

    private final Cells cells;
    private final Colours colours;
    private final double[] logLo;
    private final double[] logHi;
    private double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
    private final double maxCount;
    private final boolean hasData;

    public BucketHeatmapPlot(Cells c, Colours colours) {
        this.cells = c;
        this.colours = colours;
        int n = c.upper().length;
        logLo = new double[n];
        logHi = new double[n];
        maxCount = c.maxCount();
        for (int b = 0; b < n; b++) {
            double lo = c.lower()[b], hi = c.upper()[b];
            if (!(hi > 0)) lo = hi = Double.NaN;
            if (hi == Double.POSITIVE_INFINITY) hi = lo > 0 ? lo * 2 : Double.NaN;
            if (!(lo > 0)) lo = hi / 2;
            logLo[b] = Math.log10(lo);
            logHi[b] = Math.log10(hi);
            boolean used = false;
            for (double[] col : c.counts()) used |= col[b] > 0;
            if (used && !Double.isNaN(logLo[b]) && !Double.isNaN(logHi[b])) {
                yMin = Math.min(yMin, logLo[b]);
                yMax = Math.max(yMax, logHi[b]);
            }
        }
        boolean any = c.columns() > 0 && yMax > yMin;
        hasData = any;
        if (any && yMax - yMin < 1) {
            double mid = (yMin + yMax) / 2;
            yMin = mid - 0.5;
            yMax = mid + 0.5;
        }
    }

    public Cells cells() {
        return cells;
    }

    public double maxCount() {
        return maxCount;
    }

    /** The colour of a count, as drawn; null for an empty cell. */
    public Rgba colourOf(double count) {
        return colours.of(count, maxCount);
    }

    @Override
    public AxisSpec xAxis() {
        if (!hasData) return null;
        double lo = cells.startX()[0], hi = cells.endX()[cells.columns() - 1];
        // numbered columns end on whole numbers: half a column of padding each side would look like a gap
        return new AxisSpec(cells.xTitle(), lo, hi > lo ? hi : lo + 1, cells.wholeX(), false, !cells.wholeX());
    }

    @Override
    public AxisSpec yAxis() {
        return hasData ? new AxisSpec(cells.yTitle() + " (log)", yMin, yMax, false, false) : null;
    }

    /** Log ticks at 1-2-5 steps when the buckets span few decades, not just one label per decade. */
    @Override
    public boolean logY() {
        return true;
    }

    @Override
    public String yTickLabel(AxisTicks ticks, int i) {
        return cells.quantity().format(Math.pow(10, ticks.at(i)));
    }

    @Override
    public void drawData(Painter g, PlotArea area) {
        Cells c = cells;
        LinearScale xs = area.xScale(), ys = area.yScale();
        if (c.columns() > area.width() || logLo.length > area.height()) {
            drawReduced(g, area, c);
            return;
        }
        for (int col = 0; col < c.columns(); col++) {
            double x0 = Math.floor(xs.toPixel(c.startX()[col])), x1 = Math.ceil(xs.toPixel(c.endX()[col]));
            double[] counts = c.counts()[col];
            for (int b = 0; b < counts.length; b++) {
                Rgba colour = colourOf(counts[b]);
                if (colour == null || Double.isNaN(logLo[b]) || Double.isNaN(logHi[b])) continue;
                double y0 = ys.toPixel(logHi[b]), y1 = ys.toPixel(logLo[b]);
                g.setFill(colour);
                g.fillRect(x0, Math.floor(y0), Math.max(1, x1 - x0), Math.max(1, Math.ceil(y1) - Math.floor(y0)));
            }
        }
    }

    /**
     * More intervals than pixel columns (a day of scrapes) or more buckets than pixel rows: cells
     * painted one over another would show whichever came last. Each pixel instead takes the largest
     * count of the cells that cover it, so a burst in one interval is never hidden by its quiet
     * neighbours, and is written once.
     */
    private void drawReduced(Painter g, PlotArea area, Cells c) {
        int left = (int) Math.round(area.x()), top = (int) Math.round(area.y());
        int w = (int) Math.floor(area.width()), h = (int) Math.floor(area.height());
        if (w <= 0 || h <= 0) return;
        double[] grid = new double[w * h];
        LinearScale xs = area.xScale(), ys = area.yScale();
        for (int col = 0; col < c.columns(); col++) {
            int x0 = clamp((int) Math.floor(xs.toPixel(c.startX()[col])) - left, w);
            int x1 = Math.max(x0 + 1, clamp((int) Math.ceil(xs.toPixel(c.endX()[col])) - left, w + 1));
            double[] counts = c.counts()[col];
            for (int b = 0; b < counts.length; b++) {
                double n = counts[b];
                if (!(n > 0) || Double.isNaN(logLo[b]) || Double.isNaN(logHi[b])) continue;
                int y0 = clamp((int) Math.floor(ys.toPixel(logHi[b])) - top, h);
                int y1 = Math.max(y0 + 1, clamp((int) Math.ceil(ys.toPixel(logLo[b])) - top, h + 1));
                for (int y = y0; y < Math.min(y1, h); y++) {
                    for (int x = x0; x < Math.min(x1, w); x++) {
                        int i = y * w + x;
                        if (n > grid[i]) grid[i] = n;
                    }
                }
            }
        }
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            Rgba colour = colourOf(grid[i]);
            if (colour != null) argb[i] = colour.argb();
        }
        g.fillPixels(left, top, w, h, argb);
    }

    private static int clamp(int v, int limit) {
        return Math.max(0, Math.min(v, limit - 1));
    }

    /** The cell under the pointer: its interval, bucket and count. */
    public Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        Cells c = cells;
        double x = area.xScale().toValue(px), y = area.yScale().toValue(py);
        for (int col = 0; col < c.columns(); col++) {
            if (!(x >= c.startX()[col] && x < c.endX()[col])) continue;
            for (int b = 0; b < logLo.length; b++) {
                if (!(y >= logLo[b] && y < logHi[b])) continue;
                Quantity q = c.quantity();
                String text = String.format(Locale.ROOT, "interval %d (%s – %s)%n[%s, %s)%ncount %,.0f", col + 1,
                        Quantity.number(c.startX()[col]), Quantity.number(c.endX()[col]), q.format(c.lower()[b]),
                        q.format(c.upper()[b]), c.counts()[col][b]);
                return Optional.of(new HoverPoint(px, py, col, text));
            }
        }
        return Optional.empty();
    }
}
