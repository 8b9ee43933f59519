package dev.gcscope.analysis.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.RealDistribution;

/**
 * Pauses counted in log-spaced bins, read off the sorted sample with two binary searches per bin
 * (O(bins·log n), cheap enough to redo for every selection on any thread).
 *
 * <p>Go prints pauses in whole microseconds, so bin edges sit half a resolution step between
 * printable values: no pause lies on an edge, and a bin narrower than one step (the left end of a
 * fine log scale) is merged into its neighbour rather than left empty between two full ones.
 * Pauses of 0 ms have no place on a log axis; they are counted apart.
 *
 * @param edges bin edges in ms, ascending; bin i is [edges[i], edges[i+1])
 * @param counts pauses per bin
 * @param zeroCount pauses of 0 ms (or less), in no bin
 */
public record LogHistogram(double[] edges, long[] counts, long zeroCount) {
    /** Go's gctrace prints milliseconds with three decimals. */
    public static final double GCTRACE_RESOLUTION_MS = 0.001;
    public static final int MIN_BINS = 5;
    public static final int MAX_BINS = 60;
    /** Finer than this many bins per decade draws noise, not shape. */
    public static final int MAX_BINS_PER_DECADE = 20;

    public static LogHistogram of(SortedSample sample) {
        return of(sample, GCTRACE_RESOLUTION_MS);
    }

    /** @param resolutionMs the step pauses are printed in; edges fall halfway between steps */
    public static LogHistogram of(SortedSample sample, double resolutionMs) {
        double[] v = sample.values();
        int n = v.length;
        int firstPositive = lowerBound(v, Math.nextUp(0.0));
        long zeros = firstPositive;
        if (firstPositive == n) return new LogHistogram(new double[0], new long[0], zeros);
        double min = v[firstPositive], max = v[n - 1];
        double half = resolutionMs / 2;
        double lo = min - half > 0 ? min - half : min / 2;
        double hi = max + half;
        int positives = n - firstPositive;
        double decades = Math.log10(hi / lo);
        // Rice's rule (2·n^(1/3)) bounded by the decades the data spans.
        int bins = (int) Math.ceil(Math.min(2 * Math.cbrt(positives), decades * MAX_BINS_PER_DECADE));
        bins = Math.max(MIN_BINS, Math.min(MAX_BINS, bins));
        double[] edges = new double[bins + 1];
        int m = 0;
        edges[m++] = lo;
        for (int i = 1; i < bins; i++) {
            double e = lo * Math.pow(hi / lo, (double) i / bins);
            double snapped = (Math.floor(e / resolutionMs) + 0.5) * resolutionMs;
            if (snapped > edges[m - 1] + resolutionMs / 4 && snapped < hi - resolutionMs / 4) edges[m++] = snapped;
        }
        edges[m++] = hi;
        edges = Arrays.copyOf(edges, m);
        long[] counts = new long[m - 1];
        int below = firstPositive;
        for (int i = 0; i < counts.length; i++) {
            int upTo = i == counts.length - 1 ? n : lowerBound(v, edges[i + 1]);
            counts[i] = upTo - below;
            below = upTo;
        }
        return new LogHistogram(edges, counts, zeros);
    }

    public int bins() {
        return counts.length;
    }

    /** Pauses in the bins (every pause but the zeros). */
    public long total() {
        long t = 0;
        for (long c : counts) t += c;
        return t;
    }

    public long maxCount() {
        long m = 0;
        for (long c : counts) m = Math.max(m, c);
        return m;
    }

    /**
     * Another sample counted in these bins (a comparison's sides drawn over one set of bins, made
     * from their pooled pauses): its pauses per bin; pauses outside every bin, zeros included, are not counted.
     */
    public long[] countsOf(SortedSample other) {
        double[] v = other.values();
        long[] out = new long[counts.length];
        for (int i = 0; i < out.length; i++) {
            // the last bin is closed, as of() counts it
            int upTo = i == out.length - 1 ? upperBound(v, edges[i + 1]) : lowerBound(v, edges[i + 1]);
            out[i] = upTo - lowerBound(v, edges[i]);
        }
        return out;
    }

    /** First index whose value is above {@code x}. */
    private static int upperBound(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** The bin holding {@code ms}, or −1 when it is outside every bin. */
    public int binOf(double ms) {
        if (counts.length == 0 || ms < edges[0] || ms >= edges[edges.length - 1]) return -1;
        int i = Arrays.binarySearch(edges, ms);
        return i >= 0 ? Math.min(i, counts.length - 1) : -i - 2;
    }

    /** How many of {@code total} pauses drawn from {@code d} would fall in each bin. */
    public double[] expected(RealDistribution d, long total) {
        double[] out = new double[counts.length];
        double below = d.cumulativeProbability(edges[0]);
        for (int i = 0; i < out.length; i++) {
            double upTo = d.cumulativeProbability(edges[i + 1]);
            out[i] = total * Math.max(0, upTo - below);
            below = upTo;
        }
        return out;
    }

    /** First index whose value is at least {@code x}. */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
