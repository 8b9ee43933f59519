package dev.gcscope.analysis.regime;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.analysis.cycles.RowBlocks;
import dev.gcscope.parsers.table.Columns;
import java.util.BitSet;
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
 * <p>A cycle whose {@code @} time did not advance (missing, repeated or running backward, as in
 * logs re-stamped or merged by a collector) still has its heaps: it keeps its survival and live
 * heap, and its allocation rate is that of the cycles in its window whose times are known; when
 * none are, the rate is unknown (NaN) and the cycle is placed by survival and live heap alone.
 * Such cycles are counted ({@link #untimed()}), never dropped.
 *
 * <p>The clustering features are log10(rate + 1 MB/s), survival, log10(live + 1 MB): logs because
 * rates and heaps span orders of magnitude and a regime is a multiplicative notion. Only these three
 * are kept, as floats (seven digits are far finer than Go's whole-MB figures): at a million cycles
 * every megabyte matters, because on these machines a megabyte first touched costs milliseconds.
 * Real units come back through the inverse of the log, which medians commute with.
 */
public final class RegimeFeatures {
    public static final int WINDOW = 9;
    static final int DIMENSIONS = 3;

    /** Row indices (into the cycles table) of the cycles that have features, in order; the first {@link #size()} are used. */
    final int[] rows;
    private final int size;
    final float[] logRate;
    final float[] survival;
    final float[] logLive;
    /** The seconds each feature row's cycle stands for (its interval), read from the table. */
    private final DoubleColumn interval;
    /** Sum of the feature rows' intervals. */
    final double totalTime;
    private final int untimed, rated, untimedUnrated;

    private RegimeFeatures(Builder b) {
        this.rows = b.rows;
        this.size = b.m;
        this.logRate = b.logRate;
        this.survival = b.survival;
        this.logLive = b.logLive;
        this.interval = b.interval;
        this.totalTime = b.elapsed;
        this.untimed = b.untimed;
        this.rated = b.rated;
        this.untimedUnrated = b.untimedUnrated;
    }

    /** Feature rows whose own time did not advance: missing, repeated or backward {@code @} times. */
    public int untimed() {
        return untimed;
    }

    /** Of those, the ones whose whole window had no time, so no allocation rate. */
    public int untimedWithoutRate() {
        return untimedUnrated;
    }

    /** Feature rows with an allocation rate. */
    int rated() {
        return rated;
    }

    boolean hasRate(int i) {
        return !Float.isNaN(logRate[i]);
    }

    public int size() {
        return size;
    }

    /** Feature {@code d} (0 log rate, 1 survival, 2 log live heap) of feature row {@code i}, unscaled. */
    double feature(int i, int d) {
        return d == 0 ? logRate[i] : d == 1 ? survival[i] : logLive[i];
    }

    /** Seconds since the previous cycle, of feature row {@code i}; 0 when its time did not advance. */
    double interval(int i) {
        double iv = interval.getDouble(rows[i]);
        return iv > 0 ? iv : 0;
    }

    static double rateOf(double logRate) {
        return Math.pow(10, logRate) - 1;
    }

    static double heapOf(double logLive) {
        return Math.pow(10, logLive) - 1;
    }

    public static RegimeFeatures of(Table cycles) {
        int n = cycles.rowCount();
        Builder b = new Builder(cycles);
        b.rows(0, n);
        return new RegimeFeatures(b);
    }

    /**
     * The features of a log that keeps growing: the one pass of {@link #of} kept open, fed the rows
     * appended since the last call, so each row's features are computed once and exactly as
     * {@link #of} computes them (the same state, the same rows in the same order). Each call's
     * features share the arrays: rows appended later are written past the size an earlier one reads.
     */
    static final class Growing {
        private Builder b;
        private int rows;

        RegimeFeatures add(Table cycles) {
            int n = cycles.rowCount();
            if (b == null) b = new Builder(cycles);
            else b.rebind(cycles);
            b.rows(rows, n);
            rows = n;
            return new RegimeFeatures(b);
        }
    }

    /**
     * One pass reading each column once per cycle, straight into arrays sized for every row (the
     * slack is cheaper than a second pass or a copy to the exact length). The columns are read a
     * block of rows at a time ({@link RowBlocks}): cell by cell, reading them was most of the pass
     * in a fresh process (packed columns decode a block at once). Sliding sums over the
     * window, the leaving cycle's figures kept in a ring; before Go 1.5 there is no live heap: the
     * heap after the (stop-the-world) collection is it, and the heap before it is the whole.
     */
    private static final class Builder {
        private static final int MISSING = Integer.MIN_VALUE; // IntColumn's missing value
        IntColumn run, live, end, start;
        DoubleColumn alloc, interval;
        /** Forced and partial cycles, which have no features. */
        BitSet skipped;
        final int[] runs = new int[RowBlocks.ROWS], lives = new int[RowBlocks.ROWS], ends = new int[RowBlocks.ROWS],
                starts = new int[RowBlocks.ROWS];
        final double[] allocs = new double[RowBlocks.ROWS], intervals = new double[RowBlocks.ROWS];
        int[] rows;
        float[] logRate, survival, logLive;
        final double[] ringAlloc = new double[WINDOW], ringTime = new double[WINDOW], ringLive = new double[WINDOW],
                ringWhole = new double[WINDOW];
        final SortedWindow window = new SortedWindow(WINDOW);
        double sumAlloc, sumTime, sumLive, sumWhole, elapsed;
        double lastMedian = Double.NaN;
        float lastLogLive;
        int m, inWindow, head, lastRun, untimed, rated, untimedUnrated;

        Builder(Table cycles) {
            int n = cycles.rowCount();
            bind(cycles);
            rows = new int[n];
            logRate = new float[n];
            survival = new float[n];
            logLive = new float[n];
        }

        /** The same log with rows appended: its columns, and room for every row. */
        void rebind(Table cycles) {
            int n = cycles.rowCount();
            bind(cycles);
            if (n > rows.length) {
                int capacity = Math.max(n, rows.length + rows.length / 2);
                rows = java.util.Arrays.copyOf(rows, capacity);
                logRate = java.util.Arrays.copyOf(logRate, capacity);
                survival = java.util.Arrays.copyOf(survival, capacity);
                logLive = java.util.Arrays.copyOf(logLive, capacity);
            }
        }

        /** The columns read, and the rows that have no features (forced and partial cycles). */
        private void bind(Table cycles) {
            run = cycles.intColumn(RUN);
            live = cycles.intColumn(HEAP_LIVE_MB);
            end = cycles.intColumn(HEAP_END_MB);
            start = cycles.intColumn(HEAP_START_MB);
            alloc = cycles.doubleColumn(ALLOC_MB);
            interval = cycles.doubleColumn(INTERVAL_S);
            skipped = Columns.trues(cycles.booleanColumn(FORCED));
            skipped.or(Columns.trues(cycles.booleanColumn(PARTIAL)));
        }

        /** A restart: the window starts afresh (rare, so out of the per-cycle path). */
        private void newRun() {
            sumAlloc = sumTime = sumLive = sumWhole = 0;
            inWindow = 0;
            window.clear();
        }

        /**
         * Rows {@code [from, to)}, a block at a time. The loop over a block only calls: a method called
         * per cycle is compiled after a few hundred cycles, where a loop body would run interpreted for
         * the first 60 000 (HotSpot's back-edge threshold), and at a million cycles in code that runs
         * once, that is most of the cost.
         */
        void rows(int from, int to) {
            for (int lo = from; lo < to; lo += RowBlocks.ROWS) {
                int hi = Math.min(to, lo + RowBlocks.ROWS);
                RowBlocks.copy(run, lo, hi, runs);
                RowBlocks.copy(live, lo, hi, lives);
                RowBlocks.copy(end, lo, hi, ends);
                RowBlocks.copy(start, lo, hi, starts);
                RowBlocks.copy(alloc, lo, hi, allocs);
                RowBlocks.copy(interval, lo, hi, intervals);
                for (int i = lo; i < hi; i++) cycle(i, i - lo);
            }
        }

        /** Row {@code i}, at {@code k} in the block's arrays. */
        private void cycle(int i, int k) {
            if (skipped.get(i)) return;
            int liveMb = lives[k], endMb = ends[k];
            if (endMb == MISSING) return;
            double lv, whole;
            if (liveMb != MISSING) {
                lv = liveMb;
                whole = endMb;
            } else {
                int startMb = starts[k];
                if (startMb == MISSING) return;
                lv = endMb;
                whole = startMb;
            }
            int thisRun = runs[k];
            if (m > 0 && thisRun != lastRun) newRun();
            boolean firstOfRun = inWindow == 0;
            lastRun = thisRun;
            // a repeated time (0 s) still counts towards the window's elapsed time: cycles within one
            // printed millisecond are real in a burst; a missing or backward one (NaN) is left out
            double a = allocs[k], t = intervals[k];
            boolean timed = t >= 0 && !Double.isNaN(a);
            boolean untimedHere = !(t > 0) && !firstOfRun;
            if (untimedHere) untimed++;
            if (inWindow == WINDOW) {
                sumAlloc -= ringAlloc[head];
                sumTime -= ringTime[head];
                sumLive -= ringLive[head];
                sumWhole -= ringWhole[head];
            } else {
                inWindow++;
            }
            ringAlloc[head] = timed ? a : 0;
            ringTime[head] = timed ? t : 0;
            ringLive[head] = lv;
            ringWhole[head] = whole;
            if (++head == WINDOW) head = 0;
            if (timed) {
                sumAlloc += a;
                sumTime += t;
            }
            if (t > 0) elapsed += t;
            sumLive += lv;
            sumWhole += whole;
            window.push(lv);
            rows[m] = i;
            // sums of a few whole numbers: a window with no time left in it is exactly 0
            if (sumTime > 1e-9) {
                logRate[m] = (float) Math.log10(sumAlloc / sumTime + 1);
                rated++;
            } else {
                logRate[m] = Float.NaN;
                if (untimedHere) untimedUnrated++;
            }
            survival[m] = sumWhole > 0 ? (float) Math.min(1, sumLive / sumWhole) : 1;
            // the median is a whole MB that holds for many cycles in a row: its log is computed when it changes
            double median = window.median();
            if (median != lastMedian) {
                lastMedian = median;
                lastLogLive = (float) Math.log10(median + 1);
            }
            logLive[m] = lastLogLive;
            m++;
        }
    }

    /**
     * The last {@code capacity} values, kept sorted, so the median is an index (re-sorting nine
     * values per cycle, with a modulo per access, was a third of the whole analysis on a million
     * cycles). Once full, a push replaces the leaving value by the new one where it stands and moves
     * it to its place, shifting only the values between the two: Go prints heaps in whole MB, so the
     * new live heap is most often the leaving one and nothing moves at all. A sorted array is the
     * same whatever equal value is replaced, so this is the array a removal and an insertion give.
     */
    static final class SortedWindow {
        private final double[] ring, sorted;
        private int head, count;

        SortedWindow(int capacity) {
            ring = new double[capacity];
            sorted = new double[capacity];
        }

        void clear() {
            head = count = 0;
        }

        void push(double v) {
            double old = ring[head];
            ring[head] = v;
            if (++head == ring.length) head = 0;
            if (count < ring.length) {
                int j = count++ - 1;
                while (j >= 0 && sorted[j] > v) {
                    sorted[j + 1] = sorted[j];
                    j--;
                }
                sorted[j + 1] = v;
                return;
            }
            if (old == v) return;
            int at = 0;
            while (sorted[at] != old) at++;
            if (v > old) {
                for (int last = count - 1; at < last && sorted[at + 1] < v; at++) sorted[at] = sorted[at + 1];
            } else {
                for (; at > 0 && sorted[at - 1] > v; at--) sorted[at] = sorted[at - 1];
            }
            sorted[at] = v;
        }

        /** The upper median when the count is even, as the feature has always used. */
        double median() {
            return sorted[count / 2];
        }
    }
}
