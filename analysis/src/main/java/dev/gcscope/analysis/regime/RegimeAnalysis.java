package dev.gcscope.analysis.regime;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.analysis.cycles.RowBlocks;
import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.analysis.work.Work;
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
 * <p>Clusters are fitted and merged on cycles drawn half evenly in time, half evenly over the
 * cycles, so that a calm hour and a burst of thousands of cycles in a second are both seen; a regime
 * is then described by its own cycles: the typical cycle of a regime is what its figures mean to the
 * reader. A regime that still holds two distinct groups (more phases than
 * {@value RegimeClustering#MAX_K}, say) is described by both, as ranges, never by one of them.
 * Cycles whose timestamps did not advance are placed by their heaps and counted in the method.
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
        return of(cycles, method, Work.serial());
    }

    /**
     * @param work polled for cancellation between the stages and between the k-means runs
     * @throws java.util.concurrent.CancellationException when {@code work} is cancelled meanwhile
     */
    public static Result of(Table cycles, Method method, Work work) {
        return fit(cycles, method, work).result();
    }

    /**
     * A clustering and what it became, kept by {@link IncrementalRegimes} to place a followed log's
     * new cycles until it clusters again.
     *
     * @param clustering null when no cycle had figures
     * @param regimeOfCluster per cluster of {@code clustering}: the regime it ended up in after the
     *                        merges and the renumbering, −1 when none of its cycles was nearest to it
     * @param parts per regime, its two distinct groups' typical figures, or null
     */
    record Fitted(Result result, RegimeClustering.Result clustering, int[] regimeOfCluster, double[][][] parts) {}

    static Fitted fit(Table cycles, Method method, Work work) {
        return fit(cycles, RegimeFeatures.of(cycles), method, work);
    }

    /** @param f the features of {@code cycles} */
    static Fitted fit(Table cycles, RegimeFeatures f, Method method, Work work) {
        int[] regimeOfRow = new int[cycles.rowCount()];
        Arrays.fill(regimeOfRow, -1);
        if (f.size() == 0) return new Fitted(new Result(List.of(), regimeOfRow, NO_FIGURES), null, new int[0], new double[0][][]);
        work.checkCancelled();
        RegimeClustering.Result c = method == Method.DBSCAN ? RegimeClustering.dbscan(f) : RegimeClustering.kMeans(f, work);
        work.checkCancelled();
        int k = c.centres().size();
        // merges look at the sample's cycles only, so they are decided before any other cycle is placed
        RegimeClustering.Nearest nearest = new RegimeClustering.Nearest(f, c);
        int[] sampleRows = c.sample().rows();
        int[] clusterOfSample = new int[sampleRows.length];
        for (int s = 0; s < sampleRows.length; s++) clusterOfSample[s] = nearest.of(sampleRows[s]);
        int[] mergedInto = new int[k];
        for (int j = 0; j < k; j++) mergedInto[j] = j;
        int merged = mergeNegligible(f, clusterOfSample, c.sample(), mergedInto);
        work.checkCancelled();

        // one pass over a million rows: place each cycle (nearest centre, then the merges), renumber
        // by first appearance, so regime 0 is where the trace starts, and count each regime's cycles,
        // timed cycles and time; on the way, one cycle of each cluster, to learn which regime it became
        int[] memberOfCluster = new int[k];
        Arrays.fill(memberOfCluster, -1);
        int[] order = new int[k];
        Arrays.fill(order, -1);
        int next = 0;
        Tally tally = new Tally(k);
        DoubleColumn stw = cycles.doubleColumn(STW_MS), interval = cycles.doubleColumn(INTERVAL_S);
        int[] featureRows = f.rows;
        int features = f.size(), nextFeature = 0;
        // by blocks of rows (RowBlocks): cell by cell, each read walks the packed column's decoding chain
        int rows = regimeOfRow.length, size = Math.min(rows, RowBlocks.ROWS);
        double[] stwBlock = new double[size], intervalBlock = new double[size];
        for (int from = 0; from < rows; from += RowBlocks.ROWS) {
            int to = Math.min(rows, from + RowBlocks.ROWS);
            RowBlocks.copy(stw, from, to, stwBlock);
            RowBlocks.copy(interval, from, to, intervalBlock);
            for (int i = from; i < to; i++) {
                double iv = intervalBlock[i - from];
                if (iv > 0) tally.allTime += iv;
                if (nextFeature == features || featureRows[nextFeature] != i) continue; // regimeOfRow[i] stays −1
                int cluster = nearest.of(nextFeature++);
                if (cluster < 0) continue;
                if (memberOfCluster[cluster] < 0) memberOfCluster[cluster] = i;
                int label = mergedInto[cluster];
                if (order[label] < 0) order[label] = next++;
                int g = order[label];
                regimeOfRow[i] = g;
                tally.count[g]++;
                if (!Double.isNaN(stwBlock[i - from])) tally.timed[g]++;
                if (iv > 0) tally.time[g] += iv;
            }
        }
        double[][][] parts = parts(f, c, regimeOfRow, next);
        List<Regime> regimes = describe(next, cycles, f, regimeOfRow, tally, parts);
        String how = merged > 0 ? c.method() + String.format(Locale.ROOT, "; %d merged as not materially different", merged)
                : c.method();
        int[] regimeOfCluster = new int[k];
        for (int j = 0; j < k; j++) regimeOfCluster[j] = memberOfCluster[j] < 0 ? -1 : regimeOfRow[memberOfCluster[j]];
        return new Fitted(new Result(regimes, regimeOfRow, how + untimed(f)), c, regimeOfCluster, parts);
    }

    static final String NO_FIGURES = "no cycles with allocation figures";

    /** What the method says of cycles placed without their own time, or "". */
    static String untimed(RegimeFeatures f) {
        if (f.untimed() == 0) return "";
        String how = String.format(Locale.ROOT, "; %d %s timestamps did not advance (missing, repeated or backward)"
                + " placed by their figures", f.untimed(), f.untimed() == 1 ? "cycle whose" : "cycles whose");
        if (f.untimedWithoutRate() > 0) how += String.format(Locale.ROOT, ", %d by survival and live heap alone", f.untimedWithoutRate());
        return how;
    }

    /** Per regime its cycles, timed cycles and seconds, for cycles already labelled with final regime ids. */
    static Tally tally(Table cycles, int[] regimeOfRow, int k) {
        Tally tally = new Tally(k);
        DoubleColumn stw = cycles.doubleColumn(STW_MS), interval = cycles.doubleColumn(INTERVAL_S);
        for (int i = 0; i < regimeOfRow.length; i++) {
            double iv = interval.getDouble(i);
            if (iv > 0) tally.allTime += iv;
            int g = regimeOfRow[i];
            if (g < 0) continue;
            tally.count[g]++;
            if (!Double.isNaN(stw.getDouble(i))) tally.timed[g]++;
            if (iv > 0) tally.time[g] += iv;
        }
        return tally;
    }

    /**
     * Merges clusters, closest pair first, while some pair differs in nothing material; returns how
     * many merges. {@code clusterOfSample} is each sample entry's cluster as placed (−1 for none);
     * {@code mergedInto} maps each cluster to the one it is now part of and is updated in place.
     */
    static int mergeNegligible(RegimeFeatures f, int[] clusterOfSample, DistinctGroups.Sample sample, int[] mergedInto) {
        int k = mergedInto.length;
        int merges = 0;
        while (true) {
            double[][] typical = new double[k][];
            for (int c = 0; c < k; c++) {
                boolean[] in = new boolean[clusterOfSample.length];
                for (int s = 0; s < in.length; s++) in[s] = clusterOfSample[s] >= 0 && mergedInto[clusterOfSample[s]] == c;
                typical[c] = DistinctGroups.typical(f, sample, in);
            }
            int bestA = -1, bestB = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                for (int b = a + 1; b < k; b++) {
                    if (typical[a] == null || typical[b] == null) continue;
                    double d = DistinctGroups.materialDistance(typical[a], typical[b]);
                    if (d < 1 && d < bestD) {
                        bestD = d;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (bestA < 0) return merges;
            for (int j = 0; j < k; j++) if (mergedInto[j] == bestB) mergedInto[j] = bestA;
            merges++;
        }
    }

    /** Which of the sample's entries are in regime {@code g}. */
    private static boolean[] members(RegimeFeatures f, DistinctGroups.Sample sample, int[] regimeOfRow, int g) {
        boolean[] in = new boolean[sample.rows().length];
        for (int s = 0; s < in.length; s++) in[s] = regimeOfRow[f.rows[sample.rows()[s]]] == g;
        return in;
    }

    /**
     * Per final regime, the typical figures of its two distinct groups when it holds two (log rate,
     * survival, log live heap each), else null.
     */
    private static double[][][] parts(RegimeFeatures f, RegimeClustering.Result c, int[] regimeOfRow, int k) {
        DistinctGroups.Sample sample = c.sample();
        double[][][] out = new double[k][][];
        for (int g = 0; g < k; g++) {
            boolean[] in = members(f, sample, regimeOfRow, g);
            int count = 0;
            for (boolean b : in) if (b) count++;
            int[] idx = new int[count];
            for (int s = 0, j = 0; s < in.length; s++) if (in[s]) idx[j++] = s;
            boolean[] a = DistinctGroups.split(f, sample, c.scale().weights()[0] != 0, idx);
            if (a == null) continue;
            boolean[] b = new boolean[in.length];
            for (int s = 0; s < in.length; s++) b[s] = in[s] && !a[s];
            out[g] = new double[][] {DistinctGroups.typical(f, sample, a), DistinctGroups.typical(f, sample, b)};
        }
        return out;
    }

    /** Cycles per regime its typical figures are read from: medians of 20 000 are exact to well under 1%. */
    static final int DESCRIBE_SAMPLE = 20_000;

    /** Per regime (by its final id): cycles, cycles with a pause figure, seconds; and the trace's seconds. */
    static final class Tally {
        final int[] count, timed;
        final double[] time;
        double allTime;

        Tally(int k) {
            count = new int[k];
            timed = new int[k];
            time = new double[k];
        }
    }

    /**
     * Every regime from one more pass over the cycles, gathering the pauses (grouped by regime in a
     * single array, percentiles then selected in place), and one over the features, taking every
     * stride-th cycle's.
     */
    static List<Regime> describe(int k, Table cycles, RegimeFeatures f, int[] regimeOfRow, Tally tally,
                                         double[][][] parts) {
        int[] from = regimeStarts(tally.timed, k);
        double[] pauses = pausesByRegime(cycles.doubleColumn(STW_MS), regimeOfRow, from);

        // typical figures over each regime's cycles in time order, every stride-th when there are many;
        // allocation rates only where the cycle has one
        int[] stride = new int[k], skip = new int[k], n = new int[k], nRate = new int[k];
        double[][] rate = new double[k][], surv = new double[k][], live = new double[k][];
        for (int g = 0; g < k; g++) {
            stride[g] = Math.max(1, (tally.count[g] + DESCRIBE_SAMPLE - 1) / DESCRIBE_SAMPLE);
            int size = (tally.count[g] + stride[g] - 1) / stride[g];
            rate[g] = new double[size];
            surv[g] = new double[size];
            live[g] = new double[size];
        }
        for (int i = 0; i < f.size(); i++) {
            int g = regimeOfRow[f.rows[i]];
            if (g < 0) continue;
            if (skip[g] > 0) {
                skip[g]--;
                continue;
            }
            skip[g] = stride[g] - 1;
            if (f.hasRate(i)) rate[g][nRate[g]++] = f.logRate[i];
            surv[g][n[g]] = f.survival[i];
            live[g][n[g]++] = f.logLive[i];
        }

        List<Regime> regimes = new ArrayList<>(k);
        RegimePercentiles percentiles = new RegimePercentiles();
        for (int g = 0; g < k; g++) {
            PercentileInterval.Estimate[] stwP = percentiles.of(pauses, from[g], from[g + 1], PercentileInterval.CONFIDENCE, 50, 99);
            PercentileInterval.Estimate p50 = stwP[0], p99 = stwP[1];
            double medRate = RegimeFeatures.rateOf(median(rate[g], nRate[g]));
            regimes.add(regime(g, medRate, surv[g], live[g], n[g], parts[g], tally.count[g],
                    (double) tally.count[g] / cycles.rowCount(), tally.allTime > 0 ? tally.time[g] / tally.allTime : Double.NaN,
                    p50, p99));
        }
        return List.copyOf(regimes);
    }

    /** Where each regime's pauses start in {@link #pausesByRegime}'s array, and (at k) its length. */
    static int[] regimeStarts(int[] timed, int k) {
        int[] from = new int[k + 1];
        for (int g = 0; g < k; g++) from[g + 1] = from[g] + timed[g];
        return from;
    }

    /**
     * Every regime's pauses (NaN left out) in row order, one regime after another in one array:
     * regime g's at {@code [from[g], from[g + 1])}. Read by blocks ({@link RowBlocks}).
     */
    static double[] pausesByRegime(DoubleColumn stw, int[] regimeOfRow, int[] from) {
        int k = from.length - 1;
        double[] pauses = new double[from[k]];
        int[] fill = Arrays.copyOf(from, k);
        double[] block = new double[Math.min(regimeOfRow.length, RowBlocks.ROWS)];
        for (int start = 0; start < regimeOfRow.length; start += RowBlocks.ROWS) {
            int end = Math.min(regimeOfRow.length, start + RowBlocks.ROWS);
            RowBlocks.copy(stw, start, end, block);
            for (int r = start; r < end; r++) {
                int g = regimeOfRow[r];
                if (g < 0) continue;
                double x = block[r - start];
                if (!Double.isNaN(x)) pauses[fill[g]++] = x;
            }
        }
        return pauses;
    }

    private static Regime regime(int id, double medRate, double[] surv, double[] live, int n, double[][] parts, int count,
                                 double shareOfCycles, double shareOfTime, PercentileInterval.Estimate stwP50,
                                 PercentileInterval.Estimate stwP99) {
        double medSurv = median(surv, n);
        double medLive = RegimeFeatures.heapOf(median(live, n));
        // the heap at the regime's start and end: medians of its first and last tenth
        int tenth = Math.max(1, n / 10);
        double first = RegimeFeatures.heapOf(median(live, tenth));
        double last = RegimeFeatures.heapOf(median(Arrays.copyOfRange(live, n - tenth, n), tenth));
        List<String> labels = RegimeLabels.of(medRate, medSurv, medLive, first, last);
        String description;
        if (parts != null) {
            // distinct groups in one regime: the two sides of the deepest valley, as ranges, not the median of the larger
            double[] a = parts[0], b = parts[1];
            description = String.format(Locale.ROOT, "distinct groups: allocating %s, %s of the heap surviving, %s live heap",
                    range(RegimeAnalysis::rate, RegimeFeatures.rateOf(a[0]), RegimeFeatures.rateOf(b[0])),
                    range(v -> String.format(Locale.ROOT, "%.0f%%", v * 100), a[1], b[1]),
                    range(RegimeAnalysis::mb, RegimeFeatures.heapOf(a[2]), RegimeFeatures.heapOf(b[2])));
        } else {
            description = String.format(Locale.ROOT, "allocating %s, ~%.0f%% of the heap surviving%s, %s",
                    Double.isNaN(medRate) ? "at an unknown rate (no timestamps)" : "~" + rate(medRate), medSurv * 100,
                    RegimeLabels.isSurvivalCoarse(medLive) ? " (coarse: Go prints whole MB)" : "",
                    labels.contains("growing_heap") || labels.contains("shrinking_heap")
                            ? "live heap " + (last > first ? "growing" : "shrinking") + " from " + mb(first) + " to " + mb(last)
                            : liveHeap(medLive));
        }
        return new Regime(id, labels, description, count, shareOfCycles, shareOfTime, medRate, medSurv, medLive,
                stwP50.value(), stwP99.value(), stwP50, stwP99);
    }

    /** "~40 MB/s" when both groups read the same, else "~40–100 MB/s" (low to high). */
    private static String range(java.util.function.DoubleFunction<String> format, double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.isNaN(a) && Double.isNaN(b) ? "an unknown share" : "~" + format.apply(Double.isNaN(a) ? b : a);
        String lo = format.apply(Math.min(a, b)), hi = format.apply(Math.max(a, b));
        return lo.equals(hi) ? "~" + lo : "~" + lo + " to ~" + hi;
    }

    /** Median of the first n values (commons-math selects it in linear time; the array is not modified). */
    private static double median(double[] values, int n) {
        return n == 0 ? Double.NaN : new Median().evaluate(values, 0, n);
    }

    static String rate(double mbPerS) {
        if (mbPerS >= 1000) return String.format(Locale.ROOT, "%.2g GB/s", mbPerS / 1000).replace("e+0", "e");
        return String.format(Locale.ROOT, "%s MB/s", twoSignificant(mbPerS));
    }

    /** "4 MB live heap"; "under 1 MB live heap" where Go printed 0 (it truncates to whole MB). */
    private static String liveHeap(double mb) {
        return mb < 0.999 ? "under 1 MB live heap" : mb(mb) + " live heap";
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
