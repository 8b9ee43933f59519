package dev.gcscope.analysis.sched;

import dev.gcscope.analysis.stats.SerialDependence;
import java.util.Arrays;
import java.util.List;

/**
 * The observations of a histogram's last snapshot cut by when they came: the batch means of
 * {@link SerialDependence}, for a histogram. A cumulative histogram keeps no order, but a file of
 * snapshots does, between them: the first snapshot since the process (re)started holds what came
 * before it, and each interval what came after. These, in order, are put into up to
 * {@value SerialDependence#BATCHES} stretches of about equal counts; how much the share below a
 * percentile varies across the stretches, against Binomial(n, q), is the variance inflation that
 * widens the percentile's interval ({@link BucketPercentile}). Scheduling delays come in bursts
 * (the quota pair's goroutine latencies vary 10–3,000 times as much as independent ones would,
 * by 100 ms interval), so an interval that took them as independent held far less than 95 %.
 *
 * <p>An interval's observations cannot be split, so a stretch holds whole intervals and the
 * stretches differ in size: each stretch's deviation is weighted by its count (the variance of a
 * count below grows with the observations it holds), and the degrees of freedom are the stretches
 * less one, never more than the stretches' effective number (Kish's (Σn)²/Σn², which a single
 * interval holding most of the observations brings down). With fewer than
 * {@value #MIN_STRETCHES} stretches the dependence is not estimated: one snapshot (a single
 * scrape), or a few intervals, and the interval takes the observations as independent, as it says.
 */
final class SnapshotStretches {
    /**
     * Fewer (effective) stretches than this: the order is too coarse to tell. At three, Student's t
     * for two degrees of freedom (4.30) more than doubles the interval's reach, and the simulated
     * coverage holds (the README gives it).
     */
    static final int MIN_STRETCHES = 3;
    static final SnapshotStretches NONE = new SnapshotStretches(new double[0][], new double[0], 0);

    /** Per stretch, its observations per bucket, and their sum. */
    private final double[][] counts;
    private final double[] sizes;
    private final int degreesOfFreedom;

    private SnapshotStretches(double[][] counts, double[] sizes, int degreesOfFreedom) {
        this.counts = counts;
        this.sizes = sizes;
        this.degreesOfFreedom = degreesOfFreedom;
    }

    /** The stretches of {@code h}'s last snapshot, or {@link #NONE} when they are too few to estimate from. */
    static SnapshotStretches of(HistogramHistory h) {
        if (h.isEmpty()) return NONE;
        List<HistogramHistory.Interval> intervals = h.intervals();
        // since the last restart: its interval holds the whole snapshot after it, as HistogramHistory counts it
        int first = 0;
        double[] head = h.snapshots().get(0).counts();
        for (int i = intervals.size() - 1; i >= 0; i--) {
            if (intervals.get(i).restart()) {
                first = i + 1;
                head = intervals.get(i).counts();
                break;
            }
        }
        int units = 1 + intervals.size() - first;
        double total = h.last().total();
        if (!(total >= SerialDependence.MIN_VALUES) || units < MIN_STRETCHES) return NONE;
        int buckets = head.length, k = SerialDependence.BATCHES;
        double[][] counts = new double[k][buckets];
        double[] sizes = new double[k];
        double before = 0;
        for (int u = 0; u < units; u++) {
            double[] c = u == 0 ? head : intervals.get(first + u - 1).counts();
            double size = 0;
            for (double x : c) size += x;
            if (size <= 0) continue;
            // a unit goes to the stretch its middle falls in: stretches as even as whole units allow
            int s = (int) Math.min(k - 1, Math.floor((before + size / 2) * k / total));
            before += size;
            sizes[s] += size;
            for (int b = 0; b < buckets; b++) counts[s][b] += c[b];
        }
        int used = 0;
        double squares = 0;
        for (int s = 0; s < k; s++) {
            if (sizes[s] <= 0) continue;
            counts[used] = counts[s];
            sizes[used++] = sizes[s];
            squares += sizes[s] * sizes[s];
        }
        if (used < MIN_STRETCHES) return NONE;
        int effective = (int) Math.round(total * total / squares); // three even thirds of 5,000 are 2.9999998
        int df = Math.min(used, effective) - 1;
        if (df < MIN_STRETCHES - 1) return NONE;
        return new SnapshotStretches(Arrays.copyOf(counts, used), Arrays.copyOf(sizes, used), df);
    }

    boolean isKnown() {
        return degreesOfFreedom > 0;
    }

    int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /**
     * How many times Binomial(n, q)'s variance the count below the {@code q}-quantile of
     * {@code total} (the stretches' sum) has across the stretches; NaN when not known. The
     * quantile's bucket is split as {@code histogram_quantile} splits it, evenly: of each stretch's
     * count in it, the share the quantile's rank takes of the whole bucket counts as below, so the
     * stretches' counts below add up to exactly nq.
     */
    double inflation(double q, double[] total) {
        if (!isKnown() || !(q > 0 && q < 1)) return Double.NaN;
        double n = 0;
        for (double c : total) n += c;
        double rank = q * n, cumulative = 0;
        int bucket = -1;
        double share = 0;
        for (int b = 0; b < total.length; b++) {
            if (total[b] > 0 && cumulative + total[b] >= rank) {
                bucket = b;
                share = (rank - cumulative) / total[b];
                break;
            }
            cumulative += total[b];
        }
        if (bucket < 0) return Double.NaN;
        double sum = 0;
        for (int s = 0; s < sizes.length; s++) {
            double below = share * counts[s][bucket];
            for (int b = 0; b < bucket; b++) below += counts[s][b];
            double d = below - q * sizes[s];
            sum += d * d / sizes[s];
        }
        return sum / (sizes.length - 1) / (q * (1 - q));
    }
}
