package dev.gcscope.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.parsers.cgroup.CpuStatColumns;
import dev.gcscope.parsers.cgroup.CpuStatLogParser;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * A cgroup's {@code cpu.stat} sampled over time. Its summary: the dumps, the time they span, and what
 * the counters rose by between the first and the last: CFS periods, throttled periods and their share,
 * throttled time and CPU used.
 */
public final class CpuStatSupport implements FormatSupport {
    @Override
    public List<TraceFormat> formats() {
        return List.of(CpuStatLogParser.FORMAT);
    }

    /** The figures of one cpu.stat log; NaN where the log lacks the counter. */
    public record Totals(int dumps, double spanS, double periods, double throttledPeriods, double throttledMs, double usageMs) {
        public double throttledShare() {
            return periods > 0 ? throttledPeriods / periods : Double.NaN;
        }

        public static Totals of(ParseResult r) {
            Table t = r.table(CpuStatColumns.TABLE);
            return new Totals(t.rowCount(), rise(t, CpuStatColumns.TIME_S), rise(t, CpuStatColumns.NR_PERIODS),
                    rise(t, CpuStatColumns.NR_THROTTLED), rise(t, CpuStatColumns.THROTTLED_TOTAL_MS), rise(t, CpuStatColumns.USAGE_TOTAL_MS));
        }

        /** Last minus first non-missing value. */
        private static double rise(Table t, String column) {
            if (!t.columnNames().contains(column)) return Double.NaN;
            NumericColumn<?> c = (NumericColumn<?>) t.column(column);
            double first = Double.NaN, last = Double.NaN;
            for (int i = 0; i < t.rowCount(); i++) {
                if (c.isMissing(i)) continue;
                if (Double.isNaN(first)) first = c.getDouble(i);
                last = c.getDouble(i);
            }
            return last - first;
        }
    }

    @Override
    public void addSummaryJson(ParseResult result, AnalysisOptions options, ObjectNode file) {
        Totals s = Totals.of(result);
        file.put("dumps", s.dumps());
        JsonNumbers.put(file, "span_s", s.spanS());
        JsonNumbers.put(file, "periods", s.periods());
        JsonNumbers.put(file, "throttled_periods", s.throttledPeriods());
        JsonNumbers.put(file, "throttled_share", s.throttledShare());
        JsonNumbers.put(file, "throttled_ms", s.throttledMs());
        JsonNumbers.put(file, "usage_ms", s.usageMs());
    }

    @Override
    public void addSummaryText(ParseResult result, AnalysisOptions options, TextReport out) {
        Totals s = Totals.of(result);
        out.row("dumps", s.dumps() + (Double.isNaN(s.spanS()) ? "" : String.format(Locale.ROOT, "  over %.1f s", s.spanS())));
        out.row("periods", Double.isNaN(s.periods()) ? "n/a" : String.format(Locale.ROOT, "%.0f  (CFS periods with runnable tasks)", s.periods()));
        out.row("throttled", Double.isNaN(s.throttledPeriods()) ? "n/a" : String.format(Locale.ROOT, "%.0f periods%s, %s ms",
                s.throttledPeriods(), Double.isNaN(s.throttledShare()) ? "" : String.format(Locale.ROOT, " (%.0f %%)", s.throttledShare() * 100),
                PlainNumbers.rounded(s.throttledMs(), 3)));
        out.row("cpu used", Double.isNaN(s.usageMs()) ? "n/a" : PlainNumbers.rounded(s.usageMs(), 3) + " ms");
    }
}
