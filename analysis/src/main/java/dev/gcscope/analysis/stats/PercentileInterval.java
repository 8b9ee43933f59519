package dev.gcscope.analysis.stats;

import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Distribution-free confidence intervals for percentiles, from order statistics (the binomial
 * construction; e.g. Hahn and Meeker, <i>Statistical Intervals</i>, ch. 5).
 *
 * <p>Of n pauses, the number B below the true p-th percentile is Binomial(n, p) whatever the
 * distribution of the pauses, so the l-th smallest pause lies below that percentile with
 * probability P(B ≥ l) and the u-th smallest above it with probability P(B ≤ u − 1). The interval
 * is [x(l), x(u)] with l as large and u as small as keep each tail at most 2.5 %: its coverage is
 * at least 95 % exactly, at every n, for any distribution (ties, as in Go's two-digit pauses, only
 * make it larger), and {@link Estimate#coverage()} says how much more.
 *
 * <p>The bound does not always exist. P99.9 of 300 pauses: even the largest is above the true P99.9
 * with probability only 1 − 0.999³⁰⁰ = 26 %, so no pause can be its 95 % upper bound; the interval is
 * then open on that side ({@code high} = +∞, shown as "&gt; max"), the other side takes the whole 5 %,
 * and {@link Estimate#cyclesForBounds()} says how many pauses would close it. With both sides open —
 * a median of five pauses — or fewer than {@value #MIN_VALUES} pauses, there is no interval at all. The percentile bootstrap this
 * replaces always gave a number: its upper end for P99.9 of 1,000 pauses was the sample maximum,
 * and it covered the truth in 62 % of simulated traces.
 *
 * <p>All of this holds for independent values. A trace's pauses are not: where their order is known,
 * {@link #ranks(int, double, double, double)} widens the interval by how much more the count below
 * the estimate varies ({@link SerialDependence}), and its coverage is then about the confidence
 * asked, not exactly.
 */
public final class PercentileInterval {
    public static final double CONFIDENCE = 0.95;
    /**
     * Fewer values than this get no interval at all: one pause is a valid one-sided bound for a high
     * percentile (it lies below the true P99 with probability 0.99), but a "95 % interval" read off a
     * single cycle says more about the arithmetic than about the program.
     */
    public static final int MIN_VALUES = 2;

    private PercentileInterval() {}

    /**
     * An R-7 percentile with its interval.
     *
     * @param low the lower end; −∞ when open, NaN when there is no data
     * @param high the upper end; +∞ when open, NaN when there is no data
     * @param coverage the interval's exact coverage for continuous data (at least the confidence
     *                 asked; 1 when both ends are open), NaN when there is no data
     * @param cyclesForBounds how many values a closed two-sided interval needs: 0 when it is closed
     * @param inflation how much more the count below the percentile was found to vary than for
     *                  independent values ({@link SerialDependence}); NaN when the interval takes
     *                  the values as independent (their order unknown, or too few to tell)
     */
    public record Estimate(double value, double low, double high, double coverage, int cyclesForBounds, double inflation) {
        public static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN);

        public boolean hasLow() {
            return Double.isFinite(low);
        }

        public boolean hasHigh() {
            return Double.isFinite(high);
        }

        /** At least one end exists: there is something to show. */
        public boolean hasInterval() {
            return hasLow() || hasHigh();
        }

        /** The larger distance from the estimate to an end of its interval; +∞ when an end is open. */
        public double reach() {
            if (Double.isNaN(value)) return Double.NaN;
            if (!hasLow() || !hasHigh()) return Double.POSITIVE_INFINITY;
            return Math.max(value - low, high - value);
        }
    }

    /**
     * Ranks (1-based) of the order statistics that bound the p-th percentile of n values: 0 for an
     * open lower end, n + 1 for an open upper end.
     */
    public record Ranks(int n, int low, int high, double coverage, double inflation) {
        public Ranks(int n, int low, int high, double coverage) {
            this(n, low, high, coverage, Double.NaN);
        }

        public boolean hasLow() {
            return low >= 1;
        }

        public boolean hasHigh() {
            return high <= n;
        }
    }

    public static Estimate percentile(SortedSample sample, double p) {
        return percentile(sample.values(), sample.size(), p, CONFIDENCE);
    }

    public static Estimate percentile(SortedSample sample, double p, double confidence) {
        return percentile(sample.values(), sample.size(), p, confidence);
    }

    /**
     * As {@link #percentile(SortedSample, double, double)}, widened for the dependence between
     * neighbouring values that {@code widening} finds at the estimate.
     */
    public static Estimate percentile(SortedSample sample, double p, double confidence, Widening widening) {
        return percentile(sample.values(), sample.size(), p, confidence, widening);
    }

    /** The percentile {@code p} of the first {@code n} values of {@code sorted}, widened as {@code widening} says. */
    static Estimate percentile(double[] sorted, int n, double p, double confidence, Widening widening) {
        if (n == 0) return Estimate.NONE;
        double value = SortedSample.r7(sorted, n, p);
        double inflation = widening.inflation(value, p / 100);
        return estimate(value, ranks(n, p / 100, confidence, inflation), k -> sorted[k], p / 100, confidence);
    }

    /**
     * How much more the count of values below {@code value}, the {@code q}-quantile's estimate,
     * varies than Binomial(n, q) says: 1 (or less) for independent values.
     */
    @FunctionalInterface
    public interface Widening {
        /** Takes the values as independent. */
        Widening NONE = (value, q) -> Double.NaN;

        /** NaN when it cannot tell: the values are then taken as independent. */
        double inflation(double value, double q);
    }

    /** The percentile {@code p} (0..100) of the first {@code n} values of {@code sorted}, with its interval. */
    static Estimate percentile(double[] sorted, int n, double p, double confidence) {
        if (n == 0) return Estimate.NONE;
        return estimate(SortedSample.r7(sorted, n, p), ranks(n, p / 100, confidence), k -> sorted[k], p / 100, confidence);
    }

    /**
     * {@code value} with the interval {@code r} of the {@code q}-quantile: each end the value of its
     * rank (0-based, lower end first) as {@code valueOfRank} finds it, an end that does not exist
     * infinite, and how many values would close an open interval.
     */
    public static Estimate estimate(double value, Ranks r, IntToDoubleFunction valueOfRank, double q, double confidence) {
        double low = r.hasLow() ? valueOfRank.applyAsDouble(r.low() - 1) : Double.NEGATIVE_INFINITY;
        double high = r.hasHigh() ? valueOfRank.applyAsDouble(r.high() - 1) : Double.POSITIVE_INFINITY;
        int needed = r.hasLow() && r.hasHigh() ? 0 : cyclesForBounds(r.n(), q, confidence, r.inflation());
        return new Estimate(value, low, high, r.coverage(), needed, r.inflation());
    }

    /**
     * The ranks for quantile {@code q} (0..1) of {@code n} values: each tail at most (1 − confidence)/2,
     * or, when one end cannot exist, the other with the whole 1 − confidence.
     */
    public static Ranks ranks(int n, double q, double confidence) {
        if (n < MIN_VALUES) return new Ranks(n, 0, n + 1, 1);
        BinomialDistribution below = new BinomialDistribution(null, n, q);
        double alpha = 1 - confidence;
        int low = lowRank(below, alpha / 2), high = highRank(below, n, alpha / 2);
        if (low < 1 && high <= n) high = highRank(below, n, alpha);
        else if (high > n && low >= 1) low = lowRank(below, alpha);
        double coverage = (high <= n ? below.cumulativeProbability(high - 1) : 1)
                - (low >= 1 ? below.cumulativeProbability(low - 1) : 0);
        return new Ranks(n, Math.max(0, low), Math.min(n + 1, high), coverage);
    }

    /**
     * As {@link #ranks(int, double, double)}, widened when the count B below the percentile varies
     * {@code inflation} times as much as Binomial(n, q) says ({@link SerialDependence}). The n values
     * then carry about as much as n/inflation independent ones, and fewer again for an inflation
     * estimated from few batches: the effective size m = n/inflation·(z/t)², t Student's quantile at
     * the batches' degrees of freedom (Korn and Graubard, "Confidence intervals for proportions with
     * small expected number of positive counts estimated from survey data", Survey Methodology 24,
     * 1998). The ends are Clopper–Pearson's for the proportion q of m values, mapped back to ranks
     * of the n (Woodruff's construction), and an end exists only where m independent values would
     * have it. Where the proportion is near 0 or 1, as for P99, this keeps the count beyond the
     * percentile skewed, as it is; the normal approximation runs the upper end past the largest
     * value: scaling the exact ends' distances by (t/z)·√inflation, as gcscope did before, opened
     * P99's in 42–56 % of simulated 1,000-cycle traces where this opens 15–26 %, at the same
     * coverage ({@code CoverageSimulation}). An inflation that leaves m ≥ n leaves the interval as it is, so it
     * never narrows. Its coverage is then the confidence asked, approximately, not an exact figure.
     */
    public static Ranks ranks(int n, double q, double confidence, double inflation) {
        return ranks(n, q, confidence, inflation, SerialDependence.BATCHES - 1);
    }

    /**
     * As {@link #ranks(int, double, double, double)}, for an inflation estimated with
     * {@code degreesOfFreedom} (a histogram's stretches between snapshots may be fewer than ten).
     */
    public static Ranks ranks(int n, double q, double confidence, double inflation, int degreesOfFreedom) {
        Ranks iid = ranks(n, q, confidence);
        // an inflation of 0 (every batch alike) is an estimate: kept, and it leaves the interval as it is
        if (!(inflation >= 0) || n < SerialDependence.MIN_VALUES || degreesOfFreedom < 1) return iid;
        double effective = effectiveSize(n, confidence, inflation, degreesOfFreedom);
        if (effective >= n) return new Ranks(n, iid.low(), iid.high(), iid.coverage(), inflation);
        double alpha = 1 - confidence;
        boolean lowExists = closesEnd(effective, 1 - q, alpha / 2), highExists = closesEnd(effective, q, alpha / 2);
        double lowTail = lowExists && !highExists ? alpha : alpha / 2, highTail = highExists && !lowExists ? alpha : alpha / 2;
        double below = q * effective;
        // B ≥ l ⟺ the l-th smallest value is at or below the percentile: l = ⌊n·p_low⌋; B ≤ u − 1 likewise
        int low = lowExists ? (int) Math.floor(n * new BetaDistribution(null, below, effective - below + 1)
                .inverseCumulativeProbability(lowTail)) : 0;
        int high = highExists ? (int) Math.ceil(n * new BetaDistribution(null, below + 1, effective - below)
                .inverseCumulativeProbability(1 - highTail)) + 1 : n + 1;
        low = Math.min(low, iid.low());
        high = Math.max(high, iid.high());
        return new Ranks(n, Math.max(0, low), Math.min(n + 1, high), confidence, inflation);
    }

    /**
     * Korn and Graubard's effective sample size: n values whose count below the percentile varies
     * {@code inflation} times as much as independent ones carry as much as n/inflation independent
     * values, fewer again by (z/t)² for an inflation estimated with few degrees of freedom.
     */
    static double effectiveSize(int n, double confidence, double inflation, int degreesOfFreedom) {
        double zOverT = Z.inverseCumulativeProbability((1 + confidence) / 2) / SerialDependence.t(confidence, degreesOfFreedom);
        return n / inflation * zOverT * zOverT;
    }

    private static final NormalDistribution Z = new NormalDistribution(null, 0, 1);

    /**
     * Whether {@code effective} independent values have the end beyond which a share {@code p} lies:
     * all of them fall short of it with probability p^effective, which must be at most {@code tail}.
     */
    private static boolean closesEnd(double effective, double p, double tail) {
        return effective > 0 && effective >= sizeToClose(p, tail);
    }

    /** The effective size from which {@link #closesEnd} holds: p^m ≤ tail. */
    private static double sizeToClose(double p, double tail) {
        if (p <= 0) return 0;
        if (p >= 1) return Double.POSITIVE_INFINITY;
        return Math.log(tail) / Math.log(p);
    }

    /** The largest l with P(B ≤ l − 1) ≤ tail; 0 when there is none. */
    private static int lowRank(BinomialDistribution below, double tail) {
        int k = below.inverseCumulativeProbability(tail); // smallest k with P(B ≤ k) ≥ tail
        return below.cumulativeProbability(k) <= tail ? k + 1 : k;
    }

    /** The smallest u with P(B ≥ u) ≤ tail; n + 1 when there is none. */
    private static int highRank(BinomialDistribution below, int n, double tail) {
        // P(B ≥ u) ≤ tail  ⟺  P(B ≤ u − 1) ≥ 1 − tail
        int k = below.inverseCumulativeProbability(1 - tail);
        return Math.min(n + 1, k + 1);
    }

    /**
     * The fewest values with which both ends of the {@code q}-quantile's interval exist: the upper end
     * needs P(B = n) = qⁿ ≤ (1 − confidence)/2, the lower (1 − q)ⁿ ≤ (1 − confidence)/2.
     */
    public static int cyclesForBounds(double q, double confidence) {
        double tail = (1 - confidence) / 2;
        return Math.max(fewest(q, tail), fewest(1 - q, tail));
    }

    /**
     * As {@link #cyclesForBounds(double, double)} when neighbouring values are alike as much as
     * {@code inflation} says, for an interval of {@code n} values that has an open end: the fewest
     * values, more than n, whose widened interval ({@link #ranks(int, double, double, double)}) has
     * both, as long as they are as alike.
     */
    static int cyclesForBounds(int n, double q, double confidence, double inflation) {
        int independent = cyclesForBounds(q, confidence);
        double perValue = effectiveSize(1, confidence, inflation, SerialDependence.BATCHES - 1);
        // values that count as at least as many independent ones need no more than those
        if (!(inflation > 0) || perValue >= 1 || independent == Integer.MAX_VALUE) return independent;
        // an end exists only where the effective size would close it for independent values, so fewer cannot
        // do; the answer is then a few values on, where a search from n took 20-60 intervals, 0.1-0.3 ms each
        double tail = (1 - confidence) / 2;
        double effectiveNeeded = Math.max(sizeToClose(q, tail), sizeToClose(1 - q, tail));
        long lo = Math.max(Math.max(independent, n + 1L), (long) Math.floor(effectiveNeeded / perValue) - 1);
        if (lo >= Integer.MAX_VALUE) return Integer.MAX_VALUE;
        if (closed((int) lo, q, confidence, inflation)) return (int) lo;
        // gallop out to a closed count, then halve back between it and the last open one
        long step = 1, hi = lo + 1;
        while (hi < Integer.MAX_VALUE && !closed((int) hi, q, confidence, inflation)) {
            lo = hi;
            step *= 2;
            hi = lo + step;
        }
        if (hi >= Integer.MAX_VALUE) return Integer.MAX_VALUE;
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (closed((int) mid, q, confidence, inflation)) hi = mid; else lo = mid;
        }
        return (int) hi;
    }

    private static boolean closed(int n, double q, double confidence, double inflation) {
        Ranks r = ranks(n, q, confidence, inflation);
        return r.hasLow() && r.hasHigh();
    }

    private static int fewest(double q, double tail) {
        if (q <= 0) return 1;
        if (q >= 1) return Integer.MAX_VALUE;
        int n = (int) Math.max(1, Math.ceil(Math.log(tail) / Math.log(q)) - 1);
        while (Math.pow(q, n) > tail) n++;
        return n;
    }
}
