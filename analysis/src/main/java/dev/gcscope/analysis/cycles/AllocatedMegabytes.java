package dev.gcscope.analysis.cycles;

import static dev.gcscope.parsers.gctrace.GcColumns.GC;
import static dev.gcscope.parsers.gctrace.GcColumns.HEAP_END_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.HEAP_LIVE_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.HEAP_START_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.RUN;
import static dev.gcscope.parsers.gctrace.GcColumns.START_S;

import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * {@code alloc_mb}: the MB allocated between the previous cycle's start and this one's. That is what
 * the previous cycle's mark allocated (end − start) plus what was allocated after it (this start −
 * previous live, since the runtime resets its heap count to the marked heap at mark termination).
 * Truncation to whole MB can make that −1, so it is clamped at 0. Before Go 1.5 the collection
 * stopped the world, so it is just this start − previous end. A process's first cycle: everything
 * since start-up.
 */
final class AllocatedMegabytes {
    static final Set<String> INPUTS = Set.of(RUN, GC, START_S, HEAP_START_MB, HEAP_END_MB, HEAP_LIVE_MB);

    private static final int MISSING = Integer.MIN_VALUE; // IntColumn's missing value

    private AllocatedMegabytes() {}

    static double[] of(Table cycles) {
        IntColumn run = cycles.intColumn(RUN);
        IntColumn gc = cycles.intColumn(GC);
        DoubleColumn start = cycles.doubleColumn(START_S);
        IntColumn heapStart = cycles.intColumn(HEAP_START_MB);
        IntColumn heapEnd = cycles.intColumn(HEAP_END_MB);
        IntColumn heapLive = cycles.intColumn(HEAP_LIVE_MB);
        int n = cycles.rowCount();
        double[] out = new double[n];
        // Each block also holds the row before it (index k - 1), which every row is computed against.
        int[] runs = new int[RowBlocks.ROWS + 1], gcs = new int[RowBlocks.ROWS + 1], starts = new int[RowBlocks.ROWS + 1],
                ends = new int[RowBlocks.ROWS + 1], lives = new int[RowBlocks.ROWS + 1];
        double[] startS = new double[RowBlocks.ROWS + 1];
        for (int from = 0; from < n; from += RowBlocks.ROWS) {
            int lo = Math.max(0, from - 1), to = Math.min(n, from + RowBlocks.ROWS);
            RowBlocks.copy(run, lo, to, runs);
            RowBlocks.copy(gc, lo, to, gcs);
            RowBlocks.copy(start, lo, to, startS);
            RowBlocks.copy(heapStart, lo, to, starts);
            RowBlocks.copy(heapEnd, lo, to, ends);
            RowBlocks.copy(heapLive, lo, to, lives);
            block(from, to, lo, runs, gcs, startS, starts, ends, lives, out);
        }
        return out;
    }

    /**
     * Rows {@code [from, to)}, the block's arrays starting at row {@code lo}. A method of its own so
     * that the loop over blocks above never runs hot enough to be compiled with all of this inlined.
     */
    private static void block(int from, int to, int lo, int[] run, int[] gc, double[] start, int[] heapStart, int[] heapEnd,
                              int[] heapLive, double[] out) {
        for (int i = from; i < to; i++) out[i] = allocated(i, i - lo, run, gc, start, heapStart, heapEnd, heapLive);
    }

    /** Row {@code i}, at {@code k} in the block (its previous row at {@code k - 1}). */
    private static double allocated(int i, int k, int[] run, int[] gc, double[] start, int[] heapStart, int[] heapEnd,
                                    int[] heapLive) {
        double al = Double.NaN;
        int startMb = heapStart[k];
        if (i > 0 && run[k] == run[k - 1]) {
            int j = k - 1;
            boolean stoppedTheWorld = LegacyCycles.stoppedTheWorld(start[k]);
            int after = stoppedTheWorld ? heapEnd[j] : heapLive[j];
            if (startMb != MISSING && after != MISSING) {
                long a = (long) startMb - after;
                if (!stoppedTheWorld) {
                    int previousEnd = heapEnd[j], previousStart = heapStart[j];
                    a = previousEnd != MISSING && previousStart != MISSING ? a + previousEnd - previousStart : Long.MIN_VALUE;
                }
                if (a != Long.MIN_VALUE) al = Math.max(0, a);
            }
        } else if (gc[k] == 1 && startMb != MISSING) {
            al = startMb;
        }
        return al;
    }
}
