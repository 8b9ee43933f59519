package dev.gcscope.ui.gctrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.stats.MutatorUtilization;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.LayoutPass;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.render.distribution.PauseHistogram;
import dev.gcscope.ui.gctrace.distribution.StwHistogramChart;
import dev.gcscope.ui.gctrace.mmu.MmuChart;
import dev.gcscope.ui.view.TraceView;
import dev.gcscope.ui.workspace.GcTraceViews;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Every gctrace view, shown tab after tab in both themes, on data that breaks naive code: none, one cycle, equal pauses. */
@ExtendWith(ApplicationExtension.class)
class GcTraceViewsOddDataTest {
    private static Table cycles;
    private Stage stage;

    @BeforeAll
    static void load() throws Exception {
        cycles = GcTraceViewsFixture.cycles(SampleTraces.DEFAULT_GCTRACE);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** The views of {@code model} as tabs of one window, light; none is built until its tab is selected. */
    private List<TraceView> show(FxRobot robot, GcTraceModel model) {
        List<TraceView> views = GcTraceViews.create(model);
        robot.interact(() -> {
            TabPane tabs = new TabPane();
            for (TraceView v : views) tabs.getTabs().add(new Tab(v.title(), v.root()));
            Theme.apply(tabs, false);
            stage.setScene(new Scene(tabs, 1000, 700));
            // the test stage is shared: a test before this one may have given it a size of its own
            stage.sizeToScene();
            stage.show();
        });
        return views;
    }

    /**
     * Shows every view (each tab selected in turn and drawn, light and then dark) and returns them.
     * The theme switches on the same scene, as the app's dark-theme toggle does.
     */
    private List<TraceView> showAll(FxRobot robot, GcTraceModel model) {
        List<TraceView> views = show(robot, model);
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> Theme.apply(stage.getScene().getRoot(), dark));
            for (int i = 0; i < views.size(); i++) {
                int tab = i;
                robot.interact(() -> ((TabPane) stage.getScene().getRoot()).getSelectionModel().select(tab));
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> views.get(tab).root().snapshot(null, null));
            }
        }
        return views;
    }

    private static <T extends Node> T find(List<TraceView> views, String id, Class<T> type) {
        for (TraceView v : views) {
            Node n = v.root().lookup("#" + id);
            if (n != null) return type.cast(n);
        }
        throw new AssertionError("no #" + id);
    }

    private static void hoverEverywhere(FxRobot robot, CanvasChart chart) {
        robot.interact(() -> {
            for (int x = 0; x < chart.getWidth(); x += 7) chart.hover(x, chart.getHeight() / 2);
        });
    }

    @Test
    void noCycles(FxRobot robot) {
        GcTraceModel model = GcTraceViewsFixture.model(cycles.emptyCopy());
        List<TraceView> views = showAll(robot, model);
        StwHistogramChart hist = find(views, "stw-histogram-chart", StwHistogramChart.class);
        assertTrue(hist.plotArea().isEmpty(), "the placeholder, not axes");
        hoverEverywhere(robot, hist);
        assertFalse(hist.readout().isVisible());
    }

    @Test
    void oneCycle(FxRobot robot) {
        GcTraceModel model = GcTraceViewsFixture.model(cycles.inRange(0, 1));
        List<TraceView> views = showAll(robot, model);
        StwHistogramChart hist = find(views, "stw-histogram-chart", StwHistogramChart.class);
        PauseHistogram h = hist.histogramProperty().get();
        assertEquals(1, h.bins().total() + h.bins().zeroCount());
        for (TraceView v : views) {
            v.root().lookupAll(".canvas-chart").forEach(n -> hoverEverywhere(robot, (CanvasChart) n));
        }
    }

    @Test
    void equalPauses(FxRobot robot) {
        Table same = cycles.copy();
        double[] constant = new double[same.rowCount()];
        java.util.Arrays.fill(constant, 0.25);
        same.replaceColumn(GcColumns.STW_MS, DoubleColumn.create(GcColumns.STW_MS, constant));
        GcTraceModel model = GcTraceViewsFixture.model(same);
        List<TraceView> views = showAll(robot, model);
        PauseHistogram h = find(views, "stw-histogram-chart", StwHistogramChart.class).histogramProperty().get();
        assertEquals(1, h.bins().bins());
        assertEquals(same.rowCount(), h.bins().counts()[0]);
        assertTrue(find(views, "stw-histogram-chart", StwHistogramChart.class).plotArea().isPresent());
        javafx.scene.control.TableView<?> table = find(views, "percentile-table", javafx.scene.control.TableView.class);
        @SuppressWarnings("unchecked")
        List<String> p50 = (List<String>) table.getItems().get(0);
        assertEquals(List.of("P50", "0.250", "0.250", "0.250"), p50);
        for (TraceView v : views) v.root().lookupAll(".canvas-chart").forEach(n -> hoverEverywhere(robot, (CanvasChart) n));
    }

    /** The whole sample, not odd data: only the MMU view is shown (the tests above draw every view). */
    @Test
    void mmuCurveAndReadout(FxRobot robot) {
        GcTraceModel model = GcTraceViewsFixture.model(cycles);
        List<TraceView> views = show(robot, model);
        robot.interact(() -> ((TabPane) stage.getScene().getRoot()).getSelectionModel()
                .select(views.indexOf(views.stream().filter(v -> v.id().equals("mmu")).findFirst().orElseThrow())));
        LayoutPass.run(robot, stage.getScene().getRoot());
        MmuChart chart = find(views, "mmu-chart", MmuChart.class);
        List<MutatorUtilization.Point> curve = chart.curveProperty().get();
        assertEquals(model.statisticsProperty().get().mmu(), curve);
        assertFalse(curve.isEmpty());
        var a = chart.plotArea().orElseThrow();
        MutatorUtilization.Point p = curve.get(curve.size() / 2);
        double px = a.x() + (Math.log10(p.windowMs()) - a.xScale().dataMin()) / (a.xScale().dataMax() - a.xScale().dataMin()) * a.width();
        robot.interact(() -> chart.hover(px, a.y() + a.height() / 2));
        assertTrue(chart.readout().getText().endsWith(String.format(Locale.ROOT, "MMU %.1f %%", 100 * p.mmu())),
                chart.readout().getText());
    }
}
