package dev.gcscope.analysis.stats;

import dev.gcscope.analysis.cycles.RowBlocks;
import org.apache.commons.math3.distribution.TDistribution;
import tech.tablesaw.api.DoubleColumn;

/**
 * How much more the count of pauses below a value varies than it would if the pauses were
 * independent: the variance inflation that widens a percentile's order-statistic interval
 * ({@link PercentileInterval#ranks(int, double, double, double)}). In a real trace neighbouring
 * cycles are alike (the steady recordings' pause ranks correlate 0.24 with the next cycle's and 0.13
 * ten cycles on), so fewer pauses than there are cycles carry independent information, and an
 * interval that takes every cycle as independent holds the true P50 in only about 60 % of traces.
 *
 * <p>Estimated by batch means (e.g. Flegal and Jones, "Batch means and spectral variance estimators
 * in Markov chain Monte Carlo", Ann. Statist. 2010): the pauses in the order they came are cut into
 * {@value #BATCHES} stretches of consecutive cycles; the share below the value in each stretch
 * varies, over the stretches, by what the whole count's variance is once dependence within a
 * stretch is allowed for; divided by what Binomial(n, q) gives, that is the inflation. It has
 * {@value #BATCHES} − 1 degrees of freedom, so the widened interval uses Student's t for them. A
 * stretch of 1/{@value #BATCHES} of the trace is long beside the correlations seen in real traces
 * (about 50 cycles) once a trace has a thousand cycles; below that, the estimate misses part of the
 * dependence (the README gives the simulated coverage).
 *
 * <p>Written here rather than taken from a library: commons-math has no long-run variance, and the
 * count needs the pauses in order against a threshold only known once they are sorted. The values
 * are read where they lie (an array or the cycles' column), never copied.
 */
public final class SerialDependence implements PercentileInterval.Widening {
    public static final int BATCHES = 10;
    /** Fewer values than this are not cut into batches: no widening. */
    public static final int MIN_VALUES = 2 * BATCHES;

    private final double[] array;
    private final DoubleColumn column;
    private final int from, to;
    /** How many of the values are present (not NaN); −1 when not known. */
    private final int present;

    private SerialDependence(double[] array, DoubleColumn column, int from, int to, int present) {
        this.array = array;
        this.column = column;
        this.from = from;
        this.to = to;
        this.present = present;
    }

    /** The values of {@code inOrder[from, to)} in the order they came (NaN: missing, skipped); read, not copied. */
    public static SerialDependence of(double[] inOrder, int from, int to) {
        return new SerialDependence(inOrder, null, from, to, -1);
    }

    /** As {@link #of(double[], int, int)}, {@code present} of the values known not to be NaN: no pass to count them. */
    public static SerialDependence of(double[] inOrder, int from, int to, int present) {
        return new SerialDependence(inOrder, null, from, to, present);
    }

    public static SerialDependence of(double[] inOrder) {
        return of(inOrder, 0, inOrder.length);
    }

    /** The values of a column in row order (missing ones skipped), read by blocks when asked. */
    public static SerialDependence of(DoubleColumn inOrder) {
        return new SerialDependence(null, inOrder, 0, inOrder.size(), -1);
    }

    /** As {@link #of(DoubleColumn)}, {@code present} of its values known not to be missing (a sorted sample's size). */
    public static SerialDependence of(DoubleColumn inOrder, int present) {
        return new SerialDependence(null, inOrder, 0, inOrder.size(), present);
    }

    @Override
    public double inflation(double value, double q) {
        return inflations(new double[] {value}, new double[] {q})[0];
    }

    /**
     * {@link #inflation} for several values at once, in one pass over the pauses; NaN (not known:
     * the interval takes the pauses as independent) where they are too few to say, or the value is
     * not a number.
     */
    public double[] inflations(double[] values, double[] qs) {
        int k = values.length, n = to - from;
        double[] out = new double[k];
        java.util.Arrays.fill(out, Double.NaN);
        if (n < MIN_VALUES) return out;
        int m = present >= 0 ? present : count(); // batches are cut among the values present, wherever the missing ones lie
        if (m < MIN_VALUES) return out;
        double[][] below = new double[k][BATCHES];
        int[] counted = new int[BATCHES];
        int seen = 0;
        double[] block = array == null ? new double[Math.min(RowBlocks.ROWS, n)] : null;
        for (int start = from; start < to; start += RowBlocks.ROWS) {
            int end = Math.min(to, start + RowBlocks.ROWS);
            double[] v = array;
            int offset = 0;
            if (array == null) {
                RowBlocks.copy(column, start, end, block);
                v = block;
                offset = -start;
            }
            for (int i = start; i < end; i++) {
                double x = v[i + offset];
                if (Double.isNaN(x)) continue;
                int b = (int) ((long) seen++ * BATCHES / m);
                counted[b]++;
                for (int j = 0; j < k; j++) {
                    double t = values[j];
                    below[j][b] += x < t ? 1 : x == t ? 0.5 : 0; // ties half: Go's pauses tie often
                }
            }
        }
        for (int j = 0; j < k; j++) {
            double q = qs[j];
            if (Double.isNaN(values[j]) || !(q > 0 && q < 1)) continue;
            double mean = 0;
            double[] share = new double[BATCHES];
            for (int b = 0; b < BATCHES; b++) {
                share[b] = below[j][b] / counted[b];
                mean += share[b] / BATCHES;
            }
            double var = 0;
            for (int b = 0; b < BATCHES; b++) var += (share[b] - mean) * (share[b] - mean) / (BATCHES - 1);
            // the variance of the overall share, from the batches, against Binomial(m, q)'s
            out[j] = (var / BATCHES) / (q * (1 - q) / m);
        }
        return out;
    }

    /** How many values are present (not NaN). */
    private int count() {
        int m = 0;
        if (array != null) {
            for (int i = from; i < to; i++) if (!Double.isNaN(array[i])) m++;
            return m;
        }
        double[] block = new double[Math.min(RowBlocks.ROWS, to - from)];
        for (int start = from; start < to; start += RowBlocks.ROWS) {
            int end = Math.min(to, start + RowBlocks.ROWS);
            RowBlocks.copy(column, start, end, block);
            for (int i = 0; i < end - start; i++) if (!Double.isNaN(block[i])) m++;
        }
        return m;
    }

    /** Student's t quantile for a two-sided interval at {@code confidence} with {@code degreesOfFreedom}. */
    static double t(double confidence, int degreesOfFreedom) {
        return confidence == PercentileInterval.CONFIDENCE && degreesOfFreedom == BATCHES - 1 ? T_95
                : tQuantile(confidence, degreesOfFreedom);
    }

    private static final double T_95 = tQuantile(PercentileInterval.CONFIDENCE, BATCHES - 1);

    private static double tQuantile(double confidence, int degreesOfFreedom) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability((1 + confidence) / 2);
    }
}
