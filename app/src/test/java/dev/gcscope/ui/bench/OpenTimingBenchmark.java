package dev.gcscope.ui.bench;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.task.ExecutorBackgroundRunner;
import dev.gcscope.ui.window.MainWindowView;
import dev.gcscope.ui.window.MainWindowViewModel;
import dev.gcscope.ui.workspace.DocumentViewModel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Time to first chart: opens a trace in the real window (headless Monocle unless a display is
 * asked for) and measures, from the open command, until a chart of the new document has drawn its
 * data, and until the whole-trace statistics are shown; then, in the same JVM, the bare parse of the
 * same file. Not a test: run it by hand (with {@code -Xmx1g}, from the project root),
 * <pre>
 * mvn -o -q -pl app -am test-compile exec:exec@open-bench -Dopen.bench.args=/tmp/gc-1m.log
 * </pre>
 * The open runs first, on a cold JVM, as a user sees it; the bare parse after it runs warm, so the
 * ratio flatters the parse, not the window.
 */
public final class OpenTimingBenchmark {
    private OpenTimingBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: OpenTimingBenchmark TRACE_FILE");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (System.getProperty("gcscope.bench.display") == null) {
            setIfAbsent("glass.platform", "Monocle");
            setIfAbsent("monocle.platform", "Headless");
            setIfAbsent("prism.order", "sw");
            setIfAbsent("prism.text", "t2k");
        }
        PrintStream out = System.out;
        // as UiMain does before the toolkit starts
        if (!Boolean.getBoolean("gcscope.bench.nopreinit")) dev.gcscope.preinit.BackgroundPreinitializer.start(true);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        long[] marks = new long[4]; // open command, first chart drawn, statistics shown, document shown
        DocumentViewModel[] opened = new DocumentViewModel[1];
        CountDownLatch done = new CountDownLatch(1);
        ExecutorBackgroundRunner runner = new ExecutorBackgroundRunner(Platform::runLater);
        Platform.runLater(() -> {
            MainWindowViewModel vm = new MainWindowViewModel(runner, TraceLoader.standard(), new MemorySettingsStore());
            MainWindowView view = new MainWindowView(vm, runner);
            vm.selectedProperty().addListener((o, old, now) -> {
                if (now != null && marks[3] == 0) marks[3] = System.nanoTime();
            });
            Stage stage = new Stage();
            stage.setScene(view.createScene(1280, 800));
            stage.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    DocumentViewModel doc = vm.selectedProperty().get();
                    if (doc == null) {
                        if (!vm.errorMessageProperty().get().isEmpty()) {
                            out.println("failed: " + vm.errorMessageProperty().get());
                            stop();
                            done.countDown();
                        }
                        return;
                    }
                    opened[0] = doc;
                    if (marks[1] == 0 && chartDrawn(view)) marks[1] = System.nanoTime();
                    if (marks[2] == 0 && doc.gcTraceModel() != null && doc.gcTraceModel().statisticsProperty().get() != null
                            && !doc.gcTraceModel().computingProperty().get()) {
                        marks[2] = System.nanoTime();
                    }
                    if (marks[1] != 0 && (marks[2] != 0 || doc.gcTraceModel() == null)) {
                        stop();
                        done.countDown();
                    }
                }
            }.start();
            marks[0] = System.nanoTime();
            vm.openFile(file);
        });
        if (!done.await(10, TimeUnit.MINUTES)) throw new IllegalStateException("no chart within 10 minutes");
        double firstChart = (marks[1] - marks[0]) / 1e6;
        double statistics = marks[2] == 0 ? Double.NaN : (marks[2] - marks[0]) / 1e6;

        long p0 = System.nanoTime();
        var parsed = TraceLoader.standard().load(TraceSource.of(file), null, ParseListener.NONE);
        double parse = (System.nanoTime() - p0) / 1e6;

        out.printf(Locale.ROOT, "file %s (%,d rows in its main table)%n", file, parsed.mainTable().rowCount());
        out.printf(Locale.ROOT, "time to first chart   %,8.0f ms  (%.2f x the bare parse)%n", firstChart, firstChart / parse);
        out.printf(Locale.ROOT, "time to statistics    %,8.0f ms%n", statistics);
        if (opened[0] != null) {
            // What the loading thread took; the rest of the time to first chart is the UI thread's.
            out.printf(Locale.ROOT, "  loading thread      %,8d ms  (parse %,d ms)%n", opened[0].document().loadMillis(),
                    opened[0].document().parseMillis());
            out.printf(Locale.ROOT, "  document shown      %,8.0f ms  (then the UI thread until the first chart)%n",
                    (marks[3] - marks[0]) / 1e6);
        }
        out.printf(Locale.ROOT, "bare parse (warm)     %,8.0f ms%n", parse);
        out.printf(Locale.ROOT, "max heap %,d MB, used after %,d MB%n", Runtime.getRuntime().maxMemory() >> 20,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        runner.close();
        Platform.exit();
        System.exit(0);
    }

    /** True once some chart of the selected document has drawn data (not only its placeholder). */
    private static boolean chartDrawn(MainWindowView view) {
        return view.selectedDocumentView()
                .map(d -> d.root().lookupAll(".canvas-chart").stream()
                        .anyMatch(n -> n instanceof CanvasChart c && c.isVisible() && c.plotArea().isPresent() && c.redrawCount() > 0))
                .orElse(false);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
