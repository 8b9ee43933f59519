package dev.gcscope.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.render.timeline.TimelineCycles;
import dev.gcscope.render.timeline.TimelineClock;
import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.Theme;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.view.TraceView;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import tech.tablesaw.api.Table;

/**
 * The timelines on a real recording, driven by the robot as a user would: drag, wheel, keys, hover.
 * Expectations come from the recording's own lines or from the chart's scale, never from the code
 * under test.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineInteractionTest {
    private static final String SAMPLE = "gctrace/go1.24-phases.log";
    private static final Pattern GC_LINE = Pattern.compile(
            "^gc (\\d+) @([0-9.]+)s \\d+%: ([0-9.]+)\\+([0-9.]+)\\+([0-9.]+) ms clock", Pattern.MULTILINE);

    private final VBox root = new VBox();

    @Start
    void start(Stage stage) {
        Theme.apply(root, false);
        stage.setScene(new Scene(root, 1180, 760));
        // the test stage is shared: a test before this one may have given it a size of its own
        stage.sizeToScene();
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    static GcTraceData load(String sample) throws Exception {
        SampleTraces.Sample s = SampleTraces.get(sample);
        return fromBytes(s.fileName(), s.bytes());
    }

    static GcTraceData fromBytes(String name, byte[] bytes) throws Exception {
        Table cycles = DerivedColumns.addTo(new GcTraceParser().parse(TraceSource.of(name, bytes))).table(GcColumns.CYCLES_TABLE);
        return GcTraceData.of(cycles);
    }

    /** Shows the given views one above the other and returns them. */
    private List<TraceView> show(FxRobot robot, GcTraceModel model) {
        List<TraceView> views = TimelineViews.create(model);
        robot.interact(() -> {
            root.getChildren().clear();
            for (TraceView v : views.subList(0, 2)) {
                VBox.setVgrow(v.root(), Priority.ALWAYS);
                root.getChildren().add(v.root());
            }
        });
        laidOut(views.subList(0, 2));
        return views;
    }

    /** Waits for the layout pass, and so the redraw, of every chart of {@code views}. */
    private static void laidOut(List<TraceView> views) {
        LayoutWait.laidOut(views.stream().flatMap(v -> ((TimelineView) v).charts().stream()).toArray(TimelineChart[]::new));
    }

    private static TimelineChart chart(TraceView view) {
        return ((TimelineView) view).charts().get(0);
    }

    private static Point2D screen(Node node, double x, double y) {
        return node.localToScreen(x, y);
    }

    @Test
    void draggingSelectsTheCyclesUnderTheDragOnEveryTimeline(FxRobot robot) throws Exception {
        GcTraceData data = load(SAMPLE);
        GcTraceModel model = new GcTraceModel(data, null, new SynchronousRunner());
        List<TraceView> views = show(robot, model);
        TimelineChart pause = chart(views.get(0));
        PlotArea area = pause.plotArea().orElseThrow();
        // Whole pixels, so the robot's pointer lands exactly where the expectation is computed.
        double a = Math.floor(area.x() + area.width() * 0.30);
        double b = Math.floor(area.x() + area.width() * 0.55);
        double y = Math.floor(area.y() + area.height() / 2);

        robot.moveTo(screen(pause, a, y)).press(MouseButton.PRIMARY).moveTo(screen(pause, (a + b) / 2, y))
                .moveTo(screen(pause, b, y)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        TimeRange sel = model.selectionProperty().get();
        assertNotNull(sel, "the drag set the document's selection");
        double from = area.xScale().toValue(a);
        double to = area.xScale().toValue(b);
        double pixel = 1 / area.xScale().pixelsPerUnit();
        assertEquals(from, sel.from(), pixel * 1e-6);
        assertEquals(to, sel.to(), pixel * 1e-6);
        // The rows: every cycle whose start lies between the two pointer positions.
        double[] x = data.layout().x();
        int first = -1;
        int last = -1;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= from && x[i] <= to) {
                if (first < 0) first = i;
                last = i;
            }
        }
        assertTrue(first >= 0 && last > first, "the drag covers cycles");
        assertEquals(List.of(first, last + 1), List.of(data.rowsIn(sel)[0], data.rowsIn(sel)[1]));
        assertEquals(last + 1 - first, model.statisticsProperty().get().cycles(), "statistics recomputed for the selection");
        assertEquals(sel, chart(views.get(1)).selectionProperty().get(), "the heap timeline shades the same range");
        assertNull(model.viewportProperty().get(), "selecting does not zoom");

        // Escape (the chart has focus since the press) clears it again.
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(model.selectionProperty().get());
    }

    @Test
    void theWheelZoomsAroundThePointerAndTheOtherTimelineFollows(FxRobot robot) throws Exception {
        GcTraceData data = load(SAMPLE);
        GcTraceModel model = new GcTraceModel(data, null, new SynchronousRunner());
        List<TraceView> views = show(robot, model);
        TimelineChart pause = chart(views.get(0));
        TimelineChart heap = chart(views.get(1));
        PlotArea before = pause.plotArea().orElseThrow();
        double px = Math.floor(before.x() + before.width() * 0.7);
        double py = Math.floor(before.y() + before.height() / 2);
        double valueUnderPointer = before.xScale().toValue(px);
        double fullWidth = before.xScale().dataMax() - before.xScale().dataMin();

        // Monocle's robot turns the wheel the other way round from desktop platforms: its DOWN
        // arrives with deltaY > 0, which is a wheel turned away from the user elsewhere (zoom in).
        robot.moveTo(screen(pause, px, py)).scroll(1, VerticalDirection.DOWN);
        laidOut(views.subList(0, 2));

        TimeRange v = model.viewportProperty().get();
        assertNotNull(v, "the wheel zoomed in");
        assertTrue(v.length() < fullWidth * 0.9, "narrower: " + v.length() + " of " + fullWidth);
        PlotArea after = pause.plotArea().orElseThrow();
        assertEquals(v.from(), after.xScale().dataMin(), 1e-9);
        assertEquals(v.to(), after.xScale().dataMax(), 1e-9);
        // The time under the pointer stays at the same place across the plot (the plot's left edge may
        // move a little when the zoomed y axis has narrower labels).
        assertEquals((px - before.x()) / before.width(), (after.xScale().toPixel(valueUnderPointer) - after.x()) / after.width(),
                1 / before.width(), "the time under the pointer stays under it (within the pixel the robot rounds to)");
        PlotArea heapArea = heap.plotArea().orElseThrow();
        assertEquals(v.from(), heapArea.xScale().dataMin(), 1e-9, "the heap timeline shows the same range");
        assertEquals(v.to(), heapArea.xScale().dataMax(), 1e-9);

        // Zooming out past everything shows everything again (no viewport).
        robot.scroll(40, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(model.viewportProperty().get());
    }

    @Test
    void keysPanAndZoomAndHomeShowsAll(FxRobot robot) throws Exception {
        GcTraceData data = load(SAMPLE);
        GcTraceModel model = new GcTraceModel(data, null, new SynchronousRunner());
        List<TraceView> views = show(robot, model);
        TimelineChart heap = chart(views.get(1));
        PlotArea area = heap.plotArea().orElseThrow();
        TimeRange full = new TimeRange(area.xScale().dataMin(), area.xScale().dataMax());
        robot.clickOn(screen(heap, area.x() + 40, area.y() + 40), MouseButton.PRIMARY);
        assertTrue(heap.isFocused());
        assertNull(model.selectionProperty().get(), "a click is not a selection");

        robot.type(KeyCode.ADD);
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange zoomed = model.viewportProperty().get();
        assertNotNull(zoomed);
        assertEquals(full.length() * TimelineKeys.KEY_ZOOM, zoomed.length(), full.length() * 1e-9);
        assertEquals((full.from() + full.to()) / 2, (zoomed.from() + zoomed.to()) / 2, full.length() * 1e-9, "zoomed about the centre");

        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange panned = model.viewportProperty().get();
        assertEquals(zoomed.from() + zoomed.length() * TimelineKeys.KEY_PAN, panned.from(), full.length() * 1e-9);
        assertEquals(zoomed.length(), panned.length(), full.length() * 1e-9);
        robot.type(KeyCode.LEFT, 20);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(full.from(), model.viewportProperty().get().from(), full.length() * 1e-9, "panning stops at the start");

        robot.type(KeyCode.SUBTRACT);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(model.viewportProperty().get(), "zooming back out to everything clears the viewport");
        robot.type(KeyCode.ADD, 3);
        robot.type(KeyCode.HOME);
        laidOut(views.subList(0, 2));
        assertNull(model.viewportProperty().get());
        assertEquals(full.from(), chart(views.get(0)).plotArea().orElseThrow().xScale().dataMin(), 1e-9);
    }

    @Test
    void theReadoutShowsTheHoveredCyclesFiguresAsTheLogPrintedThem(FxRobot robot) throws Exception {
        SampleTraces.Sample sample = SampleTraces.get(SAMPLE);
        String text = new String(sample.bytes(), StandardCharsets.UTF_8);
        GcTraceData data = load(SAMPLE);
        GcTraceModel model = new GcTraceModel(data, null, new SynchronousRunner());
        List<TraceView> views = show(robot, model);
        StackedTimelineChart pause = (StackedTimelineChart) chart(views.get(0));
        // The longest pause: alone at the top of its column, so the pointer at its top finds it.
        double[] total = pause.total();
        int longest = 0;
        for (int i = 1; i < total.length; i++) if (total[i] > total[longest]) longest = i;
        int row = longest;
        PlotArea area = pause.plotArea().orElseThrow();
        double px = area.xScale().toPixel(data.layout().x()[row]);
        double py = area.yScale().toPixel(total[row]);
        robot.moveTo(screen(pause, px, py + 1));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(pause.readout().isVisible());
        String readout = pause.readout().getText();
        int gc = data.layout().gc(row);
        Matcher line = GC_LINE.matcher(text);
        boolean found = false;
        while (line.find()) {
            if (Integer.parseInt(line.group(1)) != gc) continue;
            found = true;
            assertTrue(readout.startsWith("gc " + gc + "\n") || readout.startsWith("gc " + gc + " "), readout);
            assertEquals(Double.parseDouble(line.group(2)), number(readout, "start"), 0, readout);
            assertEquals(Double.parseDouble(line.group(3)), number(readout, "sweep term"), 0, readout);
            assertEquals(Double.parseDouble(line.group(5)), number(readout, "mark term"), 0, readout);
            assertEquals(Double.parseDouble(line.group(3)) + Double.parseDouble(line.group(5)), number(readout, "STW total"), 1e-9);
            assertTrue(readout.contains("regime      " + data.regimeOfRow()[row]) || data.regimeOfRow()[row] < 0, readout);
        }
        assertTrue(found, "gc " + gc + " is in the log");

        // counted from the first cycle, the axis reads another number: the readout gives it too
        Matcher first = GC_LINE.matcher(text);
        assertTrue(first.find());
        double firstStart = Double.parseDouble(first.group(2));
        double start = number(readout, "start");
        assertFalse(readout.contains("on axis"), "since process start, the start is what the axis reads: " + readout);
        robot.interact(() -> model.chartPreferences().timeAxisProperty().set(dev.gcscope.render.timeline.TimeAxis.SINCE_FIRST_CYCLE));
        WaitForAsyncUtils.waitForFxEvents();
        PlotArea moved = pause.plotArea().orElseThrow();
        robot.interact(() -> pause.hover(moved.xScale().toPixel(data.layout().x()[row]), moved.yScale().toPixel(total[row])));
        String sinceFirst = pause.readout().getText();
        assertEquals(start, number(sinceFirst, "start"), 0, sinceFirst);
        assertEquals(start - firstStart, number(sinceFirst, "on axis"), 0.0015, sinceFirst);

        // The heap timeline's readout for the same cycle has its heap sizes in MB.
        TimelineChart heap = chart(views.get(1));
        PlotArea ha = heap.plotArea().orElseThrow();
        double top = 0;
        for (String column : List.of(GcColumns.HEAP_START_MB, GcColumns.HEAP_END_MB, GcColumns.HEAP_LIVE_MB,
                GcColumns.HEAP_GOAL_MB, GcColumns.STACKS_MB, GcColumns.GLOBALS_MB)) {
            top = Math.max(top, data.cycles().intColumn(column).getInt(row));
        }
        double heapTop = top;
        robot.interact(() -> heap.hover(ha.xScale().toPixel(data.layout().x()[row]), ha.yScale().toPixel(heapTop)));
        String h = heap.readout().getText();
        assertTrue(h.startsWith("gc " + gc), h);
        assertEquals(data.cycles().intColumn(GcColumns.HEAP_GOAL_MB).getInt(row), number(h, "heap goal"), 0, h);
        assertEquals(data.cycles().intColumn(GcColumns.HEAP_LIVE_MB).getInt(row), number(h, "live heap"), 0, h);
    }

    /** The number after {@code label} on its readout line. */
    private static double number(String readout, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + " +([0-9.]+)").matcher(readout);
        assertTrue(m.find(), label + " in " + readout);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aLoggedWallClockLabelsTheAxisInClockTime(FxRobot robot) throws Exception {
        GcTraceData data = load("gctrace/go1.22-phases-kubectl.log");
        GcTraceModel model = new GcTraceModel(data, null, new SynchronousRunner());
        List<TraceView> views = show(robot, model);
        TimelineChart pause = chart(views.get(0));
        assertEquals(TimelineClock.Kind.WALL_CLOCK, pause.clock().kind());
        TimeRange shown = pause.shownRange();
        var ticks = pause.clock().ticks(shown.from(), shown.to(), 8);
        for (int i = 0; i < ticks.count(); i++) {
            String label = pause.clock().label(ticks, i, false);
            LocalTime t = LocalTime.parse(label);
            assertEquals(0, (t.toSecondOfDay() % (long) Math.max(1, ticks.step())), "tick on a whole step: " + label);
        }
        // The first cycle's readout has the time its line was logged with (kubectl prefixes RFC 3339 in ns).
        String text = new String(SampleTraces.get("gctrace/go1.22-phases-kubectl.log").bytes(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^(\\d{4}-\\d\\d-\\d\\d)T(\\d\\d:\\d\\d:\\d\\d\\.\\d{3})\\d*Z gc 1 @").matcher(text);
        assertTrue(m.find());
        assertEquals(m.group(1) + " " + m.group(2), pause.describe(0).lines()
                .filter(l -> l.startsWith("wall")).findFirst().orElseThrow().substring("wall".length()).trim());
        // Without timestamps the axis is seconds.
        GcTraceData plain = load(SAMPLE);
        assertEquals(TimelineClock.Kind.SECONDS, new TimelineClock(plain.timelineCycles()).kind());
    }

    @Test
    void traceswithoutTimesOrWithOneCycleStillDrawAndNavigate(FxRobot robot) throws Exception {
        GcTraceData go14 = load("gctrace/quoted/go1.4-golang-go-12228.txt");
        String line = "gc 1 @0.085s 0%: 0.12+1.3+0.004 ms clock, 0.25+0/0.51/0.86+0.009 ms cpu, 3->3->2 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n";
        GcTraceData single = fromBytes("one.log", line.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, single.size());
        for (GcTraceData data : List.of(go14, single)) {
            GcTraceModel model = new GcTraceModel(data, null, new SynchronousRunner());
            List<TraceView> views = show(robot, model);
            TimelineChart pause = chart(views.get(0));
            PlotArea area = pause.plotArea().orElseThrow(() -> new AssertionError("nothing plotted for " + data.size() + " cycles"));
            robot.moveTo(screen(pause, area.x() + area.width() / 2, area.y() + area.height() / 2)).scroll(2, VerticalDirection.DOWN);
            robot.interact(() -> pause.hover(area.x() + 3, area.bottom() - 3));
            robot.type(KeyCode.RIGHT).type(KeyCode.HOME);
            laidOut(views.subList(0, 2));
            assertTrue(pause.plotArea().isPresent());
            assertTrue(pause.readout().isVisible(), "a readout for the nearest cycle");
        }
        GcTraceModel model14 = new GcTraceModel(go14, null, new SynchronousRunner());
        TimelineChart c = chart(TimelineViews.create(model14).get(0));
        assertEquals(TimelineClock.Kind.CYCLE_INDEX, c.clock().kind());
        assertTrue(((StackedTimelineChart) c).parts().stream().anyMatch(p -> p.label().equals("STW")),
                "Go 1.4 lines give the pause unsplit");

        // No cycles at all: the placeholder, and navigation does nothing.
        StackedTimelineChart empty = TimelineViews.pauseChart(TimelineCycles.empty());
        robot.interact(() -> {
            root.getChildren().setAll(empty);
            empty.zoom(1, 0.5);
            empty.pan(0.1);
            empty.hover(100, 100);
        });
        LayoutWait.laidOut(empty);
        assertTrue(empty.plotArea().isEmpty());
        assertFalse(empty.readout().isVisible());
        assertNull(empty.viewportProperty().get());
    }
}
