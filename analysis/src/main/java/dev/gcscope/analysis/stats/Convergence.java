package dev.gcscope.analysis.stats;

import dev.gcscope.analysis.stats.PercentileInterval.Estimate;
import dev.gcscope.analysis.work.Work;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Can these percentiles be trusted yet? The running P50 and P99 (with their order-statistic
 * intervals, {@link PercentileInterval}, widened for neighbouring pauses being alike) after the
 * first N cycles, for N at about {@value #CHECKPOINTS} log-spaced checkpoints, and the first N from
 * which both ends of the interval stay within {@value #STABLE_REACH} of the estimate for every later
 * checkpoint. An interval still open (P99 needs 368 independent pauses for an upper bound, more
 * alike ones) is not stable.
 *
 * <p>Prefixes are kept sorted by merging each new chunk into the previous prefix, so all
 * checkpoints cost O(n·checkpoints) rather than a sort each.
 */
public final class Convergence {
    public static final int CHECKPOINTS = 60;
    /** "Stable": both ends of the 95% interval lie within 10% of the estimate. */
    public static final double STABLE_REACH = 0.10;
    /** Fewer cycles than this are not worth a checkpoint: any percentile of 5 pauses is noise. */
    public static final int MIN_CYCLES = 10;

    /** The estimates after the first {@code cycles} cycles. */
    public record Point(int cycles, Estimate p50, Estimate p99) {}

    /**
     * @param stableAfterP50 first checkpoint from which P50 stays stable, or -1 (not yet)
     * @param stableAfterP99 likewise for P99
     */
    public record Result(List<Point> points, int stableAfterP50, int stableAfterP99) {}

    private Convergence() {}

    /** @param valuesInOrder pauses in the order the cycles happened (NaN = missing, skipped) */
    public static Result of(double[] valuesInOrder) {
        return of(valuesInOrder, Work.serial());
    }

    /** @param work polled for cancellation at every checkpoint (each merges up to n pauses) */
    public static Result of(double[] valuesInOrder, Work work) {
        double[] v = Arrays.stream(valuesInOrder).filter(x -> !Double.isNaN(x)).toArray();
        if (v.length < MIN_CYCLES) return new Result(new ArrayList<>(), -1, -1);
        return at(v, checkpoints(v.length), work);
    }

    /**
     * The estimates at the given checkpoints, in increasing order, over pauses free of NaN: what
     * {@link ConvergenceTracker} computes piece by piece, from scratch.
     */
    public static Result at(double[] v, int[] cuts, Work work) {
        int n = v.length;
        List<Point> points = new ArrayList<>();
        double[] sorted = new double[n];
        double[] merged = new double[n];
        int have = 0;
        for (int cut : cuts) {
            work.checkCancelled();
            double[] chunk = Arrays.copyOfRange(v, have, cut);
            Arrays.sort(chunk);
            merge(sorted, have, chunk, merged);
            double[] t = sorted;
            sorted = merged;
            merged = t;
            have = cut;
            points.add(point(sorted, cut, v));
        }
        return new Result(points, stableAfter(points, true), stableAfter(points, false));
    }

    static int stableAfter(List<Point> points, boolean p50) {
        int since = -1;
        for (Point p : points) {
            Estimate e = p50 ? p.p50() : p.p99();
            boolean stable = e.value() > 0 && e.reach() < STABLE_REACH * e.value();
            if (stable && since < 0) since = p.cycles();
            if (!stable) since = -1;
        }
        return since;
    }

    /**
     * The estimates of the first {@code cut} pauses: {@code sorted} holds them sorted, {@code inOrder}
     * (at least) them in the order they came, for the intervals' widening ({@link SerialDependence}).
     */
    static Point point(double[] sorted, int cut, double[] inOrder) {
        // both percentiles' inflations in one pass over the prefix, which holds no NaN
        double[] values = {SortedSample.r7(sorted, cut, 50), SortedSample.r7(sorted, cut, 99)}, qs = {0.5, 0.99};
        double[] inflation = SerialDependence.of(inOrder, 0, cut, cut).inflations(values, qs);
        PercentileInterval.Widening widening = (value, q) -> q == 0.5 ? inflation[0] : inflation[1];
        return new Point(cut, PercentileInterval.percentile(sorted, cut, 50, PercentileInterval.CONFIDENCE, widening),
                PercentileInterval.percentile(sorted, cut, 99, PercentileInterval.CONFIDENCE, widening));
    }

    /** About {@link #CHECKPOINTS} cycle counts from {@link #MIN_CYCLES} to n, evenly spaced on a log scale. */
    static int[] checkpoints(int n) {
        List<Integer> out = new ArrayList<>();
        double ratio = Math.pow((double) n / MIN_CYCLES, 1.0 / (CHECKPOINTS - 1));
        double c = MIN_CYCLES;
        for (int i = 0; i < CHECKPOINTS; i++) {
            int cut = (int) Math.min(n, Math.round(c));
            if (out.isEmpty() || cut > out.get(out.size() - 1)) out.add(cut);
            c *= ratio;
        }
        if (out.get(out.size() - 1) != n) out.add(n);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Merges sorted a[0, aLen) with sorted b into out. */
    static void merge(double[] a, int aLen, double[] b, double[] out) {
        int i = 0, j = 0, k = 0;
        while (i < aLen && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        while (i < aLen) out[k++] = a[i++];
        while (j < b.length) out[k++] = b[j++];
    }
}
