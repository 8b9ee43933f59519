package dev.gcscope.analysis.stats;

import dev.gcscope.parsers.table.Columns;
import java.util.Arrays;
import tech.tablesaw.api.DoubleColumn;

/**
 * The non-missing values of a column, sorted once, with R-7 percentiles (linear interpolation
 * between closest ranks, numpy's default) read straight off the sorted array. Several analyses
 * need many percentiles of the same values (point estimates, the order statistics bounding them, convergence
 * checkpoints), so sorting once beats re-selecting for each.
 */
public final class SortedSample {
    private final double[] sorted;

    private SortedSample(double[] sorted) {
        this.sorted = sorted;
    }

    public static SortedSample of(DoubleColumn column) {
        double[] v = new double[column.size()];
        Columns.read(column, 0, v.length, v, 0); // at once: a packed column decodes by blocks
        return sorting(v);
    }

    public static SortedSample of(double[] values) {
        return sorting(values.clone());
    }

    /** The non-missing values of {@code v}, which this sorts in place (and may return as they are). */
    private static SortedSample sorting(double[] v) {
        int size = v.length;
        int n = 0;
        // Whether every value is a whole number of thousandths (Go prints pauses in ms with at most 3
        // decimals: whole microseconds), exactly: k / 1000.0 gives back the very double read.
        boolean thousandths = true;
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            double x = v[i];
            if (Double.isNaN(x)) continue;
            v[n++] = x;
            if (thousandths) {
                long k = Math.round(x * THOUSAND);
                if (k < 0 || k > MAX_THOUSANDTHS || Double.doubleToRawLongBits(k / THOUSAND) != Double.doubleToRawLongBits(x)) {
                    thousandths = false;
                } else {
                    min = Math.min(min, k);
                    max = Math.max(max, k);
                }
            }
        }
        if (n < size) v = Arrays.copyOf(v, n);
        if (thousandths && n > 0 && max - min + 1 <= 2L * n + 1024) {
            countingSort(v, min, (int) (max - min + 1));
        } else {
            Arrays.sort(v);
        }
        return new SortedSample(v);
    }

    private static final double THOUSAND = 1000.0;
    /** Far below 2^53, where every whole number of thousandths still has its own double. */
    private static final long MAX_THOUSANDTHS = 1L << 40;

    /**
     * Sorts values that are all {@code k / 1000.0} for whole {@code k} in {@code [min, min + range)}
     * by counting each k: O(n + range) instead of a comparison sort's O(n log n) (a third of the
     * sorting time on 1 M pauses), with exactly the same array, since k / 1000.0 grows with k.
     * Written by hand: neither the JDK nor Tablesaw has a counting sort for doubles.
     */
    private static void countingSort(double[] v, long min, int range) {
        int[] counts = new int[range];
        for (double x : v) counts[(int) (Math.round(x * THOUSAND) - min)]++;
        int out = 0;
        for (int k = 0; k < range; k++) {
            int c = counts[k];
            if (c == 0) continue;
            double x = (min + k) / THOUSAND;
            Arrays.fill(v, out, out + c, x);
            out += c;
        }
    }

    /** Wraps an array that is already sorted ascending and free of NaN; it is not copied. */
    static SortedSample ofSorted(double[] sorted) {
        return new SortedSample(sorted);
    }

    public int size() {
        return sorted.length;
    }

    public double get(int rank) {
        return sorted[rank];
    }

    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** R-7 percentile, {@code p} in [0, 100]; NaN when empty. */
    public double percentile(double p) {
        return r7(sorted, sorted.length, p);
    }

    /** R-7 on the first {@code n} values of a sorted array: h = (n − 1)·p/100, interpolate x[⌊h⌋]..x[⌊h⌋+1]. */
    static double r7(double[] sorted, int n, double p) {
        if (n == 0) return Double.NaN;
        double h = (n - 1) * (p / 100.0);
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) return sorted[n - 1];
        double frac = h - lo;
        return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }

    double[] values() {
        return sorted;
    }
}
