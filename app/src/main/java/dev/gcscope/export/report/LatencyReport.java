package dev.gcscope.export.report;

import dev.gcscope.analysis.sched.LatencyGroups;
import dev.gcscope.export.report.ReportDocument.Block;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.parsers.perfsched.LatencyColumns;
import dev.gcscope.parsers.perfsched.PerfSchedLatencyParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code perf sched latency} in the report: its totals and the tasks with the longest delays. */
final class LatencyReport implements FormatReport {
    /** Task rows the report lists, longest maximum delay first (a -p table of a Go program has hundreds). */
    static final int ROWS = 25;

    @Override
    public boolean covers(TraceFormat format) {
        return format.equals(PerfSchedLatencyParser.FORMAT);
    }

    @Override
    public List<Cell.Run> finding(InputFigures in) {
        JsonFigures f = in.figures();
        List<Cell.Run> out = new ArrayList<>(List.of(f.run("/tasks"), text(" task rows with "), f.run("/total_switches"),
                text(" context switches over "), f.run("/total_runtime_ms"), text(" ms of runtime. ")));
        if (!f.at("/worst/task").isNull()) {
            out.addAll(List.of(text("The longest scheduling delay was "), f.run("/worst/max_delay_ms"), text(" ms, in "),
                    f.run("/worst/task"), text(".")));
        }
        return out;
    }

    @Override
    public List<Block> blocks(InputFigures in) {
        JsonFigures f = in.figures();
        List<Block> out = new ArrayList<>();
        out.add(new ReportDocument.Heading("Key figures", "key-figures"));
        out.add(Tables.of("key-figures", "Key figures", List.of("figure", "value"), List.of(
                List.of(Cell.text("task rows"), f.cell("/tasks")),
                List.of(Cell.text("total runtime (ms)"), f.cell("/total_runtime_ms")),
                List.of(Cell.text("context switches"), f.cell("/total_switches")),
                List.of(Cell.text("task with the longest delay"), f.cell("/worst/task")),
                List.of(Cell.text("its longest delay (ms)"), f.cell("/worst/max_delay_ms")))));
        List<LatencyGroups.Row> rows = new ArrayList<>(LatencyGroups.rows(in.input().result().table(LatencyColumns.TASKS_TABLE)));
        rows.sort(Comparator.comparingDouble((LatencyGroups.Row r) -> Double.isNaN(r.maxDelayMs()) ? -1 : r.maxDelayMs()).reversed());
        List<List<Cell>> cells = new ArrayList<>();
        for (LatencyGroups.Row r : rows.subList(0, Math.min(ROWS, rows.size()))) {
            cells.add(List.of(Cell.text(r.task()), Cell.text(Integer.toString(r.threads())), Cell.text(PlainNumbers.plain(r.runtimeMs())),
                    Cell.text(Long.toString(r.switches())), Cell.text(PlainNumbers.plain(r.avgDelayMs())),
                    Cell.text(PlainNumbers.plain(r.maxDelayMs()))));
        }
        out.add(new ReportDocument.Heading("Tasks", "tasks"));
        out.add(Tables.of("tasks", "Tasks with the longest maximum delay", List.of("task", "threads", "runtime (ms)",
                "switches", "avg delay (ms)", "max delay (ms)"), cells));
        out.add(new ReportDocument.Note(rows.size() > ROWS
                ? String.format(java.util.Locale.ROOT, "The %d of %,d task rows with the longest maximum delay, as perf printed them.", ROWS, rows.size())
                : "Every task row, longest maximum delay first, as perf printed them."));
        for (ReportChart c : in.charts()) out.add(new ReportDocument.Chart(c, c.title()));
        return out;
    }

    private static Cell.Run text(String s) {
        return Cell.Run.text(s);
    }
}
