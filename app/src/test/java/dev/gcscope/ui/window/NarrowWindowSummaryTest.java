package dev.gcscope.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.LayoutPass;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.summary.SummaryView;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.workspace.DocumentView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The gctrace Summary at 1024×700, the smallest window the project supports, below three error
 * messages (a PNG, an empty file and a missing file opened with a trace): the pause overview was
 * squeezed to ~20 px there. It keeps a readable height and the summary scrolls instead.
 */
@ExtendWith(ApplicationExtension.class)
class NarrowWindowSummaryTest {
    @TempDir
    Path tmp;

    private MainWindowView view;

    @Start
    void start(Stage stage) {
        SynchronousRunner runner = new SynchronousRunner();
        MainWindowViewModel vm = new MainWindowViewModel(runner, TraceLoader.standard(), new MemorySettingsStore());
        view = new MainWindowView(vm, runner);
        stage.setScene(view.createScene(1024, 700));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void thePauseOverviewKeepsItsMinimumHeightBelowThreeErrorMessages(FxRobot robot) throws Exception {
        Path trace = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(tmp);
        Path png = Files.write(tmp.resolve("chart.png"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0});
        Path empty = Files.createFile(tmp.resolve("empty.log"));
        robot.interact(() -> view.dropFiles(List.of(trace.toFile(), png.toFile(), empty.toFile(), tmp.resolve("missing.log").toFile())));
        DocumentView doc = view.selectedDocumentView().orElseThrow();
        robot.interact(() -> assertTrue(doc.selectView(SummaryView.ID)));
        Node banner = robot.lookup("#error-banner").query();
        Node chart = robot.from(doc.root()).lookup("#stw-chart").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            LayoutPass.run(robot, view.root());
            return banner.isVisible() && banner.lookupAll(".error-message").size() == 3 && chart.getLayoutBounds().getHeight() > 0;
        });

        double height = chart.getLayoutBounds().getHeight();
        assertTrue(height >= SummaryView.MIN_CHART_HEIGHT, "pause overview " + height + " px high below three error messages");
        ScrollPane scroll = (ScrollPane) robot.from(doc.root()).lookup(".summary-scroll").query();
        assertTrue(scroll.getContent().getLayoutBounds().getHeight() > scroll.getViewportBounds().getHeight(),
                "at 1024x700 under three messages the summary does not fit, so it scrolls");
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        LayoutPass.run(robot, view.root());
        double chartBottom = chart.localToScene(chart.getLayoutBounds()).getMaxY();
        double viewportBottom = scroll.localToScene(scroll.getLayoutBounds()).getMaxY();
        assertTrue(chartBottom <= viewportBottom + 1, "scrolled down, the whole chart is in view: " + chartBottom + " > " + viewportBottom);
        assertEquals(3, banner.lookupAll(".error-message").size());
    }
}
