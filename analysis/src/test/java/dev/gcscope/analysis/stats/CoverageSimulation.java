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

    /**
     * The order-statistic interval alone, taking the pauses as independent: what gcscope computes for
     * values whose order is unknown, and the building block of {@link #CURRENT}.
     */
    public static final Method INDEPENDENT = (s, p) -> {
        PercentileInterval.Estimate e = PercentileInterval.percentile(s, p);
        return new double[] {e.low(), e.high()};
    };

    /**
     * What gcscope computes on a trace's pauses: {@link #INDEPENDENT} widened for neighbouring pauses
     * being alike, as their order shows ({@link SerialDependence}).
     */
    public static final Method CURRENT = new Method() {
        @Override
        public double[] interval(SortedSample pauses, double p) {
            return INDEPENDENT.interval(pauses, p);
        }

        @Override
        public double[] interval(double[] inOrder, SortedSample s, double p) {
            PercentileInterval.Estimate e = PercentileInterval.percentile(s, p, PercentileInterval.CONFIDENCE,
                    SerialDependence.of(inOrder));
            return new double[] {e.low(), e.high()};
        }
    };

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
