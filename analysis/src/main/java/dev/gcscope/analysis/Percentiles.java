package dev.gcscope.analysis;

import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import tech.tablesaw.api.DoubleColumn;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentiles as numpy computes them by default: linear interpolation between closest ranks
 * (Hyndman and Fan's R-7), which commons-math3 implements as {@link EstimationType#R_7}. The data is
 * handed over once and the estimator's selection (no full sort) and pivot cache are reused for every
 * percentile asked, which matters at a million cycles. Missing values (NaN) are left out.
 */
public final class Percentiles {
    private final Percentile estimator;
    private final int count;
    private final double min;
    private final double max;

    private Percentiles(double[] values, int count, double min, double max) {
        this.count = count;
        this.min = min;
        this.max = max;
        this.estimator = new Percentile().withEstimationType(EstimationType.R_7);
        if (count > 0) estimator.setData(values, 0, count);
    }

    /** Over the non-NaN values of {@code values}; the array is not modified. */
    public static Percentiles of(double[] values) {
        return of(i -> values[i], values.length);
    }

    /** Over the non-missing values of {@code column}. */
    public static Percentiles of(DoubleColumn column) {
        return of(column::getDouble, column.size());
    }

    private static Percentiles of(IntToDoubleFunction values, int size) {
        double[] v = new double[size];
        int n = 0;
        double min = Double.NaN, max = Double.NaN;
        for (int i = 0; i < size; i++) {
            double x = values.applyAsDouble(i);
            if (Double.isNaN(x)) continue;
            v[n++] = x;
            if (n == 1 || x < min) min = x;
            if (n == 1 || x > max) max = x;
        }
        return new Percentiles(v, n, min, max);
    }

    public int count() {
        return count;
    }

    /** The {@code p}-th percentile, p in (0, 100]; NaN when there are no values. */
    public double at(double p) {
        return count == 0 ? Double.NaN : estimator.evaluate(p);
    }

    public double max() {
        return max;
    }

    public double min() {
        return min;
    }
}
