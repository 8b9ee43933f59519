package dev.gcscope.analysis.regime;

import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.analysis.stats.RangeSelection;
import java.util.Arrays;

/**
 * A regime's pause percentiles with their intervals, exactly as {@link RangeSelection#percentile(double[],
 * int, int, double, double)} gives them, for a range of the regimes' shared pause array.
 *
 * <p>A range of {@value #COUNTING_FROM} pauses or more is not selected in place but counted: Go
 * prints pauses to the microsecond, so on a million cycles a regime's pauses fall into a few
 * thousand distinct microsecond buckets. One pass counts each bucket, the prefix sums name the
 * bucket of each order statistic needed (two per percentile and the two ends of its interval), and a
 * second pass checks that each of those buckets holds one value only, which is then the order
 * statistic; a bucket holding several (figures not in whole microseconds) is sorted, so the answer is
 * the same in every case. Two linear passes instead of quickselect's repeated partitioning, which was
 * the dearest part of the regimes' descriptions on a million cycles. Buckets are monotone in the
 * value (negative values share the first, values of {@value #BUCKETS} µs and more the last), which is
 * all exactness needs.
 */
final class RegimePercentiles {
    static final int COUNTING_FROM = 32_768;
    /** Microsecond buckets: pauses up to 131 ms each have their own. */
    static final int BUCKETS = 1 << 17;

    private final int countingFrom;
    private int[] count;
    /** Per bucket: 1 + its index among the buckets looked into, 0 for the others. */
    private int[] slotOf;

    RegimePercentiles() {
        this(COUNTING_FROM);
    }

    /** @param countingFrom the fewest pauses counted rather than selected (tests count small ranges) */
    RegimePercentiles(int countingFrom) {
        this.countingFrom = countingFrom;
    }

    /**
     * The percentiles {@code ps} (0 to 100) of {@code a[from, to)}, which must be free of NaN, each
     * with its interval at {@code confidence}; may reorder the range.
     */
    PercentileInterval.Estimate[] of(double[] a, int from, int to, double confidence, double... ps) {
        PercentileInterval.Estimate[] out = new PercentileInterval.Estimate[ps.length];
        int n = to - from;
        if (n < Math.max(1, countingFrom)) {
            for (int i = 0; i < ps.length; i++) out[i] = RangeSelection.percentile(a, from, to, ps[i], confidence);
            return out;
        }
        // the ranks (0-based) each percentile needs: its two neighbours (or the largest) and its interval's ends
        PercentileInterval.Ranks[] ranks = new PercentileInterval.Ranks[ps.length];
        int[] needed = new int[4 * ps.length];
        int m = 0;
        for (int i = 0; i < ps.length; i++) {
            double h = (n - 1) * (ps[i] / 100.0);
            int lo = (int) Math.floor(h);
            needed[m++] = Math.min(lo, n - 1);
            if (lo < n - 1) needed[m++] = lo + 1;
            ranks[i] = PercentileInterval.ranks(n, ps[i] / 100, confidence);
            if (ranks[i].hasLow()) needed[m++] = ranks[i].low() - 1;
            if (ranks[i].hasHigh()) needed[m++] = ranks[i].high() - 1;
        }
        int[] sortedRanks = Arrays.copyOf(needed, m);
        Arrays.sort(sortedRanks);
        double[] value = orderStatistics(a, from, to, sortedRanks);

        for (int i = 0; i < ps.length; i++) {
            double p = ps[i];
            double h = (n - 1) * (p / 100.0);
            int lo = (int) Math.floor(h);
            double v;
            if (lo >= n - 1) {
                v = at(sortedRanks, value, n - 1);
            } else {
                double x = at(sortedRanks, value, lo);
                double frac = h - lo;
                v = frac == 0 ? x : x + frac * (at(sortedRanks, value, lo + 1) - x);
            }
            out[i] = PercentileInterval.estimate(v, ranks[i], k -> at(sortedRanks, value, k), p / 100, confidence);
        }
        return out;
    }

    private static double at(int[] sortedRanks, double[] value, int rank) {
        return value[Arrays.binarySearch(sortedRanks, rank)];
    }

    private static int bucket(double x) {
        double us = x * 1000;
        return us < 0 ? 0 : us >= BUCKETS - 1 ? BUCKETS - 1 : (int) us;
    }

    /** The values of the given ranks (ascending, 0-based) of a[from, to), by bucket counts. */
    private double[] orderStatistics(double[] a, int from, int to, int[] ranks) {
        if (count == null) {
            count = new int[BUCKETS];
            slotOf = new int[BUCKETS];
        } else {
            Arrays.fill(count, 0);
        }
        int[] count = this.count, slotOf = this.slotOf;
        for (int i = from; i < to; i++) count[bucket(a[i])]++;

        // the bucket of each rank, and how many smaller values lie in buckets before it
        int[] bucketOf = new int[ranks.length];
        int[] before = new int[ranks.length];
        int[] slotBucket = new int[ranks.length];
        int slots = 0, b = 0, below = 0;
        for (int j = 0; j < ranks.length; j++) {
            while (below + count[b] <= ranks[j]) below += count[b++];
            bucketOf[j] = b;
            before[j] = below;
            if (slotOf[b] == 0) {
                slotBucket[slots] = b;
                slotOf[b] = ++slots;
            }
        }
        // does each bucket looked into hold one value only (bit for bit)?
        long[] bits = new long[slots];
        boolean[] seen = new boolean[slots], mixed = new boolean[slots];
        for (int i = from; i < to; i++) {
            int s = slotOf[bucket(a[i])] - 1;
            if (s < 0) continue;
            long x = Double.doubleToRawLongBits(a[i]);
            if (!seen[s]) {
                seen[s] = true;
                bits[s] = x;
            } else if (bits[s] != x) {
                mixed[s] = true;
            }
        }
        double[][] sortedBucket = new double[slots][];
        for (int s = 0; s < slots; s++) {
            if (!mixed[s]) continue;
            int wanted = slotBucket[s];
            double[] in = new double[count[wanted]];
            int k = 0;
            for (int i = from; i < to; i++) if (bucket(a[i]) == wanted) in[k++] = a[i];
            Arrays.sort(in);
            sortedBucket[s] = in;
        }
        double[] out = new double[ranks.length];
        for (int j = 0; j < ranks.length; j++) {
            int s = slotOf[bucketOf[j]] - 1;
            out[j] = mixed[s] ? sortedBucket[s][ranks[j] - before[j]] : Double.longBitsToDouble(bits[s]);
        }
        for (int s = 0; s < slots; s++) slotOf[slotBucket[s]] = 0;
        return out;
    }
}
