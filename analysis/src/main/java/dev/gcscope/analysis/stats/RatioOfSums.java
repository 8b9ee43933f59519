package dev.gcscope.analysis.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A cost that is a sum over cycles divided by another — GC CPU ms ÷ CPU ms there were, cycles ÷
 * seconds, MB allocated ÷ seconds, heap goal ÷ live heap, live heap ÷ cycles — with a confidence
 * interval by batch means (Schmeiser 1982, "Batch size effects in the analysis of simulation output").
 *
 * <p>Neighbouring cycles are alike (the heap a cycle leaves is the next one's start; a busy second of
 * the machine lengthens several cycles), so an interval that treated cycles as independent would be
 * too narrow. The cycles, in order, are cut into {@value #BATCHES} batches of consecutive cycles; each
 * batch's sums are one observation, and the ratio's standard error is the linearised (delta-method)
 * one of a ratio estimator over those {@value #BATCHES} observations, with {@value #BATCHES} − 1
 * degrees of freedom (Student's t). Few, long batches are nearly independent even where cycles are
 * not: in simulation ({@code compare.RatioSimulation}, asserted by {@code CostRatioTest}; 2,000 traces a
 * cell) the 95 % interval held the truth 93–96 % of the time for independent cycles and for cycles
 * correlated 0.5 with the next from 100 cycles on, and for cycles correlated 0.9 (a correlation
 * length of about 20 cycles) from 1,000 cycles on (94–95 %); at 100 such cycles it held it only
 * about 78 % of the time.
 *
 * <p>Go prints heaps in whole MB, truncated: a heap printed 2 was between 2 and 3 MB. Where the
 * summed values are so printed, the estimate carries the largest amount the truncation can have
 * moved it each way ({@link Estimate#resolutionLow()}, {@link Estimate#resolutionHigh()}), and its
 * interval is widened by it, so that a 2 MB heap is never called certainly smaller than a 3 MB one by
 * more than the printing allows.
 */
public final class RatioOfSums {
    /** Ten batches: with twenty, cycles correlated 0.9 over 1,000 cycles were covered 92 % of the time instead of 94 %. */
    public static final int BATCHES = 10;
    /** Fewer cycles than this (two per batch) get no interval. */
    public static final int MIN_CYCLES = 2 * BATCHES;

    private RatioOfSums() {}

    /**
     * @param value Σy ÷ Σx over the cycles that have both; NaN when there are none or Σx is 0
     * @param standardError of the value, from the batches; NaN when there are too few cycles
     * @param degreesOfFreedom of the standard error (batches − 1); 0 without one
     * @param cycles cycles that had both figures
     * @param resolutionLow how far below the value the truth can be from printing alone (≥ 0)
     * @param resolutionHigh how far above
     */
    public record Estimate(double value, double standardError, int degreesOfFreedom, int cycles, double resolutionLow,
                           double resolutionHigh) {
        public static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, 0, 0, 0, 0);

        /** Whether it has a standard error, so an interval. */
        public boolean hasInterval() {
            return degreesOfFreedom > 0 && Double.isFinite(standardError) && Double.isFinite(value);
        }

        /**
         * The two-sided interval at {@code confidence}, widened by the printing's resolution; NaN ends
         * without one. On the log scale, as {@code compare} takes ratios of these costs, which are all
         * positive: value·exp(±t·se/value), never below 0.
         */
        public double[] interval(double confidence) {
            if (!hasInterval() || !(value > 0)) return new double[] {Double.NaN, Double.NaN};
            double spread = tQuantile(0.5 + confidence / 2, degreesOfFreedom) * standardError / value;
            return new double[] {(value - resolutionLow) * Math.exp(-spread), (value + resolutionHigh) * Math.exp(spread)};
        }

        /** The same estimate in another unit: value, error and resolution times {@code factor} (&gt; 0). */
        public Estimate scaled(double factor) {
            return new Estimate(value * factor, standardError * factor, degreesOfFreedom, cycles, resolutionLow * factor,
                    resolutionHigh * factor);
        }
    }

    /**
     * Σy ÷ Σx over the cycles where both are numbers, with its batch-means standard error.
     *
     * @param y per cycle, in order; NaN where the cycle lacks it
     * @param x per cycle, in order
     * @param yStep the step y is printed in, truncated (1 for whole MB), 0 when exact enough
     * @param xStep likewise for x
     */
    public static Estimate of(double[] y, double[] x, double yStep, double xStep) {
        if (y.length != x.length) throw new IllegalArgumentException("y and x differ in length");
        int n = 0;
        for (int i = 0; i < y.length; i++) if (usable(y[i], x[i])) n++;
        if (n == 0) return Estimate.NONE;
        int batches = n >= MIN_CYCLES ? BATCHES : 1;
        double[] by = new double[batches], bx = new double[batches];
        double sy = 0, sx = 0;
        for (int i = 0, k = 0; i < y.length; i++) {
            if (!usable(y[i], x[i])) continue;
            int b = (int) ((long) k * batches / n); // consecutive cycles, batches differing by at most one cycle
            by[b] += y[i];
            bx[b] += x[i];
            sy += y[i];
            sx += x[i];
            k++;
        }
        if (!(sx > 0)) return new Estimate(Double.NaN, Double.NaN, 0, n, 0, 0);
        double r = sy / sx;
        // the truth lies in (Σy ÷ (Σx + n·xStep), (Σy + n·yStep) ÷ Σx) as far as truncation goes
        double resolutionHigh = (sy + n * yStep) / sx - r;
        double resolutionLow = r - sy / (sx + n * xStep);
        if (batches == 1) return new Estimate(r, Double.NaN, 0, n, resolutionLow, resolutionHigh);
        double squares = 0;
        for (int b = 0; b < batches; b++) {
            double e = by[b] - r * bx[b];
            squares += e * e;
        }
        double meanX = sx / batches;
        double se = Math.sqrt(squares / ((double) batches * (batches - 1))) / meanX;
        return new Estimate(r, se, batches - 1, n, resolutionLow, resolutionHigh);
    }

    private static boolean usable(double y, double x) {
        return Double.isFinite(y) && Double.isFinite(x);
    }

    /** Student's t quantile; the normal one for very many degrees of freedom. */
    public static double tQuantile(double p, double degreesOfFreedom) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(p);
    }
}
