package dev.gcscope.analysis.stats;

import dev.gcscope.analysis.stats.PercentileInterval.Estimate;

/**
 * Stop-the-world pause percentiles with their distribution-free 95% intervals (see
 * {@link PercentileInterval}: order statistics, open where the pauses are too few for a bound), the
 * maximum, and the tail ratio P99/P50 — how much worse the 1-in-100 pause is than the typical one.
 */
public record PauseStatistics(int count, Estimate p50, Estimate p90, Estimate p99, Estimate p999, double max,
                              double tailRatio) {

    public static PauseStatistics of(SortedSample sample) {
        Estimate p50 = PercentileInterval.percentile(sample, 50);
        Estimate p99 = PercentileInterval.percentile(sample, 99);
        double tail = p50.value() > 0 ? p99.value() / p50.value() : Double.NaN;
        return new PauseStatistics(sample.size(), p50, PercentileInterval.percentile(sample, 90), p99,
                PercentileInterval.percentile(sample, 99.9), sample.max(), tail);
    }
}
