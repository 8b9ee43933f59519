package dev.gcscope.analysis.stats;

import dev.gcscope.analysis.stats.PercentileInterval.Estimate;

/**
 * Stop-the-world pause percentiles with their 95% intervals (see {@link PercentileInterval}: order
 * statistics, widened for neighbouring pauses being alike where their order is known
 * ({@link SerialDependence}), open where the pauses are too few for a bound), the
 * maximum, and the tail ratio P99/P50 — how much worse the 1-in-100 pause is than the typical one.
 */
public record PauseStatistics(int count, Estimate p50, Estimate p90, Estimate p99, Estimate p999, double max,
                              double tailRatio) {

    static final double[] PERCENTILES = {50, 90, 99, 99.9};

    /** Taking the pauses as independent: for values whose order is not known. */
    public static PauseStatistics of(SortedSample sample) {
        return of(sample, PercentileInterval.Widening.NONE);
    }

    /**
     * @param inOrder the same pauses in the order they came, whose dependence widens each interval
     *                (one pass over them for all four percentiles)
     */
    public static PauseStatistics of(SortedSample sample, SerialDependence inOrder) {
        double[] values = new double[PERCENTILES.length], qs = new double[PERCENTILES.length];
        for (int i = 0; i < values.length; i++) {
            qs[i] = PERCENTILES[i] / 100;
            values[i] = sample.size() == 0 ? Double.NaN : sample.percentile(PERCENTILES[i]);
        }
        double[] inflations = inOrder.inflations(values, qs);
        return of(sample, (value, q) -> {
            for (int i = 0; i < qs.length; i++) if (qs[i] == q) return inflations[i];
            throw new IllegalArgumentException("no inflation for " + q);
        });
    }

    private static PauseStatistics of(SortedSample sample, PercentileInterval.Widening widening) {
        double c = PercentileInterval.CONFIDENCE;
        Estimate p50 = PercentileInterval.percentile(sample, 50, c, widening);
        Estimate p99 = PercentileInterval.percentile(sample, 99, c, widening);
        double tail = p50.value() > 0 ? p99.value() / p50.value() : Double.NaN;
        return new PauseStatistics(sample.size(), p50, PercentileInterval.percentile(sample, 90, c, widening), p99,
                PercentileInterval.percentile(sample, 99.9, c, widening), sample.max(), tail);
    }
}
