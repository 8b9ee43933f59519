package dev.gcscope.analysis;

import java.util.Arrays;

/**
 * Quantiles of a bucketed histogram exactly as Prometheus's {@code histogram_quantile} computes them
 * for classic (le-bucket) histograms: {@code bucketQuantile} in {@code promql/quantile.go}
 * (prometheus/prometheus, read at commit 01381a80115b), step for step —
 * <ol>
 *   <li>q NaN → NaN; q &lt; 0 → -Inf; q &gt; 1 → +Inf;</li>
 *   <li>buckets sorted by upper bound; the highest must be +Inf, else NaN;</li>
 *   <li>buckets with the same upper bound merged; counts within a relative 1e-12 of the previous
 *       one set equal to it ({@code correctPrecisionErrors}); then made monotonic
 *       ({@code ensureMonotonic});</li>
 *   <li>fewer than 2 buckets, or no observations → NaN;</li>
 *   <li>rank = q · total; the first bucket whose cumulative count ≥ rank is where the quantile lies;</li>
 *   <li>in the +Inf bucket → the upper bound of the highest finite bucket;</li>
 *   <li>in the first bucket with an upper bound ≤ 0 → that upper bound;</li>
 *   <li>else linear interpolation inside the bucket, from the previous upper bound (0 for the first
 *       bucket: "a natural lower bound of 0") to this one.</li>
 * </ol>
 * Upper bounds are all it uses: a runtime/metrics bucket {@code [1, 9)} of allocs-by-size is
 * interpolated from 0, as Prometheus would from its {@code le="8.999999999999998"} bucket.
 */
public final class HistogramQuantile {
    /** {@code correctPrecisionErrors(buckets, 1e-12)} in quantile.go. */
    static final double PRECISION_TOLERANCE = 1e-12;

    private HistogramQuantile() {}

    /**
     * @param q the quantile, 0 to 1
     * @param upperBounds each bucket's inclusive upper bound ({@code le}); any order
     * @param cumulativeCounts observations ≤ the bucket's upper bound, as Prometheus exposes them
     */
    public static double ofCumulative(double q, double[] upperBounds, double[] cumulativeCounts) {
        if (upperBounds.length != cumulativeCounts.length) throw new IllegalArgumentException("bounds and counts differ in length");
        if (Double.isNaN(q)) return Double.NaN;
        if (q < 0) return Double.NEGATIVE_INFINITY;
        if (q > 1) return Double.POSITIVE_INFINITY;
        int n = upperBounds.length;
        if (n == 0) return Double.NaN;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(upperBounds[a], upperBounds[b])); // stable, like slices.SortFunc on distinct bounds
        double[] upper = new double[n];
        double[] count = new double[n];
        for (int i = 0; i < n; i++) {
            upper[i] = upperBounds[order[i]];
            count[i] = cumulativeCounts[order[i]];
        }
        if (upper[n - 1] != Double.POSITIVE_INFINITY) return Double.NaN;

        n = coalesce(upper, count, n);
        correctPrecisionErrors(count, n);
        ensureMonotonic(count, n);

        if (n < 2) return Double.NaN;
        double observations = count[n - 1];
        if (observations == 0) return Double.NaN;
        double rank = q * observations;
        int b = 0;
        while (b < n - 1 && !(count[b] >= rank)) b++; // sort.Search(len-1, count >= rank)
        if (b == n - 1) return upper[n - 2];
        if (b == 0 && upper[0] <= 0) return upper[0];
        double bucketStart = 0;
        double bucketEnd = upper[b];
        double c = count[b];
        if (b > 0) {
            bucketStart = upper[b - 1];
            c -= count[b - 1];
            rank -= count[b - 1];
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / c);
    }

    /**
     * The same from per-bucket counts (each bucket's own observations, as the {@code count} column
     * of a {@code buckets} table holds them) with each bucket's upper bound, in ascending order.
     */
    public static double ofBuckets(double q, double[] upperBounds, double[] counts) {
        double[] cumulative = new double[counts.length];
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i];
            cumulative[i] = sum;
        }
        return ofCumulative(q, upperBounds, cumulative);
    }

    /** {@code coalesceBuckets}: buckets with the same upper bound become one with the summed count. */
    private static int coalesce(double[] upper, double[] count, int n) {
        int i = 0;
        for (int j = 1; j < n; j++) {
            if (upper[j] == upper[i]) {
                count[i] += count[j];
            } else {
                i++;
                upper[i] = upper[j];
                count[i] = count[j];
            }
        }
        return i + 1;
    }

    /** {@code correctPrecisionErrors}: float noise that would break monotonicity is ironed out. */
    private static void correctPrecisionErrors(double[] count, int n) {
        double prev = count[0];
        for (int i = 1; i < n; i++) {
            double curr = count[i];
            double delta = Math.abs(curr - prev);
            if (delta == 0) continue;
            if (delta / curr <= PRECISION_TOLERANCE) {
                count[i] = prev;
            } else {
                prev = curr;
            }
        }
    }

    /** {@code ensureMonotonic}: the envelope of the cumulative counts. */
    private static void ensureMonotonic(double[] count, int n) {
        double max = count[0];
        for (int i = 1; i < n; i++) {
            if (count[i] > max) max = count[i];
            else if (count[i] < max) count[i] = max;
        }
    }
}
