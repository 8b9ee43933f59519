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
        for (int i = 0; i < n; i++) {
            boolean stoppedTheWorld = LegacyCycles.stoppedTheWorld(start.getDouble(i));
            int live = stoppedTheWorld ? heapEnd.getInt(i) : heapLive.getInt(i);
            int whole = stoppedTheWorld ? heapStart.getInt(i) : heapEnd.getInt(i);
            out[i] = live != MISSING && whole != MISSING && whole > 0 ? (double) live / whole : Double.NaN;
        }
        return out;
    }
}
