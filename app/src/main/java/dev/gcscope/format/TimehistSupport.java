package dev.gcscope.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.analysis.Percentiles;
import dev.gcscope.analysis.TimehistSummary;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.parsers.perfsched.PerfSchedTimehistParser;
import dev.gcscope.parsers.perfsched.TimehistColumns;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code perf sched timehist}. Its summary: context switches, tasks, scheduling-delay percentiles,
 * overall and for the worst tasks.
 */
public final class TimehistSupport implements FormatSupport {
    /** perf prints msec.usec. */
    private static final int MS_DECIMALS = 3;

    @Override
    public List<TraceFormat> formats() {
        return List.of(PerfSchedTimehistParser.FORMAT);
    }

    /** Rows of {@code per_task}: the worst by P99 of the tasks with enough switches for one. */
    static final int PER_TASK_ROWS = 10;

    @Override
    public ParseOptions summaryOptions() {
        Set<String> columns = new HashSet<>(TimehistSummary.COLUMNS);
        columns.addAll(TaskDelays.COLUMNS);
        return ParseOptions.columns(columns);
    }

    private static TimehistSummary summarize(ParseResult result) {
        return TimehistSummary.of(result.table(TimehistColumns.EVENTS_TABLE), result.table(TimehistColumns.SUMMARY_TABLE));
    }

    @Override
    public void addSummaryJson(ParseResult result, AnalysisOptions options, ObjectNode file) {
        TimehistSummary s = summarize(result);
        file.put("events", s.events());
        file.put("tasks", s.tasks());
        Percentiles d = s.schDelayMs();
        ObjectNode delay = file.putObject("sch_delay_ms");
        JsonNumbers.put(delay, "p50", d.at(50));
        JsonNumbers.put(delay, "p99", d.at(99));
        JsonNumbers.put(delay, "max", d.max());
        ArrayNode perTask = file.putArray("per_task");
        TaskDelays.of(result.table(TimehistColumns.EVENTS_TABLE)).tasks().stream()
                .filter(t -> t.switches() >= TaskDelays.FEW_SWITCHES).limit(PER_TASK_ROWS).forEach(t -> {
                    ObjectNode o = perTask.addObject();
                    o.put("task", t.name());
                    if (t.pid() >= 0) o.put("pid", t.pid()); else o.putNull("pid");
                    o.put("threads", t.threads());
                    o.put("switches", t.switches());
                    ObjectNode sd = o.putObject("sch_delay_ms");
                    JsonNumbers.put(sd, "p50", t.p50Ms());
                    JsonNumbers.put(sd, "p90", t.p90Ms());
                    JsonNumbers.put(sd, "p99", t.p99Ms());
                    JsonNumbers.put(sd, "max", t.maxMs());
                    ObjectNode w = o.putObject("wait_ms");
                    JsonNumbers.put(w, "p50", t.waitP50Ms());
                    JsonNumbers.put(w, "p99", t.waitP99Ms());
                    JsonNumbers.put(w, "max", t.waitMaxMs());
                });
    }

    @Override
    public void addSummaryText(ParseResult result, AnalysisOptions options, TextReport out) {
        TimehistSummary s = summarize(result);
        String perfOptions = result.attributes().getOrDefault("options", "");
        out.row("perf options", perfOptions.isEmpty() ? "none (default columns)" : perfOptions);
        out.row("events", s.events() + "  (context switches with times)");
        out.row("tasks", Long.toString(s.tasks()));
        Percentiles d = s.schDelayMs();
        if (d.count() == 0) {
            out.row("sch delay", "n/a (no context switch rows)");
        } else {
            out.row("sch delay p50", ms(d.at(50)));
            out.row("          p99", ms(d.at(99)));
            out.row("          max", ms(d.max()));
        }
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%s ms", PlainNumbers.rounded(v, MS_DECIMALS));
    }
}
