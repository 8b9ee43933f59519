package dev.gcscope.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.task.SynchronousRunner;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A followed log that grows fast replaces its view twice before a layout pulse: the scrolling of
 * the first view must reach the third, though the second was never laid out (so never scrolled).
 */
@ExtendWith(ApplicationExtension.class)
class CarryOverTest {
    private final StackPane host = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(host, 800, 320));
        stage.show();
    }

    private static DocumentView view(DocumentViewModel doc) {
        return new DocumentView(doc, new SynchronousRunner(), () -> {}, "summary");
    }

    private static DocumentViewModel open() throws Exception {
        SampleTraces.Sample s = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE);
        TraceDocument doc = new DocumentLoader(TraceLoader.standard()).load(TraceSource.of(s.fileName(), s.bytes()),
                s.fileName(), "test", null, ParseListener.NONE, () -> false);
        return new DocumentViewModel(doc, new SynchronousRunner());
    }

    @Test
    void twoUpdatesWithinOnePulseKeepTheFirstViewsScrolling(FxRobot robot) throws Exception {
        DocumentViewModel doc = open();
        DocumentView first = on(() -> view(doc));
        robot.interact(() -> host.getChildren().setAll(first.root()));
        waitFor(() -> pane(first) != null && pane(first).getContent().getBoundsInLocal().getHeight() > pane(first).getViewportBounds().getHeight(),
                "the summary is laid out, taller than its viewport");
        robot.interact(() -> pane(first).setVvalue(pane(first).getVmax()));

        DocumentView[] last = new DocumentView[1];
        robot.interact(() -> {
            // as MainWindowView's update does, twice in one go: no pulse between
            DocumentView second = view(doc);
            second.carryOverFrom(first);
            host.getChildren().setAll(second.root());
            last[0] = view(doc);
            last[0].carryOverFrom(second);
            host.getChildren().setAll(last[0].root());
        });
        // the same document: once the third view's figures are in, its summary is as tall as the first's
        double filled = on(() -> pane(first).getContent().getBoundsInLocal().getHeight());
        waitFor(() -> pane(last[0]) != null && pane(last[0]).getContent().getBoundsInLocal().getHeight() == filled
                && pane(last[0]).getVvalue() == pane(last[0]).getVmax(), "the third view, filled, scrolled down as the first was");
    }

    private static ScrollPane pane(DocumentView v) {
        return v.root().lookup(".scroll-pane") instanceof ScrollPane p ? p : null;
    }

    private static <T> T on(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> c, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> on(c));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }
}
