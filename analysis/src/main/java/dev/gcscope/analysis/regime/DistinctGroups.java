package dev.gcscope.analysis.regime;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Is one group of cycles really two (or more)? The test behind deciding that a trace has regimes at
 * all, behind choosing k (a candidate that lumps distinct phases together is not taken, however
 * well it scores) and behind describing a regime (one that still holds two is described by both,
 * never by the figures of one).
 *
 * <p>Measured in material differences (factor 1.5 in allocation rate, 0.10 in survival, factor 2 in
 * live heap: one unit each), the group's cycles are projected on its principal axis and on each
 * feature. It holds distinct groups when somewhere along one of them a stretch one unit wide holds
 * at most {@value #VALLEY} of what each of the units bounding it holds (the unit ending where it
 * starts, and the unit starting at the first cycle past it) — a valley at least a full material
 * difference wide between two crowds — and the two sides each have {@value #MIN_CYCLES} cycles
 * there, a real share of the trace ({@link RegimeClustering#MIN_TIME_SHARE} of its time or of its
 * cycles) in cycles that stay on their side for a feature window, and typical figures a material
 * difference apart.
 *
 * <p>A single cloud of any shape has no valley; a heap growing steadily has none either, its cycles
 * spread evenly; two phases whose allocation rates differ 2.5-fold (2.3 units) have one with only
 * the few cycles of the hand-over in it; and eight phases strung along the allocation rate have
 * seven, where splitting in two halves and asking for an empty middle finds none. Each cycle counts
 * once, though the time half of the sample may draw a long-lived cycle many times: copies of one
 * point would make a slope look like clumps.
 */
final class DistinctGroups {
    /** Each side needs this many distinct cycles: a regime is recognised a feature window after it starts. */
    static final int MIN_CYCLES = RegimeFeatures.WINDOW;
    /** A valley holds at most this share of what each unit bounding it holds. */
    static final double VALLEY = 0.2;
    /** One material difference in each feature: log rate, survival, log live heap. */
    static final double[] UNIT = {RegimeAnalysis.MATERIAL_LOG_RATE, RegimeAnalysis.MATERIAL_SURVIVAL, RegimeAnalysis.MATERIAL_LOG_HEAP};
    private static final int ITERATIONS = 50;
    /** Valleys tried per direction, deepest first (neighbouring stretches of one valley split alike). */
    private static final int VALLEYS_TRIED = 8;
    /** Float features divided by the unit: "one unit apart" to within this. */
    private static final double EDGE = 1e-3;

    private DistinctGroups() {}

    /**
     * The cycles the clustering looks at: feature rows, the first {@code byTime} drawn evenly in time
     * and the rest evenly over the cycles, so that a phase with a real share of either is seen.
     */
    record Sample(int[] rows, int byTime) {
        /** The larger of the two strata's shares of the sample indices marked in {@code member}. */
        double share(boolean[] member) {
            int inTime = 0, inCycles = 0;
            for (int s = 0; s < rows.length; s++) {
                if (!member[s]) continue;
                if (s < byTime) inTime++;
                else inCycles++;
            }
            int byCycle = rows.length - byTime;
            return Math.max(byTime == 0 ? 0 : (double) inTime / byTime, byCycle == 0 ? 0 : (double) inCycles / byCycle);
        }
    }

    /**
     * One side of a valley in the sample indices {@code members}, or null when they hold no distinct groups.
     *
     * @param useRate whether the allocation rate counts (not when most cycles have none)
     * @return the membership of one side (indices into the sample), the other side being the rest of {@code members}
     */
    static boolean[] split(RegimeFeatures f, Sample sample, boolean useRate, int[] members) {
        int[] rows = sample.rows();
        Set<Integer> seen = new HashSet<>();
        int[] distinct = IntStream.of(members).filter(s -> seen.add(rows[s])).toArray();
        int m = distinct.length;
        if (m < 2 * MIN_CYCLES) return null;
        double[][] points = new double[m][];
        for (int i = 0; i < m; i++) points[i] = units(f, rows[distinct[i]], useRate);
        // along the principal axis, and along each feature (noise in one, such as rates from damaged
        // timestamps, can turn the principal axis away from the feature that separates)
        double[][] axes = {principalAxis(points), {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (double[] axis : axes) {
            if (axis == null) continue;
            boolean[] a = valley(f, sample, useRate, members, distinct, points, axis);
            if (a != null) return a;
        }
        return null;
    }

    /** The split at the deepest valley along {@code axis} whose sides qualify, or null. */
    private static boolean[] valley(RegimeFeatures f, Sample sample, boolean useRate, int[] members, int[] distinct,
                                    double[][] points, double[] axis) {
        int[] rows = sample.rows();
        int m = distinct.length;
        double[] x = new double[m];
        for (int i = 0; i < m; i++) for (int d = 0; d < axis.length; d++) x[i] += points[i][d] * axis[d];
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        // every stretch (x_i, x_i + 1) is a candidate valley, between the unit ending at x_i and the unit
        // starting at the first value past it (a wide gap has its crowds further apart); deepest first
        double[] depth = new double[m];
        for (int i = 0; i < m; i++) {
            double at = sorted[i];
            int next = upperBound(sorted, at + 1 + EDGE);
            depth[i] = Double.NaN;
            if (next == m) continue;
            // the far end belongs to the stretch: values exactly one unit apart (Go's whole-MB heaps,
            // 0 and 1 MB live) are neighbours, not two crowds with a valley between them
            int left = closed(sorted, at - 1, at), right = closed(sorted, sorted[next], sorted[next] + 1);
            int inside = upperBound(sorted, at + 1 + EDGE) - upperBound(sorted, at);
            int flank = Math.min(left, right);
            if (flank >= MIN_CYCLES && inside <= VALLEY * flank) depth[i] = (double) inside / flank;
        }
        Integer[] byDepth = IntStream.range(0, m).filter(i -> !Double.isNaN(depth[i])).boxed()
                .sorted((a, b) -> Double.compare(depth[a], depth[b])).toArray(Integer[]::new);
        for (int t = 0; t < Math.min(byDepth.length, VALLEYS_TRIED); t++) {
            double cut = sorted[byDepth[t]] + 0.5;
            Set<Integer> rowsBelow = new HashSet<>();
            for (int j = 0; j < m; j++) if (x[j] < cut) rowsBelow.add(rows[distinct[j]]);
            boolean[] a = new boolean[rows.length], b = new boolean[rows.length];
            for (int s : members) {
                if (rowsBelow.contains(rows[s])) a[s] = true;
                else b[s] = true;
            }
            if (settledShare(f, sample, useRate, a, axis, cut, true) < RegimeClustering.MIN_TIME_SHARE
                    || settledShare(f, sample, useRate, b, axis, cut, false) < RegimeClustering.MIN_TIME_SHARE) continue;
            if (materialDistance(typical(f, sample, a), typical(f, sample, b)) < 1) continue;
            return a;
        }
        return null;
    }

    /**
     * The share of the trace (as {@link Sample#share}) of the side's entries that are settled there:
     * the cycle and the {@value #MIN_CYCLES} − 1 before it all lie on that side of the cut. A regime is
     * a sustained state; a heap that doubles cycle after cycle while a cache fills passes through
     * crowds of its own (in a trace that fills it a thousand times) but stays in none.
     */
    private static double settledShare(RegimeFeatures f, Sample sample, boolean useRate, boolean[] side, double[] axis,
                                       double cut, boolean below) {
        int[] rows = sample.rows();
        boolean[] settled = new boolean[rows.length];
        java.util.Map<Integer, Boolean> known = new java.util.HashMap<>();
        for (int s = 0; s < rows.length; s++) {
            if (!side[s]) continue;
            settled[s] = known.computeIfAbsent(rows[s], r -> {
                for (int q = Math.max(0, r - MIN_CYCLES + 1); q <= r; q++) {
                    if (useRate && !f.hasRate(q)) return false;
                    double[] p = units(f, q, useRate);
                    double x = 0;
                    for (int d = 0; d < axis.length; d++) x += p[d] * axis[d];
                    if ((x < cut) != below) return false;
                }
                return r >= MIN_CYCLES - 1;
            });
        }
        return sample.share(settled);
    }

    /** How many of the sorted values lie in [from, to]. */
    private static int closed(double[] sorted, double from, double to) {
        return upperBound(sorted, to) - lowerBound(sorted, from);
    }

    private static int lowerBound(double[] s, double v) {
        int lo = 0, hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int upperBound(double[] s, double v) {
        int lo = 0, hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] <= v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** A feature row in material differences; the rate 0 when it does not count or is unknown. */
    private static double[] units(RegimeFeatures f, int row, boolean useRate) {
        double[] p = new double[RegimeFeatures.DIMENSIONS];
        for (int d = 0; d < p.length; d++) {
            double v = f.feature(row, d);
            p[d] = (d == 0 && !useRate) || Double.isNaN(v) ? 0 : v / UNIT[d];
        }
        return p;
    }

    /** The direction of largest variance, by power iteration on the covariance; null when the points do not spread. */
    private static double[] principalAxis(double[][] points) {
        int dims = points[0].length;
        double[] mean = new double[dims];
        for (double[] p : points) for (int d = 0; d < dims; d++) mean[d] += p[d] / points.length;
        double[][] cov = new double[dims][dims];
        for (double[] p : points) {
            for (int i = 0; i < dims; i++) for (int j = 0; j < dims; j++) cov[i][j] += (p[i] - mean[i]) * (p[j] - mean[j]);
        }
        double[] v = new double[dims];
        Arrays.fill(v, 1 / Math.sqrt(dims));
        for (int it = 0; it < ITERATIONS; it++) {
            double[] w = new double[dims];
            for (int i = 0; i < dims; i++) for (int j = 0; j < dims; j++) w[i] += cov[i][j] * v[j];
            double norm = 0;
            for (double c : w) norm += c * c;
            norm = Math.sqrt(norm);
            if (!(norm > 1e-12)) return null;
            for (int i = 0; i < dims; i++) v[i] = w[i] / norm;
        }
        return v;
    }

    /**
     * How far apart two groups' typical figures are, in units of a material difference: factor 1.5
     * in allocation rate, 0.10 in survival, factor 2 in live heap; below 1 they are one regime. A
     * figure unknown on either side (no allocation rate without timestamps) does not count.
     */
    static double materialDistance(double[] a, double[] b) {
        double rate = Math.abs(a[0] - b[0]) / RegimeAnalysis.MATERIAL_LOG_RATE;
        double surv = Math.abs(a[1] - b[1]) / RegimeAnalysis.MATERIAL_SURVIVAL;
        double heap = Math.abs(a[2] - b[2]) / RegimeAnalysis.MATERIAL_LOG_HEAP;
        return Math.max(Double.isNaN(rate) ? 0 : rate, Math.max(Double.isNaN(surv) ? 0 : surv, Double.isNaN(heap) ? 0 : heap));
    }

    /** Medians of log rate (over the rows that have one), survival and log live heap of the marked sample rows; null if none. */
    static double[] typical(RegimeFeatures f, Sample sample, boolean[] member) {
        int n = 0;
        for (boolean m : member) if (m) n++;
        if (n == 0) return null;
        double[][] v = new double[RegimeFeatures.DIMENSIONS][n];
        int[] filled = new int[RegimeFeatures.DIMENSIONS];
        for (int s = 0; s < member.length; s++) {
            if (!member[s]) continue;
            int r = sample.rows()[s];
            for (int d = 0; d < v.length; d++) {
                double x = f.feature(r, d);
                if (!Double.isNaN(x)) v[d][filled[d]++] = x;
            }
        }
        double[] out = new double[v.length];
        for (int d = 0; d < v.length; d++) out[d] = filled[d] == 0 ? Double.NaN : new Median().evaluate(v[d], 0, filled[d]);
        return out;
    }
}
