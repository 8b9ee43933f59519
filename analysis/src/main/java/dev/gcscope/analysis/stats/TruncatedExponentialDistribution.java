package dev.gcscope.analysis.stats;

import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * The exponential distribution with rate λ cut to [a, b]: density λ·e^(−λ(x−a)) / (1 − e^(−λ(b−a))).
 * λ may be negative (density rising towards b). commons-math3 has no truncated distributions, and
 * its KS test needs a {@code RealDistribution}, hence this small one.
 */
final class TruncatedExponentialDistribution extends AbstractRealDistribution {
    private static final long serialVersionUID = 1L;
    private final double rate;
    private final double lower;
    private final double upper;
    private final double norm;

    TruncatedExponentialDistribution(double rate, double lower, double upper) {
        super(new Well19937c(PauseFits.SEED));
        if (!(upper > lower)) throw new IllegalArgumentException("empty support [" + lower + ", " + upper + "]");
        this.rate = rate;
        this.lower = lower;
        this.upper = upper;
        this.norm = -Math.expm1(-rate * (upper - lower));
    }

    double rate() {
        return rate;
    }

    @Override
    public double density(double x) {
        if (x < lower || x > upper) return 0;
        if (rate == 0) return 1 / (upper - lower);
        return rate * Math.exp(-rate * (x - lower)) / norm;
    }

    @Override
    public double cumulativeProbability(double x) {
        if (x <= lower) return 0;
        if (x >= upper) return 1;
        if (rate == 0) return (x - lower) / (upper - lower);
        return -Math.expm1(-rate * (x - lower)) / norm;
    }

    @Override
    public double getNumericalMean() {
        double len = upper - lower;
        if (rate == 0) return lower + len / 2;
        return lower + 1 / rate - len / Math.expm1(rate * len);
    }

    @Override
    public double getNumericalVariance() {
        double len = upper - lower;
        if (rate == 0) return len * len / 12;
        double e = Math.exp(rate * len);
        return 1 / (rate * rate) - len * len * e / ((e - 1) * (e - 1));
    }

    @Override
    public double getSupportLowerBound() {
        return lower;
    }

    @Override
    public double getSupportUpperBound() {
        return upper;
    }

    @Override
    public boolean isSupportLowerBoundInclusive() {
        return true;
    }

    @Override
    public boolean isSupportUpperBoundInclusive() {
        return true;
    }

    @Override
    public boolean isSupportConnected() {
        return true;
    }
}
