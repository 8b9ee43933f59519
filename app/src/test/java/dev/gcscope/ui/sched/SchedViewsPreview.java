package dev.gcscope.ui.sched;

import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.view.TraceView;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Looks at the scheduler views before the main window hosts them:
 * {@code java -cp ... dev.gcscope.ui.sched.SchedViewsPreview$Main SAMPLE [--dark] [--tab N]}, SAMPLE a
 * bundled sample path ({@code perf/go1.24-gmp2-timehist.txt.gz}); {@code --select FROM:TO} selects that
 * time range (seconds) on the timehist view's over-time chart.
 */
public final class SchedViewsPreview extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        var args = getParameters().getRaw();
        String path = args.get(0);
        boolean dark = args.contains("--dark");
        int tab = args.contains("--tab") ? Integer.parseInt(args.get(args.indexOf("--tab") + 1)) : 0;
        ParseResult r = TraceLoader.standard().load(TraceSource.of(path, SampleTraces.get(path).bytes()), null, ParseListener.NONE);
        TabPane tabs = new TabPane();
        for (TraceView v : SchedViews.create(r, new SynchronousRunner())) {
            if (v instanceof TimehistDelayView t && args.contains("--select")) {
                String[] range = args.get(args.indexOf("--select") + 1).split(":");
                t.overTime().selectionProperty().set(new dev.gcscope.render.plot.TimeRange(Double.parseDouble(range[0]), Double.parseDouble(range[1])));
            }
            Tab t = new Tab(v.title(), v.root());
            t.setClosable(false);
            tabs.getTabs().add(t);
        }
        tabs.getSelectionModel().select(Math.min(tab, tabs.getTabs().size() - 1));
        Theme.apply(tabs, dark);
        String[] size = (args.contains("--size") ? args.get(args.indexOf("--size") + 1) : "1280x800").split("x");
        stage.setScene(new Scene(tabs, Integer.parseInt(size[0]), Integer.parseInt(size[1])));
        stage.setTitle(path);
        stage.show();
        if (args.contains("--png")) {
            String out = args.get(args.indexOf("--png") + 1);
            PauseTransition wait = new PauseTransition(Duration.seconds(2));
            wait.setOnFinished(e -> {
                try {
                    writePng(stage.getScene().snapshot(null), java.nio.file.Path.of(out));
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
                Platform.exit();
            });
            wait.play();
        }
    }

    /** PNG through java.desktop's ImageIO (javafx-swing is not a dependency). */
    static void writePng(WritableImage image, java.nio.file.Path out) throws java.io.IOException {
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        java.awt.image.BufferedImage b = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) b.setRGB(x, y, r.getArgb(x, y));
        javax.imageio.ImageIO.write(b, "png", out.toFile());
    }

    /** Entry point outside the Application subclass, so JavaFX starts from the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(SchedViewsPreview.class, args);
        }
    }
}
