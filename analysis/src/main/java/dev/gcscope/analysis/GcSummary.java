package dev.gcscope.analysis;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.analysis.cycles.RowBlocks;
import dev.gcscope.analysis.stats.SortedSample;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The key figures of a gctrace cycles table.
 *
 * @param cycles GC cycles (rows), partial ones included
 * @param forced cycles that were forced (runtime.GC() or the periodic 2-minute GC)
 * @param runs process runs in the file (the gc number restarts with each)
 * @param stwMs stop-the-world pause per cycle: sweep termination + mark termination
 * @param heapPeakMb the largest heap any cycle saw (start or end of cycle)
 * @param gcCpuPct GC's share of CPU since program start as Go reports it at the last cycle of each
 *     run (it is cumulative), averaged over runs weighted by their length; NaN when unknown
 */
public record GcSummary(long cycles, long forced, int runs, StwPercentiles stwMs, double heapPeakMb, double gcCpuPct) {

    /** The columns {@link #of} reads: parse only these when nothing else is needed. */
    public static final Set<String> COLUMNS = Set.of(RUN, START_S, GC_CPU_PCT, STW_MS, HEAP_START_MB, HEAP_END_MB, FORCED);

    public static GcSummary of(Table cycles) {
        return of(cycles, SortedSample.of(cycles.doubleColumn(STW_MS)));
    }

    /** @param stwMs the cycles' pauses, sorted (shared with other analyses of the same pauses) */
    public static GcSummary of(Table cycles, SortedSample stwMs) {
        int n = cycles.rowCount();
        long forced = cycles.booleanColumn(FORCED).countTrue();
        // runs are numbered 1, 2, … in file order by the parser
        int runs = n == 0 ? 0 : cycles.intColumn(RUN).getInt(n - 1);
        StwPercentiles stw = StwPercentiles.of(stwMs);
        return new GcSummary(n, forced, runs, stw, heapPeak(cycles), gcCpu(cycles));
    }

    /** By blocks ({@link RowBlocks}): cell by cell, each read walks the packed column's decoding chain. */
    private static double heapPeak(Table cycles) {
        int peak = Integer.MIN_VALUE; // also IntColumn's missing value, so missing cells never win
        int[] block = new int[Math.min(cycles.rowCount(), RowBlocks.ROWS)];
        for (String c : new String[] {HEAP_START_MB, HEAP_END_MB}) {
            IntColumn col = cycles.intColumn(c);
            for (int from = 0, n = col.size(); from < n; from += RowBlocks.ROWS) {
                int to = Math.min(n, from + RowBlocks.ROWS);
                peak = Math.max(peak, max(RowBlocks.copy(col, from, to, block), to - from));
            }
        }
        return peak == Integer.MIN_VALUE ? Double.NaN : peak;
    }

    private static int max(int[] values, int n) {
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) max = Math.max(max, values[i]);
        return max;
    }

    /**
     * By blocks of {@link RowBlocks#ROWS} rows copied to arrays, for the reason {@link RowBlocks}
     * gives: cell by cell, this loop was a 0.08 s C2 compilation (on-stack replacement) of the 1
     * M-cycle summary.
     */
    private static double gcCpu(Table cycles) {
        IntColumn run = cycles.intColumn(RUN);
        IntColumn pct = cycles.intColumn(GC_CPU_PCT);
        DoubleColumn start = cycles.doubleColumn(START_S);
        int n = cycles.rowCount();
        int block = Math.min(n, RowBlocks.ROWS);
        int[] runs = new int[block + 1];
        int[] pcts = new int[block];
        double[] starts = new double[block];
        GcCpu sum = new GcCpu();
        for (int from = 0; from < n; from += RowBlocks.ROWS) {
            int to = Math.min(n, from + RowBlocks.ROWS);
            // one run more than the block: the next row's run tells whether a row ends its run
            RowBlocks.copy(run, from, Math.min(n, to + 1), runs);
            sum.add(runs, RowBlocks.copy(pct, from, to, pcts), RowBlocks.copy(start, from, to, starts), to - from, to == n);
        }
        return sum.weight == 0 ? Double.NaN : sum.weighted / sum.weight;
    }

    /** {@link #gcCpu}'s sums and the run's latest percentage, carried from block to block. */
    private static final class GcCpu {
        double weighted;
        double weight;
        double lastPct = Double.NaN;

        /** Rows {@code [0, rows)} of a block; {@code run} has one row more unless the block is the table's last. */
        void add(int[] run, int[] pct, double[] start, int rows, boolean lastBlock) {
            for (int i = 0; i < rows; i++) {
                boolean lastOfRun = lastBlock && i + 1 == rows || run[i + 1] != run[i];
                if (pct[i] != Integer.MIN_VALUE) lastPct = pct[i];
                if (!lastOfRun || Double.isNaN(lastPct)) continue;
                double w = Double.isNaN(start[i]) ? 1 : Math.max(start[i], 1e-3);
                weighted += lastPct * w;
                weight += w;
                lastPct = Double.NaN;
            }
        }
    }
}
