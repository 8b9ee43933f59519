package dev.gcscope.analysis.sched;

import dev.gcscope.analysis.Percentiles;
import java.util.Arrays;

/**
 * One task's scheduling delay over time: the run cut into equal time buckets, each with its P50,
 * P99 and maximum; buckets without a switch are NaN. Cheap enough to compute for every task
 * when a view opens: one pass to place rows, one selection per bucket.
 *
 * @param midS each bucket's middle time
 */
public record DelayOverTime(double[] midS, double[] p50Ms, double[] p99Ms, double[] maxMs) {
    /** About as many buckets as a chart has pixels to spare for them. */
    public static final int BUCKETS = 160;

    public static DelayOverTime of(double[] timeS, double[] delayMs) {
        int n = timeS.length;
        double t0 = Double.POSITIVE_INFINITY, t1 = Double.NEGATIVE_INFINITY;
        for (double t : timeS) {
            if (Double.isNaN(t)) continue;
            t0 = Math.min(t0, t);
            t1 = Math.max(t1, t);
        }
        if (!(t1 >= t0)) return new DelayOverTime(new double[0], new double[0], new double[0], new double[0]);
        int buckets = Math.max(1, Math.min(BUCKETS, n));
        double width = t1 > t0 ? (t1 - t0) / buckets : 1;
        int[] of = new int[n], sizes = new int[buckets];
        for (int i = 0; i < n; i++) {
            of[i] = Double.isNaN(timeS[i]) ? -1 : Math.min(buckets - 1, (int) ((timeS[i] - t0) / width));
            if (of[i] >= 0) sizes[of[i]]++;
        }
        double[][] values = new double[buckets][];
        for (int b = 0; b < buckets; b++) values[b] = new double[sizes[b]];
        int[] fill = new int[buckets];
        for (int i = 0; i < n; i++) if (of[i] >= 0) values[of[i]][fill[of[i]]++] = delayMs[i];
        double[] mid = new double[buckets], p50 = new double[buckets], p99 = new double[buckets], max = new double[buckets];
        Arrays.fill(p50, Double.NaN);
        Arrays.fill(p99, Double.NaN);
        Arrays.fill(max, Double.NaN);
        for (int b = 0; b < buckets; b++) {
            mid[b] = t0 + (b + 0.5) * width;
            if (values[b].length == 0) continue;
            Percentiles p = Percentiles.of(values[b]);
            p50[b] = p.at(50);
            p99[b] = p.at(99);
            max[b] = p.max();
        }
        return new DelayOverTime(mid, p50, p99, max);
    }
}
