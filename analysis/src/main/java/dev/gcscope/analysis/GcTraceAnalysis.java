package dev.gcscope.analysis;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.stats.PauseStatistics;
import dev.gcscope.analysis.stats.SortedSample;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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

    /**
     * Regimes are found on a second thread while the pauses are sorted and summarised: the two only
     * read the table, and on a million cycles a user waiting for the summary would otherwise wait
     * for their sum.
     */
    public static GcTraceAnalysis of(Table cycles) {
        return of(cycles, RegimeAnalysis.Method.KMEANS);
    }

    public static GcTraceAnalysis of(Table cycles, RegimeAnalysis.Method method) {
        FutureTask<RegimeAnalysis.Result> regimes = new FutureTask<>(() -> RegimeAnalysis.of(cycles, method));
        Thread worker = new Thread(regimes, "gcscope-regimes");
        worker.setDaemon(true);
        worker.start();
        SortedSample stw = SortedSample.of(cycles.doubleColumn(STW_MS));
        GcSummary summary = GcSummary.of(cycles, stw);
        PauseStatistics pauses = PauseStatistics.of(stw);
        return new GcTraceAnalysis(summary, pauses, join(regimes));
    }

    private static <T> T join(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while finding regimes");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
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
