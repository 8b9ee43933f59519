package dev.gcscope.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.YScale;
import dev.gcscope.render.timeline.TimeAxis;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.settings.ChartPreferences;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.view.TraceView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How the timelines' axes read, on real recordings, driven as a user would: an excerpt from late in
 * a process fills the chart, the time axis counts from what the user picks, the log scale keeps the
 * median pauses readable and is remembered per view, and the legend names what is drawn. Expected
 * figures come from the recordings' own lines.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineAxesTest {
    private static final Pattern GC_LINE = Pattern.compile(
            "gc (\\d+) @([0-9.]+)s \\d+%: ([0-9.]+)\\+([0-9.]+)\\+([0-9.]+) ms clock");

    private final VBox root = new VBox();

    @Start
    void start(Stage stage) {
        Theme.apply(root, false);
        stage.setScene(new Scene(root, 1100, 700));
        stage.sizeToScene();
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    /** The last {@code n} gc lines of a Kubernetes (CRI) log: an excerpt starting 20 s into the process. */
    private static String criExcerpt(int n) throws Exception {
        String text = new String(SampleTraces.get("gctrace/go1.24-phases-cri.log").bytes(), StandardCharsets.UTF_8);
        List<String> gc = text.lines().filter(l -> GC_LINE.matcher(l).find()).toList();
        return String.join("\n", gc.subList(gc.size() - n, gc.size())) + "\n";
    }

    private static List<double[]> cycles(String text) {
        List<double[]> out = new ArrayList<>();
        Matcher m = GC_LINE.matcher(text);
        while (m.find()) {
            out.add(new double[] {Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)) + Double.parseDouble(m.group(5))});
        }
        return out;
    }

    private TimelineView show(FxRobot robot, GcTraceModel model, int view) {
        TimelineView v = (TimelineView) TimelineViews.create(model).get(view);
        robot.interact(() -> {
            root.getChildren().setAll(v.root());
            VBox.setVgrow(v.root(), Priority.ALWAYS);
        });
        LayoutWait.laidOut(v.charts().toArray(TimelineChart[]::new));
        return v;
    }

    private static GcTraceModel model(GcTraceData data, ChartPreferences prefs) {
        GcTraceModel model = new GcTraceModel(data, null, new SynchronousRunner());
        model.useChartPreferences(prefs);
        return model;
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    @Test
    void aLateStartingExcerptFillsTheChartFromItsFirstCycle(FxRobot robot) throws Exception {
        String excerpt = criExcerpt(5);
        List<double[]> lines = cycles(excerpt);
        double first = lines.get(0)[0], last = lines.get(lines.size() - 1)[0];
        assertTrue(first > 19, "the excerpt starts late in its process: " + first);
        GcTraceData data = TimelineInteractionTest.fromBytes("cri-excerpt.log", excerpt.getBytes(StandardCharsets.UTF_8));
        TimelineView view = show(robot, model(data, ChartPreferences.inMemory()), 0);
        TimelineChart pause = view.charts().get(0);
        PlotArea area = pause.plotArea().orElseThrow();

        double span = last - first;
        double firstPx = area.xScale().toPixel(first), lastPx = area.xScale().toPixel(last);
        // the five cycles span (nearly) the whole plot, not a sliver at the right of 0 – 20 s
        assertTrue(firstPx - area.x() < 0.05 * area.width(), "first cycle at " + firstPx + " of plot " + area.x());
        assertTrue(area.right() - lastPx < 0.05 * area.width(), "last cycle at " + lastPx + " of plot end " + area.right());
        assertTrue(pause.xAxis().min() > first - span, "axis starts near the first cycle: " + pause.xAxis().min());
    }

    @Test
    void theTimeAxisCountsFromWhatTheUserPicks(FxRobot robot) throws Exception {
        String excerpt = criExcerpt(5);
        double first = cycles(excerpt).get(0)[0];
        GcTraceData data = TimelineInteractionTest.fromBytes("cri-excerpt.log", excerpt.getBytes(StandardCharsets.UTF_8));
        MemorySettingsStore store = new MemorySettingsStore();
        TimelineView view = show(robot, model(data, new ChartPreferences(store)), 0);
        TimelineChart pause = view.charts().get(0);
        // the CRI log carries timestamps: the wall clock is offered, and is the default
        assertEquals(TimeAxis.WALL_CLOCK, pause.clock().axis());
        assertTrue(pause.xAxis().title().startsWith("wall clock"), pause.xAxis().title());

        robot.clickOn("#time-axis-choice").clickOn(TimeAxis.SINCE_FIRST_CYCLE.label());
        waitFor(() -> pause.xAxis().title().startsWith("time since first cycle"));
        assertEquals(0, pause.clock().seconds(data.layout().x()[0]), 1e-9, "0 s at the first cycle");
        assertEquals("since-first-cycle", store.get("chart.timeAxis", ""), "the choice is remembered");

        robot.clickOn("#time-axis-choice").clickOn(TimeAxis.SINCE_PROCESS_START.label());
        waitFor(() -> pause.xAxis().title().startsWith("time since process start"));
        assertEquals(first, pause.clock().seconds(data.layout().x()[0]), 1e-9, "Go's own @ time at the first cycle");
    }

    @Test
    void sinceFirstCycleCountsFromTheSelectionsFirstCycleWhileOneIsInForce(FxRobot robot) throws Exception {
        SampleTraces.Sample sample = SampleTraces.get("gctrace/go1.24-phases.log");
        List<double[]> lines = cycles(new String(sample.bytes(), StandardCharsets.UTF_8));
        MemorySettingsStore store = new MemorySettingsStore();
        store.put("chart.timeAxis", TimeAxis.SINCE_FIRST_CYCLE.key());
        GcTraceData data = TimelineInteractionTest.load("gctrace/go1.24-phases.log");
        GcTraceModel model = model(data, new ChartPreferences(store));
        TimelineView view = show(robot, model, 0);
        TimelineChart pause = view.charts().get(0);
        assertEquals(0, pause.clock().seconds(lines.get(0)[0]), 1e-6, "no selection: 0 at the file's first cycle");

        // drag over the middle of the chart, as a user selects
        PlotArea area = pause.plotArea().orElseThrow();
        double a = Math.floor(area.x() + area.width() * 0.40), b = Math.floor(area.x() + area.width() * 0.70);
        double y = Math.floor(area.y() + area.height() / 2);
        robot.moveTo(pause.localToScreen(a, y)).press(javafx.scene.input.MouseButton.PRIMARY)
                .moveTo(pause.localToScreen((a + b) / 2, y)).moveTo(pause.localToScreen(b, y))
                .release(javafx.scene.input.MouseButton.PRIMARY);
        waitFor(() -> model.selectionProperty().get() != null);
        double from = model.selectionProperty().get().from();
        int k = 0;
        while (lines.get(k)[0] < from) k++;
        assertTrue(k > 0, "the selection starts after the file's first cycle: cycle " + k);
        double startK = lines.get(k)[0];

        waitFor(() -> pause.xAxis().title().startsWith("time since first cycle of selection"));
        assertEquals(0, pause.clock().seconds(startK), 1e-6, "0 at the start of the selection's first cycle");
        assertEquals(lines.get(k + 1)[0] - startK, pause.clock().seconds(lines.get(k + 1)[0]), 1e-6);
        assertEquals(startK - lines.get(0)[0], -pause.clock().seconds(lines.get(0)[0]), 1e-6,
                "cycles before the selection read negative");
        // a tick labelled 0 sits at cycle k's start
        var ticks = pause.clock().axisTicks(lines.get(0)[0], lines.get(lines.size() - 1)[0], 10);
        boolean zeroAtK = false;
        for (int i = 0; i < ticks.count(); i++) {
            String label = ticks instanceof dev.gcscope.render.plot.NiceTicks n ? pause.clock().label(n, i, false) : ticks.label(i);
            if (label.equals("0") && Math.abs(ticks.at(i) - startK) < 1e-6) zeroAtK = true;
        }
        assertTrue(zeroAtK, "a tick reads 0 at cycle " + k);

        robot.interact(() -> model.selectionProperty().set(null));
        waitFor(() -> pause.xAxis().title().equals("time since first cycle (s)"));
        assertEquals(0, pause.clock().seconds(lines.get(0)[0]), 1e-6, "selection cleared: the file's first cycle again");
    }

    @Test
    void theLogScaleKeepsMedianPausesReadableAndIsRememberedPerView(FxRobot robot) throws Exception {
        SampleTraces.Sample sample = SampleTraces.get("gctrace/go1.24-phases.log");
        List<double[]> lines = cycles(new String(sample.bytes(), StandardCharsets.UTF_8));
        double[] stw = lines.stream().mapToDouble(c -> c[1]).sorted().toArray();
        double median = stw[stw.length / 2], max = stw[stw.length - 1];
        assertTrue(max / median > 100, "one pause dwarfs the median: " + max + " vs " + median);

        MemorySettingsStore store = new MemorySettingsStore();
        GcTraceData data = TimelineInteractionTest.load("gctrace/go1.24-phases.log");
        TimelineView view = show(robot, model(data, new ChartPreferences(store)), 0);
        TimelineChart pause = view.charts().get(0);
        PlotArea linear = pause.plotArea().orElseThrow();
        double linearShare = (linear.bottom() - linear.yScale().toPixel(median)) / linear.height();
        assertTrue(linearShare < 0.01, "linear: the median is a sliver, " + linearShare + " of the plot's height");

        robot.clickOn("#y-scale-log");
        waitFor(() -> pause.yScaleProperty().get() == YScale.LOG && pause.plotArea().map(a -> a != linear).orElse(false));
        LayoutWait.laidOut(pause);
        PlotArea log = pause.plotArea().orElseThrow();
        double logShare = (log.bottom() - log.yScale().toPixel(Math.log10(median))) / log.height();
        assertTrue(logShare > 0.2, "log: the median stands " + logShare + " of the plot's height");
        assertTrue(log.yScale().toPixel(Math.log10(max)) >= log.y() - 0.5, "the longest pause still fits");
        // whole decades, each one labelled
        double lo = log.yScale().dataMin(), hi = log.yScale().dataMax();
        assertEquals(Math.rint(lo), lo, 1e-9);
        assertEquals(Math.rint(hi), hi, 1e-9);

        assertEquals("log", store.get("chart.yScale.pause-timeline", ""), "remembered for the pause timeline");
        assertEquals(YScale.LOG, new ChartPreferences(store).yScaleProperty("pause-timeline").get(), "and read back");
        assertEquals(YScale.LINEAR, new ChartPreferences(store).yScaleProperty("heap-timeline").get(), "per view");
        TimelineView heap = show(robot, model(data, new ChartPreferences(store)), 1);
        assertEquals(YScale.LINEAR, heap.charts().get(0).yScaleProperty().get());
    }

    @Test
    void theLegendOfBarsColouredByRegimeShowsTheRegimesNotThePhases(FxRobot robot) throws Exception {
        GcTraceData data = TimelineInteractionTest.load("gctrace/go1.24-phases.log");
        TimelineView view = show(robot, model(data, ChartPreferences.inMemory()), 0);
        List<String> shown = visibleLegend(view);
        assertFalse(shown.contains("sweep term"), shown.toString());
        assertFalse(shown.contains("mark term"), shown.toString());
        int regimes = data.timelineCycles().regimeCount();
        assertTrue(regimes >= 2, "the recording has regimes");
        for (int r = 0; r < regimes; r++) assertTrue(shown.contains("regime " + r), shown.toString());
        assertFalse(view.charts().get(0).denseProperty().get(), "737 cycles are not dense at 1100 px");
    }

    @Test
    void aDenseTraceShowsItsDensityAndZoomingInShowsTheCyclesAgain(FxRobot robot) throws Exception {
        // the recording's lines replayed end to end, as the benchmark input is made: far more cycles than pixels
        String text = new String(SampleTraces.get("gctrace/go1.24-phases.log").bytes(), StandardCharsets.UTF_8);
        List<String> gc = text.lines().filter(l -> l.startsWith("gc ")).toList();
        StringBuilder b = new StringBuilder();
        double offset = 0;
        int n = 0;
        for (int rep = 0; rep < 10; rep++) {
            double end = 0;
            for (String l : gc) {
                Matcher m = GC_LINE.matcher(l);
                if (!m.find()) continue;
                double t = Double.parseDouble(m.group(2)) + offset;
                end = t;
                b.append("gc ").append(++n).append(String.format(Locale.ROOT, " @%.3fs", t))
                        .append(l.substring(m.end(2) + 1)).append('\n');
            }
            offset = end + 0.01;
        }
        GcTraceData data = TimelineInteractionTest.fromBytes("replayed.log", b.toString().getBytes(StandardCharsets.UTF_8));
        TimelineView view = show(robot, model(data, ChartPreferences.inMemory()), 0);
        TimelineChart pause = view.charts().get(0);
        assertTrue(data.size() > 4 * pause.plotArea().orElseThrow().width(), data.size() + " cycles");
        waitFor(() -> pause.denseProperty().get());
        List<String> dense = visibleLegend(view);
        assertTrue(dense.containsAll(List.of("median", "≤ P90", "≤ P99", "≤ max")), dense.toString());
        assertFalse(dense.contains("regime 0"), "no regime colours are drawn: " + dense);

        robot.interact(() -> pause.viewport().zoomAt(0.5, 0.02));
        waitFor(() -> !pause.denseProperty().get());
        List<String> zoomed = visibleLegend(view);
        assertTrue(zoomed.contains("regime 0") && !zoomed.contains("median"), zoomed.toString());
    }

    private static List<String> visibleLegend(TimelineView view) throws Exception {
        LayoutWait.laidOut(view.charts().toArray(TimelineChart[]::new));
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new ArrayList<>();
            for (Node n : ((VBox) view.root()).getChildren().get(0).lookupAll(".legend-item")) {
                if (n instanceof Label l && l.isVisible() && l.isManaged() && l.getStyleClass().contains("legend-item")) {
                    out.add(l.getText());
                }
            }
            return out;
        }).get();
    }
}
