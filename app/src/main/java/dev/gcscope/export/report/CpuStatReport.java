package dev.gcscope.export.report;

import dev.gcscope.export.report.ReportDocument.Block;
import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.parsers.cgroup.CpuStatLogParser;
import java.util.ArrayList;
import java.util.List;

/** A cgroup's cpu.stat log in the report: what its CPU bandwidth counters rose by over the log. */
final class CpuStatReport implements FormatReport {
    @Override
    public boolean covers(TraceFormat format) {
        return format.equals(CpuStatLogParser.FORMAT);
    }

    @Override
    public List<Cell.Run> finding(InputFigures in) {
        JsonFigures f = in.figures();
        return List.of(f.run("/dumps"), Cell.Run.text(" dumps of cpu.stat over "), f.run("/span_s"), Cell.Run.text(" s: throttled in "),
                f.run("/throttled_periods"), Cell.Run.text(" of "), f.run("/periods"), Cell.Run.text(" CFS periods, "),
                f.run("/throttled_ms"), Cell.Run.text(" ms throttled (summed over CPUs)."));
    }

    @Override
    public List<Block> blocks(InputFigures in) {
        JsonFigures f = in.figures();
        List<Block> out = new ArrayList<>();
        out.add(new ReportDocument.Heading("Key figures", "key-figures"));
        out.add(Tables.of("key-figures", "Key figures", List.of("figure", "value"), List.of(
                List.of(Cell.text("dumps"), f.cell("/dumps")),
                List.of(Cell.text("seconds spanned"), f.cell("/span_s")),
                List.of(Cell.text("CFS periods"), f.cell("/periods")),
                List.of(Cell.text("throttled periods"), f.cell("/throttled_periods")),
                List.of(Cell.text("throttled share"), f.cell("/throttled_share")),
                List.of(Cell.text("throttled time (ms)"), f.cell("/throttled_ms")),
                List.of(Cell.text("CPU used (ms)"), f.cell("/usage_ms")))));
        for (ReportChart c : in.charts()) out.add(new ReportDocument.Chart(c, c.title()));
        return out;
    }
}
