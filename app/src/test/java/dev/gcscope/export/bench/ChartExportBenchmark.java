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
import dev.gcscope.render.plot.ChartDrawing;
import dev.gcscope.ui.chart.FxPainter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import tech.tablesaw.api.Table;

/**
 * How long the headless export of each chart takes on the million-cycle benchmark input: PNG at 2×
 * (of which drawing, the rest is ImageIO's PNG encoder) and SVG, 1600 by 800 chart pixels, the median
 * of five runs after two warm-ups, and the SVG's size.
 * The parse and the analysis are timed apart (the export of a chart from the window starts after
 * them). The baseline, in the same run, is the same chart drawn on screen: through the window's
 * {@link FxPainter} onto a JavaFX canvas of the same size, snapshotted so the drawing is really done
 * (JavaFX starts only after every export is timed, so the exports run as the CLI runs them: without
 * it). Each export is printed as a ratio to that baseline. Not a test; run from the project root:
 *
 * <pre>mvn -q -pl app -am test-compile exec:exec@export-bench -Dexport.bench.args=FILE</pre>
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
        List<String> ids = List.of("pause-timeline", "heap-timeline", "gc-cpu-timeline", "stw-histogram", "convergence", "regime-scatter",
                "mmu");
        List<double[]> exports = new ArrayList<>();
        for (String id : ids) {
            // the first drawing of a timeline reads its columns from the table: timed apart
            long first = System.nanoTime();
            ChartImages.png(charts.chart(id, ChartTheme.LIGHT), WIDTH, HEIGHT, 2, ChartTheme.LIGHT.background());
            double firstS = (System.nanoTime() - first) / 1e9;
            double png = median(() -> ChartImages.png(charts.chart(id, ChartTheme.LIGHT), WIDTH, HEIGHT, 2, ChartTheme.LIGHT.background()));
            double draw = median(() -> ChartImages.image(charts.chart(id, ChartTheme.LIGHT), WIDTH, HEIGHT, 2, ChartTheme.LIGHT.background()));
            String[] svg = new String[1];
            double svgS = median(() -> svg[0] = ChartImages.svg(charts.chart(id, ChartTheme.LIGHT), WIDTH, HEIGHT,
                    ChartTheme.LIGHT.background(), ChartFont.labels()));
            exports.add(new double[] {firstS, png, draw, svgS, svg[0].getBytes(StandardCharsets.UTF_8).length});
        }
        Platform.startup(() -> {});
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            double screen = median(() -> onScreen(charts.chart(id, ChartTheme.LIGHT)));
            double[] e = exports.get(i);
            System.out.printf(Locale.ROOT, "%-16s screen %.3f s | PNG 2x %.3f s (%.1fx; drawing %.3f s, first %.3f s) | SVG %.3f s (%.1fx), %,d bytes%n",
                    id, screen, e[1], e[1] / screen, e[2], e[0], e[3], e[3] / screen, (long) e[4]);
        }
        Platform.exit();
    }

    /** The chart drawn as the window draws it, and snapshotted: the drawing is only done once rendered. */
    private static void onScreen(ChartDrawing chart) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            Canvas canvas = new Canvas(WIDTH, HEIGHT);
            chart.paint(new FxPainter(canvas.getGraphicsContext2D()), WIDTH, HEIGHT);
            canvas.snapshot(null, new WritableImage(WIDTH, HEIGHT));
            done.complete(null);
        });
        done.join();
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
