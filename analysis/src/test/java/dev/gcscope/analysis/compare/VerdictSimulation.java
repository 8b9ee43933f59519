package dev.gcscope.analysis.compare;

import dev.gcscope.analysis.SyntheticPauses;
import dev.gcscope.analysis.stats.SortedSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * How often does {@code compare} call a change? Pairs of synthetic traces (pauses printed as Go
 * prints them, so values tie): under the null both come from one distribution, and a change should
 * be called in about 5 % of pairs; under an alternative (typical pauses 20 % longer, or a tail that
 * grew while the median stayed) as often as possible. And the KS p-value with ties, against the
 * permutation distribution counted by brute force.
 */
public final class VerdictSimulation {
    /** The comparison under test: does it call a change between these two samples? */
    public interface Method {
        boolean changeCalled(SortedSample a, SortedSample b);
    }

    /** The two-sample KS p-value under test. */
    public interface KsMethod {
        double p(double[] a, double[] b);
    }

    public enum Scenario {
        NULL("same distribution"), LONGER("all pauses 20% longer"), HEAVIER_TAIL("10% of pauses 4x longer");

        final String words;

        Scenario(String words) {
            this.words = words;
        }
    }

    public record Rate(Scenario scenario, int n, int pairs, int called) {
        public double rate() {
            return (double) called / pairs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-26s n=m=%5d  change called in %5.1f%% of %d pairs", scenario.words, n,
                    100 * rate(), pairs);
        }
    }

    /** What {@code compare} decides today. */
    public static final Method CURRENT = (x, y) -> TraceComparison.of(x, y).decision().call().changed();

    /** The two-sample KS p-value {@code compare} reports today. */
    public static final KsMethod CURRENT_KS = (a, b) -> TwoSampleKs.p(sorted(a), sorted(b));

    private VerdictSimulation() {}

    static double[] sorted(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s;
    }

    public static List<Rate> run(Method method, int pairs, long seed) {
        List<Rate> out = new ArrayList<>();
        for (int n : new int[] {20, 50, 200, 2000}) out.add(run(method, Scenario.NULL, n, pairs, seed));
        out.add(run(method, Scenario.LONGER, 200, pairs, seed));
        out.add(run(method, Scenario.HEAVIER_TAIL, 200, pairs, seed));
        return out;
    }

    public static Rate run(Method method, Scenario scenario, int n, int pairs, long seed) {
        RandomGenerator random = new Well19937c(seed + n + 7919L * scenario.ordinal());
        SyntheticPauses real = new SyntheticPauses(random, false);
        int called = 0;
        for (int i = 0; i < pairs; i++) {
            double[] a = new double[n], b = new double[n];
            for (int j = 0; j < n; j++) {
                a[j] = SyntheticPauses.goMs(real.next());
                double x = real.next();
                if (scenario == Scenario.LONGER) x *= 1.2;
                if (scenario == Scenario.HEAVIER_TAIL && random.nextDouble() < 0.1) x *= 4;
                b[j] = SyntheticPauses.goMs(x);
            }
            if (method.changeCalled(SortedSample.of(a), SortedSample.of(b))) called++;
        }
        return new Rate(scenario, n, pairs, called);
    }

    /** A KS p-value set against the permutation p-value of the same samples. */
    public record KsCheck(int n, int m, double p, double permutationP) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d m=%d  KS p %.4f  permutation p %.4f  (off by %+.4f)", n, m, p, permutationP,
                    p - permutationP);
        }
    }

    /** Tied samples (Go-printed) of several sizes, each p against {@code permutations} random relabellings. */
    public static List<KsCheck> ksWithTies(KsMethod method, int permutations, long seed) {
        List<KsCheck> out = new ArrayList<>();
        int[][] sizes = {{30, 30}, {60, 40}, {150, 150}, {400, 300}};
        for (int[] size : sizes) {
            RandomGenerator random = new Well19937c(seed + size[0]);
            SyntheticPauses real = new SyntheticPauses(random, false);
            double[] a = new double[size[0]], b = new double[size[1]];
            // a small shift, so p lands where decisions are made
            for (int j = 0; j < a.length; j++) a[j] = SyntheticPauses.goMs(real.next());
            for (int j = 0; j < b.length; j++) b[j] = SyntheticPauses.goMs(real.next() * 1.25);
            out.add(new KsCheck(a.length, b.length, method.p(a, b), permutationP(a, b, permutations, random)));
        }
        return out;
    }

    /** P(D ≥ observed D) over random relabellings of the pooled values: the exact conditional test, by brute force. */
    public static double permutationP(double[] a, double[] b, int permutations, RandomGenerator random) {
        double[] pooled = new double[a.length + b.length];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        long observed = nmD(a, b);
        int atLeast = 0;
        double[] x = new double[a.length], y = new double[b.length];
        for (int r = 0; r < permutations; r++) {
            for (int i = pooled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double t = pooled[i];
                pooled[i] = pooled[j];
                pooled[j] = t;
            }
            System.arraycopy(pooled, 0, x, 0, x.length);
            System.arraycopy(pooled, x.length, y, 0, y.length);
            if (nmD(x, y) >= observed) atLeast++;
        }
        return (double) atLeast / permutations;
    }

    /** n·m·D: the largest gap between the two empirical CDFs, in whole units, ties stepping together. */
    static long nmD(double[] a, double[] b) {
        double[] x = a.clone(), y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int n = x.length, m = y.length, i = 0, j = 0;
        long d = 0, best = 0;
        while (i < n || j < m) {
            double v = j >= m || (i < n && x[i] <= y[j]) ? x[i] : y[j];
            while (i < n && x[i] == v) {
                i++;
                d += m;
            }
            while (j < m && y[j] == v) {
                j++;
                d -= n;
            }
            best = Math.max(best, Math.abs(d));
        }
        return best;
    }
}
