package dev.gcscope.analysis;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentiles as numpy computes them by default: linear interpolation between closest ranks
 * (Hyndman and Fan's R-7). commons-math3 implements exactly that as {@link EstimationType#R_7}.
 * Missing values (NaN) are left out.
 */
public final class Percentiles {
    private final double[] sorted;

    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    /** Over the non-NaN values of {@code values}; the array is not modified. */
    public static Percentiles of(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
        Arrays.sort(v);
        return new Percentiles(v);
    }

    public int count() {
        return sorted.length;
    }

    /** The {@code p}-th percentile, p in (0, 100]; NaN when there are no values. */
    public double at(double p) {
        if (sorted.length == 0) return Double.NaN;
        Percentile estimator = new Percentile().withEstimationType(EstimationType.R_7);
        return estimator.evaluate(sorted, p);
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }
}
