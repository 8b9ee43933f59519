package dev.gcscope.analysis.regime;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.analysis.Percentiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Which regimes did the program go through? Features per cycle ({@link RegimeFeatures}),
 * standardized, clustered ({@link RegimeClustering}), regimes that differ in nothing material
 * merged, then described. Forced GCs and cycles without figures get regime −1: a
 * {@code runtime.GC()} says nothing about how the program allocates.
 *
 * <p>Clusters are fitted and merged on cycles drawn evenly in time, so a second of a calm regime
 * weighs as much as a second of a busy one; a regime is then described by its own cycles: the
 * typical cycle of a regime is what its figures mean to the reader.
 */
public final class RegimeAnalysis {
    public enum Method { KMEANS, DBSCAN }

    /** The columns it reads, for a projected parse. */
    public static final Set<String> COLUMNS = Set.of(RUN, START_S, STW_MS, HEAP_START_MB, HEAP_END_MB, HEAP_LIVE_MB,
            FORCED, PARTIAL, INTERVAL_S, ALLOC_MB);

    /**
     * Regimes whose typical figures differ by less than these in every feature are one regime:
     * standardized clustering separates any difference when there is little else in the trace, and
     * a 20% change in allocation rate is not a different regime. Factor 1.5 in allocation rate,
     * 0.10 in survival, factor 2 in live heap.
     */
    static final double MATERIAL_LOG_RATE = Math.log10(1.5);
    static final double MATERIAL_SURVIVAL = 0.10;
    static final double MATERIAL_LOG_HEAP = Math.log10(2);

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
        RegimeClustering.Scale scale = RegimeClustering.Scale.of(f);
        RegimeClustering.Result c = method == Method.DBSCAN
                ? RegimeClustering.dbscan(f, scale) : RegimeClustering.kMeans(f, scale);
        int[] labels = RegimeClustering.assign(f, scale, c);
        int k = c.centres().size();
        int merged = mergeNegligible(f, labels, c.sample(), k);

        // renumber by first appearance, so regime 0 is where the trace starts
        int[] order = new int[k];
        Arrays.fill(order, -1);
        int next = 0;
        for (int label : labels) {
            if (label >= 0 && order[label] < 0) order[label] = next++;
        }
        for (int i = 0; i < f.size(); i++) regimeOfRow[f.rows[i]] = labels[i] < 0 ? -1 : order[labels[i]];
        List<Regime> regimes = new ArrayList<>();
        for (int id = 0; id < next; id++) regimes.add(describe(id, cycles, f, regimeOfRow));
        String how = merged > 0 ? c.method() + String.format(Locale.ROOT, "; %d merged as not materially different", merged)
                : c.method();
        return new Result(List.copyOf(regimes), regimeOfRow, how);
    }

    /** Merges clusters, closest pair first, while some pair differs in nothing material; returns how many merges. */
    static int mergeNegligible(RegimeFeatures f, int[] labels, int[] sample, int k) {
        int merges = 0;
        while (true) {
            double[][] typical = new double[k][];
            for (int c = 0; c < k; c++) typical[c] = typical(f, labels, sample, c);
            int bestA = -1, bestB = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                for (int b = a + 1; b < k; b++) {
                    if (typical[a] == null || typical[b] == null) continue;
                    double d = Math.max(Math.abs(typical[a][0] - typical[b][0]) / MATERIAL_LOG_RATE,
                            Math.max(Math.abs(typical[a][1] - typical[b][1]) / MATERIAL_SURVIVAL,
                                    Math.abs(typical[a][2] - typical[b][2]) / MATERIAL_LOG_HEAP));
                    if (d < 1 && d < bestD) {
                        bestD = d;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (bestA < 0) return merges;
            for (int i = 0; i < labels.length; i++) if (labels[i] == bestB) labels[i] = bestA;
            merges++;
        }
    }

    /** Medians of log rate, survival and log live heap of cluster c over the time sample, or null when it has none there. */
    private static double[] typical(RegimeFeatures f, int[] labels, int[] sample, int c) {
        double[][] v = new double[RegimeFeatures.DIMENSIONS][sample.length];
        int n = 0;
        for (int r : sample) {
            if (labels[r] != c) continue;
            for (int d = 0; d < v.length; d++) v[d][n] = f.feature(r, d);
            n++;
        }
        if (n == 0) return null;
        return new double[] {median(v[0], n), median(v[1], n), median(v[2], n)};
    }

    /** Cycles per regime its typical figures are read from: medians of 20 000 are exact to well under 1%. */
    static final int DESCRIBE_SAMPLE = 20_000;

    private static Regime describe(int id, Table cycles, RegimeFeatures f, int[] regimeOfRow) {
        DoubleColumn stw = cycles.doubleColumn(STW_MS), interval = cycles.doubleColumn(INTERVAL_S);
        int count = 0;
        double time = 0, allTime = 0;
        for (int r = 0; r < cycles.rowCount(); r++) {
            double iv = interval.getDouble(r);
            if (iv > 0) allTime += iv;
            if (regimeOfRow[r] != id) continue;
            count++;
            if (iv > 0) time += iv;
        }
        double[] pauses = new double[count];
        int p = 0;
        for (int r = 0; r < cycles.rowCount(); r++) if (regimeOfRow[r] == id) pauses[p++] = stw.getDouble(r);
        Percentiles stwOf = Percentiles.of(pauses);

        // typical figures over the regime's cycles in time order, every stride-th when there are many
        int stride = Math.max(1, (count + DESCRIBE_SAMPLE - 1) / DESCRIBE_SAMPLE);
        int size = (count + stride - 1) / stride;
        double[] rate = new double[size], surv = new double[size], live = new double[size];
        int n = 0, seen = 0;
        for (int r = 0; r < f.size() && n < size; r++) {
            if (regimeOfRow[f.rows[r]] != id || seen++ % stride != 0) continue;
            rate[n] = f.logRate[r];
            surv[n] = f.survival[r];
            live[n++] = f.logLive[r];
        }
        double medRate = RegimeFeatures.rateOf(median(rate, n)), medSurv = median(surv, n);
        double medLive = RegimeFeatures.heapOf(median(live, n));
        // the heap at the regime's start and end: medians of its first and last tenth
        int tenth = Math.max(1, n / 10);
        double first = RegimeFeatures.heapOf(median(live, tenth));
        double last = RegimeFeatures.heapOf(median(Arrays.copyOfRange(live, n - tenth, n), tenth));
        List<String> labels = RegimeLabels.of(medRate, medSurv, medLive, first, last);
        String description = String.format(Locale.ROOT, "allocating ~%s, ~%.0f%% of the heap surviving, %s",
                rate(medRate), medSurv * 100, labels.contains("growing_heap") || labels.contains("shrinking_heap")
                        ? "live heap " + (last > first ? "growing" : "shrinking") + " from " + mb(first) + " to " + mb(last)
                        : mb(medLive) + " live heap");
        return new Regime(id, labels, description, count, (double) count / cycles.rowCount(),
                allTime > 0 ? time / allTime : Double.NaN, medRate, medSurv, medLive, stwOf.at(50), stwOf.at(99));
    }

    /** Median of the first n values (commons-math selects it in linear time; the array is not modified). */
    private static double median(double[] values, int n) {
        return n == 0 ? Double.NaN : new Median().evaluate(values, 0, n);
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
