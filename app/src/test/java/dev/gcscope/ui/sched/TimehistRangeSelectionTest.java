package dev.gcscope.ui.sched;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.sched.SchedSamples;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.ui.LayoutPass;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.chart.PercentileLinesChart;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.BackgroundTask;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.task.TaskContext;
import dev.gcscope.ui.task.TaskHandle;
import dev.gcscope.ui.task.TaskListener;
import dev.gcscope.ui.view.TraceView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Selecting a time range on the timehist view's over-time chart recomputes the table and the
 * histogram over the switches inside it; expectations come from the parsed events table directly
 * (commons-math R-7), not from the view's analysis.
 */
@ExtendWith(ApplicationExtension.class)
class TimehistRangeSelectionTest {
    private final StackPane host = new StackPane();
    private final ParseResult parsed = SchedSamples.parse(SchedSamples.TIMEHIST);
    private final TimehistOracle oracle = new TimehistOracle(parsed);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(host, 1280, 800));
        // the test stage is shared: a test before this one may have given it a size of its own
        stage.sizeToScene();
        Theme.apply(host, false);
        stage.show();
    }

    private TimehistDelayView open(FxRobot robot, BackgroundRunner runner) {
        List<TraceView> views = new ArrayList<>();
        robot.interact(() -> {
            views.addAll(SchedViews.create(parsed, runner));
            host.getChildren().setAll(views.get(0).root());
        });
        LayoutPass.run(robot, host);
        return (TimehistDelayView) views.get(0);
    }

    private TimehistOracle.Expected expected(int pid, TimeRange range) {
        return oracle.expected(pid, range);
    }

    private static void assertShows(TimehistDelayView v, TimehistOracle.Expected e) {
        TaskDelays.Task t = v.tasks().getSelectionModel().getSelectedItem();
        assertNotNull(t, "the chosen task stays chosen");
        assertTrue(v.tasks().getItems().contains(t));
        assertEquals(e.count(), t.switches());
        assertEquals(e.p50(), t.p50Ms(), 1e-12);
        assertEquals(e.p99(), t.p99Ms(), 1e-12);
        assertEquals(e.count(), v.histogram().barsProperty().get().total(), 0, "the histogram holds the range's switches");
        assertEquals(t.p99Ms() / 1000, v.histogram().barsProperty().get().markers()[2], 1e-15);
    }

    private int totalSwitches() {
        return oracle.totalSwitches();
    }

    @Test
    void aDraggedRangeRecomputesTheChosenTaskAndClearingRestoresTheWholeRecording(FxRobot robot) {
        TimehistDelayView v = open(robot, new SynchronousRunner());
        TaskDelays.Task whole = v.tasks().getSelectionModel().getSelectedItem();
        TimehistOracle.Expected all = expected(whole.pid(), null);
        assertShows(v, all);
        int total = totalSwitches();
        assertEquals(String.format(Locale.ROOT, "Whole recording · %,d switches", total), v.rangeLabel().getText());
        assertTrue(v.wholeRecording().isDisabled());
        int rawBefore = v.overTime().dataProperty().get().rawY().length;

        // a robot drag over the middle half of the plot
        PercentileLinesChart chart = v.overTime();
        PlotArea area = chart.plotArea().orElseThrow();
        Point2D a = chart.localToScreen(area.x() + area.width() * 0.3, area.y() + area.height() / 2);
        Point2D b = chart.localToScreen(area.x() + area.width() * 0.55, area.y() + area.height() / 2);
        robot.moveTo(a).press(MouseButton.PRIMARY).moveTo(b).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange dragged = chart.selectionProperty().get();
        assertNotNull(dragged, "the drag selected a range");
        assertEquals(area.xScale().toValue(area.x() + area.width() * 0.3), dragged.from(), 1e-6 * area.xScale().toValue(area.right()) + 0.02);
        TimehistOracle.Expected inDrag = expected(whole.pid(), dragged);
        assertTrue(inDrag.count() > 0 && inDrag.count() < all.count(), "the range holds some switches, not all: " + inDrag.count());
        assertShows(v, inDrag);
        assertFalse(v.wholeRecording().isDisabled());
        int in = v.tasks().getItems().stream().mapToInt(TaskDelays.Task::switches).sum();
        assertEquals(String.format(Locale.ROOT, "%.2f s – %.2f s · %,d of %,d switches", dragged.from(), dragged.to(), in, total),
                v.rangeLabel().getText());
        assertEquals(rawBefore, chart.dataProperty().get().rawY().length, "the over-time chart keeps the whole recording");

        // Escape clears
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(chart.selectionProperty().get());
        assertShows(v, all);
        assertEquals(whole, v.tasks().getSelectionModel().getSelectedItem());
        assertEquals(String.format(Locale.ROOT, "Whole recording · %,d switches", total), v.rangeLabel().getText());
    }

    @Test
    void aProgrammaticRangeRecomputesEveryTaskAndTheButtonClearsIt(FxRobot robot) {
        TimehistDelayView v = open(robot, new SynchronousRunner());
        TaskDelays.Task whole = v.tasks().getSelectionModel().getSelectedItem();
        double end = v.overTime().dataProperty().get().x()[v.overTime().dataProperty().get().x().length - 1];
        TimeRange range = new TimeRange(end * 0.6, end * 0.8);
        robot.interact(() -> v.overTime().selectionProperty().set(range));
        assertShows(v, expected(whole.pid(), range));
        // every other task too, in the table
        for (TaskDelays.Task t : v.tasks().getItems()) {
            if (t.pid() < 0) continue;
            TimehistOracle.Expected e = expected(t.pid(), range);
            assertEquals(e.count(), t.switches(), t.label());
            assertEquals(e.p99(), t.p99Ms(), 1e-12, t.label());
        }
        // another task chosen inside the range gets its range histogram
        TaskDelays.Task other = v.tasks().getItems().stream().filter(t -> t.pid() != whole.pid() && t.switches() > 5).findFirst().orElseThrow();
        robot.interact(() -> v.tasks().getSelectionModel().select(other));
        assertShows(v, expected(other.pid(), range));

        robot.clickOn(v.wholeRecording());
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(v.overTime().selectionProperty().get());
        assertShows(v, expected(other.pid(), null));
    }

    /** Holds submitted range computations until the test releases them, in any order. */
    private static final class HeldRunner implements BackgroundRunner {
        record Held(Runnable deliver, boolean[] cancelled) {}
        final List<Held> held = new ArrayList<>();
        boolean hold;

        @Override
        public <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskListener<T> listener) {
            if (!hold) return new SynchronousRunner().submit(name, task, listener);
            boolean[] cancelled = {false};
            TaskContext ctx = new TaskContext() {
                @Override public boolean isCancelled() { return false; }
                @Override public void progress(long done, long total) {}
            };
            // delivers even when cancelled: a result already on its way when the cancel came
            held.add(new Held(() -> {
                try {
                    listener.succeeded(task.run(ctx));
                } catch (Exception e) {
                    listener.failed(e);
                }
            }, cancelled));
            return new TaskHandle() {
                @Override public void cancel() { cancelled[0] = true; }
                @Override public boolean isCancelled() { return cancelled[0]; }
            };
        }
    }

    @Test
    void aLateResultOfAnEarlierRangeIsDropped(FxRobot robot) {
        HeldRunner runner = new HeldRunner();
        TimehistDelayView v = open(robot, runner);
        TaskDelays.Task whole = v.tasks().getSelectionModel().getSelectedItem();
        double end = v.overTime().dataProperty().get().x()[v.overTime().dataProperty().get().x().length - 1];
        TimeRange first = new TimeRange(0, end * 0.2), second = new TimeRange(end * 0.5, end * 0.9);
        runner.hold = true;
        robot.interact(() -> v.overTime().selectionProperty().set(first));
        robot.interact(() -> v.overTime().selectionProperty().set(second));
        assertEquals(2, runner.held.size());
        assertTrue(runner.held.get(0).cancelled()[0], "choosing another range cancels the first computation");
        assertTrue(v.rangeLabel().getText().contains("computing"), v.rangeLabel().getText());
        robot.interact(() -> runner.held.get(1).deliver().run());
        assertShows(v, expected(whole.pid(), second));
        robot.interact(() -> runner.held.get(0).deliver().run());
        assertShows(v, expected(whole.pid(), second));
        assertTrue(v.rangeLabel().getText().startsWith(String.format(Locale.ROOT, "%.2f s", second.from())), v.rangeLabel().getText());
    }
}
