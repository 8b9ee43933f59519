package dev.gcscope.analysis.regime;

import dev.gcscope.analysis.work.Work;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Cluster;
import org.apache.commons.math3.ml.clustering.DBSCANClusterer;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Groups cycles into regimes with commons-math3, on standardized features.
 *
 * <p>k-means++: {@value #RESTARTS} restarts per k (the best by within-cluster variance), fixed seed,
 * so the same input gives the same regimes. For k = 2 … {@value #MAX_K}, the mean silhouette
 * (Rousseeuw 1987); k is the smallest whose score is within {@value #SILHOUETTE_TOLERANCE} of the
 * best and none of whose clusters holds two distinct groups ({@link DistinctGroups}): parsimony may
 * not lump together phases that are well separated and materially different (with four phases, two
 * of them close, the smallest k within the tolerance was 3). Unless the cycles hold distinct groups
 * or the best silhouette shows what Kaufman and Rousseeuw call strong structure (above
 * {@value #STRONG_SILHOUETTE}; a single cloud split in two scores up to 0.5), the answer is one regime.
 * DBSCAN is the alternative for regimes that are not round blobs; points outside every dense region
 * are noise (regime −1).
 *
 * <p>Both run on {@value #FIT_SAMPLE} cycles, half drawn evenly in time and half evenly over the
 * cycles (silhouettes on every other one), and every cycle is then assigned to the nearest centre.
 * Time alone weighs a calm minute as much as a busy one, but misses a burst that packs a third of
 * the cycles into 2 % of the time; cycles alone would miss a calm stretch with few cycles. A cluster
 * must hold {@value #MIN_TIME_SHARE} of either half to be a regime. A million cycles cost no more
 * than a thousand (commons-math's DBSCAN is quadratic).
 *
 * <p>Cycles without an allocation rate (their timestamps did not advance) are placed by survival
 * and live heap alone; when most cycles have none, the rate is left out of the clustering.
 */
final class RegimeClustering {
    /** As many as the views have colours for. */
    static final int MAX_K = 8;
    static final int RESTARTS = 3;
    /** Kaufman and Rousseeuw's "strong structure": above it, regimes need no valley to be believed. */
    static final double STRONG_SILHOUETTE = 0.7;
    /** The smallest k scoring within this of the best silhouette wins (parsimony, as the one-SE rule) unless it lumps distinct groups. */
    static final double SILHOUETTE_TOLERANCE = 0.05;
    static final int FIT_SAMPLE = 1_000;
    static final int DBSCAN_SAMPLE = 3_000;
    static final int MAX_ITERATIONS = 200;
    static final long SEED = 20261127L;
    /**
     * A cluster holding less than this of the trace's time and of its cycles is the passage between
     * two regimes (the trailing feature window straddles the change for a few cycles), not a regime:
     * its cycles join the nearest one.
     */
    static final double MIN_TIME_SHARE = 0.03;
    /** Below this share of cycles with an allocation rate, the rate is left out of the clustering. */
    static final double MIN_RATED_SHARE = 0.5;
    /** DBSCAN: neighbourhood radius in standard deviations and minimum neighbours of a core point. */
    static final double DBSCAN_EPS = 0.25;
    static final int DBSCAN_MIN_POINTS = 8;

    /**
     * The chosen clustering.
     *
     * @param centres in standardized space
     * @param sample the feature rows clustered (what descriptions and merges look at)
     * @param reach per centre: how far its members lie, for DBSCAN's noise; null for k-means
     * @param scale the standardization the centres are in
     */
    record Result(List<double[]> centres, DistinctGroups.Sample sample, double[] reach, Scale scale, String method) {}

    private RegimeClustering() {}

    /** @param work polled for cancellation before each k */
    static Result kMeans(RegimeFeatures f, Work work) {
        boolean useRate = useRate(f);
        DistinctGroups.Sample sample = stratified(f, useRate, FIT_SAMPLE);
        Scale scale = Scale.of(f, sample.rows(), useRate);
        int n = sample.rows().length;
        if (n < 2 * RESTARTS) return single(f, scale, sample, "k-means++: too few cycles to split");
        double[][] points = new double[n][];
        List<DoublePoint> fit = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            points[s] = scale.point(f, sample.rows()[s]);
            fit.add(new DoublePoint(points[s]));
        }
        // the silhouette's points: every other of the sample's, from both halves
        double[][] check = new double[(n + 1) / 2][];
        for (int j = 0; j < check.length; j++) check[j] = points[2 * j];
        float[] between = distances(check); // the same points score every k

        List<List<double[]>> candidates = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        int maxK = Math.min(MAX_K, distinct(fit));
        for (int k = 2; k <= maxK; k++) {
            work.checkCancelled();
            RandomGenerator random = new JDKRandomGenerator((int) SEED + k);
            KMeansPlusPlusClusterer<DoublePoint> one = new KMeansPlusPlusClusterer<>(k, MAX_ITERATIONS,
                    new EuclideanDistance(), random, KMeansPlusPlusClusterer.EmptyClusterStrategy.LARGEST_POINTS_NUMBER);
            List<CentroidCluster<DoublePoint>> clusters = new MultiKMeansPlusPlusClusterer<>(one, RESTARTS).cluster(fit);
            List<double[]> centres = withoutTransitions(clusters, points, sample);
            if (centres.size() < 2) continue;
            double s = silhouette(between, nearest(check, centres), centres.size());
            candidates.add(centres);
            scores.add(s);
            best = Math.max(best, s);
        }
        if (candidates.isEmpty()) {
            return single(f, scale, sample, String.format(Locale.ROOT, "k-means++: one regime (no split leaves %d cycles on each side)",
                    DistinctGroups.MIN_CYCLES));
        }
        int[] all = IntStream.range(0, n).toArray();
        if (best < STRONG_SILHOUETTE && DistinctGroups.split(f, sample, useRate, all) == null) {
            return single(f, scale, sample, String.format(Locale.ROOT,
                    "k-means++: one regime (best silhouette %.2f < %.2f and no distinct groups: no clear structure)", best,
                    STRONG_SILHOUETTE));
        }
        // the fewest regimes that score about as well as the best and lump no distinct groups together;
        // when all of those lump, the most regimes there are (more phases than the views have colours)
        int chosen = -1, most = 0;
        boolean lumped = false;
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).size() > candidates.get(most).size()) most = i;
            if (scores.get(i) < best - SILHOUETTE_TOLERANCE) continue;
            if (chosen >= 0 && candidates.get(i).size() >= candidates.get(chosen).size()) continue;
            if (lumpsDistinctGroups(f, sample, useRate, points, candidates.get(i))) {
                lumped = true;
                continue;
            }
            chosen = i;
        }
        if (chosen < 0) {
            return new Result(candidates.get(most), sample, null, scale, String.format(Locale.ROOT,
                    "k-means++, k = %d: every k scoring near the best silhouette (%.2f) lumps distinct groups",
                    candidates.get(most).size(), best));
        }
        String why = lumped ? ", smaller k lumping distinct groups" : "";
        return new Result(candidates.get(chosen), sample, null, scale, String.format(Locale.ROOT,
                "k-means++, k = %d by silhouette (%.2f; best %.2f%s)", candidates.get(chosen).size(), scores.get(chosen), best, why));
    }

    /** Whether some cluster of these centres (over the sample) holds two distinct groups. */
    private static boolean lumpsDistinctGroups(RegimeFeatures f, DistinctGroups.Sample sample, boolean useRate,
                                               double[][] points, List<double[]> centres) {
        int[] label = nearest(points, centres);
        for (int c = 0; c < centres.size(); c++) {
            int cluster = c;
            int[] members = IntStream.range(0, label.length).filter(s -> label[s] == cluster).toArray();
            if (DistinctGroups.split(f, sample, useRate, members) != null) return true;
        }
        return false;
    }

    static Result dbscan(RegimeFeatures f) {
        boolean useRate = useRate(f);
        DistinctGroups.Sample sample = stratified(f, useRate, DBSCAN_SAMPLE);
        Scale scale = Scale.of(f, sample.rows(), useRate);
        if (sample.rows().length == 0) return single(f, scale, sample, "DBSCAN: no cycles");
        List<DoublePoint> fit = new ArrayList<>(sample.rows().length);
        for (int r : sample.rows()) fit.add(new DoublePoint(scale.point(f, r)));
        List<Cluster<DoublePoint>> clusters = new DBSCANClusterer<DoublePoint>(DBSCAN_EPS, DBSCAN_MIN_POINTS).cluster(fit);
        List<double[]> centres = new ArrayList<>();
        double[] reach = new double[clusters.size()];
        for (int c = 0; c < clusters.size(); c++) {
            double[] centre = new double[RegimeFeatures.DIMENSIONS];
            List<DoublePoint> members = clusters.get(c).getPoints();
            for (DoublePoint p : members) for (int d = 0; d < centre.length; d++) centre[d] += p.getPoint()[d] / members.size();
            centres.add(centre);
            // outside every cluster's extent (plus one radius) a cycle is noise, as DBSCAN would call it
            for (DoublePoint p : members) reach[c] = Math.max(reach[c], dist(p.getPoint(), centre) + DBSCAN_EPS);
        }
        return new Result(centres, sample, reach, scale, String.format(Locale.ROOT, "DBSCAN (eps %.2f sd, min %d points): %d regimes",
                DBSCAN_EPS, DBSCAN_MIN_POINTS, centres.size()));
    }

    private static Result single(RegimeFeatures f, Scale scale, DistinctGroups.Sample sample, String method) {
        double[] centre = new double[RegimeFeatures.DIMENSIONS];
        int[] rows = sample.rows();
        for (int r : rows) {
            double[] p = scale.point(f, r);
            for (int d = 0; d < centre.length; d++) centre[d] += p[d] / rows.length;
        }
        return new Result(List.<double[]>of(centre), sample, null, scale, method);
    }

    /** Whether enough cycles have an allocation rate to cluster on it. */
    private static boolean useRate(RegimeFeatures f) {
        return f.rated() > 0 && f.rated() >= MIN_RATED_SHARE * f.size();
    }

    /**
     * The cluster ({@link Nearest}) of feature rows {@code fromFeature} on (a followed log's new
     * cycles), written straight into the per-table-row array.
     */
    static void assign(RegimeFeatures f, Result c, int[] clusterOfRow, int fromFeature) {
        Nearest nearest = new Nearest(f, c);
        for (int i = fromFeature; i < f.size(); i++) clusterOfRow[f.rows[i]] = nearest.of(i);
    }

    /**
     * Which cluster a feature row falls in: the nearest centre, or −1 beyond its reach (DBSCAN
     * noise). A row without an allocation rate is measured by survival and live heap alone. The
     * three features by hand and the centres in one flat array: it runs for every one of a million
     * cycles, in code that runs once and so spends most of its time before the JIT has finished with it.
     */
    static final class Nearest {
        private final RegimeFeatures f;
        private final double[] centre, reach;
        private final int k;
        private final double m0, m1, m2, w0, w1, w2;

        Nearest(RegimeFeatures f, Result c) {
            this.f = f;
            Scale scale = c.scale();
            k = c.centres().size();
            centre = new double[3 * k];
            for (int j = 0; j < k; j++) System.arraycopy(c.centres().get(j), 0, centre, 3 * j, 3);
            m0 = scale.mean()[0];
            m1 = scale.mean()[1];
            m2 = scale.mean()[2];
            w0 = scale.weights()[0] / scale.sd()[0];
            w1 = scale.weights()[1] / scale.sd()[1];
            w2 = scale.weights()[2] / scale.sd()[2];
            reach = c.reach();
        }

        /** The cluster of feature row {@code i}, or −1. */
        int of(int i) {
            float rate = f.logRate[i];
            boolean rated = !Float.isNaN(rate) && w0 != 0;
            double x = rated ? (rate - m0) * w0 : 0, y = (f.survival[i] - m1) * w1, z = (f.logLive[i] - m2) * w2;
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double dx = rated ? x - centre[3 * j] : 0, dy = y - centre[3 * j + 1], dz = z - centre[3 * j + 2];
                double d = dx * dx + dy * dy + dz * dz;
                if (d < bestD) {
                    bestD = d;
                    best = j;
                }
            }
            if (reach != null && Math.sqrt(bestD) > reach[best]) best = -1;
            return best;
        }
    }

    /**
     * Centres of the clusters with at least {@link #MIN_TIME_SHARE} of the sample's time or of its
     * cycles, and at least {@link DistinctGroups#MIN_CYCLES} different cycles: fewer are the hand-over
     * between two regimes (the feature window straddles it), or, in a trace of a dozen cycles, one
     * cycle each.
     */
    private static List<double[]> withoutTransitions(List<CentroidCluster<DoublePoint>> clusters, double[][] points,
                                                     DistinctGroups.Sample sample) {
        List<double[]> centres = new ArrayList<>();
        for (CentroidCluster<DoublePoint> c : clusters) centres.add(c.getCenter().getPoint());
        int[] label = nearest(points, centres);
        List<double[]> out = new ArrayList<>();
        for (int c = 0; c < centres.size(); c++) {
            boolean[] member = new boolean[label.length];
            java.util.Set<Integer> rows = new java.util.HashSet<>();
            for (int s = 0; s < label.length; s++) {
                member[s] = label[s] == c;
                if (member[s]) rows.add(sample.rows()[s]);
            }
            if (sample.share(member) >= MIN_TIME_SHARE && rows.size() >= DistinctGroups.MIN_CYCLES) out.add(centres.get(c));
        }
        return out;
    }

    static int[] nearest(double[][] points, List<double[]> centres) {
        int[] out = new int[points.length];
        for (int i = 0; i < points.length; i++) out[i] = nearest(points[i], centres);
        return out;
    }

    private static int nearest(double[] p, List<double[]> centres) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.size(); c++) {
            double d = dist2(p, centres.get(c));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    /** The distances between every two points, row by row (i·n + j). */
    static float[] distances(double[][] points) {
        int n = points.length;
        float[] d = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                float x = (float) dist(points[i], points[j]);
                d[i * n + j] = x;
                d[j * n + i] = x;
            }
        }
        return d;
    }

    /**
     * Mean silhouette over the points whose distances are {@code between} (labels < 0 left out).
     * Each point's mean distance to a cluster is summed over that cluster's points alone, in index
     * order, so each sum is the one a walk over the whole row would give to the last bit, without
     * looking up every other point's label: this runs for every k on a quarter of a million pairs.
     */
    static double silhouette(float[] between, int[] labels, int k) {
        int n = labels.length;
        double total = 0;
        int counted = 0;
        int[] size = new int[k];
        for (int l : labels) if (l >= 0) size[l]++;
        int[] start = new int[k + 1];
        for (int c = 0; c < k; c++) start[c + 1] = start[c] + size[c];
        int[] byCluster = new int[start[k]];
        int[] fill = Arrays.copyOf(start, k);
        for (int j = 0; j < n; j++) if (labels[j] >= 0) byCluster[fill[labels[j]]++] = j;
        double[] sums = new double[k];
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || size[labels[i]] < 2) continue;
            int row = i * n;
            for (int c = 0; c < k; c++) {
                // a point's distance to itself is +0, which leaves a sum of non-negative distances as it was
                double sum = 0;
                for (int t = start[c], end = start[c + 1]; t < end; t++) sum += between[row + byCluster[t]];
                sums[c] = sum;
            }
            double a = sums[labels[i]] / (size[labels[i]] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) if (c != labels[i] && size[c] > 0) b = Math.min(b, sums[c] / size[c]);
            if (b == Double.POSITIVE_INFINITY) continue;
            double max = Math.max(a, b);
            total += max == 0 ? 0 : (b - a) / max;
            counted++;
        }
        return counted == 0 ? Double.NaN : total / counted;
    }

    /**
     * {@code count} feature rows (only rows with an allocation rate when {@code rated}), deterministic,
     * each half in order: the first half evenly spaced in time — a row standing for a long interval is
     * drawn more than once, which is its weight, also when there are fewer rows than draws — and the
     * second evenly spaced over the rows. Without any elapsed time, all are spread over the rows.
     */
    static DistinctGroups.Sample stratified(RegimeFeatures f, boolean rated, int count) {
        int n = f.size();
        if (n == 0 || (rated && f.rated() == 0)) return new DistinctGroups.Sample(new int[0], 0);
        int byTime = f.totalTime > 0 ? count / 2 : 0;
        int[] out = new int[count];
        RatedRows next = new RatedRows(f, rated);
        // the s-th time draw is the first row whose cumulative time reaches (s + ½)·total/byTime: one
        // pass over a million rows; a row without a rate (when only rated rows count) hands its draw on
        double cumulative = f.interval(0);
        int i = 0;
        for (int s = 0; s < byTime; s++) {
            double at = (s + 0.5) * f.totalTime / byTime;
            while (cumulative < at && i < n - 1) cumulative += f.interval(++i);
            out[s] = next.from(i);
        }
        next = new RatedRows(f, rated);
        int byCycle = count - byTime;
        for (int s = 0; s < byCycle; s++) out[byTime + s] = next.from((int) ((s + 0.5) * n / byCycle));
        return new DistinctGroups.Sample(out, byTime);
    }

    /** The first eligible row at or after a position that only moves forward: each row is looked at once. */
    private static final class RatedRows {
        private final RegimeFeatures f;
        private final boolean rated;
        private int found = -1;

        RatedRows(RegimeFeatures f, boolean rated) {
            this.f = f;
            this.rated = rated;
        }

        int from(int row) {
            if (!rated) return row;
            if (found >= row) return found;
            for (int j = Math.max(row, found + 1); j < f.size(); j++) {
                if (f.hasRate(j)) return found = j;
            }
            // none after it: the last one there is (there is one, or no draws are made)
            for (int j = Math.min(row, f.size() - 1); j >= 0; j--) if (f.hasRate(j)) return found = j;
            throw new IllegalStateException("no row with an allocation rate");
        }
    }

    /** How many distinct points there are, counting no further than {@code MAX_K + 1} (k-means needs k of them). */
    private static int distinct(List<DoublePoint> points) {
        List<double[]> seen = new ArrayList<>();
        for (DoublePoint p : points) {
            if (seen.stream().noneMatch(q -> Arrays.equals(q, p.getPoint()))) seen.add(p.getPoint());
            if (seen.size() > MAX_K) break;
        }
        return seen.size();
    }

    static double dist(double[] a, double[] b) {
        return Math.sqrt(dist2(a, b));
    }

    private static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) s += (a[d] - b[d]) * (a[d] - b[d]);
        return s;
    }

    /**
     * Standardization: each feature's mean 0 and standard deviation 1 (so no unit dominates; but never
 * a unit below a material difference), then
     * weighted — heap size counts half: allocation rate and survival set the GC's pace; a cache that
     * grows tenfold is still one regime, and at full weight its size bands would each become one. The
     * allocation rate weighs 0 when too few cycles have one.
     */
    record Scale(double[] mean, double[] sd, double[] weights) {
        static final double[] WEIGHTS = {1, 1, 0.5};
        /**
         * No feature's unit is smaller than a material difference in it: a feature that hardly varies
         * (the same survival in every phase) would otherwise be stretched until its jitter weighs as
         * much as the differences that matter.
         */
        static final double[] MATERIAL = {RegimeAnalysis.MATERIAL_LOG_RATE, RegimeAnalysis.MATERIAL_SURVIVAL,
                RegimeAnalysis.MATERIAL_LOG_HEAP};
        /** Over the sample's rows (standardized as the clustering sees the trace, and cheap). */
        static Scale of(RegimeFeatures f, int[] rows, boolean useRate) {
            int dims = RegimeFeatures.DIMENSIONS;
            double[] mean = new double[dims], sd = new double[dims];
            double[] weights = WEIGHTS.clone();
            if (!useRate) weights[0] = 0;
            for (int d = 0; d < dims; d++) {
                int count = 0;
                for (int r : rows) {
                    double x = f.feature(r, d);
                    if (Double.isNaN(x)) continue;
                    mean[d] += x;
                    count++;
                }
                mean[d] = count == 0 ? 0 : mean[d] / count;
                for (int r : rows) {
                    double x = f.feature(r, d);
                    if (!Double.isNaN(x)) sd[d] += (x - mean[d]) * (x - mean[d]) / count;
                }
                sd[d] = Math.max(Math.sqrt(sd[d]), MATERIAL[d]);
            }
            return new Scale(mean, sd, weights);
        }

        double[] point(RegimeFeatures f, int i) {
            double[] p = new double[RegimeFeatures.DIMENSIONS];
            for (int d = 0; d < p.length; d++) {
                double x = f.feature(i, d);
                p[d] = weights[d] == 0 || Double.isNaN(x) ? 0 : (x - mean[d]) / sd[d] * weights[d];
            }
            return p;
        }
    }
}
