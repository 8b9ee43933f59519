package dev.gcscope.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.analysis.SchedLatencySummary;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.parsers.perfsched.LatencyColumns;
import dev.gcscope.parsers.perfsched.PerfSchedLatencyParser;
import java.util.List;
import java.util.Locale;

/**
 * {@code perf sched latency}. Its summary: tasks, total runtime and switches, the task with the
 * worst delay.
 */
public final class SchedLatencySupport implements FormatSupport {
    /** perf prints milliseconds with three decimals. */
    private static final int MS_DECIMALS = 3;

    @Override
    public List<TraceFormat> formats() {
        return List.of(PerfSchedLatencyParser.FORMAT);
    }

    private static SchedLatencySummary summarize(ParseResult result) {
        return SchedLatencySummary.of(result.table(LatencyColumns.TASKS_TABLE), result.table(LatencyColumns.TOTALS_TABLE));
    }

    @Override
    public void addSummaryJson(ParseResult result, AnalysisOptions options, ObjectNode file) {
        SchedLatencySummary s = summarize(result);
        file.put("tasks", s.tasks());
        JsonNumbers.put(file, "total_runtime_ms", s.totalRuntimeMs());
        if (s.totalSwitches() < 0) file.putNull("total_switches"); else file.put("total_switches", s.totalSwitches());
        ObjectNode worst = file.putObject("worst");
        if (s.worstTask() == null) worst.putNull("task"); else worst.put("task", s.worstTask());
        JsonNumbers.put(worst, "max_delay_ms", s.worstMaxDelayMs());
    }

    @Override
    public void addSummaryText(ParseResult result, AnalysisOptions options, TextReport out) {
        SchedLatencySummary s = summarize(result);
        String layout = result.attributes().getOrDefault("layout", "");
        out.row("layout", layout.isEmpty() ? "no header" : layout);
        out.row("tasks", s.tasks() + "  (rows; TOTAL not counted)");
        String from = s.fromTotalRow() ? "  (perf's TOTAL row)" : "  (sum of the rows: no TOTAL row)";
        out.row("total runtime", Double.isNaN(s.totalRuntimeMs()) ? "n/a" : ms(s.totalRuntimeMs()) + from);
        out.row("total switches", s.totalSwitches() < 0 ? "n/a" : s.totalSwitches() + from);
        out.row("worst delay", s.worstTask() == null ? "n/a"
                : ms(s.worstMaxDelayMs()) + "  " + s.worstTask() + "  (the largest max delay)");
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%s ms", PlainNumbers.rounded(v, MS_DECIMALS));
    }
}
