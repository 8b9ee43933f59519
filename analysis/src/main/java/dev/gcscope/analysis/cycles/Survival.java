package dev.gcscope.analysis.cycles;

import static dev.gcscope.parsers.gctrace.GcColumns.HEAP_END_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.HEAP_LIVE_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.HEAP_START_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.START_S;
import static dev.gcscope.parsers.gctrace.GcColumns.SURVIVAL;

import dev.gcscope.parsers.table.Columns;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
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

    /**
     * The column: computed on each read from the heap columns when they keep their values packed (as
     * the parser's do), else stored.
     */
    static DoubleColumn column(Table cycles) {
        IntToDoubleFunction start = Columns.unchangingDoubles(cycles.column(START_S));
        IntUnaryOperator heapStart = Columns.unchangingInts(cycles.column(HEAP_START_MB));
        IntUnaryOperator heapEnd = Columns.unchangingInts(cycles.column(HEAP_END_MB));
        IntUnaryOperator heapLive = Columns.unchangingInts(cycles.column(HEAP_LIVE_MB));
        if (start != null && heapStart != null && heapEnd != null && heapLive != null) {
            return Columns.computed(SURVIVAL, cycles.rowCount(), i -> of(start.applyAsDouble(i),
                    heapStart.applyAsInt(i), heapEnd.applyAsInt(i), heapLive.applyAsInt(i)));
        }
        double[] stored = of(cycles);
        return Columns.compactDoubles(SURVIVAL, stored, stored.length);
    }

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
            out[i] = of(startS[k], starts[k], ends[k], lives[k]);
        }
    }

    private static double of(double start, int heapStart, int heapEnd, int heapLive) {
        boolean stoppedTheWorld = LegacyCycles.stoppedTheWorld(start);
        int live = stoppedTheWorld ? heapEnd : heapLive;
        int whole = stoppedTheWorld ? heapStart : heapEnd;
        return live != MISSING && whole != MISSING && whole > 0 ? (double) live / whole : Double.NaN;
    }
}
