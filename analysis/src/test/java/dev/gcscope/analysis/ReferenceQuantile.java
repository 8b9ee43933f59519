package dev.gcscope.analysis;

/**
 * An independent {@code histogram_quantile} for tests, written from its documentation
 * (prometheus.io, querying/functions) rather than from promql/quantile.go: linear within a bucket;
 * the highest bucket must be +Inf, and a quantile in it gives the second-highest bucket's upper
 * bound; the lowest bucket's lower limit is 0 when its upper bound is above 0, and when it is not, a
 * quantile in the lowest bucket gives that upper bound. It walks per-bucket counts from the bottom
 * with explicit intervals and shares no code with {@link HistogramQuantile}.
 */
public final class ReferenceQuantile {
    private ReferenceQuantile() {}

    /**
     * @param le each bucket's upper bound, ascending, the last +Inf
     * @param perBucket each bucket's own count (not cumulative)
     */
    public static double of(double q, double[] le, double[] perBucket) {
        int n = le.length;
        if (n < 2 || le[n - 1] != Double.POSITIVE_INFINITY) return Double.NaN;
        double total = 0;
        for (double c : perBucket) total += c;
        if (total == 0) return Double.NaN;
        double target = q * total;
        double below = 0;
        for (int i = 0; i < n; i++) {
            double here = perBucket[i];
            boolean last = i == n - 1;
            if (below + here >= target || last) {
                if (last) return le[n - 2];
                if (i == 0 && le[0] <= 0) return le[0];
                double from = i == 0 ? 0 : le[i - 1];
                double fraction = (target - below) / here; // 0/0 → NaN, as Prometheus gives for q=0 in an empty first bucket
                return from + (le[i] - from) * fraction;
            }
            below += here;
        }
        return Double.NaN;
    }
}
