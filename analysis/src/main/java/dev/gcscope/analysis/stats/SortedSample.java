package dev.gcscope.analysis.stats;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
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
        return of(column::getDouble, column.size());
    }

    public static SortedSample of(double[] values) {
        return of(i -> values[i], values.length);
    }

    static SortedSample of(IntToDoubleFunction values, int size) {
        double[] v = new double[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            double x = values.applyAsDouble(i);
            if (!Double.isNaN(x)) v[n++] = x;
        }
        if (n < size) v = Arrays.copyOf(v, n);
        Arrays.sort(v);
        return new SortedSample(v);
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
