package dev.gcscope.export.report;

import dev.gcscope.analysis.work.Work;
import dev.gcscope.export.ChartImages;
import dev.gcscope.export.GcTraceCharts;
import dev.gcscope.export.SchedCharts;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.render.ChartFont;
import dev.gcscope.render.plot.ChartDrawing;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.render.theme.ChartTheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tech.tablesaw.api.Table;

/**
 * A report's charts drawn by the charts' one drawing path ({@link GcTraceCharts}, the renderers
 * the window draws with) in {@link ChartTheme}'s colours: SVG for the HTML report, PNG for the
 * Markdown one. A gctrace gets its seven charts, of the selected range when there is one; a
 * {@code perf sched timehist} or runtime/metrics input the charts of its views ({@link SchedCharts}),
 * of the whole input. The charts' analysis is the window's (k-means regimes) and
 * is computed once per input, when the report asks for its charts; each chart is drawn when the
 * report writes it.
 */
public final class RenderedCharts implements ReportCharts {
    /** The charts' titles: the names of the window's views (the report adds what each shows). */
    private static final Map<String, String> TITLES = Map.of(
            "pause-timeline", "Pause timeline",
            "heap-timeline", "Heap timeline",
            "gc-cpu-timeline", "GC CPU",
            "stw-histogram", "STW histogram",
            "convergence", "Convergence",
            "regime-scatter", "Regimes",
            "mmu", "MMU");

    private final Work work;

    public RenderedCharts(Work work) {
        this.work = work;
    }

    @Override
    public List<ReportChart> charts(ParseResult result, CycleSpan range) {
        Table cycles = result.tables().get(GcColumns.CYCLES_TABLE);
        if (cycles == null || cycles.rowCount() == 0) return schedCharts(result);
        GcTraceCharts charts = range == null ? GcTraceCharts.of(cycles, null, 0, cycles.rowCount(), work)
                : GcTraceCharts.of(cycles, new TimeRange(range.fromS(), range.toS()), range.fromRow(), range.toRow(), work);
        List<ReportChart> out = new ArrayList<>();
        for (String id : GcTraceCharts.IDS) out.add(new Rendered(t -> charts.chart(id, t), id, TITLES.getOrDefault(id, id)));
        return List.copyOf(out);
    }

    /** A scheduler or metrics input's charts, of the whole input (a range selects gctrace cycles only). */
    private static List<ReportChart> schedCharts(ParseResult result) {
        SchedCharts charts = SchedCharts.of(result);
        List<ReportChart> out = new ArrayList<>();
        for (String id : charts.ids()) {
            String subject = charts.subject(id);
            out.add(new Rendered(t -> charts.chart(id, t), id, SchedCharts.title(id) + (subject.isEmpty() ? "" : ": " + subject)));
        }
        return List.copyOf(out);
    }

    /** A chart of a report, drawn in the report's theme when the page or its images are written. */
    record Rendered(Function<ChartTheme, ChartDrawing> chart, String id, String title) implements ReportChart {
        @Override
        public String svg(int width, int height, ReportTheme theme) {
            ChartTheme t = ChartTheme.of(theme.id());
            String svg = ChartImages.svg(chart.apply(t), width, height, t.background(), ChartFont.labels());
            // an element inside the page, not a document of its own
            return svg.substring(svg.indexOf("<svg"));
        }

        @Override
        public byte[] png(int width, int height, int scale, ReportTheme theme) {
            ChartTheme t = ChartTheme.of(theme.id());
            return ChartImages.png(chart.apply(t), width, height, scale, t.background());
        }
    }
}
