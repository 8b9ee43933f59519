package dev.gcscope.analysis.sched;

import dev.gcscope.analysis.HistogramQuantile;
import dev.gcscope.analysis.stats.PercentileInterval;

/**
 * A percentile of a runtime/metrics histogram with an interval that allows for the bucketing: the
 * estimate is {@code histogram_quantile}'s (what {@code summary} prints), and the interval runs from
 * the lower edge of the bucket that holds the order statistic of the lower rank to the upper edge of
 * the bucket that holds the one of the upper rank ({@link PercentileInterval#ranks}, distribution-free).
 * The values inside a bucket are unknown, so the interval may be wider than the ranks alone would
 * give, never narrower: its coverage is at least the ranks' if the observations were independent
 * draws. An end is open (±∞) where the ranks have none (too few observations) or the bucket is
 * unbounded on that side. Where the file's snapshots tell when the observations came, the ranks are
 * widened for bursts ({@link SnapshotStretches}), and the coverage is then about the confidence asked.
 */
public record BucketPercentile(double value, double low, double high, double coverage, double inflation) {
    public static final BucketPercentile NONE = new BucketPercentile(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Whether the interval was widened for observations that come in bursts, rather than taking them as independent. */
    public boolean allowsForBursts() {
        return !Double.isNaN(inflation);
    }

    public boolean hasLow() {
        return Double.isFinite(low);
    }

    public boolean hasHigh() {
        return Double.isFinite(high);
    }

    /**
     * @param q quantile 0..1
     * @param lower each bucket's lower edge (may be −∞)
     * @param upper each bucket's upper edge (the last +∞)
     * @param counts observations per bucket
     * @param confidence e.g. √0.95 for one side of a ratio
     */
    public static BucketPercentile of(double q, double[] lower, double[] upper, double[] counts, double confidence) {
        return of(q, lower, upper, counts, confidence, Double.NaN, 0);
    }

    /**
     * The percentile of {@code h}'s last snapshot, its interval widened by how much more the count
     * below it varies between the snapshots than for independent observations
     * ({@link SnapshotStretches}); taken as independent where the snapshots are too few to tell.
     */
    public static BucketPercentile of(double q, HistogramHistory h, double confidence) {
        return of(q, h, SnapshotStretches.of(h), confidence);
    }

    /** As {@link #of(double, HistogramHistory, double)}, with {@code h}'s stretches already cut (several percentiles of one side). */
    static BucketPercentile of(double q, HistogramHistory h, SnapshotStretches stretches, double confidence) {
        if (h.isEmpty()) return NONE;
        double[] counts = h.last().counts();
        return of(q, h.lower(), h.upper(), counts, confidence, stretches.inflation(q, counts), stretches.degreesOfFreedom());
    }

    /**
     * @param inflation how many times Binomial(n, q)'s variance the count below varies; NaN: independent
     * @param degreesOfFreedom those of the inflation's estimate
     */
    static BucketPercentile of(double q, double[] lower, double[] upper, double[] counts, double confidence, double inflation,
                               int degreesOfFreedom) {
        double total = 0;
        for (double c : counts) total += c;
        if (!(total > 0)) return NONE;
        double value = HistogramQuantile.ofBuckets(q, upper, counts);
        // counts are whole observations; a total past int range only narrows the ranks further
        int n = (int) Math.min(Integer.MAX_VALUE - 1, Math.round(total));
        PercentileInterval.Ranks r = PercentileInterval.ranks(n, q, confidence, inflation, degreesOfFreedom);
        double low = r.hasLow() ? edge(r.low(), lower, counts, true) : Double.NEGATIVE_INFINITY;
        double high = r.hasHigh() ? edge(r.high(), upper, counts, false) : Double.POSITIVE_INFINITY;
        return new BucketPercentile(value, low, high, r.coverage(), r.inflation());
    }

    /** The lower (or upper) edge of the bucket that holds the {@code rank}-th smallest observation. */
    private static double edge(int rank, double[] edges, double[] counts, boolean lowerEdge) {
        double cumulative = 0;
        for (int i = 0; i < counts.length; i++) {
            cumulative += counts[i];
            if (cumulative >= rank) {
                double e = edges[i];
                if (lowerEdge) return Double.isFinite(e) ? e : Double.NEGATIVE_INFINITY;
                return Double.isFinite(e) ? e : Double.POSITIVE_INFINITY;
            }
        }
        return lowerEdge ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
}
