package dev.gcscope.cli;

import dev.gcscope.analysis.sched.DelayComparison;
import dev.gcscope.analysis.sched.HistogramHistory;
import dev.gcscope.analysis.sched.MetricsComparison;
import dev.gcscope.format.FormatSupports;
import dev.gcscope.format.TextReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.perfsched.PerfSchedTimehistParser;
import dev.gcscope.parsers.perfsched.TimehistColumns;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * {@code compare A B} for scheduler inputs (issue 11): two {@code perf sched timehist} files, or two
 * runtime/metrics files (Prometheus text, OpenMetrics, JSON lines, in any mix), compared as
 * {@link DelayComparison} and {@link MetricsComparison} do; printed by {@link SchedCompareReport}.
 */
final class SchedCompare {
    private SchedCompare() {}

    static boolean isTimehist(ParseResult r) {
        return r.format().id().equals(PerfSchedTimehistParser.FORMAT.id()) && r.tables().containsKey(TimehistColumns.EVENTS_TABLE);
    }

    static Optional<Table> histograms(ParseResult r, FormatSupports formats) {
        return formats.forFormat(r.format()).flatMap(f -> f.histograms(r));
    }

    /** Whether {@code a} and {@code b} are two timehist files or two runtime/metrics files. */
    static boolean pair(ParseResult a, ParseResult b, FormatSupports formats) {
        return (isTimehist(a) && isTimehist(b)) || (histograms(a, formats).isPresent() && histograms(b, formats).isPresent());
    }

    static int run(Path a, Path b, ParseResult left, ParseResult right, FormatSupports formats, boolean json, PrintWriter out)
            throws IOException {
        if (isTimehist(left)) {
            DelayComparison.Result r = DelayComparison.of(
                    DelayComparison.Side.of(a.toString(), left.table(TimehistColumns.EVENTS_TABLE)),
                    DelayComparison.Side.of(b.toString(), right.table(TimehistColumns.EVENTS_TABLE)));
            if (json) JsonTreeWriter.write(out, SchedCompareReport.json(a.toString(), b.toString(), r));
            else SchedCompareReport.text(a.toString(), b.toString(), r, new TextReport(out));
        } else {
            List<HistogramHistory> ha = HistogramHistory.of(histograms(left, formats).orElseThrow());
            List<HistogramHistory> hb = HistogramHistory.of(histograms(right, formats).orElseThrow());
            MetricsComparison.Result r = MetricsComparison.of(ha, hb);
            if (json) JsonTreeWriter.write(out, SchedCompareReport.json(a.toString(), b.toString(), r));
            else SchedCompareReport.text(a.toString(), b.toString(), r, new TextReport(out));
        }
        if (json) out.println();
        out.flush();
        return ExitStatus.OK;
    }
}
