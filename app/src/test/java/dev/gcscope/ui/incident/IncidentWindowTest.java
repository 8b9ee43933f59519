package dev.gcscope.ui.incident;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.analysis.incident.Attribution;
import dev.gcscope.analysis.incident.ClockAlignment;
import dev.gcscope.analysis.incident.Diagnosis;
import dev.gcscope.analysis.incident.IncidentLanes;
import dev.gcscope.analysis.incident.IncidentSources;
import dev.gcscope.analysis.incident.LaneBuilder;
import dev.gcscope.analysis.incident.RangeReading;
import dev.gcscope.analysis.incident.SourceReader;
import dev.gcscope.cli.GcscopeCli;
import dev.gcscope.export.table.TextTable;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.render.incident.IncidentLane;
import dev.gcscope.render.incident.IncidentLanePlot;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.table.TableText;
import dev.gcscope.ui.task.ExecutorBackgroundRunner;
import dev.gcscope.ui.window.MainWindowView;
import dev.gcscope.ui.window.MainWindowViewModel;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.TransferMode;
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
 * The incident view in the window, with the real background runner, on the real incident recordings:
 * the same phased workload under a 50 % CPU quota and without one. Its lanes must hold what the
 * analysis computes for the same files, and its tables and verdict say what {@code gcscope diagnose
 * --json} says; a shift in the alignment table must give what {@code diagnose --offset} gives.
 */
@ExtendWith(ApplicationExtension.class)
class IncidentWindowTest {
    private static final String DIR = "incident/";

    @TempDir
    Path tmp;

    private ExecutorBackgroundRunner runner;
    private MainWindowView view;

    @Start
    void start(Stage stage) {
        runner = new ExecutorBackgroundRunner(Platform::runLater, 2);
        MainWindowViewModel vm = new MainWindowViewModel(runner, TraceLoader.standard(), new MemorySettingsStore());
        view = new MainWindowView(vm, runner);
        stage.setScene(view.createScene(1280, 800));
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    /** Every recording of one run ({@code quota50-…}, {@code free-…}), copied out of the jar. */
    private List<Path> recording(String prefix) throws Exception {
        List<Path> files = new ArrayList<>();
        for (SampleTraces.Sample s : SampleTraces.all()) {
            if (s.path().startsWith(DIR + prefix)) files.add(s.copyTo(tmp).toAbsolutePath());
        }
        assertTrue(files.size() >= 4, "gctrace, perf, metrics and cpu.stat of " + prefix + ": " + files);
        return files;
    }

    private IncidentView openedIncident(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.documentTabs().getTabs().size() == 1);
        Tab tab = view.documentTabs().getTabs().get(0);
        assertTrue(tab.getStyleClass().contains(IncidentTabs.TAB_CLASS));
        assertTrue(view.documentTabs().getSelectionModel().getSelectedItem() == tab, "the incident is shown");
        IncidentView incident = (IncidentView) tab.getUserData();
        waitUntilComputed(incident.viewModel());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !incident.charts().isEmpty() && incident.charts().stream().allMatch(c -> c.plotArea().isPresent())).get());
        return incident;
    }

    private static void waitUntilComputed(IncidentViewModel vm) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> vm.diagnosisProperty().get() != null && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void theQuotaRunShownAsDiagnoseSaysAndItsHeavyPhasesPointAtTheQuota(FxRobot robot) throws Exception {
        List<Path> files = recording("quota50-");
        robot.interact(() -> view.openIncident(files));
        IncidentView incident = openedIncident(robot);
        IncidentViewModel vm = incident.viewModel();

        JsonNode cli = diagnoseJson(files, Map.of());
        assertShownAs(robot, incident, cli);
        assertLanesAre(incident, expected(files, Map.of()));
        JsonNode intervals = cli.get("intervals");
        assertFalse(intervals.isEmpty(), "the quota run waits");
        for (JsonNode i : intervals) assertEquals("cpu_quota", i.get("causes").get(0).get("cause").asText(), i.toString());

        // hover: every lane reads its own values at the same moment, the worst interval's middle
        Diagnosis d = vm.diagnosisProperty().get();
        Diagnosis.Interval worst = d.intervals().stream().max((a, b) -> Double.compare(a.schedDelayP99Ms(), b.schedDelayP99Ms())).orElseThrow();
        double origin = vm.lanesProperty().get().originS();
        double x = (worst.fromS() + worst.toS()) / 2 - origin;
        robot.interact(() -> incident.hoverXProperty().set(x));
        int bin = d.lanes().bins().of(x + origin);
        IncidentLanes lanes = d.lanes();
        // seven lanes do not fit 1280x800: some are scrolled out, so one panel lists every lane's figures at that moment
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !incident.readoutPanelLines().isEmpty());
        List<String> panel = incident.readoutPanelLines();
        assertTrue(panel.get(0).contains("delayed " + PlainNumbers.rounded(worst.fromS() - origin, 1)), panel.get(0));
        assertTrue(panel.get(0).contains(worst.causes().stream().map(Diagnosis.Cause::cause).collect(Collectors.joining(", "))), panel.get(0));
        assertEquals(incident.charts().size() + 1, panel.size(), panel::toString);
        for (int i = 0; i < incident.charts().size(); i++) {
            IncidentLaneChart c = incident.charts().get(i);
            String own = c.readoutText();
            assertTrue(panel.get(i + 1).endsWith(own.substring(own.indexOf(" · ") + 3).replace("\n", " · ")), c.lane().id() + ": " + panel.get(i + 1));
            assertFalse(c.readout().isVisible(), c.lane().id() + ": the panel reads it, the lane keeps its line");
        }
        String quota = panel.get(1), kernel = panel.get(2);
        assertTrue(quota.contains("throttled: " + IncidentLanePlot.value(lanes.quota().orElseThrow().throttledShare()[bin] * 100, "% of periods")),
                quota);
        assertTrue(quota.contains("throttled periods: " + IncidentLanePlot.value(lanes.quota().orElseThrow().throttledPeriods()[bin], "")), quota);
        assertTrue(kernel.contains("P99: " + IncidentLanePlot.value(lanes.kernel().orElseThrow().p99Ms()[bin], "ms")), kernel);
        robot.interact(() -> incident.hoverXProperty().set(Double.NaN));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> incident.readoutPanelLines().isEmpty());

        // selecting an interval zooms every lane to it
        @SuppressWarnings("unchecked")
        TableView<Diagnosis.Interval> table = robot.from(incident.root()).lookup("#incident-intervals").queryAs(TableView.class);
        TimeRange whole = vm.viewportProperty().get();
        int row = d.intervals().indexOf(worst);
        robot.interact(() -> table.getSelectionModel().select(row));
        TimeRange zoomed = vm.viewportProperty().get();
        assertTrue(zoomed.length() < whole.length(), zoomed + " within " + whole);
        assertTrue(zoomed.from() <= worst.fromS() - origin && zoomed.to() >= worst.toS() - origin, zoomed + " shows " + worst);
        assertEveryLaneShows(incident, zoomed);

        // a drag on one lane selects a range: every lane zooms to it and its figures are read
        robot.interact(vm::resetZoom);
        assertEveryLaneShows(incident, whole);
        IncidentLaneChart kernelLane = chart(incident, "kernel");
        var area = kernelLane.plotArea().orElseThrow();
        double y = area.y() + area.height() / 2;
        javafx.geometry.Point2D start = kernelLane.localToScreen(area.xScale().toPixel(10), y);
        javafx.geometry.Point2D end = kernelLane.localToScreen(area.xScale().toPixel(14), y);
        robot.drag(start, javafx.scene.input.MouseButton.PRIMARY).moveTo(end).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange dragged = vm.viewportProperty().get();
        double pixel = 1 / area.xScale().pixelsPerUnit();
        assertEquals(10, dragged.from(), 2 * pixel, dragged.toString());
        assertEquals(14, dragged.to(), 2 * pixel, dragged.toString());
        assertEveryLaneShows(incident, dragged);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.readingProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange selected = vm.selectionProperty().get();
        Expected e = expected(files, Map.of());
        RangeReading reading = RangeReading.of(e.diagnosis(), e.runtimes(), selected.from(), selected.to());
        assertEquals(reading, vm.readingProperty().get());
        Tab rangeTab = robot.from(incident.root()).lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().getSelectedItem();
        assertEquals("incident-range-tab", rangeTab.getId(), "the range's figures come forward");
        List<String> shown = incident.rangeText();
        assertEquals(IncidentRangePane.summary(reading, vm.lanesProperty().get(), Attribution.DEFAULT_THRESHOLD_MS), shown.get(0));
        assertTrue(shown.get(0).startsWith(PlainNumbers.rounded(reading.fromS() - origin, 2) + "–"), shown.get(0));
        // 10-14 s holds the worst interval, 11.9-13.9 s
        assertTrue(shown.get(0).contains("within it: " + PlainNumbers.rounded(worst.fromS() - origin, 1) + "–"), shown.get(0));
        assertTrue(shown.get(1).contains("prometheus.json"), "every runtime source: " + shown.get(1));
        assertEquals(reading.causes().size() + 2, shown.size());
        assertEquals(reading.causes().get(0).cause() + ": " + reading.causes().get(0).evidence(), shown.get(2));
        assertFalse(shown.get(1).contains("≥"), "over 10-14 s the surge's 500 long waits are under 1 % of 126,000: " + shown.get(1));

        // 12.9-13.9 s, the bin where the JSON lines' P99 is 1.9 s: the export's buckets end at 117 ms, its P99 is a lower bound
        double surgeBin = d.lanes().bins().from(d.lanes().bins().of(origin + 13.4)) - origin;
        robot.interact(() -> vm.select(surgeBin + 0.2, surgeBin + 0.8));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.readingProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> oneBin = incident.rangeText();
        assertTrue(oneBin.get(0).contains("(1 interval of 1 s"), oneBin.get(0));
        assertTrue(oneBin.get(1).contains("P99 ≥ 117 ms (quota50-prometheus.json") && oneBin.get(1).contains("a lower bound")
                && oneBin.get(1).contains("its snapshots span 2 s, shared evenly"), oneBin.get(1));
        TimeRange selectedNow = vm.selectionProperty().get();

        robot.interact(() -> vm.zoomTo(5, 15));
        // keys on the focused lane, as on the timelines: + zooms about the middle, → pans, Home shows all, Escape drops the range
        robot.interact(kernelLane::requestFocus);
        TimeRange before = vm.viewportProperty().get();
        robot.type(javafx.scene.input.KeyCode.ADD);
        TimeRange in = vm.viewportProperty().get();
        assertEquals(before.length() * 0.8, in.length(), 1e-9);
        assertEquals((before.from() + before.to()) / 2, (in.from() + in.to()) / 2, 1e-9);
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        assertEquals(in.from() + 0.1 * in.length(), vm.viewportProperty().get().from(), 1e-9);
        robot.type(javafx.scene.input.KeyCode.SUBTRACT);
        assertEquals(in.length() / 0.8, vm.viewportProperty().get().length(), 1e-9);
        robot.type(javafx.scene.input.KeyCode.HOME);
        assertEquals(whole, vm.viewportProperty().get());
        assertEquals(selectedNow, vm.selectionProperty().get(), "Home keeps the range");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertNull(vm.selectionProperty().get());
        assertEquals(List.of(IncidentRangePane.HINT, ""), incident.rangeText());
    }

    private static void assertEveryLaneShows(IncidentView incident, TimeRange range) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> incident.charts().stream()
                .allMatch(c -> c.plotArea().map(a -> Math.abs(a.xScale().dataMin() - range.from()) < 1e-9
                        && Math.abs(a.xScale().dataMax() - range.to()) < 1e-9).orElse(false))).get());
    }

    @Test
    void theFreeRunDroppedAsALinkIsNeverTheQuotaAndAShiftReAlignsAsDiagnoseOffsetDoes(FxRobot robot) throws Exception {
        List<Path> files = recording("free-");
        robot.interact(() -> view.dropFiles(files.stream().map(Path::toFile).toList(), TransferMode.LINK));
        IncidentView incident = openedIncident(robot);
        IncidentViewModel vm = incident.viewModel();

        JsonNode cli = diagnoseJson(files, Map.of());
        assertShownAs(robot, incident, cli);
        assertLanesAre(incident, expected(files, Map.of()));
        for (JsonNode i : cli.get("intervals")) {
            for (JsonNode c : i.get("causes")) assertNotEquals("cpu_quota", c.get("cause").asText(), i.toString());
        }

        // shift the runtime/metrics file by half a second with its spinner
        Path metrics = files.stream().filter(f -> f.getFileName().toString().endsWith("metrics.jsonl.gz")).findFirst().orElseThrow();
        AlignmentRow before = vm.alignmentRows().stream().filter(r -> r.current().file().equals(metrics.toString())).findFirst().orElseThrow();
        Spinner<Double> spinner = shiftSpinner(robot, incident, metrics.toString());
        robot.interact(() -> spinner.getValueFactory().setValue(0.5));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.userOffsets().containsKey(metrics.toString()) && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        double offset = before.found().offsetS() + 0.5;
        assertEquals(offset, vm.userOffsets().get(metrics.toString()), 1e-12);

        JsonNode shifted = diagnoseJson(files, Map.of(metrics, offset));
        assertShownAs(robot, incident, shifted);
        assertLanesAre(incident, expected(files, Map.of(metrics.toString(), offset)));
        AlignmentRow after = vm.alignmentRows().stream().filter(r -> r.current().file().equals(metrics.toString())).findFirst().orElseThrow();
        assertEquals("user_offset", after.current().method().id());
        assertEquals(before.current().offsetS() + 0.5, after.current().offsetS(), 1e-9);
        assertNotEquals(cli.get("intervals").toString(), shifted.get("intervals").toString(), "half a second moves the runtime's latency");

        // back to 0: the files' own alignment again
        // the rows were replaced by the new result: the spinner showing the metrics row now may be another cell's
        Spinner<Double> again = shiftSpinner(robot, incident, metrics.toString());
        assertEquals(0.5, again.getValue(), 1e-12, "the spinner shows the shift the figures were computed with");
        robot.interact(() -> again.getValueFactory().setValue(0.0));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.userOffsets().isEmpty() && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertShownAs(robot, incident, cli);
    }

    @Test
    void anAltDragOnALaneShiftsItsSourceByThePixelsDraggedAndEscapeCancelsIt(FxRobot robot) throws Exception {
        List<Path> files = recording("free-");
        robot.interact(() -> view.openIncident(files));
        IncidentView incident = openedIncident(robot);
        IncidentViewModel vm = incident.viewModel();
        IncidentLaneChart lane = chart(incident, "runtime");
        String file = vm.fileOf(lane.lane());
        assertTrue(file != null && file.endsWith("metrics.jsonl.gz"), "the runtime lane is the runtime/metrics file's: " + file);
        AlignmentRow before = vm.alignmentRows().stream().filter(r -> r.current().file().equals(file)).findFirst().orElseThrow();
        var area = lane.plotArea().orElseThrow();
        double pixel = 1 / area.xScale().pixelsPerUnit();
        javafx.geometry.Point2D start = lane.localToScreen(area.x() + area.width() / 3, area.y() + area.height() / 2);
        int dragged = 40;

        // Escape during the drag: the lane goes back, nothing is re-aligned
        robot.press(javafx.scene.input.KeyCode.ALT);
        robot.drag(start, javafx.scene.input.MouseButton.PRIMARY).moveBy(dragged, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Math.abs(lane.draggedShiftS() - dragged * pixel) < pixel / 2);
        // live: the dragged lane's events follow the pointer (its x range moves the other way), the others stay
        TimeRange shown = vm.viewportProperty().get();
        IncidentLaneChart kernel = chart(incident, "kernel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> Math.abs(lane.plotArea().orElseThrow().xScale().dataMin() - (shown.from() - lane.draggedShiftS())) < 1e-9
                        && Math.abs(kernel.plotArea().orElseThrow().xScale().dataMin() - shown.from()) < 1e-9).get());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        robot.release(javafx.scene.input.MouseButton.PRIMARY).release(javafx.scene.input.KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, lane.draggedShiftS());
        assertFalse(vm.busyProperty().get(), "a cancelled drag re-aligns nothing");
        assertTrue(vm.userOffsets().isEmpty(), vm.userOffsets().toString());
        assertEquals(0, vm.shiftOf(file));

        // released: the file's shift is the pixels dragged at the lane's scale, re-aligned as a spinner change is
        robot.press(javafx.scene.input.KeyCode.ALT);
        robot.drag(start, javafx.scene.input.MouseButton.PRIMARY).moveBy(dragged, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        robot.release(javafx.scene.input.KeyCode.ALT);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.userOffsets().containsKey(file) && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        double shift = vm.shiftOf(file);
        assertEquals(dragged * pixel, shift, pixel / 2, "40 pixels of " + pixel + " s");
        assertEquals(before.found().offsetS() + shift, vm.userOffsets().get(file), 1e-12);
        AlignmentRow after = vm.alignmentRows().stream().filter(r -> r.current().file().equals(file)).findFirst().orElseThrow();
        assertEquals("user_offset", after.current().method().id(), "diagnose's own method id stays");
        assertEquals(before.current().offsetS() + shift, after.current().offsetS(), 1e-9);
        assertEquals(shift, shiftSpinner(robot, incident, file).getValue(), 1e-12, "the spinner shows the dragged shift");
        @SuppressWarnings("unchecked")
        TableView<AlignmentRow> alignment = robot.from(incident.root()).lookup("#incident-alignment").queryAs(TableView.class);
        List<String> row = TableText.of(alignment, true).rows().get(alignment.getItems().indexOf(after));
        assertEquals(pixel, Double.parseDouble(row.get(4)), 1e-9, "± one pixel's time at the zoom it was dragged at");
        assertTrue(row.get(6).startsWith("offset set by hand: dragged on its lane, ± one pixel"), row.get(6));
        assertTrue(row.get(6).endsWith(after.current().detail()), "diagnose's detail follows: " + row.get(6));

        // typed in the spinner, the shift is no longer the drag's
        Spinner<Double> spinner = shiftSpinner(robot, incident, file);
        robot.interact(() -> spinner.getValueFactory().setValue(0.25));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.shiftOf(file) == 0.25 && vm.userOffsets().get(file) != null
                && Math.abs(vm.userOffsets().get(file) - before.found().offsetS() - 0.25) < 1e-12 && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        AlignmentRow typed = vm.alignmentRows().stream().filter(r -> r.current().file().equals(file)).findFirst().orElseThrow();
        assertFalse(typed.byHand());
        assertEquals(typed.current().detail(), typed.how());
    }

    private static IncidentLaneChart chart(IncidentView v, String id) {
        return v.charts().stream().filter(c -> c.lane().id().equals(id)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Spinner<Double> shiftSpinner(FxRobot robot, IncidentView incident, String file) {
        Tab tab = robot.from(incident.root()).lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class).getTabs().stream()
                .filter(t -> "incident-alignment-tab".equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> tab.getTabPane().getSelectionModel().select(tab));
        return robot.from(incident.root()).lookup(".incident-shift").queryAllAs(Spinner.class).stream()
                .map(s -> (Spinner<Double>) s)
                .filter(s -> s.getParent() instanceof TableCell<?, ?> cell && cell.getItem() instanceof AlignmentRow r && r.current().file().equals(file))
                .findFirst().orElseThrow();
    }

    /** The verdict, the intervals table and the alignment table say what {@code diagnose --json} says. */
    private static void assertShownAs(FxRobot robot, IncidentView incident, JsonNode cli) {
        Label verdict = robot.from(incident.root()).lookup("#incident-verdict").queryAs(Label.class);
        assertEquals(cli.get("verdict").asText(), verdict.getText());
        double origin = cli.get("process_start_s").asDouble();
        assertEquals(origin, incident.viewModel().lanesProperty().get().originS(), 1e-6, "the lanes count from the process start");

        @SuppressWarnings("unchecked")
        TableView<Diagnosis.Interval> intervals = robot.from(incident.root()).lookup("#incident-intervals").queryAs(TableView.class);
        JsonNode json = cli.get("intervals");
        assertEquals(json.size(), intervals.getItems().size());
        TextTable plain = TableText.of(intervals, true), shown = TableText.of(intervals, false);
        for (int i = 0; i < json.size(); i++) {
            JsonNode j = json.get(i);
            List<String> p = plain.rows().get(i);
            assertEquals(j.get("from_s").asDouble(), Double.parseDouble(p.get(0)) + origin, 1e-6, "from " + i);
            assertEquals(j.get("to_s").asDouble(), Double.parseDouble(p.get(1)) + origin, 1e-6, "to " + i);
            assertFigure(j.get("sched_delay_p99_ms"), p.get(2), "P99 " + i);
            assertFigure(j.get("kernel_delay_p99_ms"), p.get(3), "kernel P99 " + i);
            assertFigure(j.get("goroutine_latency_p99_ms"), p.get(4), "goroutine P99 " + i);
            List<String> causes = new ArrayList<>();
            j.get("causes").forEach(c -> causes.add(c.get("cause").asText()));
            assertEquals(String.join(", ", causes), shown.rows().get(i).get(5));
            assertEquals(j.get("causes").get(0).get("evidence").asText(), shown.rows().get(i).get(6));
        }

        @SuppressWarnings("unchecked")
        TableView<AlignmentRow> alignment = robot.from(incident.root()).lookup("#incident-alignment").queryAs(TableView.class);
        JsonNode sources = cli.get("alignment").get("sources");
        assertEquals(sources.size(), alignment.getItems().size());
        TextTable a = TableText.of(alignment, true);
        for (int i = 0; i < sources.size(); i++) {
            JsonNode s = sources.get(i);
            List<String> p = a.rows().get(i);
            assertEquals(s.get("kind").asText(), p.get(0));
            assertEquals(Path.of(s.get("file").asText()).getFileName().toString(), p.get(1));
            assertEquals(s.get("method").asText(), p.get(2));
            assertEquals(s.get("offset_s").asDouble(), Double.parseDouble(p.get(3)), 1e-6, "offset " + i);
            if (s.get("uncertainty_s").isNull()) assertEquals("", p.get(4));
            else assertEquals(s.get("uncertainty_s").asDouble(), Double.parseDouble(p.get(4)), 1e-6, "uncertainty " + i);
            assertEquals(s.get("detail").asText(), p.get(6));
        }
    }

    private static void assertFigure(JsonNode expected, String actual, String what) {
        if (expected == null || expected.isNull()) {
            assertEquals("", actual, what);
            return;
        }
        assertEquals(expected.asDouble(), Double.parseDouble(actual), Math.abs(expected.asDouble()) * 1e-9, what);
    }

    /** Each lane draws the analysis' own arrays for these files. */
    private static void assertLanesAre(IncidentView incident, Expected expected) {
        IncidentLanes l = expected.diagnosis().lanes();
        Map<String, IncidentLane> shown = incident.charts().stream().collect(Collectors.toMap(c -> c.lane().id(), IncidentLaneChart::lane));
        assertEquals(List.of("quota", "kernel", "runtime", "runtime-2", "pressure", "gc-stw", "gc-cpu"),
                incident.charts().stream().map(c -> c.lane().id()).toList(), "every source of the recording has its lane");
        // the Prometheus export's Go collector: a second runtime lane
        assertEquals(2, expected.runtimes().size());
        assertTrue(shown.get("runtime-2").source().endsWith("prometheus.json"), shown.get("runtime-2").source());
        assertArrayEquals(expected.runtimes().get(1).p99Ms(), series(shown.get("runtime-2"), "P99"));
        assertArrayEquals(expected.runtimes().get(1).p50Ms(), series(shown.get("runtime-2"), "P50"));
        assertArrayEquals(l.quota().orElseThrow().throttledShare(), series(shown.get("quota"), "throttled"));
        assertArrayEquals(l.kernel().orElseThrow().p50Ms(), series(shown.get("kernel"), "P50"));
        assertArrayEquals(l.kernel().orElseThrow().p99Ms(), series(shown.get("kernel"), "P99"));
        assertArrayEquals(l.kernel().orElseThrow().maxMs(), series(shown.get("kernel"), "max"));
        assertArrayEquals(l.runtime().orElseThrow().p50Ms(), series(shown.get("runtime"), "P50"));
        assertArrayEquals(l.runtime().orElseThrow().p99Ms(), series(shown.get("runtime"), "P99"));
        assertArrayEquals(l.runtime().orElseThrow().stwMs(), series(shown.get("runtime"), "GC stop-the-world"));
        assertArrayEquals(l.pressure().orElseThrow().perP(), series(shown.get("pressure"), "per P"));
        assertArrayEquals(l.gc().orElseThrow().stwMs(), series(shown.get("gc-stw"), "stop-the-world"));
        assertArrayEquals(l.gc().orElseThrow().cpuShare(), series(shown.get("gc-cpu"), "GC CPU"));
        assertArrayEquals(l.gc().orElseThrow().assistShare(), series(shown.get("gc-cpu"), "assists"));
        assertArrayEquals(expected.runtimeGcCpu(), series(shown.get("gc-cpu"), "GC CPU (runtime, pauses included)"));
        assertEquals(l.bins(), incident.viewModel().lanesProperty().get().bins());
    }

    private static double[] series(IncidentLane lane, String name) {
        return lane.series().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().values();
    }

    /** What the analysis makes of the files, read as {@code diagnose} reads them, with every runtime source's lane. */
    private record Expected(Diagnosis diagnosis, List<IncidentLanes.RuntimeLatency> runtimes, double[] runtimeGcCpu) {}

    private static Expected expected(List<Path> files, Map<String, Double> offsets) throws Exception {
        TraceLoader loader = TraceLoader.standard();
        List<ParseResult> parsed = new ArrayList<>();
        for (Path f : files) {
            TraceSource source = TraceSource.of(f);
            parsed.add(DerivedColumns.parse(loader.parserFor(source, null), source, (done, total) -> true, ParseOptions.ALL));
        }
        IncidentSources sources = new SourceReader(null).read(parsed);
        Diagnosis d = Attribution.diagnose(sources, ClockAlignment.align(sources, offsets), 1, Attribution.DEFAULT_THRESHOLD_MS);
        return new Expected(d, LaneBuilder.runtimeLanes(sources, d.alignment(), d.lanes()),
                LaneBuilder.runtimeGcCpuShare(sources, d.alignment(), d.lanes().bins()).orElseThrow());
    }

    private static JsonNode diagnoseJson(List<Path> files, Map<Path, Double> offsets) throws Exception {
        List<String> args = new ArrayList<>(List.of("diagnose", "--json"));
        Map<Path, Double> sorted = new HashMap<>(offsets);
        sorted.forEach((f, s) -> {
            args.add("--offset");
            args.add(f + "=" + s);
        });
        files.forEach(f -> args.add(f.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new GcscopeCli(o, e, false).execute(args.toArray(String[]::new));
        }
        assertEquals(0, status, () -> err.toString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
