package dev.gcscope.analysis.regime;

import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.analysis.stats.RangeSelection;
import dev.gcscope.analysis.stats.SerialDependence;
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
     * The percentiles {@code ps} (0 to 100) of {@code a[from, to)}, which must be free of NaN and in
     * the order the cycles came, each with its interval at {@code confidence}, widened for
     * neighbouring pauses being alike ({@link SerialDependence}); may reorder the range.
     */
    PercentileInterval.Estimate[] of(double[] a, int from, int to, double confidence, double... ps) {
        PercentileInterval.Estimate[] out = new PercentileInterval.Estimate[ps.length];
        int n = to - from;
        if (n < Math.max(1, countingFrom)) {
            // selection reorders the range, and the widening reads it in order: a copy, small here
            SerialDependence inOrder = SerialDependence.of(Arrays.copyOfRange(a, from, to));
            for (int i = 0; i < ps.length; i++) out[i] = RangeSelection.percentile(a, from, to, ps[i], confidence, inOrder);
            return out;
        }
        // first the values (each percentile's two neighbouring ranks, or the largest), then the
        // ranks of their intervals' ends, which the widening at each value decides
        int[] valueRanks = new int[2 * ps.length];
        int m = 0;
        for (double p : ps) {
            int lo = (int) Math.floor((n - 1) * (p / 100.0));
            valueRanks[m++] = Math.min(lo, n - 1);
            if (lo < n - 1) valueRanks[m++] = lo + 1;
        }
        int[] sortedValueRanks = sortedDistinct(valueRanks, m);
        countBuckets(a, from, to);
        double[] valueOfRank = orderStatistics(a, from, to, sortedValueRanks);
        double[] v = new double[ps.length], qs = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            double h = (n - 1) * (ps[i] / 100.0);
            int lo = (int) Math.floor(h);
            qs[i] = ps[i] / 100;
            if (lo >= n - 1) {
                v[i] = at(sortedValueRanks, valueOfRank, n - 1);
            } else {
                double x = at(sortedValueRanks, valueOfRank, lo);
                double frac = h - lo;
                v[i] = frac == 0 ? x : x + frac * (at(sortedValueRanks, valueOfRank, lo + 1) - x);
            }
        }
        double[] inflation = SerialDependence.of(a, from, to, n).inflations(v, qs);
        PercentileInterval.Ranks[] ranks = new PercentileInterval.Ranks[ps.length];
        int[] ends = new int[2 * ps.length];
        m = 0;
        for (int i = 0; i < ps.length; i++) {
            ranks[i] = PercentileInterval.ranks(n, qs[i], confidence, inflation[i]);
            if (ranks[i].hasLow()) ends[m++] = ranks[i].low() - 1;
            if (ranks[i].hasHigh()) ends[m++] = ranks[i].high() - 1;
        }
        int[] sortedEnds = sortedDistinct(ends, m);
        double[] valueOfEnd = orderStatistics(a, from, to, sortedEnds);
        for (int i = 0; i < ps.length; i++) {
            out[i] = PercentileInterval.estimate(v[i], ranks[i], k -> at(sortedEnds, valueOfEnd, k), qs[i], confidence);
        }
        return out;
    }

    private static int[] sortedDistinct(int[] a, int m) {
        return Arrays.stream(a, 0, m).sorted().distinct().toArray();
    }

    private static double at(int[] sortedRanks, double[] value, int rank) {
        return value[Arrays.binarySearch(sortedRanks, rank)];
    }

    private static int bucket(double x) {
        double us = x * 1000;
        return us < 0 ? 0 : us >= BUCKETS - 1 ? BUCKETS - 1 : (int) us;
    }

    /** Counts a[from, to) into the buckets, for {@link #orderStatistics} of that range. */
    private void countBuckets(double[] a, int from, int to) {
        if (count == null) {
            count = new int[BUCKETS];
            slotOf = new int[BUCKETS];
        } else {
            Arrays.fill(count, 0);
        }
        int[] count = this.count;
        for (int i = from; i < to; i++) count[bucket(a[i])]++;
    }

    /** The values of the given ranks (ascending, 0-based) of a[from, to), by the buckets counted last. */
    private double[] orderStatistics(double[] a, int from, int to, int[] ranks) {
        int[] count = this.count, slotOf = this.slotOf;

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
