package dev.gcscope.export.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcscope.export.report.ReportDocument.Block;
import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.parsers.perfsched.PerfSchedTimehistParser;
import java.util.ArrayList;
import java.util.List;

/** {@code perf sched timehist} in the report: scheduling delays overall and per process, as {@code summary --json} has them. */
final class TimehistReport implements FormatReport {
    @Override
    public boolean covers(TraceFormat format) {
        return format.equals(PerfSchedTimehistParser.FORMAT);
    }

    @Override
    public List<Cell.Run> finding(InputFigures in) {
        JsonFigures f = in.figures();
        List<Cell.Run> out = new ArrayList<>(List.of(f.run("/events"), text(" context switches of "), f.run("/tasks"),
                text(" threads. ")));
        if (f.at("/sch_delay_ms/p50").isNull()) {
            out.add(text("No switch row carried a scheduling delay."));
            return out;
        }
        out.addAll(List.of(text("Scheduling delay (from wakeup to running on a CPU): median "), f.run("/sch_delay_ms/p50"),
                text(" ms, P99 "), f.run("/sch_delay_ms/p99"), text(" ms, the longest "), f.run("/sch_delay_ms/max"), text(" ms. ")));
        if (f.at("/per_task").size() > 0) {
            out.addAll(List.of(text("The process with the worst P99 is "), f.run("/per_task/0/task"), text(" ("),
                    f.run("/per_task/0/sch_delay_ms/p99"), text(" ms over "), f.run("/per_task/0/switches"), text(" switches).")));
        }
        return out;
    }

    @Override
    public List<Block> blocks(InputFigures in) {
        JsonFigures f = in.figures();
        List<Block> out = new ArrayList<>();
        out.add(new ReportDocument.Heading("Key figures", "key-figures"));
        out.add(Tables.of("key-figures", "Key figures", List.of("figure", "value"), List.of(
                List.of(Cell.text("context switches"), f.cell("/events")),
                List.of(Cell.text("threads"), f.cell("/tasks")),
                List.of(Cell.text("scheduling delay P50 (ms)"), f.cell("/sch_delay_ms/p50")),
                List.of(Cell.text("scheduling delay P99 (ms)"), f.cell("/sch_delay_ms/p99")),
                List.of(Cell.text("longest scheduling delay (ms)"), f.cell("/sch_delay_ms/max")))));
        out.add(new ReportDocument.Heading("Per-task delays", "per-task"));
        List<List<Cell>> rows = new ArrayList<>();
        JsonNode tasks = f.at("/per_task");
        for (int i = 0; i < tasks.size(); i++) {
            String t = "/per_task/" + i;
            rows.add(List.of(f.cell(t + "/task"), f.cell(t + "/pid"), f.cell(t + "/threads"), f.cell(t + "/switches"),
                    f.cell(t + "/sch_delay_ms/p50"), f.cell(t + "/sch_delay_ms/p90"), f.cell(t + "/sch_delay_ms/p99"),
                    f.cell(t + "/sch_delay_ms/max"), f.cell(t + "/wait_ms/p50"), f.cell(t + "/wait_ms/p99")));
        }
        out.add(Tables.of("per-task", "Processes with the worst P99 scheduling delay", List.of("task", "pid", "threads",
                "switches", "delay P50 (ms)", "delay P90 (ms)", "delay P99 (ms)", "delay max (ms)", "wait P50 (ms)",
                "wait P99 (ms)"), rows));
        out.add(new ReportDocument.Note("Processes (threads grouped by pid) with at least 10 switch rows, worst P99 first;"
                + " <idle> left out."));
        for (ReportChart c : in.charts()) out.add(new ReportDocument.Chart(c, c.title()));
        return out;
    }

    private static Cell.Run text(String s) {
        return Cell.Run.text(s);
    }
}
