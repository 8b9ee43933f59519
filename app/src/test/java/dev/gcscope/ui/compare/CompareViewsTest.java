package dev.gcscope.ui.compare;

import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.compare.ComparisonCurves;
import dev.gcscope.analysis.compare.CostRow;
import dev.gcscope.analysis.compare.GcComparison;
import dev.gcscope.analysis.compare.GcCost;
import dev.gcscope.cli.GcscopeCli;
import dev.gcscope.export.ChartImages;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.render.ChartFont;
import dev.gcscope.render.compare.AlignedSeries;
import dev.gcscope.render.compare.SideTimelinePlot;
import dev.gcscope.render.compare.CcdfOverlayPlot;
import dev.gcscope.render.compare.ConvergenceOverlayPlot;
import dev.gcscope.render.compare.HistogramOverlayPlot;
import dev.gcscope.render.compare.LadderPlot;
import dev.gcscope.render.compare.MmuOverlayPlot;
import dev.gcscope.render.compare.RegimeScatterOverlayPlot;
import dev.gcscope.analysis.regime.RegimeScatterPoints;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.export.ChartExportMenu;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.task.ExecutorBackgroundRunner;
import dev.gcscope.ui.window.MainWindowView;
import dev.gcscope.ui.window.MainWindowViewModel;
import dev.gcscope.ui.workspace.DocumentView;
import dev.gcscope.ui.workspace.TraceDocument;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The comparison's views in the window, on real recordings: what each overlay draws is each side's
 * own single-file analysis (the steady Go 1.19 and Go 1.24 runs of one workload), the ladder is what
 * {@code gcscope compare --json} says of three phases recordings, and the sides can be picked,
 * ordered, swapped and renamed.
 */
@ExtendWith(ApplicationExtension.class)
class CompareViewsTest {
    private static final String GO119 = "steady/go1.19-steady.log";
    private static final String GO124 = "steady/go1.24-steady.log";
    private static final List<String> PHASES = List.of("gctrace/go1.19-phases.log", "gctrace/go1.21-phases.log",
            "gctrace/go1.24-phases.log");

    @TempDir
    Path tmp;

    private ExecutorBackgroundRunner runner;
    private MainWindowViewModel vm;
    private MainWindowView view;

    @Start
    void start(Stage stage) {
        runner = new ExecutorBackgroundRunner(Platform::runLater, 2);
        vm = new MainWindowViewModel(runner, TraceLoader.standard(), new MemorySettingsStore());
        view = new MainWindowView(vm, runner);
        stage.setScene(view.createScene(1280, 800));
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    private TabPane tabs() {
        return view.documentTabs();
    }

    private void openAndWait(FxRobot robot, int tabsAfter, Path... files) throws Exception {
        robot.interact(() -> view.dropFiles(Arrays.stream(files).map(Path::toFile).toList()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> tabs().getTabs().size() == tabsAfter);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TraceDocument document(String fileName) {
        return tabs().getTabs().stream().filter(t -> t.getUserData() instanceof DocumentView)
                .map(t -> ((DocumentView) t.getUserData()).viewModel().document())
                .filter(d -> d.displayName().equals(fileName)).findFirst().orElseThrow();
    }

    private static ComparisonChart chart(FxRobot robot, Tab comparison, String id) {
        return robot.from(comparison.getContent()).lookup("#" + id).queryAs(ComparisonChart.class);
    }

    @Test
    void theOverlaysDrawEachSidesOwnAnalysisAndFollowTheSidesOrderAndLabels(FxRobot robot) throws Exception {
        Path a = SampleTraces.get(GO119).copyTo(tmp);
        Path b = SampleTraces.get(GO124).copyTo(tmp);
        openAndWait(robot, 1, a);
        openAndWait(robot, 2, b);

        // Ctrl+K asks which and in which order: put Go 1.24 first
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#compare-picker-list").tryQuery().isPresent());
        javafx.scene.control.ListView<?> list = robot.lookup("#compare-picker-list").queryAs(javafx.scene.control.ListView.class);
        assertEquals(List.of("go1.19-steady.log", "go1.24-steady.log"), list.getItems().stream().map(Object::toString).toList());
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#compare-picker-down");
        robot.clickOn("#compare-picker-ok");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tabs().getTabs().size() == 3);
        Tab comparison = tabs().getTabs().get(2);
        ComparisonViewModel cvm = (ComparisonViewModel) comparison.getUserData();
        assertEquals("Compare: go1.24-steady.log vs go1.19-steady.log", comparison.getText());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> cvm.curvesProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("gcscope — go1.24-steady.log vs go1.19-steady.log", vm.titleProperty().get());
        assertEquals(cvm.statusProperty().get(), vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Comparing A go1.24-steady.log ("), vm.statusProperty().get());
        // the same Go range on both sides tells nothing apart: the labels are the file names
        assertEquals(List.of("go1.24-steady.log", "go1.19-steady.log"), cvm.labels());

        // swap: A is Go 1.19 again, and every figure follows
        robot.clickOn("#compare-swap");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> cvm.comparisonProperty().get().sides().get(0).label().equals("go1.19-steady.log"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Compare: go1.19-steady.log vs go1.24-steady.log", comparison.getText());
        assertEquals("gcscope — go1.19-steady.log vs go1.24-steady.log", vm.titleProperty().get());

        List<TraceDocument> docs = List.of(document("go1.19-steady.log"), document("go1.24-steady.log"));
        for (TraceDocument d : docs) {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> document(d.displayName()).wholeTrace() != null);
        }
        List<CostRow> costs = List.copyOf(cvm.costs());
        ComparisonCurves shown = ((MmuOverlayPlot) chart(robot, comparison, "compare-mmu-chart").shown()).curves();
        for (int i = 0; i < 2; i++) {
            TraceDocument d = document(docs.get(i).displayName());
            CycleRangeAnalysis alone = d.wholeTrace();
            ComparisonCurves.Side side = shown.sides().get(i);
            assertEquals(d.displayName(), side.label());
            // the MMU and Convergence views of the file alone show exactly these curves
            assertEquals(alone.mmu(), side.mmu(), d.displayName() + " MMU");
            assertFalse(side.mmu().isEmpty());
            ComparisonCurves conv = ((ConvergenceOverlayPlot) chart(robot, comparison, "compare-convergence-chart").shown()).curves();
            assertEquals(alone.convergence(), conv.sides().get(i).convergence(), d.displayName() + " convergence");

            // the tail: each share counted again from the file's own pauses, at the table's percentiles
            double[] stw = d.gcTrace().cycles().doubleColumn(STW_MS).asDoubleArray();
            ComparisonCurves.Side ccdf = ((CcdfOverlayPlot) chart(robot, comparison, "compare-ccdf-chart").shown()).curves().sides().get(i);
            assertEquals(stw.length, ccdf.pauses());
            for (GcCost c : List.of(GcCost.STW_P50, GcCost.STW_P90, GcCost.STW_P99, GcCost.STW_MAX)) {
                CostRow row = costs.get(c.ordinal());
                double x = i == 0 ? row.a() : row.b();
                long atLeast = Arrays.stream(stw).filter(v -> v >= x).count();
                assertEquals(atLeast / (double) stw.length, ccdf.shareAtLeast(x), 1e-15, d.displayName() + " " + c);
            }
            ComparisonCurves.Side scatter = ((RegimeScatterOverlayPlot) chart(robot, comparison, "compare-regime-scatter-chart").shown())
                    .curves().sides().get(i);
            RegimeScatterPoints own = RegimeScatterPoints.of(d.gcTrace().cycles());
            assertArrayEquals(own.log10Rate(), scatter.scatter().log10Rate(), d.displayName() + " scatter x");
            assertArrayEquals(own.survival(), scatter.scatter().survival(), d.displayName() + " scatter y");
            assertEquals(0, scatter.fromRow());
            assertEquals(stw.length, scatter.toRow());
            ComparisonCurves hist = ((HistogramOverlayPlot) chart(robot, comparison, "compare-histogram-chart").shown()).curves();
            long binned = Arrays.stream(hist.sides().get(i).histogramCounts()).sum();
            assertEquals(Arrays.stream(stw).filter(v -> v > 0).count(), binned, d.displayName() + " pauses in the histogram");
        }

        // a document's tab takes the title and status back; the comparison's tab brings its own again
        robot.interact(() -> tabs().getSelectionModel().select(0));
        assertEquals("gcscope — go1.19-steady.log", vm.titleProperty().get());
        robot.interact(() -> tabs().getSelectionModel().select(comparison));
        assertEquals("gcscope — go1.19-steady.log vs go1.24-steady.log", vm.titleProperty().get());
        assertEquals(cvm.statusProperty().get(), vm.statusProperty().get());

        // File ▸ Export chart… takes the comparison's chart on show
        robot.interact(() -> ((TabPane) robot.from(comparison.getContent()).lookup("#compare-views").query())
                .getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("compare-ccdf-chart", view.currentChart().getId());

        // the aligned timelines: each side's own columns from its first cycle; one zoom moves all three
        TabPane inner = robot.from(comparison.getContent()).lookup("#compare-views").queryAs(TabPane.class);
        robot.interact(() -> inner.getSelectionModel().select(
                inner.getTabs().stream().filter(t -> "compare-timelines".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 2; i++) {
            SideTimelinePlot row = (SideTimelinePlot) chart(robot, comparison, "compare-timeline-pause-" + i + "-chart").shown();
            AlignedSeries side = row.side();
            double[] stw = document(docs.get(i).displayName()).gcTrace().cycles().doubleColumn(STW_MS).asDoubleArray();
            assertArrayEquals(stw, row.values(), docs.get(i).displayName() + " pauses on its own row");
            assertEquals(0, side.sinceFirstS()[0], 0, "time runs from the side's first cycle");
        }
        SideTimelinePlot first = (SideTimelinePlot) chart(robot, comparison, "compare-timeline-pause-0-chart").shown();
        double fullTo = first.frame().toS();
        // the sides' rows share one value axis: a pause is one height on every row
        assertEquals(first.frame().yHigh(),
                ((SideTimelinePlot) chart(robot, comparison, "compare-timeline-pause-1-chart").shown()).frame().yHigh(), 0);
        // the live heap instead: a row per side, lined up as the pauses were
        double pauseLeft = chart(robot, comparison, "compare-timeline-pause-0-chart").plotArea().orElseThrow().x();
        robot.clickOn(robot.from(comparison.getContent()).lookup("#compare-timeline-show-heap-live").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        // Monocle's robot turns the wheel the other way round from desktop platforms: its DOWN arrives
        // with deltaY > 0, a wheel turned away from the user elsewhere (zoom in), as TimelineInteractionTest says
        robot.moveTo(chart(robot, comparison, "compare-timeline-heap-1-chart")).scroll(2, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        SideTimelinePlot zoomed = (SideTimelinePlot) chart(robot, comparison, "compare-timeline-heap-0-chart").shown();
        assertTrue(zoomed.frame().toS() - zoomed.frame().fromS() < fullTo, "the wheel on B's heap row zoomed A's too");
        SideTimelinePlot heapB = (SideTimelinePlot) chart(robot, comparison, "compare-timeline-heap-1-chart").shown();
        assertEquals(zoomed.frame().fromS(), heapB.frame().fromS(), 0);
        assertEquals(zoomed.frame().toS(), heapB.frame().toS(), 0);
        assertEquals(chart(robot, comparison, "compare-timeline-heap-0-chart").plotArea().orElseThrow().x(),
                chart(robot, comparison, "compare-timeline-heap-1-chart").plotArea().orElseThrow().x(), 0, "plots lined up");
        assertTrue(pauseLeft > 0);
        robot.clickOn(robot.from(comparison.getContent()).lookup("#compare-timeline-show-pause").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        // the log y of the single-file timelines: whole decades around the positive pauses
        robot.clickOn(robot.from(comparison.getContent()).lookup("#y-scale-log").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        SideTimelinePlot log = (SideTimelinePlot) chart(robot, comparison, "compare-timeline-pause-1-chart").shown();
        assertTrue(log.logY());
        assertEquals(Math.rint(log.frame().yLow()), log.frame().yLow(), 0, "a whole decade");

        // rename A: the legends and the export say the new name
        TextField label = robot.from(comparison.getContent()).lookup("#compare-label-0").queryAs(TextField.class);
        robot.interact(() -> {
            label.requestFocus();
            label.selectAll();
        });
        robot.write("Go 1.19").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> "Go 1.19".equals(cvm.curvesProperty().get().sides().get(0).label()));
        WaitForAsyncUtils.waitForFxEvents();
        ComparisonChart ccdfChart = chart(robot, comparison, "compare-ccdf-chart");
        ChartExportMenu.Snapshot[] snap = new ChartExportMenu.Snapshot[1];
        robot.interact(() -> snap[0] = ChartExportMenu.snapshotOf(ccdfChart));
        String svg = ChartImages.svg(snap[0].drawing(), 800, 500, snap[0].background(), ChartFont.labels());
        assertTrue(svg.contains("Go 1.19  (1,590 pauses)"), "the exported legend names the side");
        assertTrue(svg.contains("go1.24-steady.log"), "and the other");
        assertTrue(vm.statusProperty().get().contains("A Go 1.19 ("), vm.statusProperty().get());
    }

    @Test
    void threeSidesMakeALadderOfWhatTheCommandLinePrints(FxRobot robot) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String p : PHASES) files.add(SampleTraces.get(p).copyTo(tmp));
        openAndWait(robot, 3, files.toArray(Path[]::new));
        robot.interact(() -> view.compareOpenDocuments(files));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tabs().getTabs().size() == 4);
        Tab comparison = tabs().getTabs().get(3);
        ComparisonViewModel cvm = (ComparisonViewModel) comparison.getUserData();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !cvm.ladder().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        JsonNode sides = compareJson(files).get("sides");
        assertEquals(3, sides.size());
        for (LadderPlot.Figure figure : LadderPlot.Figure.values()) {
            String id = "compare-ladder-" + figure.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-chart";
            LadderPlot plot = (LadderPlot) chart(robot, comparison, id).shown();
            assertNotNull(plot, id);
            List<GcCost> costs = switch (figure) {
                case PAUSES -> List.of(GcCost.STW_P50, GcCost.STW_P99);
                case GC_CPU -> List.of(GcCost.GC_CPU_CYCLES_PCT);
                case CYCLES_PER_GB -> List.of(GcCost.CYCLES_PER_GB);
            };
            for (int i = 0; i < 3; i++) {
                GcComparison.Rung rung = plot.rungs().get(i);
                assertEquals(files.get(i).getFileName().toString(), rung.label(), "the ladder is in the files' order");
                // the command line labels a side by the path it was given, the window by the file's name
                assertEquals(files.get(i).toString(), sides.get(i).get("label").asText());
                List<LadderPlot.Point> points = plot.points(rung);
                for (int k = 0; k < costs.size(); k++) {
                    JsonNode cli = sides.get(i).get("costs").get(costs.get(k).key());
                    LadderPlot.Point p = points.get(k);
                    String what = rung.label() + " " + costs.get(k).key();
                    assertClose(cli.get("value"), p.value(), what);
                    assertClose(cli.get("ci").get(0), p.low(), what + " low");
                    assertClose(cli.get("ci").get(1), p.high(), what + " high");
                }
            }
        }
        assertEquals("The tables set side 1 (as A) against side 3 (as B); the Ladder tab shows every side.",
                robot.from(comparison.getContent()).lookup(".compare-note").queryAs(javafx.scene.control.Label.class).getText());
    }

    /** A JSON figure (12 significant digits; null for an open end) against the value drawn. */
    private static void assertClose(JsonNode expected, double actual, String what) {
        if (expected == null || expected.isNull()) {
            assertFalse(Double.isFinite(actual), what + ": open end");
            return;
        }
        double e = expected.asDouble();
        assertEquals(e, actual, Math.abs(e) * 1e-11, what);
    }

    private static JsonNode compareJson(List<Path> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("compare", "--json"));
        for (Path f : files) args.add(f.toString());
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new GcscopeCli(o, e, false).execute(args.toArray(String[]::new));
        }
        assertEquals(0, status, () -> err.toString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
