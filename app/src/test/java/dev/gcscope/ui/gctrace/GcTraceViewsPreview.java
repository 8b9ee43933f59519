package dev.gcscope.ui.gctrace;

import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.Theme;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.task.ExecutorBackgroundRunner;
import dev.gcscope.ui.view.TraceView;
import dev.gcscope.ui.workspace.GcTraceViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import tech.tablesaw.api.Table;

/**
 * Shows the gctrace views of one trace in plain tabs, for looking at them before the workspace's
 * tabs exist: {@code GcTraceViewsPreview [--dark] [--tab=ID] [--select=FROM,TO] SAMPLE-OR-FILE}.
 * Not a test; run from the test classpath.
 */
public final class GcTraceViewsPreview {
    /** Launched through {@link #main}: a class extending Application cannot be the main class on the class path. */
    public static final class App extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        boolean dark = args.contains("--dark");
        String tab = args.stream().filter(a -> a.startsWith("--tab=")).map(a -> a.substring(6)).findFirst().orElse("");
        String select = args.stream().filter(a -> a.startsWith("--select=")).map(a -> a.substring(9)).findFirst().orElse("");
        String input = args.stream().filter(a -> !a.startsWith("--")).findFirst().orElse(SampleTraces.DEFAULT_GCTRACE);
        TraceSource source = Files.exists(Path.of(input)) ? TraceSource.of(Path.of(input))
                : TraceSource.of(SampleTraces.get(input).fileName(), SampleTraces.get(input).bytes());
        Table cycles = DerivedColumns.addTo(new GcTraceParser().parse(source)).table(GcColumns.CYCLES_TABLE);
        GcTraceData data = GcTraceData.of(cycles);
        GcTraceModel model = new GcTraceModel(data, GcTraceModel.wholeTrace(data), new ExecutorBackgroundRunner(Platform::runLater));
        TabPane tabs = new TabPane();
        for (TraceView v : GcTraceViews.create(model)) {
            Tab t = new Tab(v.title(), v.root());
            t.setClosable(false);
            tabs.getTabs().add(t);
            if (v.id().equals(tab)) tabs.getSelectionModel().select(t);
        }
        args.stream().filter(a -> a.startsWith("--highlight=")).findFirst()
                .ifPresent(a -> model.highlightedRegimeProperty().set(Integer.parseInt(a.substring(12))));
        if (!select.isEmpty()) {
            String[] r = select.split(",");
            double[] x = data.layout().x();
            model.selectionProperty().set(new TimeRange(x[Integer.parseInt(r[0])], x[Integer.parseInt(r[1])]));
        }
        // --cycle=MS selects the next tab every MS milliseconds, so a script can photograph each in turn
        args.stream().filter(a -> a.startsWith("--cycle=")).findFirst().ifPresent(a -> {
            javafx.animation.Timeline t = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                    javafx.util.Duration.millis(Double.parseDouble(a.substring(8))),
                    e -> tabs.getSelectionModel().select((tabs.getSelectionModel().getSelectedIndex() + 1) % tabs.getTabs().size())));
            t.setCycleCount(javafx.animation.Animation.INDEFINITE);
            t.play();
        });
        Theme.apply(tabs, dark);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        stage.setScene(new Scene(tabs, screen.getWidth(), screen.getHeight()));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
