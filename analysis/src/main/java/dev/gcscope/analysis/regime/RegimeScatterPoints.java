package dev.gcscope.analysis.regime;

import java.util.Arrays;
import tech.tablesaw.api.Table;

/**
 * Each cycle as the regime scatter places it: log10 of its allocation rate (MB/s) and its survival,
 * the smoothed figures the regimes were clustered on ({@link RegimeFeatures}), so a dot's position
 * and its regime colour agree. Built once per trace in O(n); {@link #bin} then counts any row range
 * into a grid per regime in O(range), so a million cycles draw as a few thousand cells.
 *
 * @param log10Rate per table row; NaN when the cycle has no figures (forced, first of a run)
 * @param survival per table row, live ÷ end heap; NaN likewise
 */
public record RegimeScatterPoints(float[] log10Rate, float[] survival, double xMin, double xMax, double yMin, double yMax) {

    public static RegimeScatterPoints of(Table cycles) {
        RegimeFeatures f = RegimeFeatures.of(cycles);
        int n = cycles.rowCount();
        float[] x = new float[n], y = new float[n];
        Arrays.fill(x, Float.NaN);
        Arrays.fill(y, Float.NaN);
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < f.size(); i++) {
            double rate = RegimeFeatures.rateOf(f.logRate[i]);
            double s = f.survival[i];
            if (!(rate > 0) || Double.isNaN(s)) continue;
            int row = f.rows[i];
            x[row] = (float) Math.log10(rate);
            y[row] = (float) s;
            xMin = Math.min(xMin, x[row]);
            xMax = Math.max(xMax, x[row]);
            yMin = Math.min(yMin, y[row]);
            yMax = Math.max(yMax, y[row]);
        }
        return new RegimeScatterPoints(x, y, xMin, xMax, yMin, yMax);
    }

    /** True when no cycle has figures to place. */
    public boolean isEmpty() {
        return !(xMax >= xMin);
    }

    /**
     * Counts rows [{@code from}, {@code to}) into a {@code cols}×{@code rows} grid over the whole
     * trace's extent, per regime.
     *
     * @param regimeOfRow regime of each table row, −1 for none
     * @param regimes how many regimes there are (ids 0..regimes−1)
     */
    public Grid bin(int[] regimeOfRow, int regimes, int from, int to, int cols, int rows) {
        int[][] counts = new int[regimes + 1][cols * rows];
        double xSpan = xMax > xMin ? xMax - xMin : 1, ySpan = yMax > yMin ? yMax - yMin : 1;
        int placed = 0;
        for (int i = from; i < to; i++) {
            float x = log10Rate[i];
            if (Float.isNaN(x)) continue;
            int c = Math.min(cols - 1, (int) ((x - xMin) / xSpan * cols));
            int r = Math.min(rows - 1, (int) ((survival[i] - yMin) / ySpan * rows));
            int g = regimeOfRow[i] < 0 || regimeOfRow[i] >= regimes ? regimes : regimeOfRow[i];
            counts[g][r * cols + c]++;
            placed++;
        }
        return new Grid(cols, rows, counts, placed);
    }

    /**
     * Cycles per cell and regime; cell (c, r) covers column c of the x extent (left to right) and
     * row r of the y extent (bottom to top).
     *
     * @param counts {@code counts[regime][r * cols + c]}; the last regime index holds cycles of no regime
     * @param placed cycles counted
     */
    public record Grid(int cols, int rows, int[][] counts, int placed) {
        public int total(int cell) {
            int t = 0;
            for (int[] perRegime : counts) t += perRegime[cell];
            return t;
        }

        /** The regime with most cycles in the cell (ties: the lower id); {@code counts.length − 1} is "none". */
        public int dominant(int cell) {
            int best = 0;
            for (int g = 1; g < counts.length; g++) if (counts[g][cell] > counts[best][cell]) best = g;
            return best;
        }

        /** Cycles of regime {@code g} in the grid ({@code counts.length − 1}: of no regime). */
        public int cyclesOf(int g) {
            int n = 0;
            for (int c : counts[g]) n += c;
            return n;
        }

        public int maxTotal() {
            int m = 0;
            for (int cell = 0; cell < cols * rows; cell++) m = Math.max(m, total(cell));
            return m;
        }
    }
}
