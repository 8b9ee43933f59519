package dev.gcscope.analysis.regime;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import java.util.Arrays;
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
 * rates and heaps span orders of magnitude and a regime is a multiplicative notion. Only these three
 * arrays are kept (a million cycles, and on these machines every megabyte first touched costs
 * milliseconds): real units come back through the inverse of the log, which medians commute with.
 */
public final class RegimeFeatures {
    public static final int WINDOW = 9;
    static final int DIMENSIONS = 3;

    /** Row indices (into the cycles table) of the cycles that have features, in order. */
    final int[] rows;
    final double[] logRate;
    final double[] survival;
    final double[] logLive;
    /** Seconds from the first feature row's interval start to the end of row i (for sampling by time). */
    final double[] cumulativeTime;

    private RegimeFeatures(int[] rows, double[] logRate, double[] survival, double[] logLive, double[] cumulativeTime) {
        this.rows = rows;
        this.logRate = logRate;
        this.survival = survival;
        this.logLive = logLive;
        this.cumulativeTime = cumulativeTime;
    }

    public int size() {
        return rows.length;
    }

    /** Feature {@code d} (0 log rate, 1 survival, 2 log live heap) of feature row {@code i}, unscaled. */
    double feature(int i, int d) {
        return d == 0 ? logRate[i] : d == 1 ? survival[i] : logLive[i];
    }

    static double rateOf(double logRate) {
        return Math.pow(10, logRate) - 1;
    }

    static double heapOf(double logLive) {
        return Math.pow(10, logLive) - 1;
    }

    public static RegimeFeatures of(Table cycles) {
        int n = cycles.rowCount();
        IntColumn run = cycles.intColumn(RUN), live = cycles.intColumn(HEAP_LIVE_MB);
        IntColumn end = cycles.intColumn(HEAP_END_MB), start = cycles.intColumn(HEAP_START_MB);
        DoubleColumn alloc = cycles.doubleColumn(ALLOC_MB), interval = cycles.doubleColumn(INTERVAL_S);
        boolean[] skip = new boolean[n];
        for (int i : cycles.booleanColumn(FORCED).isTrue().toArray()) skip[i] = true;
        for (int i : cycles.booleanColumn(PARTIAL).isTrue().toArray()) skip[i] = true;
        int missing = Integer.MIN_VALUE; // IntColumn's missing value

        int[] rows = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!skip[i] && usable(i, alloc, interval, live, end, start, missing)) rows[m++] = i;
        }
        rows = Arrays.copyOf(rows, m);
        double[] logRate = new double[m], survival = new double[m], logLive = new double[m], time = new double[m];
        // Sliding sums over the window; before Go 1.5 there is no live heap: the heap after the
        // (stop-the-world) collection is it, and the heap before it is the whole.
        double sumAlloc = 0, sumTime = 0, sumLive = 0, sumWhole = 0, elapsed = 0;
        double[] window = new double[WINDOW], sorted = new double[WINDOW];
        int runFirst = 0;
        for (int k = 0; k < m; k++) {
            int r = rows[k];
            if (k > 0 && run.getInt(r) != run.getInt(rows[k - 1])) {
                runFirst = k;
                sumAlloc = sumTime = sumLive = sumWhole = 0;
            }
            if (k - runFirst >= WINDOW) {
                int out = rows[k - WINDOW];
                sumAlloc -= alloc.getDouble(out);
                sumTime -= interval.getDouble(out);
                sumLive -= liveOf(out, live, end, missing);
                sumWhole -= wholeOf(out, live, end, start, missing);
            }
            double lv = liveOf(r, live, end, missing);
            double t = interval.getDouble(r);
            sumAlloc += alloc.getDouble(r);
            sumTime += t;
            sumLive += lv;
            sumWhole += wholeOf(r, live, end, start, missing);
            elapsed += t;
            time[k] = elapsed;
            window[k % WINDOW] = lv;
            logRate[k] = Math.log10(sumAlloc / sumTime + 1);
            survival[k] = sumWhole > 0 ? Math.min(1, sumLive / sumWhole) : 1;
            int count = Math.min(WINDOW, k - runFirst + 1);
            // insertion sort of at most WINDOW values: cheaper than a general sort for nine
            for (int i = 0; i < count; i++) {
                double v = window[(k - i) % WINDOW];
                int j = i - 1;
                while (j >= 0 && sorted[j] > v) {
                    sorted[j + 1] = sorted[j];
                    j--;
                }
                sorted[j + 1] = v;
            }
            logLive[k] = Math.log10(sorted[count / 2] + 1);
        }
        return new RegimeFeatures(rows, logRate, survival, logLive, time);
    }

    private static boolean usable(int i, DoubleColumn alloc, DoubleColumn interval, IntColumn live, IntColumn end,
                                  IntColumn start, int missing) {
        if (Double.isNaN(alloc.getDouble(i)) || !(interval.getDouble(i) > 0)) return false;
        return liveOf(i, live, end, missing) != missing && wholeOf(i, live, end, start, missing) != missing;
    }

    private static double liveOf(int i, IntColumn live, IntColumn end, int missing) {
        int lv = live.getInt(i);
        return lv == missing ? end.getInt(i) : lv;
    }

    private static double wholeOf(int i, IntColumn live, IntColumn end, IntColumn start, int missing) {
        return live.getInt(i) == missing ? start.getInt(i) : end.getInt(i);
    }
}
