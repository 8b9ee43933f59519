package dev.gcscope.analysis.regime;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.analysis.stats.SortedSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Which regimes did the program go through? Features per cycle ({@link RegimeFeatures}),
 * standardized (each feature's mean 0 and standard deviation 1, so no unit dominates), clustered
 * ({@link RegimeClustering}), then described. Forced GCs and cycles without figures get regime −1:
 * a {@code runtime.GC()} says nothing about how the program allocates.
 */
public final class RegimeAnalysis {
    public enum Method { KMEANS, DBSCAN }

    /** The columns it reads, for a projected parse. */
    public static final java.util.Set<String> COLUMNS = java.util.Set.of(RUN, START_S, STW_MS, HEAP_START_MB,
            HEAP_END_MB, HEAP_LIVE_MB, FORCED, PARTIAL, INTERVAL_S, ALLOC_MB);

    /**
     * @param regimes in order of first appearance
     * @param regimeOfRow per row of the cycles table: the regime id, or −1 (forced, no figures, noise)
     * @param method how they were found, in words (algorithm, k, the criterion's value)
     */
    public record Result(List<Regime> regimes, int[] regimeOfRow, String method) {}

    private RegimeAnalysis() {}

    public static Result of(Table cycles) {
        return of(cycles, Method.KMEANS);
    }

    public static Result of(Table cycles, Method method) {
        RegimeFeatures f = RegimeFeatures.of(cycles);
        int[] regimeOfRow = new int[cycles.rowCount()];
        Arrays.fill(regimeOfRow, -1);
        if (f.size() == 0) return new Result(List.of(), regimeOfRow, "no cycles with allocation figures");
        double[][] points = standardized(f);
        double[] weights = new double[f.size()];
        DoubleColumn interval = cycles.doubleColumn(INTERVAL_S);
        for (int i = 0; i < f.size(); i++) weights[i] = interval.getDouble(f.rows[i]);
        RegimeClustering.Result c = method == Method.DBSCAN
                ? RegimeClustering.dbscan(points, weights) : RegimeClustering.kMeans(points, weights);

        int[] labels = mergeNegligible(f, c.labels(), c.centres().size());
        // renumber clusters by first appearance, so regime 0 is where the trace starts
        int k = c.centres().size();
        int[] order = new int[k];
        Arrays.fill(order, -1);
        int next = 0;
        for (int label : labels) {
            if (label >= 0 && order[label] < 0) order[label] = next++;
        }
        for (int i = 0; i < f.size(); i++) {
            int label = labels[i];
            regimeOfRow[f.rows[i]] = label < 0 ? -1 : order[label];
        }
        List<Regime> regimes = new ArrayList<>();
        for (int id = 0; id < next; id++) regimes.add(describe(id, cycles, f, regimeOfRow));
        int found = (int) Arrays.stream(c.labels()).filter(l -> l >= 0).distinct().count();
        String how = found > next
                ? c.method() + String.format(Locale.ROOT, "; %d merged as not materially different", found - next)
                : c.method();
        return new Result(List.copyOf(regimes), regimeOfRow, how);
    }

    /**
     * Regimes whose typical figures differ by less than these in every feature are one regime:
     * standardized clustering separates any difference when there is little else in the trace, and
     * a 20% change in allocation rate is not a different regime. Factor 1.5 in allocation rate,
     * 0.10 in survival, factor 2 in live heap.
     */
    static final double MATERIAL_LOG_RATE = Math.log10(1.5);
    static final double MATERIAL_SURVIVAL = 0.10;
    static final double MATERIAL_LOG_HEAP = Math.log10(2);

    /** Merges clusters, closest pair first, while some pair differs in nothing material. */
    static int[] mergeNegligible(RegimeFeatures f, int[] labels, int k) {
        int[] out = labels.clone();
        while (true) {
            double[][] typical = new double[k][];
            for (int c = 0; c < k; c++) typical[c] = typical(f, out, c);
            int bestA = -1, bestB = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                for (int b = a + 1; b < k; b++) {
                    if (typical[a] == null || typical[b] == null) continue;
                    double dr = Math.abs(typical[a][0] - typical[b][0]) / MATERIAL_LOG_RATE;
                    double ds = Math.abs(typical[a][1] - typical[b][1]) / MATERIAL_SURVIVAL;
                    double dh = Math.abs(typical[a][2] - typical[b][2]) / MATERIAL_LOG_HEAP;
                    double d = Math.max(dr, Math.max(ds, dh));
                    if (d < 1 && d < bestD) {
                        bestD = d;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (bestA < 0) return out;
            for (int i = 0; i < out.length; i++) if (out[i] == bestB) out[i] = bestA;
        }
    }

    /** Median log10 rate, survival and log10 live heap of cluster c, or null when empty. */
    private static double[] typical(RegimeFeatures f, int[] labels, int c) {
        List<Double> r = new ArrayList<>(), s = new ArrayList<>(), h = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != c) continue;
            r.add(Math.log10(f.allocRateMbS[i] + 1));
            s.add(f.survival[i]);
            h.add(Math.log10(f.liveHeapMb[i] + 1));
        }
        return r.isEmpty() ? null : new double[] {median(r), median(s), median(h)};
    }

    /**
     * Feature weights after standardizing: heap size counts half. Allocation rate and survival are
     * what set the GC's pace; a cache that grows tenfold is still one regime, and at full weight its
     * size bands would each become one.
     */
    private static final double[] WEIGHTS = {1, 1, 0.5};

    private static double[][] standardized(RegimeFeatures f) {
        int n = f.size(), dims = RegimeFeatures.DIMENSIONS;
        double[][] points = new double[n][];
        double[] mean = new double[dims], sd = new double[dims];
        for (int i = 0; i < n; i++) {
            points[i] = f.vector(i);
            for (int d = 0; d < dims; d++) mean[d] += points[i][d] / n;
        }
        for (double[] p : points) for (int d = 0; d < dims; d++) sd[d] += (p[d] - mean[d]) * (p[d] - mean[d]) / n;
        for (int d = 0; d < dims; d++) sd[d] = sd[d] > 1e-12 ? Math.sqrt(sd[d]) : 1;
        for (double[] p : points) for (int d = 0; d < dims; d++) p[d] = (p[d] - mean[d]) / sd[d] * WEIGHTS[d];
        return points;
    }

    private static Regime describe(int id, Table cycles, RegimeFeatures f, int[] regimeOfRow) {
        DoubleColumn stw = cycles.doubleColumn(STW_MS), interval = cycles.doubleColumn(INTERVAL_S);
        List<Double> rate = new ArrayList<>(), surv = new ArrayList<>(), live = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            if (regimeOfRow[f.rows[i]] != id) continue;
            rate.add(f.allocRateMbS[i]);
            surv.add(f.survival[i]);
            live.add(f.liveHeapMb[i]);
        }
        int count = rate.size();
        double[] pauses = new double[count];
        double time = 0, allTime = 0;
        int p = 0;
        for (int r = 0; r < cycles.rowCount(); r++) {
            double iv = interval.getDouble(r);
            if (iv > 0) allTime += iv;
            if (regimeOfRow[r] != id) continue;
            pauses[p++] = stw.getDouble(r);
            if (iv > 0) time += iv;
        }
        SortedSample s = SortedSample.of(pauses);
        double medRate = median(rate), medSurv = median(surv), medLive = median(live);
        // the heap at the regime's start and end: medians of its first and last tenth
        int tenth = Math.max(1, count / 10);
        double first = median(live.subList(0, tenth)), last = median(live.subList(count - tenth, count));
        List<String> labels = RegimeLabels.of(medRate, medSurv, medLive, first, last);
        String description = String.format(Locale.ROOT, "allocating ~%s, ~%.0f%% of the heap surviving, %s",
                rate(medRate), medSurv * 100, labels.contains("growing_heap") || labels.contains("shrinking_heap")
                        ? "live heap " + (last > first ? "growing" : "shrinking") + " from " + mb(first) + " to " + mb(last)
                        : mb(medLive) + " live heap");
        return new Regime(id, labels, description, count, (double) count / cycles.rowCount(),
                allTime > 0 ? time / allTime : Double.NaN, medRate, medSurv, medLive, s.percentile(50), s.percentile(99));
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) return Double.NaN;
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    static String rate(double mbPerS) {
        if (mbPerS >= 1000) return String.format(Locale.ROOT, "%.2g GB/s", mbPerS / 1000).replace("e+0", "e");
        return String.format(Locale.ROOT, "%s MB/s", twoSignificant(mbPerS));
    }

    static String mb(double mb) {
        if (mb >= 1024) return String.format(Locale.ROOT, "%.2g GB", mb / 1024);
        return twoSignificant(mb) + " MB";
    }

    private static String twoSignificant(double v) {
        if (v >= 100) return String.valueOf(Math.round(v / 10) * 10);
        if (v >= 10) return String.valueOf(Math.round(v));
        return new java.math.BigDecimal(v).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }
}
