package dev.gcscope.analysis.sched;

import java.util.Arrays;

/**
 * A complementary CDF for a log–log overlay: for each positive value x, the share of all observations
 * at least x. Zero delays (perf prints many {@code 0.000}) have no place on a log axis; they count in
 * {@link #count()}, so the curve starts below 100 % by their share.
 *
 * @param count every observation, zeros included
 * @param x distinct positive values, ascending
 * @param share the share of all observations ≥ x, same length
 * @param binned whether x are bucket edges (the observations under x[0] are then not zeros but under that edge)
 */
public record Ccdf(long count, double[] x, double[] share, boolean binned) {
    public static final Ccdf EMPTY = new Ccdf(0, new double[0], new double[0], false);

    /** Of raw values (NaN left out). */
    public static Ccdf ofSample(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        int n = v.length;
        double[] xs = new double[n], shares = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (v[i] <= 0 || (i > 0 && v[i] == v[i - 1])) continue;
            xs[k] = v[i];
            shares[k++] = (double) (n - i) / n;
        }
        return new Ccdf(n, Arrays.copyOf(xs, k), Arrays.copyOf(shares, k), false);
    }

    /**
     * Of a histogram: one point per non-empty bucket with a positive lower edge, at that edge (every
     * observation of the bucket and above is at least it), scaled by {@code scale} (1000: s → ms).
     */
    public static Ccdf ofHistogram(double[] lower, double[] counts, double scale) {
        double total = 0;
        for (double c : counts) total += c;
        if (!(total > 0)) return EMPTY;
        double[] xs = new double[counts.length], shares = new double[counts.length];
        int k = 0;
        double atLeast = total;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && lower[i] > 0 && Double.isFinite(lower[i])) {
                xs[k] = lower[i] * scale;
                shares[k++] = atLeast / total;
            }
            atLeast -= counts[i];
        }
        return new Ccdf(Math.round(total), Arrays.copyOf(xs, k), Arrays.copyOf(shares, k), true);
    }

    public boolean isEmpty() {
        return x.length == 0;
    }
}
