package dev.gcscope.export.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcscope.export.report.ReportDocument.Block;
import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.parsers.metrics.MetricsJsonParser;
import dev.gcscope.parsers.metrics.PrometheusTextParser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** runtime/metrics ({@code prometheus}, {@code metrics-json}) in the report: each histogram's percentiles of the last snapshot. */
final class MetricsReport implements FormatReport {
    /** The histograms a finding names first, when the file has them: what a gcscope user opens a metrics file for. */
    static final List<String> PREFERRED = List.of("/sched/latencies:seconds", "/gc/pauses:seconds", "/sched/pauses/total/gc:seconds");

    @Override
    public boolean covers(TraceFormat format) {
        return format.equals(PrometheusTextParser.FORMAT) || format.equals(MetricsJsonParser.FORMAT)
                || format.equals(dev.gcscope.parsers.metrics.PrometheusRangeParser.FORMAT);
    }

    @Override
    public List<Cell.Run> finding(InputFigures in) {
        JsonFigures f = in.figures();
        JsonNode histograms = f.at("/histograms");
        List<Cell.Run> out = new ArrayList<>(List.of(f.run("/snapshots"), text(" snapshot(s) of " + histograms.size()
                + " runtime/metrics histogram(s). ")));
        for (String name : PREFERRED) {
            for (int i = 0; i < histograms.size(); i++) {
                if (!histograms.get(i).path("name").asText().equals(name) || histograms.get(i).path("p50").isNull()) continue;
                String h = "/histograms/" + i;
                out.addAll(List.of(text("In the last snapshot, " + name + " has P50 "), f.run(h + "/p50"), text(", P90 "),
                        f.run(h + "/p90"), text(" and P99 "), f.run(h + "/p99"), text(" (seconds) over "), f.run(h + "/count"),
                        text(" observations. ")));
            }
        }
        return out;
    }

    @Override
    public List<Block> blocks(InputFigures in) {
        JsonFigures f = in.figures();
        List<Block> out = new ArrayList<>();
        out.add(new ReportDocument.Heading("Histograms", "histograms"));
        List<List<Cell>> rows = new ArrayList<>();
        JsonNode histograms = f.at("/histograms");
        for (int i = 0; i < histograms.size(); i++) {
            String h = "/histograms/" + i;
            rows.add(List.of(f.cell(h + "/name"), f.cell(h + "/count"), f.cell(h + "/p50"), f.cell(h + "/p90"), f.cell(h + "/p99")));
        }
        out.add(Tables.of("histograms", "Percentiles of each histogram in the last snapshot (in the metric's unit)",
                List.of("histogram", "count", "P50", "P90", "P99"), rows));
        out.add(new ReportDocument.Note("Percentiles by Prometheus histogram_quantile rules: linear inside the bucket;"
                + " in the +Inf bucket, the last finite bound."));
        JsonNode summaries = f.at("/summaries");
        if (summaries.size() > 0) {
            List<List<Cell>> srows = new ArrayList<>();
            for (int i = 0; i < summaries.size(); i++) {
                String s = "/summaries/" + i;
                List<Cell.Run> q = new ArrayList<>();
                Iterator<Map.Entry<String, JsonNode>> it = summaries.get(i).path("quantiles").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!q.isEmpty()) q.add(text(", "));
                    q.add(text("q" + e.getKey() + " "));
                    q.add(f.run(s + "/quantiles/" + e.getKey().replace("~", "~0").replace("/", "~1")));
                }
                srows.add(List.of(f.cell(s + "/name"), f.cell(s + "/count"), new Cell(q)));
            }
            out.add(new ReportDocument.Heading("Summaries", "summaries"));
            out.add(Tables.of("summaries", "Prometheus summaries as exposed", List.of("summary", "count", "quantiles"), srows));
        }
        for (ReportChart c : in.charts()) out.add(new ReportDocument.Chart(c, c.title()));
        return out;
    }

    private static Cell.Run text(String s) {
        return Cell.Run.text(s);
    }
}
