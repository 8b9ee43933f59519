package dev.gcscope.export.bench;

import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.export.ChartImages;
import dev.gcscope.export.GcTraceCharts;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.render.ChartFont;
import dev.gcscope.render.theme.ChartTheme;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * How long the headless export of each chart takes on the million-cycle benchmark input: PNG at 2×
 * (of which drawing, the rest is ImageIO's PNG encoder) and SVG, 1600 by 800 chart pixels, the median
 * of five runs after two warm-ups, and the SVG's size.
 * The parse and the analysis are timed apart (the export of a chart from the window starts after
 * them). Not a test; run from the test class path, headless, no JavaFX:
 *
 * <pre>java -cp app/target/classes:app/target/test-classes:... dev.gcscope.export.bench.ChartExportBenchmark [FILE]</pre>
 */
public final class ChartExportBenchmark {
    private static final int WIDTH = 1600;
    private static final int HEIGHT = 800;
    private static final int WARMUPS = 2;
    private static final int RUNS = 5;

    private ChartExportBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args.length > 0 ? args[0] : "sample-traces/target/bench/gctrace-1000000.log");
        long t0 = System.nanoTime();
        Table cycles = DerivedColumns.addTo(new GcTraceParser().parse(TraceSource.of(input))).table(GcColumns.CYCLES_TABLE);
        long t1 = System.nanoTime();
        GcTraceCharts charts = GcTraceCharts.of(cycles);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%,d cycles: parse %.2f s, analysis %.2f s%n", cycles.rowCount(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        for (String id : List.of("pause-timeline", "heap-timeline", "gc-cpu-timeline", "stw-histogram", "convergence", "regime-scatter",
                "mmu")) {
            // the first drawing of a timeline reads its columns from the table: timed apart
            long first = System.nanoTime();
            ChartImages.png(charts.chart(id, ChartTheme.LIGHT), WIDTH, HEIGHT, 2, ChartTheme.LIGHT.background());
            double firstS = (System.nanoTime() - first) / 1e9;
            double png = median(() -> ChartImages.png(charts.chart(id, ChartTheme.LIGHT), WIDTH, HEIGHT, 2, ChartTheme.LIGHT.background()));
            double draw = median(() -> ChartImages.image(charts.chart(id, ChartTheme.LIGHT), WIDTH, HEIGHT, 2, ChartTheme.LIGHT.background()));
            String[] svg = new String[1];
            double svgS = median(() -> svg[0] = ChartImages.svg(charts.chart(id, ChartTheme.LIGHT), WIDTH, HEIGHT,
                    ChartTheme.LIGHT.background(), ChartFont.labels()));
            System.out.printf(Locale.ROOT, "%-16s first PNG 2x %.3f s; PNG 2x %.3f s (drawing %.3f s); SVG %.3f s, %,d bytes%n", id, firstS,
                    png, draw, svgS, svg[0].getBytes(StandardCharsets.UTF_8).length);
        }
    }

    private static double median(Runnable r) {
        for (int i = 0; i < WARMUPS; i++) r.run();
        double[] s = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            r.run();
            s[i] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(s);
        return s[RUNS / 2];
    }
}
