package dev.gcscope.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.export.ChartImages;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.perfsched.TimehistColumns;
import dev.gcscope.render.ChartFont;
import dev.gcscope.render.compare.DelayCcdfPlot;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.export.ChartExportMenu;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.table.TableText;
import dev.gcscope.ui.task.ExecutorBackgroundRunner;
import dev.gcscope.ui.window.MainWindowView;
import dev.gcscope.ui.window.MainWindowViewModel;
import dev.gcscope.ui.workspace.DocumentView;
import dev.gcscope.ui.workspace.TraceDocument;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
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
 * Compare… on scheduler documents (issue 11), on the quota pair of {@code record-quota-pair.sh}: two
 * timehist documents open a comparison whose table and overlay hold each file's own figures, which
 * the picker offers without a gctrace document open beside them; two runtime/metrics documents too.
 */
@ExtendWith(ApplicationExtension.class)
class SchedCompareViewsTest {
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

    private static <T extends Node> T lookup(FxRobot robot, Tab tab, String id, Class<T> type) {
        return robot.from(tab.getContent()).lookup("#" + id).queryAs(type);
    }

    private static TaskDelays.Task phases(TraceDocument d) {
        return TaskDelays.of(d.result().table(TimehistColumns.EVENTS_TABLE)).tasks().stream()
                .filter(t -> t.name().equals("phases")).findFirst().orElseThrow();
    }

    @Test
    void twoTimehistDocumentsCompareTheirDelaysInATableAndAnOverlay(FxRobot robot) throws Exception {
        openAndWait(robot, 1, SampleTraces.get("sched-pair/free-timehist.txt.gz").copyTo(tmp));
        openAndWait(robot, 2, SampleTraces.get("sched-pair/quota20-timehist.txt.gz").copyTo(tmp));
        openAndWait(robot, 3, SampleTraces.get("gctrace/go1.24-phases.log").copyTo(tmp));

        // the picker offers all three, the two timehist documents chosen; a gctrace beside them is no comparison
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#compare-picker-list").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<ComparePickerModel.Entry> list = robot.lookup("#compare-picker-list").queryAs(ListView.class);
        assertEquals(List.of(true, true, false), list.getItems().stream().map(e -> e.chosenProperty().get()).toList());
        Node ok = robot.lookup("#compare-picker-ok").query();
        assertFalse(ok.isDisabled());
        robot.interact(() -> list.getItems().get(2).chosenProperty().set(true));
        assertTrue(ok.isDisabled(), "a gctrace and two timehist documents make no comparison");
        robot.interact(() -> list.getItems().get(2).chosenProperty().set(false));
        robot.clickOn(ok);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tabs().getTabs().size() == 4);
        Tab comparison = tabs().getTabs().get(3);
        SchedComparisonViewModel cvm = (SchedComparisonViewModel) comparison.getUserData();
        assertEquals("Compare: free-timehist.txt.gz vs quota20-timehist.txt.gz", comparison.getText());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> cvm.curvesProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("gcscope — free-timehist.txt.gz vs quota20-timehist.txt.gz", vm.titleProperty().get());
        assertEquals(cvm.statusProperty().get(), vm.statusProperty().get());

        // the table: each side's phases row is that document's own per-task figures
        TaskDelays.Task free = phases(document("free-timehist.txt.gz")), quota = phases(document("quota20-timehist.txt.gz"));
        SchedComparisonViewModel.Row p99 = cvm.rows().stream().filter(r -> r.group().startsWith("phases ") && r.percentile().equals("p99"))
                .findFirst().orElseThrow();
        assertEquals(free.p99Ms(), p99.a(), 0);
        assertEquals(quota.p99Ms(), p99.b(), 0);
        // 2.76 → 4.82 ms; the delays come in bursts and B/A's interval reaches 1 (DelayComparisonTest)
        assertTrue(p99.ratioLow() <= 1 && p99.ratioHigh() > 1.5, p99.toString());
        assertEquals("no clear change", p99.change());
        SchedComparisonViewModel.Row p50 = cvm.rows().stream().filter(r -> r.group().startsWith("phases ") && r.percentile().equals("p50"))
                .findFirst().orElseThrow();
        // 1 → 8 µs; under the quota the switches come in bursts, and allowing for that B/A's interval holds 1
        assertTrue(p50.ratioLow() <= 1 && 1 <= p50.ratioHigh(), p50.toString());
        assertEquals("no clear change", p50.change(), p50.toString());
        assertTrue(cvm.verdictProperty().get().startsWith("phases: no clear change in scheduling delay (P99 2.76 → 4.82 ms"),
                cvm.verdictProperty().get());
        @SuppressWarnings("unchecked")
        TableView<SchedComparisonViewModel.Row> table = lookup(robot, comparison, "compare-sched-rows", TableView.class);
        String tsv = TableText.of(table, false).tsv();
        assertTrue(tsv.contains("phases (21,907 → 10,318 switches)"), tsv);

        // the overlay: the phases delays of each side, the program first; File ▸ Export chart… takes it
        TabPane inner = lookup(robot, comparison, "compare-views", TabPane.class);
        robot.interact(() -> inner.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        ComparisonChart chart = lookup(robot, comparison, "compare-sched-ccdf-chart", ComparisonChart.class);
        assertEquals("compare-sched-ccdf-chart", view.currentChart().getId());
        assertEquals("phases", cvm.distributionProperty().get());
        DelayCcdfPlot plot = (DelayCcdfPlot) chart.shown();
        assertEquals(free.switches(), plot.sides().get(0).count());
        assertEquals(quota.switches(), plot.sides().get(1).count());
        long longestA = Math.round(free.maxMs() * 1000), shownA = Math.round(plot.sides().get(0).x()[plot.sides().get(0).x().length - 1] * 1000);
        assertEquals(longestA, shownA, "the curve ends at the longest delay");

        // rename A: the legend and the export say the new name
        TextField label = lookup(robot, comparison, "compare-label-0", TextField.class);
        robot.interact(() -> {
            label.requestFocus();
            label.selectAll();
        });
        robot.write("no quota").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "no quota".equals(cvm.labels().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        ChartExportMenu.Snapshot[] snap = new ChartExportMenu.Snapshot[1];
        robot.interact(() -> snap[0] = ChartExportMenu.snapshotOf(chart));
        String svg = ChartImages.svg(snap[0].drawing(), 800, 500, snap[0].background(), ChartFont.labels());
        assertTrue(svg.contains("no quota  (21,907 switches"), "the exported legend names the side");
        assertTrue(svg.contains("quota20-timehist.txt.gz  (10,318 switches"), "and the other");

        // swapped, B/A reads the other way
        robot.clickOn(lookup(robot, comparison, "compare-swap", Node.class));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> cvm.rows().stream()
                .anyMatch(r -> r.group().startsWith("phases ") && r.percentile().equals("p99") && r.a() == quota.p99Ms()));
        assertEquals(List.of("quota20-timehist.txt.gz", "no quota"), List.copyOf(cvm.labels()));
    }

    @Test
    void twoRuntimeMetricsDocumentsCompareTheSchedulerHistograms(FxRobot robot) throws Exception {
        Path a = SampleTraces.get("sched-pair/free-metrics.jsonl").copyTo(tmp), b = SampleTraces.get("sched-pair/quota20-metrics.jsonl").copyTo(tmp);
        openAndWait(robot, 1, a);
        openAndWait(robot, 2, b);
        robot.interact(() -> view.compareOpenDocuments(List.of(a, b)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tabs().getTabs().size() == 3);
        SchedComparisonViewModel cvm = (SchedComparisonViewModel) tabs().getTabs().get(2).getUserData();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> cvm.curvesProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("/sched/latencies:seconds", "/sched/pauses/total/gc:seconds"), List.copyOf(cvm.distributions()));
        SchedComparisonViewModel.Row pauseP99 = cvm.rows().stream()
                .filter(r -> r.group().startsWith("/sched/pauses/total/gc:seconds") && r.percentile().equals("p99")).findFirst().orElseThrow();
        // 0.27 -> 8.7 ms, not called: the quota run's pauses came in bursts (MetricsComparisonTest), as the notes say
        assertEquals("no clear change", pauseP99.change());
        assertTrue(cvm.testsProperty().get().contains("intervals: A 56 snapshots: widened for bursts"), cvm.testsProperty().get());
        robot.interact(() -> cvm.distributionProperty().set("/sched/pauses/total/gc:seconds"));
        SchedComparisonViewModel.Curves c = cvm.curvesProperty().get();
        assertEquals("GC stop-the-world pause", c.what());
        assertTrue(c.sides().get(1).count() > 0 && c.sides().get(0).count() > c.sides().get(1).count(), "fewer pauses under the quota");
    }
}
