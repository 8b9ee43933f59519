package dev.gcscope.analysis.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link Convergence} for a log that keeps growing: checkpoints on a fixed grid,
 * {@value #PER_DECADE} a decade from {@value Convergence#MIN_CYCLES} cycles ({@link #checkpoints}),
 * and the cycles so far as the last one. {@link Convergence#of} spreads its checkpoints over the
 * cycles it has, so every one of them moves as the log grows; here a checkpoint, once passed, is
 * computed once, from the sorted pauses up to the previous one merged with those since. Each point
 * is the one {@link Convergence#at} computes from scratch at the same checkpoints, exactly: the same
 * sorted prefixes, the same order statistics.
 */
public final class ConvergenceTracker {
    public static final int PER_DECADE = 12;

    private double[] values = new double[1024];
    private int count;
    private double[] prefix = new double[0]; // the first `have` values, sorted
    private int have;
    private final List<Convergence.Point> fixed = new ArrayList<>();

    /** Checkpoints for {@code n} pauses: the fixed ones below n, then n; none below {@link Convergence#MIN_CYCLES}. */
    public static int[] checkpoints(int n) {
        if (n < Convergence.MIN_CYCLES) return new int[0];
        List<Integer> out = new ArrayList<>();
        for (int k = 0; ; k++) {
            int cut = fixedCut(k);
            if (cut >= n) break;
            if (out.isEmpty() || cut > out.get(out.size() - 1)) out.add(cut);
        }
        out.add(n);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int fixedCut(int k) {
        return (int) Math.round(Convergence.MIN_CYCLES * Math.pow(10, (double) k / PER_DECADE));
    }

    /**
     * Takes in the pauses appended since the last call, {@code stwInOrder[from, to)} (NaN skipped),
     * and returns the convergence so far; {@code all} is every pause so far, sorted (the last point).
     */
    public Convergence.Result update(double[] stwInOrder, int from, int to, SortedSample all) {
        for (int i = from; i < to; i++) {
            double v = stwInOrder[i];
            if (Double.isNaN(v)) continue;
            if (count == values.length) values = Arrays.copyOf(values, values.length * 2);
            values[count++] = v;
        }
        if (all.size() != count) throw new IllegalArgumentException("sorted pauses " + all.size() + " != " + count);
        int[] cuts = checkpoints(count);
        for (int c = fixed.size(); c < cuts.length - 1; c++) {
            int cut = cuts[c];
            double[] chunk = Arrays.copyOfRange(values, have, cut);
            Arrays.sort(chunk);
            double[] merged = new double[cut];
            Convergence.merge(prefix, have, chunk, merged);
            prefix = merged;
            have = cut;
            fixed.add(Convergence.point(prefix, cut, values));
        }
        List<Convergence.Point> points = new ArrayList<>(fixed);
        if (count >= Convergence.MIN_CYCLES) points.add(Convergence.point(all.values(), count, values));
        return new Convergence.Result(points, Convergence.stableAfter(points, true), Convergence.stableAfter(points, false));
    }
}
