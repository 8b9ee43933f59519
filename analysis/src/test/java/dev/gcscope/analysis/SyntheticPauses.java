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

    /**
     * @param scale multiplies every pause (an alternative for the comparison: 1.2 = 20% longer)
     */
    public SyntheticPauses(RandomGenerator random, boolean goPrinted, double scale) {
        this.real = new LogNormalDistribution(random, Math.log(MEDIAN_MS), LOG_SD,
                LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        this.goPrinted = goPrinted;
        this.scale = scale;
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
        double ms = real.sample() * scale;
        return goPrinted ? goMs(ms) : ms;
    }

    /** The true {@code p}-th percentile (p in 0..100). */
    public double percentile(double p) {
        double ms = real.inverseCumulativeProbability(p / 100) * scale;
        return goPrinted ? goMs(ms) : ms;
    }

    public String name() {
        return goPrinted ? "log-normal, printed as Go does" : "log-normal";
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
