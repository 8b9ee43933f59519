package dev.gcscope.render.timeline;

import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.PlotArea;
import java.util.Arrays;

/**
 * The density of a dense timeline (more cycles than a few per pixel column): per pixel column, the
 * median, 90th and 99th percentile and the maximum of the values of the cycles it covers, drawn as
 * nested bands from the bottom (everything up to the maximum faintest, up to P99, up to P90 darker)
 * with a line along the median. A million pauses then show where they concentrate instead of a solid
 * block of tallest bars, and the maximum of each column still shows, so no spike is hidden.
 *
 * <p>The quantiles are found to the pixel: each value is counted in its column's bin of the pixel
 * row it falls on, and a column's quantile is the pixel row where its cumulative count from the
 * bottom reaches it. One pass over the cycles and one over the bins, however many cycles; the bins
 * are reused between drawings. Written by hand because no library on the stack bins into pixels.
 */
final class QuantileBands {
    /** The quantiles drawn as band tops, outermost first (1 = the maximum). */
    static final double[] QUANTILES = {1, 0.99, 0.9};
    /**
     * Opacity of each band of {@link #QUANTILES}; they overlap from the bottom, so below P90 the
     * colour is at 1 − 0.8·0.7·0.65 ≈ 64 %, light enough for the median's line (at full colour) to
     * stand out (at 0.25/0.45/0.75 it was 90 % and the line disappeared into it).
     */
    private static final double[] OPACITY = {0.2, 0.3, 0.35};
    /**
     * How band {@code k} of {@link #QUANTILES} looks where it shows, the bands under it overlapping it
     * from the bottom (for a legend's swatch).
     */
    static double shownOpacity(int k) {
        double clear = 1;
        for (int i = 0; i <= k; i++) clear *= 1 - OPACITY[i];
        return 1 - clear;
    }

    /** The median's line. */
    static final double MEDIAN = 0.5;

    /** Index into {@code tops} of each quantile and the quantile, maximum first, median last (walked from the median up). */
    private static final int[] ASCENDING = {0, 1, 2, 3};
    private static final double[] ASCENDING_Q = {1, 0.99, 0.9, MEDIAN};

    private int[] bins = new int[0];
    private int[] count = new int[0];
    private double[][] tops = new double[QUANTILES.length + 1][0];

    /**
     * Draws the bands of {@code values} over rows {@code [from, to)}, skipping rows {@code include}
     * rejects (null: none).
     */
    void draw(Painter g, TimelineFrame f, double[] x, double[] values, boolean[] include, Rgba colour) {
        PlotArea area = f.area();
        int columns = f.columns();
        int rows = Math.max(1, (int) Math.ceil(area.height()));
        count(f, x, values, include, columns, rows);
        double bottom = area.bottom();
        for (double[] t : tops) Arrays.fill(t, 0, columns, Double.NaN);
        for (int c = 0; c < columns; c++) {
            int n = count[c];
            if (n == 0) continue;
            int base = c * rows;
            // one walk up the column's bins, from the bottom, passing the quantiles in ascending order
            long seen = 0;
            int r = rows - 1;
            for (int k = ASCENDING.length - 1; k >= 0; k--) {
                long need = Math.max(1, (long) Math.ceil(ASCENDING_Q[k] * n - 1e-9));
                while (r > 0 && seen + bins[base + r] < need) seen += bins[base + r--];
                tops[ASCENDING[k]][c] = area.y() + r;
            }
        }
        g.setFill(colour);
        for (int k = 0; k < QUANTILES.length; k++) {
            g.setGlobalAlpha(OPACITY[k]);
            fillBand(g, area, tops[k], columns, bottom);
        }
        g.setGlobalAlpha(1);
        g.setStroke(colour);
        g.setLineWidth(1.5);
        g.beginPath();
        boolean open = false;
        for (int c = 0; c < columns; c++) {
            double y = tops[QUANTILES.length][c];
            if (Double.isNaN(y)) {
                open = false;
                continue;
            }
            if (open) g.lineTo(area.x() + c + 0.5, y + 0.5);
            else g.moveTo(area.x() + c + 0.5, y + 0.5);
            open = true;
        }
        g.stroke();
    }

    private void count(TimelineFrame f, double[] x, double[] values, boolean[] include, int columns, int rows) {
        PlotArea area = f.area();
        int cells = columns * rows;
        if (bins.length < cells) bins = new int[cells];
        else Arrays.fill(bins, 0, cells, 0);
        if (count.length < columns) {
            count = new int[columns];
            for (int k = 0; k < tops.length; k++) tops[k] = new double[columns];
        } else {
            Arrays.fill(count, 0, columns, 0);
        }
        double scale = area.xScale().pixelsPerUnit();
        double offset = area.xScale().pixelAtMin() - area.x() - area.xScale().dataMin() * scale;
        double top = area.y();
        for (int i = f.from(); i < f.to(); i++) {
            double v = values[i];
            if (Double.isNaN(v) || (include != null && !include[i])) continue;
            double px = x[i] * scale + offset;
            if (!(px >= 0 && px < columns)) continue;
            int c = (int) px;
            int r = (int) (f.y(v) - top);
            if (r < 0) r = 0;
            else if (r >= rows) r = rows - 1;
            bins[c * rows + r]++;
            count[c]++;
        }
    }

    /** Fills from {@code bottom} up to each column's top, as polygons over runs of columns with data. */
    private static void fillBand(Painter g, PlotArea area, double[] top, int columns, double bottom) {
        int c = 0;
        while (c < columns) {
            if (Double.isNaN(top[c])) {
                c++;
                continue;
            }
            int start = c;
            while (c < columns && !Double.isNaN(top[c])) c++;
            int n = c - start;
            double[] px = new double[2 * n + 2];
            double[] py = new double[2 * n + 2];
            for (int i = 0; i < n; i++) {
                px[2 * i] = area.x() + start + i;
                px[2 * i + 1] = area.x() + start + i + 1;
                py[2 * i] = top[start + i];
                py[2 * i + 1] = top[start + i];
            }
            px[2 * n] = area.x() + c;
            py[2 * n] = bottom;
            px[2 * n + 1] = area.x() + start;
            py[2 * n + 1] = bottom;
            g.fillPolygon(px, py, 2 * n + 2);
        }
    }
}
