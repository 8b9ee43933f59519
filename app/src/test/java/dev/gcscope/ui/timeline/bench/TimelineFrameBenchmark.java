package dev.gcscope.ui.timeline.bench;

import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.timeline.StackedTimelineChart;
import dev.gcscope.render.timeline.TimelineCycles;
import dev.gcscope.ui.timeline.TimelineViews;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import tech.tablesaw.api.Table;

/**
 * Frame times of the pause timeline on the million-cycle benchmark input, offscreen on headless
 * Monocle: N frames through a zoom-in, pan and zoom-out sequence, each frame a redraw of the chart
 * (per-column reduction and canvas commands) and a snapshot (rasterising it). The baseline, in the
 * same run, is a canvas of the same size cleared, filled once and snapshotted per frame: the cost
 * of showing any frame at all. Not a test; run it with the {@code timeline-bench} execution:
 *
 * <pre>mvn -o -q -pl app -am test-compile exec:exec@timeline-bench [-Dtimeline.bench.args="--frames 300 --input FILE"]</pre>
 */
public final class TimelineFrameBenchmark {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;

    public static void main(String[] args) throws Exception {
        Path input = Path.of("sample-traces/target/bench/gctrace-1000000.log");
        int frames = 240;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> input = Path.of(args[++i]);
                case "--frames" -> frames = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--input FILE, --frames N)");
            }
        }
        long t0 = System.nanoTime();
        Table cycles = DerivedColumns.addTo(new GcTraceParser().parse(TraceSource.of(input))).table(GcColumns.CYCLES_TABLE);
        GcTraceData data = GcTraceData.of(cycles);
        TimelineCycles timeline = data.timelineCycles();
        System.out.printf(Locale.ROOT, "input %s: %,d cycles, parsed and analysed in %.1f s%n", input, data.size(),
                (System.nanoTime() - t0) / 1e9);

        Platform.startup(() -> {});
        StackedTimelineChart chart = onFx(() -> {
            StackedTimelineChart c = TimelineViews.pauseChart(timeline);
            StackPane root = new StackPane(c);
            Theme.apply(root, false);
            Stage stage = new Stage();
            stage.setScene(new Scene(root, WIDTH, HEIGHT));
            stage.show();
            root.layout();
            return c;
        });
        List<TimeRange> sequence = sequence(chart.shownRange(), frames);

        // Warm-up: the same sequence once, unmeasured, so the JIT has compiled the drawing code.
        measureChart(chart, sequence);
        measureBaseline(sequence.size());

        double[][] chartTimes = measureChart(chart, sequence);
        double[] baseline = measureBaseline(sequence.size());
        System.out.printf(Locale.ROOT, "%d frames of %dx%d, zoom in x%.0f, pan, zoom out%n", sequence.size(), WIDTH, HEIGHT,
                sequence.get(0).length() / minLength(sequence));
        System.out.printf(Locale.ROOT, "%-34s %9s %9s %9s%n", "ms per frame", "p50", "p95", "max");
        row("pause timeline: redraw", chartTimes[0]);
        row("pause timeline: redraw + snapshot", chartTimes[1]);
        row("baseline: fill + snapshot", baseline);
        System.out.printf(Locale.ROOT, "ratio redraw+snapshot / baseline: p50 %.2f, p95 %.2f%n",
                pct(chartTimes[1], 50) / pct(baseline, 50), pct(chartTimes[1], 95) / pct(baseline, 95));
        System.out.printf(Locale.ROOT, "requirement: under 50 ms a frame (p95 redraw + snapshot %.1f ms): %s%n",
                pct(chartTimes[1], 95), pct(chartTimes[1], 95) < 50 ? "met" : "NOT met");
        Platform.exit();
        System.exit(0); // Monocle's application thread outlives Platform.exit() and would keep the JVM up
    }

    /** A third zooming in by 0.9 a frame about 60% across, a third panning 4% a frame, a third zooming out. */
    static List<TimeRange> sequence(TimeRange full, int frames) {
        List<TimeRange> out = new ArrayList<>();
        int third = Math.max(1, frames / 3);
        double centre = full.from() + full.length() * 0.6;
        TimeRange r = full;
        for (int i = 0; i < third; i++) {
            double w = r.length() * 0.9;
            double left = centre - (centre - r.from()) * 0.9;
            r = new TimeRange(left, left + w);
            out.add(r);
        }
        double step = r.length() * 0.04;
        for (int i = 0; i < third; i++) {
            r = new TimeRange(r.from() + step, r.to() + step);
            out.add(r);
        }
        for (int i = 0; i < frames - 2 * third; i++) {
            double c = (r.from() + r.to()) / 2;
            double w = Math.min(full.length(), r.length() / 0.9);
            double left = Math.max(full.from(), Math.min(c - w / 2, full.to() - w));
            r = new TimeRange(left, left + w);
            out.add(r);
        }
        return out;
    }

    /** Per frame: [0] the redraw alone, [1] the redraw and a snapshot of the chart, in ms. */
    private static double[][] measureChart(StackedTimelineChart chart, List<TimeRange> sequence) throws Exception {
        double[] draw = new double[sequence.size()];
        double[] frame = new double[sequence.size()];
        WritableImage[] image = {null};
        for (int i = 0; i < sequence.size(); i++) {
            TimeRange v = sequence.get(i);
            int k = i;
            onFx(() -> {
                long before = chart.redrawCount();
                long a = System.nanoTime();
                chart.viewportProperty().set(v);
                chart.getParent().layout();
                long b = System.nanoTime();
                image[0] = chart.snapshot(null, image[0]);
                long c = System.nanoTime();
                if (chart.redrawCount() != before + 1) throw new IllegalStateException("frame " + k + " did not redraw once");
                draw[k] = (b - a) / 1e6;
                frame[k] = (c - a) / 1e6;
                return null;
            });
        }
        return new double[][] {draw, frame};
    }

    private static double[] measureBaseline(int frames) throws Exception {
        Canvas canvas = onFx(() -> {
            Canvas c = new Canvas(WIDTH, HEIGHT);
            new Scene(new StackPane(c));
            return c;
        });
        double[] out = new double[frames];
        WritableImage[] image = {null};
        for (int i = 0; i < frames; i++) {
            int k = i;
            onFx(() -> {
                long a = System.nanoTime();
                GraphicsContext g = canvas.getGraphicsContext2D();
                g.clearRect(0, 0, WIDTH, HEIGHT);
                g.setFill(k % 2 == 0 ? Color.WHITE : Color.WHITESMOKE);
                g.fillRect(0, 0, WIDTH, HEIGHT);
                image[0] = canvas.snapshot(null, image[0]);
                out[k] = (System.nanoTime() - a) / 1e6;
                return null;
            });
        }
        return out;
    }

    private static double minLength(List<TimeRange> s) {
        return s.stream().mapToDouble(TimeRange::length).min().orElse(1);
    }

    private static void row(String name, double[] ms) {
        System.out.printf(Locale.ROOT, "%-34s %9.2f %9.2f %9.2f%n", name, pct(ms, 50), pct(ms, 95), Arrays.stream(ms).max().orElse(0));
    }

    /** Nearest-rank percentile. */
    private static double pct(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }
}
