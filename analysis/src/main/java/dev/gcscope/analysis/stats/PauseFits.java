package dev.gcscope.analysis.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Which distribution do the pauses follow? Exponential, log-normal and exponential truncated to
 * the observed range, each fitted by maximum likelihood, each checked with a one-sample
 * Kolmogorov–Smirnov test.
 *
 * <p>Caveats, stated where the result is shown: the parameters are estimated from the same data,
 * which makes KS p-values optimistic (Lilliefors); with tens of thousands of pauses every model is
 * rejected, so the test runs on at most {@value #KS_SAMPLE} pauses drawn with a fixed seed; and Go
 * prints pauses in whole microseconds, so there are ties a continuous model does not have.
 */
public final class PauseFits {
    /** A fit is "consistent with the data" at this KS p-value or above. */
    public static final double ACCEPT_P = 0.05;
    public static final int KS_SAMPLE = 5000;
    /** The KS subsample and the distributions' generators: same pauses, same fit. */
    static final int SEED = 20261127;

    /**
     * @param model exponential, log-normal or truncated-exponential
     * @param parameters in words, e.g. "rate 4.5/ms" or "μ −1.61, σ 0.92 (of ln ms)"
     * @param logLikelihood over all positive pauses
     * @param ksStatistic D, the largest distance between the empirical and fitted CDFs
     * @param ksP the KS p-value
     */
    public record Fit(String model, String parameters, RealDistribution distribution, double logLikelihood,
                      double ksStatistic, double ksP) {
        public boolean consistent() {
            return ksP >= ACCEPT_P;
        }
    }

    /**
     * @param fits every model, best (highest KS p, then likelihood) first
     * @param verdict one sentence: which fits, or that none does and which comes closest
     * @param excludedNonPositive pauses of 0 ms (coarse clocks) left out: no log-normal has them
     */
    public record Result(List<Fit> fits, String verdict, int excludedNonPositive) {}

    private PauseFits() {}

    public static Result of(SortedSample pauses) {
        double[] all = pauses.values();
        int firstPositive = 0;
        while (firstPositive < all.length && all[firstPositive] <= 0) firstPositive++;
        int n = all.length - firstPositive;
        if (n < 3 || all[all.length - 1] <= all[firstPositive]) {
            return new Result(List.of(), "too few distinct pauses to fit a distribution", firstPositive);
        }
        double[] x = java.util.Arrays.copyOfRange(all, firstPositive, all.length);
        double[] ksSample = sample(x);
        List<Fit> fits = new ArrayList<>();
        fits.add(exponential(x, ksSample));
        fits.add(logNormal(x, ksSample));
        fits.add(truncatedExponential(x, ksSample));
        fits.sort(Comparator.comparingDouble(Fit::ksP).reversed().thenComparing(Comparator.comparingDouble(Fit::logLikelihood).reversed()));
        return new Result(List.copyOf(fits), verdict(fits), firstPositive);
    }

    private static Fit exponential(double[] x, double[] ks) {
        double mean = mean(x);
        ExponentialDistribution d = new ExponentialDistribution(new Well19937c(SEED), mean);
        double ll = x.length * (-Math.log(mean)) - sum(x) / mean;
        return fit("exponential", String.format(Locale.ROOT, "mean %.4g ms", mean), d, ll, ks);
    }

    private static Fit logNormal(double[] x, double[] ks) {
        double mu = 0;
        for (double v : x) mu += Math.log(v);
        mu /= x.length;
        double ss = 0;
        for (double v : x) ss += (Math.log(v) - mu) * (Math.log(v) - mu);
        double sigma = Math.sqrt(ss / x.length);
        if (sigma == 0) sigma = Double.MIN_NORMAL;
        LogNormalDistribution d = new LogNormalDistribution(new Well19937c(SEED), mu, sigma,
                LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        double ll = 0;
        for (double v : x) ll += d.logDensity(v);
        return fit("log-normal", String.format(Locale.ROOT, "median %.4g ms, σ %.3g (of ln ms)", Math.exp(mu), sigma), d, ll, ks);
    }

    /**
     * MLE of λ for the exponential on [min, max] solves mean − a = 1/λ − L/(e^(λL) − 1) with L = b − a;
     * the right side falls from L to 0 as λ runs over the reals, so Brent's method on a bracket finds it.
     */
    private static Fit truncatedExponential(double[] x, double[] ks) {
        double a = x[0], b = x[x.length - 1], len = b - a, target = mean(x) - a;
        double rate;
        if (Math.abs(target - len / 2) < 1e-12 * len) {
            rate = 0;
        } else {
            double bound = 1e4 / len;
            rate = new BrentSolver(1e-12 / len).solve(200, l -> meanAbove(l, len) - target, -bound, bound);
        }
        TruncatedExponentialDistribution d = new TruncatedExponentialDistribution(rate, a, b);
        double ll = 0;
        for (double v : x) ll += Math.log(d.density(v));
        return fit("truncated-exponential", String.format(Locale.ROOT, "rate %.4g/ms on [%.4g, %.4g] ms", rate, a, b), d, ll, ks);
    }

    private static double meanAbove(double rate, double len) {
        if (Math.abs(rate * len) < 1e-9) return len / 2;
        return 1 / rate - len / Math.expm1(rate * len);
    }

    private static Fit fit(String model, String parameters, RealDistribution d, double ll, double[] ks) {
        KolmogorovSmirnovTest test = new KolmogorovSmirnovTest();
        double stat = test.kolmogorovSmirnovStatistic(d, ks);
        double p = test.kolmogorovSmirnovTest(d, ks, false);
        return new Fit(model, parameters, d, ll, stat, p);
    }

    private static String verdict(List<Fit> fits) {
        Fit best = fits.get(0);
        if (best.consistent()) {
            return String.format(Locale.ROOT, "the pauses are consistent with a %s distribution (%s; KS p = %.2g)",
                    best.model(), best.parameters(), best.ksP());
        }
        return String.format(Locale.ROOT, "no model fits at p ≥ %.2g; closest: %s (%s; KS D = %.3f, p = %.2g)",
                ACCEPT_P, best.model(), best.parameters(), best.ksStatistic(), best.ksP());
    }

    /** At most {@link #KS_SAMPLE} values, drawn without replacement with a fixed seed. */
    private static double[] sample(double[] x) {
        if (x.length <= KS_SAMPLE) return x;
        double[] copy = x.clone();
        Well19937c random = new Well19937c(SEED);
        for (int i = 0; i < KS_SAMPLE; i++) {
            int j = i + random.nextInt(copy.length - i);
            double t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return java.util.Arrays.copyOf(copy, KS_SAMPLE);
    }

    private static double mean(double[] x) {
        return sum(x) / x.length;
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s;
    }
}
