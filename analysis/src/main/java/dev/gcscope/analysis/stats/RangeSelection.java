package dev.gcscope.analysis.stats;

import java.util.Arrays;

/**
 * R-7 percentiles of a range of an array, by selection in place (Hoare's quickselect, median-of-three
 * pivots, falling back to a sort of the range when partitioning degenerates, so never quadratic).
 *
 * <p>Written here because commons-math's {@code KthSelector} selects over a whole array only: the
 * regimes' pauses share one array, one range per regime, and copying each range out for it would
 * touch as much memory again as the pauses themselves — on a million cycles, the dearest thing the
 * analysis does.
 */
public final class RangeSelection {
    private static final int SMALL = 16;

    private RangeSelection() {}

    /**
     * The R-7 percentile {@code p} (0 to 100) of {@code a[from, to)}, which must be free of NaN;
     * reorders the range. NaN when the range is empty.
     */
    public static double percentile(double[] a, int from, int to, double p) {
        int n = to - from;
        if (n <= 0) return Double.NaN;
        double h = (n - 1) * (p / 100.0);
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) return max(a, from, to);
        double x = select(a, from, to, from + lo);
        double frac = h - lo;
        if (frac == 0) return x;
        // after selecting rank lo, rank lo + 1 is the smallest of what lies above it
        double next = min(a, from + lo + 1, to);
        return x + frac * (next - x);
    }

    /**
     * The R-7 percentile {@code p} of {@code a[from, to)} with its order-statistic interval
     * ({@link PercentileInterval}); reorders the range. Each bound is selected in the part of the
     * range the previous selection left on its side, so the three cost little more than one.
     */
    public static PercentileInterval.Estimate percentile(double[] a, int from, int to, double p, double confidence) {
        return percentile(a, from, to, p, confidence, PercentileInterval.Widening.NONE);
    }

    /**
     * As {@link #percentile(double[], int, int, double, double)}, the interval widened as
     * {@code widening} (which must not read this range: it is reordered) finds at the estimate.
     */
    public static PercentileInterval.Estimate percentile(double[] a, int from, int to, double p, double confidence,
                                                         PercentileInterval.Widening widening) {
        int n = to - from;
        if (n <= 0) return PercentileInterval.Estimate.NONE;
        double value = percentile(a, from, to, p);
        double h = (n - 1) * (p / 100.0);
        int at = (int) Math.floor(h); // percentile() left rank `at` in place, smaller before it, unless it took the max
        PercentileInterval.Ranks ranks = PercentileInterval.ranks(n, p / 100, confidence, widening.inflation(value, p / 100));
        return PercentileInterval.estimate(value, ranks,
                k -> rank(a, from, to, at, k), p / 100, confidence);
    }

    /** The value of rank k of a[from, to), in which rank {@code at} is already in place when at < n − 1. */
    private static double rank(double[] a, int from, int to, int at, int k) {
        if (at >= to - from - 1) return select(a, from, to, from + k);
        if (k == at) return a[from + at];
        return k < at ? select(a, from, from + at, from + k) : select(a, from + at + 1, to, from + k);
    }

    /** Puts the value of rank {@code k - from} in {@code a[k]}, smaller ones before it and larger after; returns it. */
    static double select(double[] a, int from, int to, int k) {
        int lo = from, hi = to - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(to - from));
        while (hi - lo > SMALL) {
            if (budget-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            int mid = (lo + hi) >>> 1;
            // median of three to a[lo]: guards sorted and reverse-sorted input
            if (a[mid] < a[lo]) swap(a, mid, lo);
            if (a[hi] < a[lo]) swap(a, hi, lo);
            if (a[hi] < a[mid]) swap(a, hi, mid);
            swap(a, lo, mid);
            double pivot = a[lo];
            int i = lo, j = hi + 1;
            while (true) {
                do i++; while (i <= hi && a[i] < pivot);
                do j--; while (a[j] > pivot);
                if (i >= j) break;
                swap(a, i, j);
            }
            swap(a, lo, j);
            if (j == k) return a[k];
            if (j < k) lo = j + 1; else hi = j - 1;
        }
        Arrays.sort(a, lo, hi + 1);
        return a[k];
    }

    private static double min(double[] a, int from, int to) {
        double m = a[from];
        for (int i = from + 1; i < to; i++) if (a[i] < m) m = a[i];
        return m;
    }

    private static double max(double[] a, int from, int to) {
        double m = a[from];
        for (int i = from + 1; i < to; i++) if (a[i] > m) m = a[i];
        return m;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
