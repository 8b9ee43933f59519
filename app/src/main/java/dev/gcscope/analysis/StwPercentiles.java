package dev.gcscope.analysis;

/** The stop-the-world pause figures the summary reports, in milliseconds (R-7 percentiles). */
public record StwPercentiles(long count, double p50, double p90, double p99, double p999, double max) {
    public static StwPercentiles of(double[] stwMs) {
        Percentiles p = Percentiles.of(stwMs);
        return new StwPercentiles(p.count(), p.at(50), p.at(90), p.at(99), p.at(99.9), p.max());
    }
}
