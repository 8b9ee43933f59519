package dev.gcscope.render.plot;

import java.util.Arrays;

/**
 * Reduces a series to one min/max pair per pixel column, so drawing costs one line per column
 * however many points there are, and no extreme is lost: a single 200 ms pause among a million
 * 0.2 ms ones is still the maximum of its column (chart-fx's {@code ReducingLineRenderer} does the
 * same). The arrays are kept and reused from one reduction to the next.
 *
 * <p>Not thread-safe; one per chart (or per series of a chart).
 */
public final class MinMaxReducer {
    private double[] min = new double[0];
    private double[] max = new double[0];
    private double[] sum = new double[0];
    private int[] count = new int[0];
    private int[] maxAt = new int[0];
    private int columns;

    /**
     * Reduces points {@code from} (inclusive) to {@code to} (exclusive). Points whose y is NaN, whose
     * x falls outside the columns, or that {@code include} rejects are left out.
     *
     * @param xScale maps x to pixels; column {@code c} holds pixels {@code [firstColumnPixel + c, firstColumnPixel + c + 1)}
     * @param include which points belong to this series, or null for all
     */
    public void reduce(double[] x, double[] y, int from, int to, boolean[] include, LinearScale xScale,
                       double firstColumnPixel, int columns) {
        ensureCapacity(columns);
        this.columns = columns;
        Arrays.fill(count, 0, columns, 0);
        double[] mn = min, mx = max, sm = sum;
        int[] n = count;
        int[] at = maxAt;
        // x -> column in one multiply-add; the scale's fields are hoisted out of the loop.
        double scale = xScale.pixelsPerUnit();
        double offset = xScale.pixelAtMin() - firstColumnPixel - xScale.dataMin() * scale;
        for (int i = from; i < to; i++) {
            double v = y[i];
            if (Double.isNaN(v) || (include != null && !include[i])) continue;
            double px = x[i] * scale + offset;
            if (!(px >= 0 && px < columns)) continue; // also drops NaN x
            int c = (int) px;
            if (n[c]++ == 0) {
                mn[c] = v;
                mx[c] = v;
                sm[c] = v;
                at[c] = i;
            } else {
                sm[c] += v;
                if (v < mn[c]) mn[c] = v;
                if (v > mx[c]) {
                    mx[c] = v;
                    at[c] = i;
                }
            }
        }
    }

    private void ensureCapacity(int columns) {
        if (min.length >= columns) return;
        min = new double[columns];
        max = new double[columns];
        sum = new double[columns];
        count = new int[columns];
        maxAt = new int[columns];
    }

    public int columns() {
        return columns;
    }

    /** Points that fell into column {@code c}; min and max are only meaningful when this is positive. */
    public int count(int c) {
        return count[c];
    }

    public double min(int c) {
        return min[c];
    }

    public double max(int c) {
        return max[c];
    }

    /** The mean of column {@code c}'s points: where a line through a dense column runs. */
    public double mean(int c) {
        return sum[c] / count[c];
    }

    /**
     * Index of the point holding column {@code c}'s maximum (the first, on ties): lets a chart draw
     * that point's other attributes (its phases, its regime) for the whole column.
     */
    public int maxIndex(int c) {
        return maxAt[c];
    }
}
