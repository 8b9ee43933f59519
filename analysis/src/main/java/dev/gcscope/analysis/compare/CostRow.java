package dev.gcscope.analysis.compare;

/**
 * One cost in both sides of a pair: A, B, B/A, and the 95 % interval of B/A where the cost is a
 * statistic.
 *
 * @param ratioLow the interval's low end; −∞ when open, NaN when there is none
 * @param ratioHigh the high end; +∞ when open, NaN when there is none
 * @param p for a {@link GcCost.Kind#RATIO_OF_SUMS} cost, the p-value of "no change" read off the
 *          same construction as the interval ({@link CostRatio}); NaN for the others (pause percentiles
 *          are tested as a family, {@link ComparisonVerdict})
 * @param pAdjusted {@code p} Holm-adjusted over every test the verdict asks ({@link VerdictRanking}); NaN without p
 * @param change what the verdict makes of the row
 */
public record CostRow(GcCost cost, double a, double b, double ratio, double ratioLow, double ratioHigh, double p,
                      double pAdjusted, Change change) {

    /** What a row's difference is called. */
    public enum Change {
        /** The intervals, after the verdict's correction for asking many questions, support a change this way. */
        BETTER, WORSE,
        /** Supported, for a figure that is neither better nor worse (the allocation rate is the workload's). */
        DIFFERENT,
        /** Supported, but smaller than {@link VerdictRanking#NEGLIGIBLE_RATIO}: about the same. */
        NEGLIGIBLE,
        /** A statistic whose difference the intervals do not support. */
        NO_CLEAR_CHANGE,
        /** Not a statistic, or a side without the figures: no call either way. */
        NOT_TESTED;

        public boolean supported() {
            return this == BETTER || this == WORSE || this == DIFFERENT;
        }
    }

    public boolean hasInterval() {
        return !Double.isNaN(ratioLow) && !Double.isNaN(ratioHigh);
    }

    /** What the tables say where the interval's two ends are both open. */
    public static final String BOTH_ENDS_OPEN = "pauses too few or too alike for an interval";

    /** Why there is no interval: the cost's kind, or too few cycles; null when there is one. */
    public String whyNoInterval() {
        if (hasInterval()) return null;
        if (!cost.kind().isStatistic()) return cost.kind().whyNoInterval();
        return "too few cycles for an interval";
    }

    CostRow withChange(double adjusted, Change c) {
        return new CostRow(cost, a, b, ratio, ratioLow, ratioHigh, p, adjusted, c);
    }
}
