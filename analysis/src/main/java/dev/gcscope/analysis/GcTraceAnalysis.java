package dev.gcscope.analysis;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.stats.PauseStatistics;
import dev.gcscope.analysis.stats.SerialDependence;
import dev.gcscope.analysis.stats.SortedSample;
import dev.gcscope.analysis.work.Work;
import java.util.HashSet;
import java.util.Set;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What the summary of a gctrace file reports: the key figures, the pause percentiles with their
 * confidence intervals, and the regimes. The pauses are sorted once for all of them.
 */
public record GcTraceAnalysis(GcSummary summary, PauseStatistics pauses, RegimeAnalysis.Result regimes) {
    /** The column added to exported cycles: the regime of each cycle, −1 for forced GCs and noise. */
    public static final String REGIME = "regime";

    /** Every column this reads, for a projected parse. */
    public static final Set<String> COLUMNS = union(GcSummary.COLUMNS, RegimeAnalysis.COLUMNS);

    /** The analysis with the regimes found on {@link Work#parallel()} beside the pauses. */
    public static GcTraceAnalysis of(Table cycles) {
        return of(cycles, RegimeAnalysis.Method.KMEANS);
    }

    public static GcTraceAnalysis of(Table cycles, RegimeAnalysis.Method method) {
        return of(cycles, method, Work.parallel());
    }

    /**
     * Regimes are found as a part of their own while the pauses are sorted and summarised: the two
     * only read the table, and on a million cycles a user waiting for the summary would otherwise
     * wait for their sum.
     *
     * @throws java.util.concurrent.CancellationException when {@code work} is cancelled meanwhile
     */
    public static GcTraceAnalysis of(Table cycles, RegimeAnalysis.Method method, Work work) {
        return of(cycles, method, work, roomForBoth(cycles.rowCount()));
    }

    /** @param together run the regimes beside the pauses; else the pauses first, then the regimes */
    static GcTraceAnalysis of(Table cycles, RegimeAnalysis.Method method, Work work, boolean together) {
        if (!together) {
            // Pauses first, so that their sorted copy is garbage before the regimes need their arrays:
            // 15 M cycles in a 1 GB heap (issue 14) have room for one of the two at a time.
            SortedSample stw = SortedSample.of(cycles.doubleColumn(STW_MS));
            GcSummary summary = GcSummary.of(cycles, stw);
            PauseStatistics pauses = PauseStatistics.of(stw, SerialDependence.of(cycles.doubleColumn(STW_MS), stw.size()));
            stw = null;
            work.checkCancelled();
            return new GcTraceAnalysis(summary, pauses, RegimeAnalysis.of(cycles, method, work));
        }
        Work.Part<RegimeAnalysis.Result> regimes = work.fork(() -> RegimeAnalysis.of(cycles, method, work));
        SortedSample stw = SortedSample.of(cycles.doubleColumn(STW_MS));
        work.checkCancelled();
        GcSummary summary = GcSummary.of(cycles, stw);
        PauseStatistics pauses = PauseStatistics.of(stw, SerialDependence.of(cycles.doubleColumn(STW_MS), stw.size()));
        return new GcTraceAnalysis(summary, pauses, regimes.join());
    }

    /**
     * Heap per cycle that the pauses and the regimes take while both run: the sorted pauses (8
     * bytes), the regimes' features (16), labels (4) and pauses by regime (8), twice for slack.
     */
    static final long BYTES_PER_CYCLE_FOR_BOTH = 2 * (8 + 16 + 4 + 8);

    /** Whether the heap has room to run the pauses and the regimes at once on {@code rows} cycles. */
    static boolean roomForBoth(int rows) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return free > rows * BYTES_PER_CYCLE_FOR_BOTH;
    }

    /** The cycles with a {@value #REGIME} column appended (a copy of the column list; the cycles are not copied). */
    public static Table withRegimes(Table cycles) {
        return withRegimes(cycles, RegimeAnalysis.Method.KMEANS);
    }

    public static Table withRegimes(Table cycles, RegimeAnalysis.Method method) {
        int[] regimes = RegimeAnalysis.of(cycles, method).regimeOfRow();
        Table out = Table.create(cycles.name(), cycles.columnArray());
        out.addColumns(IntColumn.create(REGIME, regimes));
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }
}
