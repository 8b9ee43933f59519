package dev.gcscope.analysis.regime;

import static dev.gcscope.parsers.gctrace.GcColumns.INTERVAL_S;
import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;

import dev.gcscope.analysis.stats.GrowingSample;
import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.analysis.stats.SerialDependence;
import dev.gcscope.analysis.stats.SortedSample;
import dev.gcscope.analysis.work.Work;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The regimes of a log that keeps growing. Clustering again on every update would cost a k-means
 * search per update (a fifth of a second on a million cycles) and could renumber the regimes under
 * the user's eyes; so the log is clustered as {@link RegimeAnalysis#of} does when it first has
 * cycles (and on every update while it is small, {@link #CLUSTER_ALWAYS_BELOW}) and again each time
 * it has doubled since. In between, each new cycle is placed in the regime of the centre nearest to
 * its figures, as the clustering placed its own cycles, and each regime's cycles, shares of cycles
 * and of time and pause percentiles (with their intervals) are updated from the new cycles alone:
 * counts and times added in row order as a pass over every cycle adds them, the pauses merged into
 * each regime's sorted pauses, so these are exact for that placement. A regime's typical figures and
 * description stay those of the clustering. The method says how many cycles were placed so and
 * when the log is clustered again.
 *
 * <p>Between clusterings a new regime (a phase the program had not been in yet) shows as its cycles
 * joining the nearest old one; it is found at the next clustering, at the latest when the log has
 * doubled. Not thread-safe: one follow updates it, one update at a time.
 */
public final class IncrementalRegimes {
    /**
     * Below this many cycles the log is clustered on every update: it costs milliseconds there, and a
     * log of a few dozen cycles has not shown its regimes yet (placed cycles agreed with a fresh
     * clustering for as little as half of them at 50 cycles of the bundled recordings, for 99.5 % and
     * more from 200 on; LiveAnalysisTest).
     */
    public static final int CLUSTER_ALWAYS_BELOW = 1000;

    private final RegimeAnalysis.Method method;
    private final int clusterAlwaysBelow;
    private final RegimeFeatures.Growing features = new RegimeFeatures.Growing();
    private RegimeAnalysis.Fitted fitted;
    private int clusteredAt;
    private int[] regimeOfRow = new int[0];
    private RegimeAnalysis.Tally tally;
    private GrowingSample[] pauses;
    private SortedSample[] sorted;

    /**
     * @param result the regimes so far
     * @param clusteredAt the cycles the last clustering saw
     * @param placed cycles placed by nearest centre since (0 right after a clustering)
     */
    public record Update(RegimeAnalysis.Result result, int clusteredAt, int placed) {
        public boolean clustered() {
            return placed == 0;
        }
    }

    public IncrementalRegimes(RegimeAnalysis.Method method) {
        this(method, CLUSTER_ALWAYS_BELOW);
    }

    /** @param clusterAlwaysBelow cluster on every update while the log has fewer cycles than this */
    public IncrementalRegimes(RegimeAnalysis.Method method, int clusterAlwaysBelow) {
        this.method = method;
        this.clusterAlwaysBelow = clusterAlwaysBelow;
    }

    /** @param cycles the log so far: the cycles of the last call with rows appended */
    public Update update(Table cycles, Work work) {
        int n = cycles.rowCount();
        int seen = regimeOfRow.length;
        if (n < seen) throw new IllegalArgumentException("the log lost rows: " + n + " < " + seen);
        RegimeFeatures f = features.add(cycles);
        work.checkCancelled();
        if (fitted == null || fitted.clustering() == null || n < clusterAlwaysBelow || n >= 2 * clusteredAt) {
            cluster(cycles, f, work);
            return new Update(fitted.result(), n, 0);
        }
        int[] labels = Arrays.copyOf(regimeOfRow, n);
        Arrays.fill(labels, seen, n, -1);
        int first = firstFeatureAtOrAfter(f, seen);
        RegimeClustering.assign(f, fitted.clustering(), labels, first);
        int[] regimeOfCluster = fitted.regimeOfCluster();
        for (int i = first; i < f.size(); i++) {
            int row = f.rows[i];
            if (labels[row] >= 0) labels[row] = regimeOfCluster[labels[row]];
        }
        regimeOfRow = labels;
        add(cycles, seen, n);
        int placed = n - clusteredAt;
        String how = fitted.result().method() + String.format(Locale.ROOT,
                "; clustered at %d cycles, the %d since placed by the nearest regime centre (clustered again at %d)",
                clusteredAt, placed, 2 * clusteredAt);
        return new Update(new RegimeAnalysis.Result(regimes(n, cycles.doubleColumn(STW_MS)), labels, how), clusteredAt, placed);
    }

    private void cluster(Table cycles, RegimeFeatures f, Work work) {
        fitted = RegimeAnalysis.fit(cycles, f, method, work);
        int n = cycles.rowCount();
        clusteredAt = n;
        regimeOfRow = fitted.result().regimeOfRow();
        int k = fitted.result().regimes().size();
        tally = new RegimeAnalysis.Tally(k);
        pauses = new GrowingSample[k];
        sorted = new SortedSample[k];
        for (int g = 0; g < k; g++) pauses[g] = new GrowingSample();
        add(cycles, 0, n);
    }

    /** Counts rows [from, to) (labelled) into the tally and merges their pauses into their regimes'. */
    private void add(Table cycles, int from, int to) {
        int k = pauses.length;
        DoubleColumn stw = cycles.doubleColumn(STW_MS), interval = cycles.doubleColumn(INTERVAL_S);
        int[] count = new int[k];
        for (int i = from; i < to; i++) if (regimeOfRow[i] >= 0) count[regimeOfRow[i]]++;
        double[][] chunk = new double[k][];
        for (int g = 0; g < k; g++) chunk[g] = new double[count[g]];
        int[] filled = new int[k];
        for (int i = from; i < to; i++) {
            // as RegimeAnalysis.tally adds them, row after row
            double iv = interval.getDouble(i);
            if (iv > 0) tally.allTime += iv;
            int g = regimeOfRow[i];
            if (g < 0) continue;
            double x = stw.getDouble(i);
            tally.count[g]++;
            if (!Double.isNaN(x)) tally.timed[g]++;
            if (iv > 0) tally.time[g] += iv;
            chunk[g][filled[g]++] = x;
        }
        for (int g = 0; g < k; g++) {
            if (sorted[g] == null || count[g] > 0) sorted[g] = pauses[g].add(chunk[g], 0, count[g]);
        }
    }

    /**
     * The clustering's regimes with their cycles, shares and pauses as they stand; the intervals
     * widened for each regime's pauses in row order, as {@link RegimeAnalysis} widens them (one pass
     * over the pauses to gather them, each update).
     */
    private List<Regime> regimes(int n, DoubleColumn stw) {
        int[] from = RegimeAnalysis.regimeStarts(tally.timed, sorted.length);
        double[] inOrder = RegimeAnalysis.pausesByRegime(stw, regimeOfRow, from);
        List<Regime> out = new ArrayList<>();
        double c = PercentileInterval.CONFIDENCE;
        for (Regime r : fitted.result().regimes()) {
            int g = r.id();
            SerialDependence dependence = SerialDependence.of(inOrder, from[g], from[g + 1], from[g + 1] - from[g]);
            PercentileInterval.Estimate p50 = PercentileInterval.percentile(sorted[g], 50, c, dependence);
            PercentileInterval.Estimate p99 = PercentileInterval.percentile(sorted[g], 99, c, dependence);
            out.add(new Regime(g, r.labels(), r.description(), tally.count[g], (double) tally.count[g] / n,
                    tally.allTime > 0 ? tally.time[g] / tally.allTime : Double.NaN, r.allocRateMbS(), r.survival(), r.liveHeapMb(),
                    p50.value(), p99.value(), p50, p99));
        }
        return List.copyOf(out);
    }

    private static int firstFeatureAtOrAfter(RegimeFeatures f, int row) {
        int lo = 0, hi = f.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (f.rows[mid] < row) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
