package dev.gcscope.analysis.sched;

/**
 * A histogram of positive values in log-spaced bins, {@link #BINS_PER_DECADE} to a decade, for
 * delays that range from microseconds to tens of milliseconds. Values below {@code floor} (perf
 * prints {@code 0.000} for a delay under a microsecond) go into a first bin {@code [0, floor)}.
 *
 * @param lower each bin's lower bound (inclusive); the first is 0
 * @param upper each bin's upper bound (exclusive; the last bin also holds its upper bound)
 */
public record LogBins(double[] lower, double[] upper, double[] counts) {
    public static final int BINS_PER_DECADE = 5;

    /**
     * @param floor the smallest bound, e.g. 0.001 ms (perf's resolution)
     * @param values NaN ones are left out
     */
    public static LogBins of(double[] values, double floor) {
        double max = floor;
        for (double v : values) if (v > max) max = v;
        int decades = (int) Math.ceil(Math.log10(max / floor) * BINS_PER_DECADE - 1e-9);
        int n = Math.max(1, decades) + 1;
        double[] lower = new double[n], upper = new double[n], counts = new double[n];
        lower[0] = 0;
        upper[0] = floor;
        for (int b = 1; b < n; b++) {
            lower[b] = upper[b - 1];
            upper[b] = floor * Math.pow(10, (double) b / BINS_PER_DECADE);
        }
        for (double v : values) {
            if (Double.isNaN(v) || v < 0) continue;
            int b = v < floor ? 0 : 1 + (int) Math.floor(Math.log10(v / floor) * BINS_PER_DECADE + 1e-9);
            counts[Math.min(b, n - 1)]++;
        }
        return new LogBins(lower, upper, counts);
    }
}
