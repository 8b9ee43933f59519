package dev.gcscope.ui.window;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.Fifos;
import dev.gcscope.analysis.GcSummary;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.task.ExecutorBackgroundRunner;
import dev.gcscope.ui.workspace.DocumentViewModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.control.Label;
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
 * File ▸ Follow… on a log a program is still writing: one tab, updated in place as lines arrive
 * (through a rename rotation), whose figures end equal to a one-shot read of everything written; a
 * zoomed timeline follows the end or keeps its range as the toggle says; Stop ends the reading; a
 * FIFO with no writer says so while it waits.
 */
@ExtendWith(ApplicationExtension.class)
class FollowWindowTest {
    @TempDir
    Path tmp;

    private MainWindowViewModel vm;
    private MainWindowView view;
    private final MemorySettingsStore settings = new MemorySettingsStore();

    @Start
    void start(Stage stage) {
        ExecutorBackgroundRunner runner = new ExecutorBackgroundRunner(Platform::runLater);
        vm = new MainWindowViewModel(runner, TraceLoader.standard(), settings);
        view = new MainWindowView(vm, runner);
        stage.setScene(view.createScene(1024, 700));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void aFollowedLogIsOneTabUpdatedInPlaceUntilStoppedWithTheFiguresOfAllItWasWritten(FxRobot robot) throws Exception {
        byte[] all = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).bytes();
        List<String> lines = lines(all);
        Path log = tmp.resolve("gc.log");
        Files.writeString(log, String.join("", lines.subList(0, 200)), StandardCharsets.UTF_8);
        robot.interact(() -> vm.followFile(log));
        waitFor(() -> cycles() > 0, "the first update opens a tab");
        DocumentViewModel first = on(() -> vm.documents().get(0));
        assertNotNull(first.live());

        // Zoom on the last 10 s: with "Follow end" on, the zoom slides as cycles arrive.
        robot.interact(() -> {
            GcTraceModel m = vm.documents().get(0).gcTraceModel();
            TimeRange extent = m.data().extent();
            m.viewportProperty().set(new TimeRange(extent.to() - 10, extent.to()));
        });
        append(log, lines.subList(200, 400));
        waitFor(() -> cycles() >= cycles(lines.subList(0, 400)), "an update with the appended cycles");
        TimeRange followed = on(() -> vm.documents().get(0).gcTraceModel().viewportProperty().get());
        TimeRange extent = on(() -> vm.documents().get(0).gcTraceModel().data().extent());
        assertEquals(extent.to(), followed.to(), 1e-9, "the zoom follows the end");
        assertEquals(10, followed.to() - followed.from(), 1e-9, "at the same width");

        // "Follow end" off: the zoom stays where it is while the log grows, through a rename rotation.
        robot.interact(() -> vm.documents().get(0).live().followEndProperty().set(false));
        Files.move(log, tmp.resolve("gc.log.1"));
        append(log, lines.subList(400, lines.size()));
        waitFor(() -> cycles() == cycles(lines), "an update with every cycle");
        assertEquals(followed, on(() -> vm.documents().get(0).gcTraceModel().viewportProperty().get()), "the zoom kept its range");
        assertEquals(1, on(() -> view.documentTabs().getTabs().size()), "updates replace the document in its tab");
        assertEquals(1, on(() -> vm.documents().size()));
        String status = on(() -> robot.lookup("#follow-status").queryAs(Label.class).getText());
        assertTrue(status.startsWith("Following · "), status);

        robot.clickOn("#follow-stop");
        waitFor(() -> !vm.documents().get(0).live().runningProperty().get(), "the follow stops");
        // What the window shows equals a one-shot read of the whole content.
        ParseResult oneShot = new GcTraceParser().parse(TraceSource.of("all", all));
        GcSummary expected = GcSummary.of(oneShot.table(GcColumns.CYCLES_TABLE));
        DocumentViewModel last = on(() -> vm.documents().get(0));
        GcSummary shown = GcSummary.of(last.document().result().table(GcColumns.CYCLES_TABLE));
        assertEquals(expected.cycles(), shown.cycles());
        assertEquals(expected, shown, "every summary figure");
        assertEquals(oneShot.report().linesRead(), last.document().result().report().linesRead());
        assertTrue(on(() -> robot.lookup("#follow-stop").query().isDisabled()));
        // Nothing more is read once stopped.
        append(log, lines.subList(0, 50));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(cycles(lines), cycles());
    }

    /**
     * An update builds the view shown again over the new cycles: the pointer resting on the pause
     * timeline still shows its readout afterwards (without moving), and the statistics the update
     * brings are the log's so far, made for the SLO the user set. "Follow end" turned off holds for
     * the next follow.
     */
    @Test
    void anUpdateKeepsTheHoverAndFollowEndIsRemembered(FxRobot robot) throws Exception {
        List<String> lines = lines(SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).bytes());
        Path log = tmp.resolve("gc.log");
        Files.writeString(log, String.join("", lines.subList(0, 300)), StandardCharsets.UTF_8);
        robot.interact(() -> vm.followFile(log));
        waitFor(() -> cycles() > 0, "the first update opens a tab");
        robot.interact(() -> view.selectedDocumentView().orElseThrow().selectView("pause-timeline"));
        waitFor(() -> readout(robot) != null, "the pause timeline is shown");
        robot.moveTo((javafx.scene.Node) robot.lookup(".pause-timeline").query());
        waitFor(() -> readout(robot) != null && readout(robot).isVisible(), "the readout of the hovered cycle");
        DocumentViewModel before = on(() -> vm.documents().get(0));
        Label shownBefore = on(() -> readout(robot));
        robot.interact(() -> before.gcTraceModel().sloMsProperty().set(1.0));

        append(log, lines.subList(300, 600));
        waitFor(() -> vm.documents().get(0) != before && cycles() >= cycles(lines.subList(0, 600)), "an update");
        // while the view is rebuilt there is a moment with no timeline at all
        waitFor(() -> {
            Label now = readout(robot);
            return now != null && now != shownBefore && now.isVisible();
        }, "the new timeline's readout, the pointer not moved");
        var stats = on(() -> vm.documents().get(0).gcTraceModel().statisticsProperty().get());
        assertEquals(cycles(), stats.cycles(), "the statistics cover every cycle so far");
        // the update's statistics were made for the SLO set, so the views show them without computing them again
        assertEquals(1.0, stats.slo().thresholdMs());
        assertSame(on(() -> vm.documents().get(0).document().wholeTrace()), stats);

        robot.interact(() -> vm.documents().get(0).live().followEndProperty().set(false));
        assertEquals("false", settings.get("chart.followEnd", "unset"));
        robot.clickOn("#follow-stop");
        Path other = tmp.resolve("other.log");
        Files.writeString(other, String.join("", lines.subList(0, 100)), StandardCharsets.UTF_8);
        robot.interact(() -> vm.followFile(other));
        waitFor(() -> vm.documents().size() == 2, "the second follow's tab");
        assertFalse(on(() -> vm.documents().get(1).live().followEndProperty().get()), "the last choice holds");
        robot.interact(() -> vm.documents().get(1).live().stop());
    }

    /** The Summary view scrolled down stays scrolled down through an update (its content taller than a 700-pixel window). */
    @Test
    void anUpdateKeepsTheViewScrolled(FxRobot robot) throws Exception {
        List<String> lines = lines(SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).bytes());
        Path log = tmp.resolve("gc.log");
        Files.writeString(log, String.join("", lines.subList(0, 300)), StandardCharsets.UTF_8);
        robot.interact(() -> vm.followFile(log));
        waitFor(() -> cycles() > 0, "the first update opens a tab");
        waitFor(() -> summaryPane(robot) != null, "the summary is shown");
        ScrollPane before = on(() -> summaryPane(robot));
        assertTrue(on(() -> before.getContent().getBoundsInLocal().getHeight() > before.getViewportBounds().getHeight()),
                "the summary is taller than its viewport");
        robot.interact(() -> before.setVvalue(before.getVmax()));

        append(log, lines.subList(300, 600));
        waitFor(() -> summaryPane(robot) != null && summaryPane(robot) != before && cycles() >= cycles(lines.subList(0, 600)), "an update");
        // while the view is rebuilt there is a moment with no summary at all
        waitFor(() -> {
            ScrollPane now = summaryPane(robot);
            return now != null && now.getVvalue() == now.getVmax();
        }, "the new summary scrolled down as the old one was");
        robot.interact(() -> vm.documents().get(0).live().stop());
    }

    private static ScrollPane summaryPane(FxRobot robot) {
        return robot.lookup(".document .scroll-pane").tryQuery().map(n -> (ScrollPane) n).orElse(null);
    }

    /** The readout label of the pause timeline shown, or null. */
    private static Label readout(FxRobot robot) {
        var chart = robot.lookup(".pause-timeline").tryQuery();
        return chart.map(c -> (Label) c.lookup(".chart-readout")).orElse(null);
    }

    @Test
    void aFollowedFifoWithNoWriterSaysItWaitsForOne(FxRobot robot) throws Exception {
        Path fifo = Fifos.make(tmp.resolve("gc.fifo"));
        robot.interact(() -> vm.followFile(fifo));
        waitFor(() -> !vm.loads().isEmpty() && vm.loads().get(0).detailProperty().get().contains("waiting for a writer"),
                "the load says it waits for a writer");
        byte[] all = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).bytes();
        try (OutputStream out = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
            out.write(all);
        }
        // The writer closed the pipe: the follow ends with everything it wrote.
        waitFor(() -> !vm.documents().isEmpty() && !vm.documents().get(0).live().runningProperty().get()
                && cycles() == cycles(lines(all)), "the document of everything written");
        assertTrue(on(() -> vm.loads().isEmpty()));
    }

    @Test
    void aWindowOpenOfAFifoWithNoWriterSaysItWaitsForOne(FxRobot robot) throws Exception {
        Path fifo = Fifos.make(tmp.resolve("open.fifo"));
        robot.interact(() -> vm.openFile(fifo));
        waitFor(() -> !vm.loads().isEmpty() && vm.loads().get(0).detailProperty().get().contains("waiting for a writer"),
                "the load says it waits for a writer");
        robot.interact(vm::cancelLoading);
        waitFor(() -> vm.loads().isEmpty(), "the wait is cancelled");
    }

    private int cycles() throws Exception {
        return on(() -> vm.documents().isEmpty() ? 0 : vm.documents().get(0).document().gcTrace().size());
    }

    private static int cycles(List<String> lines) throws IOException {
        return new GcTraceParser().parse(TraceSource.of("part", String.join("", lines).getBytes(StandardCharsets.UTF_8)))
                .table(GcColumns.CYCLES_TABLE).rowCount();
    }

    private static <T> T on(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition, String what) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new TimeoutException("waiting until " + what);
        }
    }

    private static void append(Path file, List<String> lines) throws IOException {
        // In pieces, as a program writes: a line at a time for the first few, then in blocks.
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (int i = 0; i < lines.size(); i++) {
                out.write(lines.get(i).getBytes(StandardCharsets.UTF_8));
                if (i < 20) out.flush();
            }
        }
    }

    private static List<String> lines(byte[] all) {
        List<String> out = new ArrayList<>();
        for (String l : new String(all, StandardCharsets.UTF_8).split("(?<=\n)")) out.add(l);
        return out;
    }
}
