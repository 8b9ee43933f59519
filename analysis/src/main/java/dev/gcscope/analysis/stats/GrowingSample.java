package dev.gcscope.analysis.stats;

import java.util.Arrays;

/**
 * The sorted pauses of a log that keeps growing: each update sorts only the values appended and
 * merges them into the sorted values so far (O(new · log new + all) instead of a sort of all), into
 * a new array, since the {@link SortedSample} of the previous update may still be in use on another
 * thread. The result is the same array a sort of every value gives, so every percentile and
 * interval read from it is exactly the from-scratch one.
 */
public final class GrowingSample {
    private double[] sorted = new double[0];

    /** Adds the non-NaN values of {@code values[from, to)}; returns every value so far, sorted. */
    public SortedSample add(double[] values, int from, int to) {
        double[] chunk = new double[to - from];
        int c = 0;
        for (int i = from; i < to; i++) if (!Double.isNaN(values[i])) chunk[c++] = values[i];
        Arrays.sort(chunk, 0, c);
        double[] out = new double[sorted.length + c];
        merge(sorted, sorted.length, chunk, c, out);
        sorted = out;
        return SortedSample.ofSorted(out);
    }

    /** Merges sorted a[0, aLen) with sorted b[0, bLen) into out. */
    static void merge(double[] a, int aLen, double[] b, int bLen, double[] out) {
        int i = 0, j = 0, k = 0;
        while (i < aLen && j < bLen) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        System.arraycopy(a, i, out, k, aLen - i);
        System.arraycopy(b, j, out, k + aLen - i, bLen - j);
    }
}
