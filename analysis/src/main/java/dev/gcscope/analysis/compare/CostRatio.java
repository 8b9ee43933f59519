package dev.gcscope.analysis.compare;

import dev.gcscope.analysis.stats.RatioOfSums;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The ratio B/A of two independent batch-means estimates ({@link RatioOfSums}), with its interval
 * and the p-value of "no change" read off the same construction, so that the interval excludes 1
 * exactly when p is under 1 − confidence.
 *
 * <p>On the log scale the two estimates' relative errors add (the delta method):
 * se² = (se_A/A)² + (se_B/B)², with the Welch–Satterthwaite degrees of freedom, and the interval is
 * B/A · exp(±t·se). Where a side's figures are printed truncated (whole MB), its printing bounds
 * widen the interval further: the low end uses the smallest B and the largest A the printing
 * allows, the high end the reverse. So two heaps printed "2 MB" and "3 MB" in every cycle are called
 * different — they are, by at least a byte — but never by more than the printing allows.
 *
 * @param p the smallest 1 − confidence at which the interval excludes 1 (two-sided); 1 when even the
 *          printing's bounds alone include it; NaN without an interval
 */
public record CostRatio(double ratio, double low, double high, double p) {
    public static final CostRatio NONE = new CostRatio(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public boolean hasInterval() {
        return !Double.isNaN(low);
    }

    public static CostRatio of(RatioOfSums.Estimate a, RatioOfSums.Estimate b, double confidence) {
        double ratio = b.value() / a.value();
        if (!a.hasInterval() || !b.hasInterval() || !(a.value() > 0) || !(b.value() > 0)) {
            return new CostRatio(ratio, Double.NaN, Double.NaN, Double.NaN);
        }
        double ra = a.standardError() / a.value(), rb = b.standardError() / b.value();
        double se = Math.sqrt(ra * ra + rb * rb);
        double df = welch(ra, a.degreesOfFreedom(), rb, b.degreesOfFreedom());
        // the printing's bounds alone: the interval at confidence 0
        double low0 = (b.value() - b.resolutionLow()) / (a.value() + a.resolutionHigh());
        double aLow = a.value() - a.resolutionLow();
        double high0 = aLow > 0 ? (b.value() + b.resolutionHigh()) / aLow : Double.POSITIVE_INFINITY;
        TDistribution t = new TDistribution(null, df);
        double q = se > 0 ? t.inverseCumulativeProbability(0.5 + confidence / 2) : 0;
        double low = low0 * Math.exp(-q * se), high = high0 * Math.exp(q * se);
        double p;
        if (low0 <= 1 && 1 <= high0) {
            p = 1;
        } else {
            double distance = low0 > 1 ? Math.log(low0) : -Math.log(high0); // > 0
            p = se > 0 ? 2 * t.cumulativeProbability(-distance / se) : 0;
        }
        return new CostRatio(ratio, low, high, p);
    }

    /** Welch–Satterthwaite degrees of freedom of a sum of two relative variances. */
    static double welch(double ra, int dfA, double rb, int dfB) {
        double va = ra * ra, vb = rb * rb;
        if (va + vb == 0) return Math.max(1, dfA + dfB);
        double denominator = (dfA > 0 ? va * va / dfA : 0) + (dfB > 0 ? vb * vb / dfB : 0);
        return denominator > 0 ? Math.max(1, (va + vb) * (va + vb) / denominator) : Math.max(1, dfA + dfB);
    }
}
