package dev.gcscope.analysis.regime;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What a GC cycle says about the program's allocation regime, smoothed over its neighbours.
 *
 * <p>Per-cycle figures are too coarse to cluster on: Go prints heaps in whole MB and times in
 * whole ms, so a 4 MB heap collected every 3 ms gives allocation rates that jump between 250 and
 * 3000 MB/s from one cycle to the next. Each cycle therefore gets the figures of the last
 * {@value #WINDOW} cycles up to it (same run, forced GCs left out): allocation rate = MB allocated
 * ÷ seconds elapsed, survival = live ÷ end heap (ratios of sums), live heap = the median. The window
 * trails rather than centres: a cycle's figures then never mix in the next regime, and a new regime
 * is recognised a few cycles after it starts — a regime is a sustained state, so that lag costs
 * nothing that matters.
 *
 * <p>The clustering features are log10(rate + 1 MB/s), survival, log10(live + 1 MB): logs because
 * rates and heaps span orders of magnitude and a regime is a multiplicative notion.
 */
public final class RegimeFeatures {
    public static final int WINDOW = 9;
    static final int DIMENSIONS = 3;

    /** Row indices (into the cycles table) of the cycles that have features, in order. */
    final int[] rows;
    /** Smoothed figures per feature row, in real units. */
    final double[] allocRateMbS;
    final double[] survival;
    final double[] liveHeapMb;

    private RegimeFeatures(int[] rows, double[] rate, double[] survival, double[] live) {
        this.rows = rows;
        this.allocRateMbS = rate;
        this.survival = survival;
        this.liveHeapMb = live;
    }

    public int size() {
        return rows.length;
    }

    /** Feature vector of feature row {@code i}, unscaled. */
    double[] vector(int i) {
        return new double[] {Math.log10(allocRateMbS[i] + 1), survival[i], Math.log10(liveHeapMb[i] + 1)};
    }

    public static RegimeFeatures of(Table cycles) {
        int n = cycles.rowCount();
        IntColumn run = cycles.intColumn(RUN);
        BooleanColumn forced = cycles.booleanColumn(FORCED);
        BooleanColumn partial = cycles.booleanColumn(PARTIAL);
        DoubleColumn alloc = cycles.doubleColumn(ALLOC_MB), interval = cycles.doubleColumn(INTERVAL_S);
        IntColumn live = cycles.intColumn(HEAP_LIVE_MB), end = cycles.intColumn(HEAP_END_MB), start = cycles.intColumn(HEAP_START_MB);

        // cycles with usable figures (post-1.5 lines: live heap known), forced ones left out
        int[] eligible = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (forced.get(i) || partial.get(i)) continue;
            if (Double.isNaN(alloc.getDouble(i)) || !(interval.getDouble(i) > 0)) continue;
            if (end.isMissing(i) || (live.isMissing(i) && start.isMissing(i))) continue;
            eligible[m++] = i;
        }
        double[] rate = new double[m], surv = new double[m], liveMb = new double[m];
        int[] rows = java.util.Arrays.copyOf(eligible, m);
        int[] runFirst = new int[m], runLast = new int[m];
        for (int k = 0; k < m; k++) {
            runFirst[k] = k > 0 && run.getInt(rows[k]) == run.getInt(rows[k - 1]) ? runFirst[k - 1] : k;
        }
        for (int k = m - 1; k >= 0; k--) {
            runLast[k] = k + 1 < m && run.getInt(rows[k]) == run.getInt(rows[k + 1]) ? runLast[k + 1] : k;
        }
        double[] lives = new double[WINDOW];
        for (int k = 0; k < m; k++) {
            int from = Math.max(runFirst[k], k - (WINDOW - 1)), to = k;
            double a = 0, t = 0, l = 0, e = 0;
            int count = 0;
            for (int j = from; j <= to; j++) {
                int r = rows[j];
                a += alloc.getDouble(r);
                t += interval.getDouble(r);
                // before Go 1.5 there is no live heap: the heap after the (stop-the-world) collection is it
                double lv = live.isMissing(r) ? end.getInt(r) : live.getInt(r);
                l += lv;
                e += live.isMissing(r) ? start.getInt(r) : end.getInt(r);
                lives[count++] = lv;
            }
            rate[k] = a / t;
            surv[k] = e > 0 ? Math.min(1, l / e) : 1;
            java.util.Arrays.sort(lives, 0, count);
            liveMb[k] = lives[count / 2];
        }
        return new RegimeFeatures(rows, rate, surv, liveMb);
    }
}
