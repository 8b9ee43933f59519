package dev.gcscope.ui.timeline;

import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.view.TraceView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import tech.tablesaw.api.Table;

/**
 * Shows the timeline views of a trace in a window of their own, for looking at them (screenshots)
 * before the workspace's tabs exist. Not a test.
 *
 * <pre>java -cp ... dev.gcscope.ui.timeline.TimelinePreview SAMPLE_OR_FILE TAB_INDEX light|dark [sel-from,sel-to] [regime] [zoom-from,zoom-to] [hover-fraction]</pre>
 */
public final class TimelinePreview extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        List<String> a = getParameters().getRaw();
        String source = a.get(0);
        byte[] bytes = Files.exists(Path.of(source)) ? Files.readAllBytes(Path.of(source)) : SampleTraces.get(source).bytes();
        Table cycles = DerivedColumns.addTo(new GcTraceParser().parse(TraceSource.of(source, bytes))).table(GcColumns.CYCLES_TABLE);
        GcTraceData data = GcTraceData.of(cycles);
        GcTraceModel model = new GcTraceModel(data, null, new SynchronousRunner());
        List<TraceView> views = TimelineViews.create(model);
        TabPane tabs = new TabPane();
        for (TraceView v : views) {
            Tab t = new Tab(v.title(), v.root());
            t.setClosable(false);
            tabs.getTabs().add(t);
        }
        int tab = a.size() > 1 ? Integer.parseInt(a.get(1)) : 0;
        tabs.getSelectionModel().select(tab);
        StackPane root = new StackPane(tabs);
        root.getStyleClass().add("main-window");
        Theme.apply(root, a.size() > 2 && a.get(2).equals("dark"));
        double[] x = data.layout().x();
        if (a.size() > 3 && !a.get(3).equals("-")) model.selectionProperty().set(range(a.get(3), x));
        if (a.size() > 4 && !a.get(4).equals("-")) model.highlightedRegimeProperty().set(Integer.parseInt(a.get(4)));
        if (a.size() > 5 && !a.get(5).equals("-")) model.viewportProperty().set(range(a.get(5), x));
        Rectangle2D screen = Screen.getPrimary().getBounds();
        stage.setScene(new Scene(root, screen.getWidth(), screen.getHeight()));
        stage.setX(0);
        stage.setY(0);
        stage.setTitle("timeline preview");
        stage.show();
        if (a.size() > 6) {
            double f = Double.parseDouble(a.get(6));
            TimelineView v = (TimelineView) views.get(tab);
            Platform.runLater(() -> Platform.runLater(() -> {
                TimelineChart c = v.charts().get(0);
                c.plotArea().ifPresent(p -> c.hover(p.x() + p.width() * f, p.y() + p.height() * 0.5));
            }));
        }
    }

    /** "0.2,0.4": fractions of the x extent. */
    private static TimeRange range(String s, double[] x) {
        String[] p = s.split(",");
        double min = x[0];
        double max = x[x.length - 1];
        return new TimeRange(min + (max - min) * Double.parseDouble(p[0]), min + (max - min) * Double.parseDouble(p[1]));
    }

    /** A main class that is not an Application itself, so JavaFX starts from the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(TimelinePreview.class, args);
        }
    }
}
