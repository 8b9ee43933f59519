package dev.gcscope.analysis;

import tech.tablesaw.api.DoubleColumn;

/** The stop-the-world pause figures the summary reports, in milliseconds (R-7 percentiles). */
public record StwPercentiles(long count, double p50, double p90, double p99, double p999, double max) {
    public static StwPercentiles of(double[] stwMs) {
        return of(Percentiles.of(stwMs));
    }

    public static StwPercentiles of(DoubleColumn stwMs) {
        return of(Percentiles.of(stwMs));
    }

    /** From pauses already sorted (R-7 on the sorted array, the same numbers as commons-math's R_7). */
    public static StwPercentiles of(dev.gcscope.analysis.stats.SortedSample s) {
        return new StwPercentiles(s.size(), s.percentile(50), s.percentile(90), s.percentile(99), s.percentile(99.9), s.max());
    }

    private static StwPercentiles of(Percentiles p) {
        return new StwPercentiles(p.count(), p.at(50), p.at(90), p.at(99), p.at(99.9), p.max());
    }
}
