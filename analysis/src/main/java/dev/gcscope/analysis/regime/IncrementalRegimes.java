package dev.gcscope.analysis.regime;

import dev.gcscope.analysis.work.Work;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * The regimes of a log that keeps growing. Clustering again on every update would cost a k-means
 * search per update (a fifth of a second on a million cycles) and could renumber the regimes under
 * the user's eyes; so the log is clustered as {@link RegimeAnalysis#of} does when it first has
 * cycles and again each time it has doubled since, and in between each new cycle is placed in the
 * regime of the centre nearest to its figures, as the clustering placed its own cycles. Every
 * regime's counts, shares of cycles and time, pause percentiles and typical figures are then
 * recomputed over its cycles, the new ones included, so they are exact for that placement; the
 * method says how many cycles were placed so and when the log is clustered again.
 *
 * <p>Between clusterings a new regime (a phase the program had not been in yet) shows as its cycles
 * joining the nearest old one; it is found at the next clustering, at most when the log has doubled.
 * Not thread-safe: one follow updates it, one update at a time.
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
    private RegimeAnalysis.Fitted fitted;
    private int clusteredAt;
    private int[] regimeOfRow = new int[0];

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
        if (fitted == null || fitted.clustering() == null || n < clusterAlwaysBelow || n >= 2 * clusteredAt) {
            fitted = RegimeAnalysis.fit(cycles, method, work);
            clusteredAt = n;
            regimeOfRow = fitted.result().regimeOfRow();
            return new Update(fitted.result(), n, 0);
        }
        RegimeFeatures f = RegimeFeatures.of(cycles);
        work.checkCancelled();
        int[] labels = Arrays.copyOf(regimeOfRow, n);
        Arrays.fill(labels, seen, n, -1);
        int first = 0;
        while (first < f.size() && f.rows[first] < seen) first++;
        RegimeClustering.assign(f, fitted.clustering(), labels, first);
        int[] regimeOfCluster = fitted.regimeOfCluster();
        for (int i = first; i < f.size(); i++) {
            int row = f.rows[i];
            if (labels[row] >= 0) labels[row] = regimeOfCluster[labels[row]];
        }
        int k = fitted.result().regimes().size();
        List<Regime> regimes = RegimeAnalysis.describe(k, cycles, f, labels, RegimeAnalysis.tally(cycles, labels, k), fitted.parts());
        int placed = n - clusteredAt;
        String how = fitted.result().method() + String.format(Locale.ROOT,
                "; clustered at %d cycles, the %d since placed by the nearest regime centre (clustered again at %d)",
                clusteredAt, placed, 2 * clusteredAt);
        regimeOfRow = labels;
        return new Update(new RegimeAnalysis.Result(regimes, labels, how), clusteredAt, placed);
    }
}
