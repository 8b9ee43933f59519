package dev.gcscope.analysis.regime;

import dev.gcscope.analysis.work.Work;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * so the same input gives the same regimes. k is chosen by the mean silhouette (Rousseeuw 1987) for
 * k = 2 … {@value #MAX_K}: the smallest k within {@value #SILHOUETTE_TOLERANCE} of the best score;
 * when even the best is below {@value #MIN_SILHOUETTE} — Kaufman and Rousseeuw's line between
 * "reasonable" and "weak, possibly artificial" structure — the answer is k = 1: one regime. DBSCAN
 * is the alternative for regimes that are not round blobs; points outside every dense region are
 * noise (regime −1).
 *
 * <p>Both run on {@value #FIT_SAMPLE} cycles drawn evenly in time (silhouettes on
 * {@value #SILHOUETTE_SAMPLE}), and every cycle is then assigned to the nearest centre: a regime is
 * a stretch of time, so sampling by time weighs a calm minute as much as a busy one, and a million
 * cycles cost no more than a thousand (commons-math's DBSCAN is quadratic).
 */
final class RegimeClustering {
    static final int MAX_K = 6;
    static final int RESTARTS = 3;
    static final double MIN_SILHOUETTE = 0.5;
    /** The smallest k scoring within this of the best silhouette wins (parsimony, as the one-SE rule). */
    static final double SILHOUETTE_TOLERANCE = 0.05;
    static final int FIT_SAMPLE = 1_000;
    static final int SILHOUETTE_SAMPLE = 500;
    static final int DBSCAN_SAMPLE = 3_000;
    static final int MAX_ITERATIONS = 200;
    static final long SEED = 20261127L;
    /**
     * A cluster holding less of the trace's time than this is the passage between two regimes (the
     * trailing feature window straddles the change for a few cycles), not a regime: its cycles join
     * the nearest one.
     */
    static final double MIN_TIME_SHARE = 0.03;
    /** DBSCAN: neighbourhood radius in standard deviations and minimum neighbours of a core point. */
    static final double DBSCAN_EPS = 0.25;
    static final int DBSCAN_MIN_POINTS = 8;

    /**
     * The chosen clustering.
     *
     * @param centres in standardized space
     * @param sample feature rows drawn evenly in time (what descriptions and merges look at)
     * @param reach per centre: how far its members lie, for DBSCAN's noise; null for k-means
     * @param scale the standardization the centres are in
     */
    record Result(List<double[]> centres, int[] sample, double[] reach, Scale scale, String method) {}

    private RegimeClustering() {}

    /** @param work polled for cancellation before each k */
    static Result kMeans(RegimeFeatures f, Work work) {
        int n = f.size();
        int[] fitRows = sampleByTime(f, FIT_SAMPLE);
        // the silhouette's points: every step-th of the fit's, themselves evenly spread in time
        int step = FIT_SAMPLE / SILHOUETTE_SAMPLE;
        int[] checkRows = new int[SILHOUETTE_SAMPLE];
        for (int j = 0; j < checkRows.length; j++) checkRows[j] = fitRows[j * step + step / 2];
        Scale scale = Scale.of(f, fitRows);
        if (n < 2 * RESTARTS) return single(f, scale, fitRows, "k-means++: too few cycles to split");
        List<DoublePoint> fit = new ArrayList<>(fitRows.length);
        for (int r : fitRows) fit.add(new DoublePoint(scale.point(f, r)));
        double[][] check = new double[checkRows.length][];
        for (int i = 0; i < checkRows.length; i++) check[i] = scale.point(f, checkRows[i]);

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
            List<double[]> centres = withoutTransitions(clusters, fit.size());
            if (centres.size() < 2) continue;
            double s = silhouette(check, nearest(check, centres), centres.size());
            candidates.add(centres);
            scores.add(s);
            best = Math.max(best, s);
        }
        // the fewest regimes that score about as well as the best: more would split what is one regime
        List<double[]> chosen = null;
        double chosenScore = Double.NaN;
        for (int i = 0; i < candidates.size(); i++) {
            if (scores.get(i) >= best - SILHOUETTE_TOLERANCE && (chosen == null || candidates.get(i).size() < chosen.size())) {
                chosen = candidates.get(i);
                chosenScore = scores.get(i);
            }
        }
        if (chosen == null || best < MIN_SILHOUETTE) {
            return single(f, scale, fitRows, String.format(Locale.ROOT,
                    "k-means++: one regime (best silhouette %.2f < %.2f: no clear structure)", best, MIN_SILHOUETTE));
        }
        return new Result(chosen, fitRows, null, scale, String.format(Locale.ROOT,
                "k-means++, k = %d by silhouette (%.2f; best %.2f)", chosen.size(), chosenScore, best));
    }

    static Result dbscan(RegimeFeatures f) {
        int[] rows = sampleByTime(f, DBSCAN_SAMPLE);
        Scale scale = Scale.of(f, rows);
        if (rows.length == 0) return single(f, scale, rows, "DBSCAN: no cycles");
        List<DoublePoint> fit = new ArrayList<>(rows.length);
        for (int r : rows) fit.add(new DoublePoint(scale.point(f, r)));
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
        return new Result(centres, rows, reach, scale, String.format(Locale.ROOT, "DBSCAN (eps %.2f sd, min %d points): %d regimes",
                DBSCAN_EPS, DBSCAN_MIN_POINTS, centres.size()));
    }

    private static Result single(RegimeFeatures f, Scale scale, int[] rows, String method) {
        double[] centre = new double[RegimeFeatures.DIMENSIONS];
        for (int r : rows) {
            double[] p = scale.point(f, r);
            for (int d = 0; d < centre.length; d++) centre[d] += p[d] / rows.length;
        }
        return new Result(List.of(centre), rows, null, scale, method);
    }

    /**
     * Every feature row's cluster: the nearest centre, or −1 beyond its reach (DBSCAN noise), written
     * straight into the per-table-row array (one array of a million, not two).
     */
    static void assign(RegimeFeatures f, Result c, int[] clusterOfRow) {
        Scale scale = c.scale();
        int k = c.centres().size();
        // the three features by hand, centres in one flat array: a million cycles, in code that runs
        // once and so spends most of its time before the JIT has finished with it
        double[] centre = new double[3 * k];
        for (int j = 0; j < k; j++) System.arraycopy(c.centres().get(j), 0, centre, 3 * j, 3);
        double m0 = scale.mean()[0], m1 = scale.mean()[1], m2 = scale.mean()[2];
        double w0 = Scale.WEIGHTS[0] / scale.sd()[0], w1 = Scale.WEIGHTS[1] / scale.sd()[1], w2 = Scale.WEIGHTS[2] / scale.sd()[2];
        double[] reach = c.reach();
        for (int i = 0; i < f.size(); i++) {
            double x = (f.logRate[i] - m0) * w0, y = (f.survival[i] - m1) * w1, z = (f.logLive[i] - m2) * w2;
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double dx = x - centre[3 * j], dy = y - centre[3 * j + 1], dz = z - centre[3 * j + 2];
                double d = dx * dx + dy * dy + dz * dz;
                if (d < bestD) {
                    bestD = d;
                    best = j;
                }
            }
            if (reach != null && Math.sqrt(bestD) > reach[best]) best = -1;
            clusterOfRow[f.rows[i]] = best;
        }
    }

    /**
     * Centres of the clusters with at least {@link #MIN_TIME_SHARE} of the time (the fit sample is
     * drawn evenly in time, so its counts are time shares).
     */
    private static List<double[]> withoutTransitions(List<CentroidCluster<DoublePoint>> clusters, int sampled) {
        List<double[]> out = new ArrayList<>();
        for (CentroidCluster<DoublePoint> c : clusters) {
            if (c.getPoints().size() >= MIN_TIME_SHARE * sampled) out.add(c.getCenter().getPoint());
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

    /** Mean silhouette over the points (labels < 0 left out). */
    static double silhouette(double[][] points, int[] labels, int k) {
        int n = points.length;
        double total = 0;
        int counted = 0;
        int[] size = new int[k];
        for (int l : labels) if (l >= 0) size[l]++;
        double[] sums = new double[k];
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || size[labels[i]] < 2) continue;
            Arrays.fill(sums, 0);
            for (int j = 0; j < n; j++) if (j != i && labels[j] >= 0) sums[labels[j]] += dist(points[i], points[j]);
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
     * {@code count} feature rows evenly spaced in time, deterministic; a row standing for a long
     * interval is drawn more than once, which is its weight — also when there are fewer rows than
     * {@code count}, or a phase with many short cycles would outvote the others. In time order.
     */
    static int[] sampleByTime(RegimeFeatures f, int count) {
        int n = f.size();
        if (n == 0) return new int[0];
        int[] out = new int[count];
        // the s-th draw is the first row whose cumulative time reaches (s + ½)·total/count
        double cumulative = f.interval(0);
        int i = 0;
        for (int s = 0; s < count; s++) {
            double at = (s + 0.5) * f.totalTime / count;
            while (cumulative < at && i < n - 1) cumulative += f.interval(++i);
            out[s] = i;
        }
        return out;
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
     * Standardization: each feature's mean 0 and standard deviation 1 (so no unit dominates), then
     * weighted — heap size counts half: allocation rate and survival set the GC's pace; a cache that
     * grows tenfold is still one regime, and at full weight its size bands would each become one.
     */
    record Scale(double[] mean, double[] sd) {
        static final double[] WEIGHTS = {1, 1, 0.5};

        /** Over {@code rows} (the time sample: standardized as the clustering sees the trace, and cheap). */
        static Scale of(RegimeFeatures f, int[] rows) {
            int n = rows.length, dims = RegimeFeatures.DIMENSIONS;
            double[] mean = new double[dims], sd = new double[dims];
            for (int d = 0; d < dims; d++) {
                for (int r : rows) mean[d] += f.feature(r, d) / n;
                for (int r : rows) sd[d] += (f.feature(r, d) - mean[d]) * (f.feature(r, d) - mean[d]) / n;
                sd[d] = sd[d] > 1e-12 ? Math.sqrt(sd[d]) : 1;
            }
            return new Scale(mean, sd);
        }

        double[] point(RegimeFeatures f, int i) {
            return point(f, i, new double[RegimeFeatures.DIMENSIONS]);
        }

        double[] point(RegimeFeatures f, int i, double[] into) {
            for (int d = 0; d < into.length; d++) into[d] = (f.feature(i, d) - mean[d]) / sd[d] * WEIGHTS[d];
            return into;
        }
    }
}
