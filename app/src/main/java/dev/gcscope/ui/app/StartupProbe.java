package dev.gcscope.ui.app;

import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.window.MainWindowView;
import dev.gcscope.ui.window.MainWindowViewModel;
import dev.gcscope.ui.workspace.DocumentViewModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Marks the moments a start-up benchmark measures, for the installer's benchmark and its class-data
 * training run; off unless asked for. With {@code -Dgcscope.startup.log=FILE} it appends
 * {@code stage-shown MICROS} when the window is shown, {@code document MICROS} when the first
 * document is in it and {@code first-chart MICROS} when a chart of that document has drawn its data (microseconds since the epoch, so a script can subtract the
 * moment it started the process). With {@code -Dgcscope.startup.exit=true} the app quits once that
 * document's statistics are shown too: the training run then has loaded what a real session loads.
 */
final class StartupProbe {
    static final String LOG_PROPERTY = "gcscope.startup.log";
    static final String EXIT_PROPERTY = "gcscope.startup.exit";

    private final Path log;
    private final boolean exit;

    private StartupProbe(Path log, boolean exit) {
        this.log = log;
        this.exit = exit;
    }

    /** Watches {@code stage} and the documents of {@code view} if the system properties ask for it. */
    static void attachIfAsked(Stage stage, MainWindowView view, MainWindowViewModel vm) {
        String file = System.getProperty(LOG_PROPERTY);
        boolean exit = Boolean.getBoolean(EXIT_PROPERTY);
        if ((file == null || file.isBlank()) && !exit) return;
        new StartupProbe(file == null || file.isBlank() ? null : Path.of(file), exit).watch(stage, view, vm);
    }

    private void watch(Stage stage, MainWindowView view, MainWindowViewModel vm) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> mark("stage-shown"));
        new AnimationTimer() {
            private boolean charted;
            private boolean documented;

            @Override
            public void handle(long now) {
                DocumentViewModel doc = vm.selectedProperty().get();
                if (doc != null && !documented) {
                    documented = true;
                    mark("document");
                }
                if (doc == null) {
                    if (!vm.errorMessageProperty().get().isEmpty()) finish();
                    return;
                }
                if (!charted && chartDrawn(view)) {
                    charted = true;
                    mark("first-chart");
                }
                boolean statistics = doc.gcTraceModel() == null || (doc.gcTraceModel().statisticsProperty().get() != null
                        && !doc.gcTraceModel().computingProperty().get());
                if (charted && statistics) finish();
            }

            private void finish() {
                stop();
                if (exit) Platform.exit();
            }
        }.start();
    }

    private static boolean chartDrawn(MainWindowView view) {
        return view.selectedDocumentView()
                .map(d -> d.root().lookupAll(".canvas-chart").stream()
                        .anyMatch(n -> n instanceof CanvasChart c && c.isVisible() && c.plotArea().isPresent() && c.redrawCount() > 0))
                .orElse(false);
    }

    private void mark(String what) {
        if (log == null) return;
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        try {
            Files.writeString(log, what + " " + micros + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a benchmark's mark only; the app goes on
        }
    }
}
