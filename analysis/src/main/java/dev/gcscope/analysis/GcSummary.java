package dev.gcscope.analysis;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

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

    private static double heapPeak(Table cycles) {
        int peak = Integer.MIN_VALUE; // also IntColumn's missing value, so missing cells never win
        for (String c : new String[] {HEAP_START_MB, HEAP_END_MB}) {
            IntColumn col = cycles.intColumn(c);
            for (int i = 0, n = col.size(); i < n; i++) peak = Math.max(peak, col.getInt(i));
        }
        return peak == Integer.MIN_VALUE ? Double.NaN : peak;
    }

    private static double gcCpu(Table cycles) {
        IntColumn run = cycles.intColumn(RUN);
        IntColumn pct = cycles.intColumn(GC_CPU_PCT);
        DoubleColumn start = cycles.doubleColumn(START_S);
        double weighted = 0;
        double weight = 0;
        double lastPct = Double.NaN;
        for (int i = 0, n = cycles.rowCount(); i < n; i++) {
            boolean lastOfRun = i + 1 == n || run.getInt(i + 1) != run.getInt(i);
            if (!pct.isMissing(i)) lastPct = pct.getInt(i);
            if (!lastOfRun || Double.isNaN(lastPct)) continue;
            double w = start.isMissing(i) ? 1 : Math.max(start.getDouble(i), 1e-3);
            weighted += lastPct * w;
            weight += w;
            lastPct = Double.NaN;
        }
        return weight == 0 ? Double.NaN : weighted / weight;
    }
}
