package dev.gcscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.analysis.Percentiles;
import dev.gcscope.analysis.TimehistSummary;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.perfsched.PerfSchedTimehistParser;
import dev.gcscope.parsers.perfsched.TimehistColumns;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The perf sched timehist figures: context switches, tasks, scheduling-delay percentiles. */
final class TimehistSummarySection implements SummarySection {
    /** perf prints msec.usec. */
    private static final int MS_DECIMALS = 3;

    @Override
    public String formatId() {
        return PerfSchedTimehistParser.FORMAT.id();
    }

    /** Rows of {@code per_task}: the worst by P99 of the tasks with enough switches for one. */
    static final int PER_TASK_ROWS = 10;

    @Override
    public ParseOptions parseOptions() {
        Set<String> columns = new HashSet<>(TimehistSummary.COLUMNS);
        columns.addAll(TaskDelays.COLUMNS);
        return ParseOptions.columns(columns);
    }

    private static TimehistSummary summarize(ParseResult result) {
        return TimehistSummary.of(result.table(TimehistColumns.EVENTS_TABLE), result.table(TimehistColumns.SUMMARY_TABLE));
    }

    @Override
    public void addJson(ParseResult result, ObjectNode file) {
        TimehistSummary s = summarize(result);
        file.put("events", s.events());
        file.put("tasks", s.tasks());
        Percentiles d = s.schDelayMs();
        ObjectNode delay = file.putObject("sch_delay_ms");
        putNumber(delay, "p50", d.at(50));
        putNumber(delay, "p99", d.at(99));
        putNumber(delay, "max", d.max());
        ArrayNode perTask = file.putArray("per_task");
        TaskDelays.of(result.table(TimehistColumns.EVENTS_TABLE)).tasks().stream()
                .filter(t -> t.switches() >= TaskDelays.FEW_SWITCHES).limit(PER_TASK_ROWS).forEach(t -> {
                    ObjectNode o = perTask.addObject();
                    o.put("task", t.name());
                    if (t.pid() >= 0) o.put("pid", t.pid()); else o.putNull("pid");
                    o.put("threads", t.threads());
                    o.put("switches", t.switches());
                    ObjectNode sd = o.putObject("sch_delay_ms");
                    putNumber(sd, "p50", t.p50Ms());
                    putNumber(sd, "p90", t.p90Ms());
                    putNumber(sd, "p99", t.p99Ms());
                    putNumber(sd, "max", t.maxMs());
                    ObjectNode w = o.putObject("wait_ms");
                    putNumber(w, "p50", t.waitP50Ms());
                    putNumber(w, "p99", t.waitP99Ms());
                    putNumber(w, "max", t.waitMaxMs());
                });
    }

    @Override
    public void addText(ParseResult result, TextReport out) {
        TimehistSummary s = summarize(result);
        String options = result.attributes().getOrDefault("options", "");
        out.row("perf options", options.isEmpty() ? "none (default columns)" : options);
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

    private static void putNumber(ObjectNode node, String key, double value) {
        node.put(key, PlainNumbers.figure(value)); // null (NaN, no data) becomes JSON null
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%s ms", PlainNumbers.rounded(v, MS_DECIMALS));
    }
}
