package dev.gcscope.analysis;

import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Pauses whose true percentiles are known: log-normal (GC pauses are right-skewed), either as real
 * numbers or as Go prints them. Go's gctrace writes a clock phase under 10 ms with two significant
 * digits and at most three decimals, truncated ({@code runtime.fmtNSAsMS}: "0.012+1.5+0.003 ms
 * clock"), and whole milliseconds above; so a real trace's pauses tie often, and a method that
 * assumes continuous data is tried on what it will actually see.
 *
 * <p>Printing is a non-decreasing map g, so the printed p-quantile is g(the real p-quantile): the
 * truth stays exact for the printed pauses too.
 */
public final class SyntheticPauses {
    /** Median pause 0.3 ms, log-sd 1: P99.9 ≈ 6.6 ms, a tail like the recordings'. */
    public static final double MEDIAN_MS = 0.3;
    public static final double LOG_SD = 1.0;

    private final LogNormalDistribution real;
    private final boolean goPrinted;
    private final double scale;
    private final RandomGenerator random;
    /** Share of the log pause's variance that drifts slowly (0: independent pauses), and that drift's AR(1) coefficient. */
    private final double slowShare, phi;
    private double slow;

    /**
     * @param scale multiplies every pause (an alternative for the comparison: 1.2 = 20% longer)
     */
    public SyntheticPauses(RandomGenerator random, boolean goPrinted, double scale) {
        this(random, goPrinted, scale, 0, 0);
    }

    private SyntheticPauses(RandomGenerator random, boolean goPrinted, double scale, double slowShare, double phi) {
        this.real = new LogNormalDistribution(random, Math.log(MEDIAN_MS), LOG_SD,
                LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        this.goPrinted = goPrinted;
        this.scale = scale;
        this.random = random;
        this.slowShare = slowShare;
        this.phi = phi;
        this.slow = random.nextGaussian();
    }

    /**
     * Pauses with the same log-normal marginal (so the same true percentiles) whose neighbours are
     * alike, as in the recordings: the log pause is a slowly drifting part, AR(1) with coefficient
     * {@code phi} and {@code slowShare} of the variance, plus independent noise. At 0.3 and 0.95 the
     * ranks correlate about 0.27 at lag 1, 0.17 at lag 10 and 0.02 at lag 50; the steady recordings'
     * correlate 0.24–0.25, 0.12–0.14 and 0.02–0.06.
     */
    public static SyntheticPauses correlated(RandomGenerator random, boolean goPrinted, double slowShare, double phi) {
        return new SyntheticPauses(random, goPrinted, 1, slowShare, phi);
    }

    public SyntheticPauses(RandomGenerator random, boolean goPrinted) {
        this(random, goPrinted, 1);
    }

    public double[] sample(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = next();
        return x;
    }

    public double next() {
        double ms;
        if (slowShare == 0) {
            ms = real.sample() * scale;
        } else {
            slow = phi * slow + Math.sqrt(1 - phi * phi) * random.nextGaussian();
            double z = Math.sqrt(slowShare) * slow + Math.sqrt(1 - slowShare) * random.nextGaussian();
            ms = Math.exp(Math.log(MEDIAN_MS) + LOG_SD * z) * scale;
        }
        return goPrinted ? goMs(ms) : ms;
    }

    /** The true {@code p}-th percentile (p in 0..100). */
    public double percentile(double p) {
        double ms = real.inverseCumulativeProbability(p / 100) * scale;
        return goPrinted ? goMs(ms) : ms;
    }

    public String name() {
        String name = goPrinted ? "log-normal, printed as Go does" : "log-normal";
        return slowShare == 0 ? name : String.format(java.util.Locale.ROOT, "%s, neighbours alike (%.2f, φ %.2f)", name, slowShare, phi);
    }

    /** A duration in ms as Go's {@code fmtNSAsMS} prints it, read back. */
    public static double goMs(double ms) {
        long ns = (long) (ms * 1e6);
        if (ns >= 10_000_000L) return ns / 1_000_000L;
        long x = ns / 1000;
        if (x == 0) return 0;
        int dec = 3;
        while (x >= 100) {
            x /= 10;
            dec--;
        }
        return x / Math.pow(10, dec);
    }
}
