package dev.gcscope.analysis;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.stats.PauseStatistics;
import dev.gcscope.analysis.stats.SortedSample;
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

    public static GcTraceAnalysis of(Table cycles) {
        SortedSample stw = SortedSample.of(cycles.doubleColumn(STW_MS));
        return new GcTraceAnalysis(GcSummary.of(cycles, stw), PauseStatistics.of(stw), RegimeAnalysis.of(cycles));
    }

    /** The cycles with a {@value #REGIME} column appended (a copy of the column list; the cycles are not copied). */
    public static Table withRegimes(Table cycles) {
        int[] regimes = RegimeAnalysis.of(cycles).regimeOfRow();
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
