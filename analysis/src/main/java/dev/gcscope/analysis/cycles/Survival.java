package dev.gcscope.analysis.cycles;

import static dev.gcscope.parsers.gctrace.GcColumns.HEAP_END_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.HEAP_LIVE_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.HEAP_START_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.START_S;

import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * {@code survival}: live ÷ end heap, the share of the heap the cycle found reachable. Before Go 1.5
 * there was no live heap and the world stood still: the heap after ÷ the heap before.
 */
final class Survival {
    static final Set<String> INPUTS = Set.of(START_S, HEAP_START_MB, HEAP_END_MB, HEAP_LIVE_MB);

    private static final int MISSING = Integer.MIN_VALUE; // IntColumn's missing value

    private Survival() {}

    static double[] of(Table cycles) {
        DoubleColumn start = cycles.doubleColumn(START_S);
        IntColumn heapStart = cycles.intColumn(HEAP_START_MB);
        IntColumn heapEnd = cycles.intColumn(HEAP_END_MB);
        IntColumn heapLive = cycles.intColumn(HEAP_LIVE_MB);
        int n = cycles.rowCount();
        double[] out = new double[n];
        double[] startS = new double[RowBlocks.ROWS];
        int[] starts = new int[RowBlocks.ROWS], ends = new int[RowBlocks.ROWS], lives = new int[RowBlocks.ROWS];
        for (int from = 0; from < n; from += RowBlocks.ROWS) {
            int to = Math.min(n, from + RowBlocks.ROWS);
            RowBlocks.copy(start, from, to, startS);
            RowBlocks.copy(heapStart, from, to, starts);
            RowBlocks.copy(heapEnd, from, to, ends);
            RowBlocks.copy(heapLive, from, to, lives);
            block(from, to, startS, starts, ends, lives, out);
        }
        return out;
    }

    /**
     * Rows {@code [from, to)}, the block's arrays starting at row {@code from}. A method of its own so
     * that the loop over blocks above never runs hot enough to be compiled with all of this inlined.
     */
    private static void block(int from, int to, double[] startS, int[] starts, int[] ends, int[] lives, double[] out) {
        for (int i = from; i < to; i++) {
            int k = i - from;
            boolean stoppedTheWorld = LegacyCycles.stoppedTheWorld(startS[k]);
            int live = stoppedTheWorld ? ends[k] : lives[k];
            int whole = stoppedTheWorld ? starts[k] : ends[k];
            out[i] = live != MISSING && whole != MISSING && whole > 0 ? (double) live / whole : Double.NaN;
        }
    }
}
