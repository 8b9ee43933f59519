package dev.gcscope.cli;

import dev.gcscope.export.ChartImages;
import dev.gcscope.export.GcTraceCharts;
import dev.gcscope.export.SchedCharts;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.ChartDrawing;
import dev.gcscope.render.theme.ChartTheme;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/** {@code export --png/--svg}: one chart of a parsed file, drawn headless and written atomically. */
final class ChartFiles {
    private ChartFiles() {}

    /**
     * @param svg true for SVG, false for PNG
     * @param given the output as the user named it, for messages
     */
    static int write(CliContext context, ParseResult result, ChartOptions options, Path out, boolean svg, String given) {
        ChartTheme theme = options.chartTheme();
        ChartDrawing chart;
        if (GcTraceCharts.has(options.chart)) {
            Optional<Table> cycles = context.formats().forFormat(result.format()).flatMap(f -> f.gcCycles(result));
            if (cycles.isEmpty() || cycles.get().rowCount() == 0) {
                return context.errors().input(result.sourceName() + ": has no GC cycles to chart (" + result.format().id()
                        + "); --chart " + options.chart + " draws a chart of a gctrace");
            }
            chart = GcTraceCharts.of(cycles.get()).scales(options.timeAxis(), options.yScale()).chart(options.chart, theme);
        } else {
            SchedCharts charts = SchedCharts.of(result);
            if (!charts.ids().contains(options.chart)) {
                boolean gctrace = context.formats().forFormat(result.format()).flatMap(f -> f.gcCycles(result)).isPresent();
                List<String> has = gctrace ? GcTraceCharts.IDS : charts.ids();
                return context.errors().input(result.sourceName() + ": has no chart '" + options.chart + "' (" + result.format().id()
                        + (has.isEmpty() ? "; no chart is drawn for this format" : "; its charts are " + String.join(", ", has)) + ")");
            }
            chart = charts.chart(options.chart, theme);
        }
        Rgba background = options.print ? Rgba.WHITE : theme.background();
        double w = options.width, h = options.heightPx();
        try {
            if (svg) AtomicFileWriter.write(out, wr -> ChartImages.writeSvg(chart, w, h, background, ChartFont.labels(), wr));
            else AtomicFileWriter.write(out, ChartImages.png(chart, w, h, options.scale, background));
        } catch (AccessDeniedException e) {
            return context.errors().input(given + ": cannot be written (permission denied)");
        } catch (IOException e) {
            return context.errors().input(given + ": " + TraceInputs.describe(e, "written"));
        }
        return ExitStatus.OK;
    }
}
