package dev.gcscope.analysis.regime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Groups standardized feature vectors into regimes with commons-math3.
 *
 * <p>k-means++: {@value #RESTARTS} restarts per k (the best by within-cluster variance), fixed seed,
 * so the same input gives the same regimes. k is chosen by the mean silhouette (Rousseeuw 1987) for
 * k = 2 … {@value #MAX_K}: the smallest k within {@value #SILHOUETTE_TOLERANCE} of the best score;
 * when even the best is below {@value #MIN_SILHOUETTE} — Kaufman and Rousseeuw's line between
 * "reasonable" and "weak, possibly artificial" structure — the answer is k = 1: one regime. DBSCAN is the alternative for regimes that are not round blobs; its points
 * outside every dense region are noise (regime −1).
 *
 * <p>Both run on {@value #FIT_SAMPLE} cycles drawn evenly in time (silhouettes on
 * {@value #SILHOUETTE_SAMPLE}), and every cycle is then assigned to the nearest centre: a regime is
 * a stretch of time, so sampling by time weighs a calm minute as much as a busy one, and a million
 * cycles cost no more than a thousand (commons-math's DBSCAN is quadratic).
 */
final class RegimeClustering {
    static final int MAX_K = 6;
    static final int RESTARTS = 4;
    static final double MIN_SILHOUETTE = 0.5;
    /** The smallest k scoring within this of the best silhouette wins (parsimony, as the one-SE rule). */
    static final double SILHOUETTE_TOLERANCE = 0.05;
    static final int FIT_SAMPLE = 5_000;
    static final int SILHOUETTE_SAMPLE = 2_000;
    static final int MAX_ITERATIONS = 200;
    /**
     * A cluster holding less of the trace's time than this is the passage between two regimes (the
     * trailing feature window straddles the change for a few cycles), not a regime: it joins the
     * nearest one.
     */
    static final double MIN_TIME_SHARE = 0.03;
    static final long SEED = 20261127L;
    /** DBSCAN: neighbourhood radius in standard deviations and minimum neighbours of a core point. */
    static final double DBSCAN_EPS = 0.25;
    static final int DBSCAN_MIN_POINTS = 8;

    /** The chosen clustering: centres in standardized space, one label per point (−1 = noise). */
    record Result(List<double[]> centres, int[] labels, String method, double silhouette) {}

    private RegimeClustering() {}

    /**
     * @param weights time each point stands for (its interval): samples are drawn evenly in time, so
     *     five seconds of a calm phase count as much as five seconds of a phase with 100 GCs a second
     */
    static Result kMeans(double[][] points, double[] weights) {
        int n = points.length;
        if (n < 2 * RESTARTS) return single(points, "k-means++: too few cycles to split");
        List<DoublePoint> fit = wrap(sample(points, weights, FIT_SAMPLE));
        double[][] check = sample(points, weights, SILHOUETTE_SAMPLE);
        List<List<double[]>> candidates = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 2; k <= Math.min(MAX_K, distinct(fit)); k++) {
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
        List<double[]> bestCentres = null;
        double chosen = Double.NaN;
        for (int i = 0; i < candidates.size(); i++) {
            if (scores.get(i) >= best - SILHOUETTE_TOLERANCE
                    && (bestCentres == null || candidates.get(i).size() < bestCentres.size())) {
                bestCentres = candidates.get(i);
                chosen = scores.get(i);
            }
        }
        if (bestCentres == null || best < MIN_SILHOUETTE) {
            return single(points, String.format(java.util.Locale.ROOT,
                    "k-means++: one regime (best silhouette %.2f < %.2f: no clear structure)", best, MIN_SILHOUETTE));
        }
        return new Result(bestCentres, nearest(points, bestCentres),
                String.format(java.util.Locale.ROOT, "k-means++, k = %d by silhouette (%.2f; best %.2f)",
                        bestCentres.size(), chosen, best), chosen);
    }

    /**
     * Centres of the clusters with at least {@link #MIN_TIME_SHARE} of the time (the fit sample is
     * drawn evenly in time, so its counts are time shares); smaller clusters are dropped, and their
     * points go to the nearest remaining centre when labels are assigned.
     */
    private static List<double[]> withoutTransitions(List<CentroidCluster<DoublePoint>> clusters, int sampled) {
        List<double[]> out = new ArrayList<>();
        for (CentroidCluster<DoublePoint> c : clusters) {
            if (c.getPoints().size() >= MIN_TIME_SHARE * sampled) out.add(c.getCenter().getPoint());
        }
        return out;
    }

    static Result dbscan(double[][] points, double[] weights) {
        if (points.length == 0) return single(points, "DBSCAN: no cycles");
        double[][] fit = sample(points, weights, 5_000);
        List<Cluster<DoublePoint>> clusters = new DBSCANClusterer<DoublePoint>(DBSCAN_EPS, DBSCAN_MIN_POINTS).cluster(wrap(fit));
        List<double[]> centres = new ArrayList<>();
        double[] reach = new double[clusters.size()];
        for (int c = 0; c < clusters.size(); c++) {
            double[] centre = new double[points[0].length];
            List<DoublePoint> members = clusters.get(c).getPoints();
            for (DoublePoint p : members) for (int d = 0; d < centre.length; d++) centre[d] += p.getPoint()[d] / members.size();
            centres.add(centre);
            for (DoublePoint p : members) reach[c] = Math.max(reach[c], dist(p.getPoint(), centre));
        }
        int[] labels = nearest(points, centres);
        for (int i = 0; i < points.length; i++) {
            // outside every cluster's extent (plus one radius): noise, as DBSCAN would call it
            if (labels[i] >= 0 && dist(points[i], centres.get(labels[i])) > reach[labels[i]] + DBSCAN_EPS) labels[i] = -1;
        }
        String method = String.format(java.util.Locale.ROOT, "DBSCAN (eps %.2f sd, min %d points): %d regimes",
                DBSCAN_EPS, DBSCAN_MIN_POINTS, centres.size());
        return new Result(centres, labels, method, Double.NaN);
    }

    private static Result single(double[][] points, String method) {
        double[] centre = new double[points.length == 0 ? RegimeFeatures.DIMENSIONS : points[0].length];
        for (double[] p : points) for (int d = 0; d < centre.length; d++) centre[d] += p[d] / points.length;
        return new Result(List.of(centre), new int[points.length], method, Double.NaN);
    }

    static int[] nearest(double[][] points, List<double[]> centres) {
        int[] out = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centres.size(); c++) {
                double d = dist2(points[i], centres.get(c));
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
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
     * {@code max} points evenly spaced in time (cumulative weight), deterministic; a point standing
     * for a long interval is drawn more than once, which is its weight — also when there are fewer
     * points than {@code max}, or a phase with many short cycles would outvote the others.
     */
    static double[][] sample(double[][] points, double[] weights, int max) {
        if (points.length == 0) return points;
        double[] cumulative = new double[points.length];
        double total = 0;
        for (int i = 0; i < points.length; i++) {
            total += weights[i];
            cumulative[i] = total;
        }
        double[][] out = new double[max][];
        for (int s = 0; s < max; s++) {
            double at = (s + 0.5) * total / max;
            int i = Arrays.binarySearch(cumulative, at);
            out[s] = points[Math.min(points.length - 1, i >= 0 ? i : -i - 1)];
        }
        return out;
    }

    private static int distinct(List<DoublePoint> points) {
        return (int) points.stream().map(p -> Arrays.toString(p.getPoint())).distinct().limit(MAX_K + 1L).count();
    }

    private static List<DoublePoint> wrap(double[][] points) {
        List<DoublePoint> out = new ArrayList<>(points.length);
        for (double[] p : points) out.add(new DoublePoint(p));
        return out;
    }

    static double dist(double[] a, double[] b) {
        return Math.sqrt(dist2(a, b));
    }

    private static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) s += (a[d] - b[d]) * (a[d] - b[d]);
        return s;
    }
}
