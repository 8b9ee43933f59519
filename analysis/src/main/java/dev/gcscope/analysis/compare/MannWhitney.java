package dev.gcscope.analysis.compare;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Mann–Whitney U test on two sorted samples, and the null distribution of U that the
 * Hodges–Lehmann interval is read from.
 *
 * <p>Small samples (n·m ≤ {@value #EXACT_PRODUCT}) without ties get the exact distribution of U;
 * otherwise the normal approximation with the tie-corrected variance and a continuity correction
 * (Lehmann, <i>Nonparametrics</i>, 1975, §1.4). commons-math3's {@code MannWhitneyUTest} has neither
 * correction: with Go's two-digit pauses, where most values tie, its variance is too large and its
 * p-values too large with it.
 */
final class MannWhitney {
    /** Exact null distributions up to this n·m: at most ~(n·m)²/4 steps, a few milliseconds. */
    static final int EXACT_PRODUCT = 2_500;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private MannWhitney() {}

    /** Two-sided p-value for a location difference between sorted samples {@code a} and {@code b}. */
    static double p(double[] a, double[] b) {
        int n = a.length, m = b.length;
        if (n == 0 || m == 0) return Double.NaN;
        Ranks r = ranks(a, b);
        double mean = (double) n * m / 2;
        if (r.tieTerm == 0 && (long) n * m <= EXACT_PRODUCT) {
            double[] cdf = nullCdf(n, m);
            // U takes whole values without ties; P(U ≤ u) and P(U ≥ u) = P(U ≤ nm − u) by symmetry
            int u = (int) Math.round(r.u);
            double tail = Math.min(cdf[u], cdf[n * m - u]);
            return Math.min(1, 2 * tail);
        }
        long big = (long) n + m;
        double variance = (double) n * m / 12 * ((big + 1) - r.tieTerm / ((double) big * (big - 1)));
        if (!(variance > 0)) return 1; // every value the same
        double z = (Math.abs(r.u - mean) - 0.5) / Math.sqrt(variance);
        return z <= 0 ? 1 : Math.min(1, 2 * NORMAL.cumulativeProbability(-z));
    }

    /**
     * @param u pairs with a &gt; b, ties counting one half
     * @param tieTerm Σ (t³ − t) over the groups of t equal values in both samples together
     */
    private record Ranks(double u, double tieTerm) {}

    private static Ranks ranks(double[] a, double[] b) {
        double u = 0, tieTerm = 0;
        int i = 0, j = 0;
        while (i < a.length || j < b.length) {
            double v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            int inA = 0, inB = 0;
            while (i < a.length && a[i] == v) {
                i++;
                inA++;
            }
            while (j < b.length && b[j] == v) {
                j++;
                inB++;
            }
            // each a here beats the b below it (j − inB of them) and ties with inB
            u += inA * (j - inB + inB / 2.0);
            long t = inA + inB;
            tieTerm += (double) t * t * t - t;
        }
        return new Ranks(u, tieTerm);
    }

    /**
     * P(U ≤ u) for u = 0 … n·m under the null hypothesis, continuous data. Of the i + j largest values,
     * the largest is one of the i with probability i/(i + j), and then beats all j of the others:
     * P<sub>i,j</sub>(u) = i/(i+j)·P<sub>i−1,j</sub>(u − j) + j/(i+j)·P<sub>i,j−1</sub>(u), every term a
     * probability, so nothing overflows or cancels.
     */
    static double[] nullCdf(int n, int m) {
        if (m > n) return nullCdf(m, n); // U's distribution is the same either way; fewer arrays
        // the test and the shift's interval both ask for it: keep the last one (read-only to callers)
        Cached c = last;
        if (c != null && c.n == n && c.m == m) return c.cdf;
        double[] cdf = computeNullCdf(n, m);
        last = new Cached(n, m, cdf);
        return cdf;
    }

    private record Cached(int n, int m, double[] cdf) {}

    private static volatile Cached last;

    private static double[] computeNullCdf(int n, int m) {
        double[][] prev = new double[m + 1][], cur = new double[m + 1][];
        for (int j = 0; j <= m; j++) prev[j] = new double[] {1}; // i = 0: U = 0
        for (int i = 1; i <= n; i++) {
            cur[0] = new double[] {1};
            for (int j = 1; j <= m; j++) {
                double[] p = new double[i * j + 1], up = prev[j], left = cur[j - 1];
                double wi = (double) i / (i + j), wj = (double) j / (i + j);
                for (int u = 0; u < p.length; u++) {
                    double x = 0;
                    if (u >= j && u - j < up.length) x += wi * up[u - j];
                    if (u < left.length) x += wj * left[u];
                    p[u] = x;
                }
                cur[j] = p;
            }
            double[][] t = prev;
            prev = cur;
            cur = t;
        }
        double[] cdf = prev[m];
        for (int u = 1; u < cdf.length; u++) cdf[u] += cdf[u - 1];
        return cdf;
    }
}
