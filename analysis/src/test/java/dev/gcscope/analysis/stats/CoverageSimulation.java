package dev.gcscope.analysis.stats;

import dev.gcscope.analysis.SyntheticPauses;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.Well19937c;

/**
 * How often does a "95 % interval" of a percentile contain the true percentile? Many synthetic
 * traces from a distribution whose percentiles are known ({@link SyntheticPauses}), each analysed
 * as gcscope analyses a trace; the share of traces whose interval holds the truth is the coverage,
 * to be compared with the nominal 95 % within the simulation's own binomial error.
 */
public final class CoverageSimulation {
    public static final double[] PERCENTILES = {50, 90, 99, 99.9};
    public static final int[] SIZES = {100, 1_000, 10_000};

    /** The interval under test: {low, high}, an infinite end for an open bound, NaN for none. */
    public interface Method {
        double[] interval(SortedSample pauses, double p);

        /** With the pauses in the order they came too, for a method that looks at it. */
        default double[] interval(double[] inOrder, SortedSample pauses, double p) {
            return interval(pauses, p);
        }
    }

    /**
     * @param covered traces whose interval contained the true percentile (an open end contains everything beyond it)
     * @param open traces where an end was open
     * @param highIsMax traces whose upper end was the sample maximum
     */
    public record Cell(String source, int n, double p, int traces, int covered, int open, int highIsMax) {
        public double coverage() {
            return (double) covered / traces;
        }

        /** Three binomial standard errors of a coverage of {@code nominal} over these traces. */
        public double tolerance(double nominal) {
            return 3 * Math.sqrt(nominal * (1 - nominal) / traces);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-34s n=%6d P%-5s coverage %5.1f%%  open %5.1f%%  high=max %5.1f%%", source, n,
                    p == Math.rint(p) ? Integer.toString((int) p) : Double.toString(p), 100 * coverage(),
                    100.0 * open / traces, 100.0 * highIsMax / traces);
        }
    }

    /** What gcscope computes today. */
    public static final Method CURRENT = (s, p) -> {
        PercentileInterval.Estimate e = PercentileInterval.percentile(s, p);
        return new double[] {e.low(), e.high()};
    };

    /**
     * A candidate, not what gcscope computes: the binomial ranks widened by how much more the count
     * of pauses below the estimate varies than Binomial(n, p) says, estimated by batch means over
     * {@value #BATCHES} batches of consecutive pauses, with Student's t at {@value #BATCHES} − 1
     * degrees of freedom; never narrower than {@link #CURRENT}. Neighbouring pauses being alike
     * (as in real traces) is what it is for.
     */
    public static final Method BATCH_WIDENED = new Method() {
        @Override
        public double[] interval(SortedSample pauses, double p) {
            return CURRENT.interval(pauses, p);
        }

        @Override
        public double[] interval(double[] inOrder, SortedSample s, double p) {
            int n = s.size();
            double q = p / 100;
            PercentileInterval.Ranks iid = PercentileInterval.ranks(n, q, PercentileInterval.CONFIDENCE);
            double value = s.percentile(p);
            double inflation = inflation(inOrder, value, q);
            int low = iid.low(), high = iid.high();
            if (inflation > 1) {
                double half = T_975_9 * Math.sqrt(inflation * n * q * (1 - q));
                low = Math.min(low, (int) Math.floor(n * q - half));
                high = Math.max(high, (int) Math.ceil(n * q + half) + 1);
            }
            double lo = low >= 1 ? s.get(low - 1) : Double.NEGATIVE_INFINITY;
            double hi = high <= n ? s.get(high - 1) : Double.POSITIVE_INFINITY;
            return new double[] {lo, hi};
        }
    };

    static final int BATCHES = 10;
    /** Student's t, 97.5th percentile, 9 degrees of freedom. */
    private static final double T_975_9 = new org.apache.commons.math3.distribution.TDistribution(null, BATCHES - 1)
            .inverseCumulativeProbability(0.975);

    /**
     * Variance of the share below {@code value} (ties counted half) over batch means, against that of
     * independent draws; 1 when the batches are too small to say.
     */
    static double inflation(double[] inOrder, double value, double q) {
        int n = inOrder.length;
        if (n < 2 * BATCHES) return 1;
        double[] sums = new double[BATCHES];
        int[] counts = new int[BATCHES];
        for (int i = 0; i < n; i++) {
            int b = (int) ((long) i * BATCHES / n);
            double x = inOrder[i];
            sums[b] += x < value ? 1 : x == value ? 0.5 : 0;
            counts[b]++;
        }
        double mean = 0;
        for (int b = 0; b < BATCHES; b++) mean += (sums[b] /= counts[b]) / BATCHES;
        double var = 0;
        for (int b = 0; b < BATCHES; b++) var += (sums[b] - mean) * (sums[b] - mean) / (BATCHES - 1);
        double batchVariance = var / BATCHES, independent = q * (1 - q) / n;
        return independent > 0 ? batchVariance / independent : 1;
    }

    private CoverageSimulation() {}

    public static List<Cell> run(Method method, int traces, boolean goPrinted, long seed) {
        return run(method, traces, n -> new SyntheticPauses(new Well19937c(seed + n), goPrinted));
    }

    /** As {@link #run(Method, int, boolean, long)}, each size's traces drawn one after another from {@code sources}' source. */
    public static List<Cell> run(Method method, int traces, java.util.function.IntFunction<SyntheticPauses> sources) {
        List<Cell> cells = new ArrayList<>();
        for (int n : SIZES) {
            SyntheticPauses source = sources.apply(n);
            int[] covered = new int[PERCENTILES.length], open = new int[PERCENTILES.length], highIsMax = new int[PERCENTILES.length];
            for (int t = 0; t < traces; t++) {
                double[] inOrder = source.sample(n);
                SortedSample s = SortedSample.of(inOrder);
                for (int k = 0; k < PERCENTILES.length; k++) {
                    double truth = source.percentile(PERCENTILES[k]);
                    double[] iv = method.interval(inOrder, s, PERCENTILES[k]);
                    if (iv[0] <= truth && truth <= iv[1]) covered[k]++;
                    if (Double.isInfinite(iv[0]) || Double.isInfinite(iv[1])) open[k]++;
                    if (iv[1] == s.max()) highIsMax[k]++;
                }
            }
            for (int k = 0; k < PERCENTILES.length; k++) {
                cells.add(new Cell(source.name(), n, PERCENTILES[k], traces, covered[k], open[k], highIsMax[k]));
            }
        }
        return cells;
    }

    /** The interval a one-cycle trace gets for its median, {low, high}. */
    public static double[] oneCycle(Method method) {
        return method.interval(SortedSample.of(new double[] {0.25}), 50);
    }
}
