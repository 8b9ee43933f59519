package dev.gcscope.analysis.compare;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The Hodges–Lehmann shift between two samples: the median of all pairwise differences b − a, the
 * shift that best moves a onto b, with the distribution-free interval that inverts the
 * Mann–Whitney test (Lehmann 1975: between the K-th smallest and K-th largest differences). K is
 * read from the exact null distribution of U for small samples ({@link MannWhitney#nullCdf}),
 * from its normal approximation otherwise; when even the extreme differences cannot bound the shift
 * at the confidence asked (a handful of pauses each), the interval is open: −∞ to +∞.
 *
 * <p>Two pause samples of a million cycles each have 10^12 differences, so they are never listed:
 * the k-th smallest is found by bisection on its value, counting the differences at or below a
 * value with one merge-like pass over the two sorted samples, then snapped to the exact difference.
 */
public final class HodgesLehmann {
    private static final int BISECTIONS = 200;

    /** The shift and its interval, in the samples' unit. */
    public record Shift(double estimate, double low, double high) {}

    private HodgesLehmann() {}

    /** @param a sorted ascending, @param b sorted ascending, @param confidence e.g. 0.95 */
    public static Shift of(double[] a, double[] b, double confidence) {
        return of(a, b, confidence, null, null);
    }

    /**
     * As {@link #of(double[], double[], double)}, the interval widened for neighbouring cycles being
     * alike. Lehmann's K comes from U's variance for independent draws, nm(n + m + 1)/12; here U/nm
     * at the estimated shift (b moved back by it, so that its true value is ½) gets its variance from
     * batch means over the cycles in order, as {@link BatchPlacementTest} estimates it, with Student's
     * t at Welch's degrees of freedom: K = nm/2 − t·nm·√variance, never larger than Lehmann's (the
     * interval never narrows).
     *
     * @param inOrderA the same values as {@code a}, in the order of their cycles; likewise {@code inOrderB};
     *                 either null (order unknown): Lehmann's interval
     */
    public static Shift of(double[] a, double[] b, double confidence, double[] inOrderA, double[] inOrderB) {
        long pairs = (long) a.length * b.length;
        if (pairs == 0) return new Shift(Double.NaN, Double.NaN, Double.NaN);
        double median = median(a, b);
        long k = k(a.length, b.length, confidence);
        if (k >= 1 && inOrderA != null && inOrderB != null) k = Math.min(k, widenedK(a, b, confidence, inOrderA, inOrderB, median));
        // each end is a bisection over the pairs: only the ends kept are found
        if (k < 1) return new Shift(median, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        return new Shift(median, kth(a, b, k), kth(a, b, pairs - k + 1));
    }

    /** K from the batch-means variance of U at the shift {@code median}; Long.MAX_VALUE when the batches cannot say. */
    private static long widenedK(double[] a, double[] b, double confidence, double[] inOrderA, double[] inOrderB, double median) {
        // b moved back by the shift: in order for the batches, and still sorted (subtraction keeps the order)
        double[] shiftedB = new double[inOrderB.length], sortedShiftedB = new double[b.length];
        for (int j = 0; j < shiftedB.length; j++) shiftedB[j] = inOrderB[j] - median;
        for (int j = 0; j < b.length; j++) sortedShiftedB[j] = b[j] - median;
        BatchPlacementTest.Placement s = BatchPlacementTest.placement(inOrderA, shiftedB, a, sortedShiftedB);
        if (s == null || !(s.variance() > 0)) return Long.MAX_VALUE;
        long pairs = (long) a.length * b.length;
        double t = new TDistribution(null, s.df()).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return (long) Math.floor(pairs / 2.0 - t * pairs * Math.sqrt(s.variance()));
    }

    private static double median(double[] a, double[] b) {
        long pairs = (long) a.length * b.length;
        return pairs % 2 == 1 ? kth(a, b, pairs / 2 + 1) : (kth(a, b, pairs / 2) + kth(a, b, pairs / 2 + 1)) / 2;
    }

    /**
     * Lehmann's K: the interval from the K-th smallest to the K-th largest difference covers the
     * shift with probability 1 − 2·P(U ≤ K − 1), so K − 1 is the largest u with P(U ≤ u) ≤ (1 − confidence)/2.
     */
    static long k(int n, int m, double confidence) {
        long pairs = (long) n * m;
        double tail = (1 - confidence) / 2;
        if (pairs <= MannWhitney.EXACT_PRODUCT) {
            double[] cdf = MannWhitney.nullCdf(n, m);
            int u = -1;
            while (u + 1 < cdf.length && cdf[u + 1] <= tail) u++;
            return u + 1;
        }
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - tail);
        return (long) Math.floor(pairs / 2.0 - z * Math.sqrt(pairs * ((double) n + m + 1) / 12.0));
    }

    /** The k-th smallest (1-based) of the differences b[j] − a[i]. */
    static double kth(double[] a, double[] b, long k) {
        double lo = b[0] - a[a.length - 1], hi = b[b.length - 1] - a[0];
        if (countAtMost(a, b, lo) >= k) return lo;
        // invariant: count(<= lo) < k <= count(<= hi)
        for (int i = 0; i < BISECTIONS && hi - lo > 0; i++) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) break;
            if (countAtMost(a, b, mid) >= k) hi = mid; else lo = mid;
        }
        return smallestAbove(a, b, lo);
    }

    /** How many b[j] − a[i] ≤ t. */
    static long countAtMost(double[] a, double[] b, double t) {
        long count = 0;
        int j = 0;
        // as a[i] grows, the b[j] with b[j] ≤ a[i] + t only grows: one pass
        for (double x : a) {
            while (j < b.length && b[j] - x <= t) j++;
            count += j;
        }
        return count;
    }

    /** The smallest b[j] − a[i] greater than t. */
    private static double smallestAbove(double[] a, double[] b, double t) {
        double best = Double.POSITIVE_INFINITY;
        int j = 0;
        for (double x : a) {
            while (j < b.length && b[j] - x <= t) j++;
            if (j < b.length) best = Math.min(best, b[j] - x);
        }
        return best;
    }
}
