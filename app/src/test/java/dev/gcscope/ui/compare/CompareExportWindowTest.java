package dev.gcscope.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gcscope.analysis.compare.ComparisonSide;
import dev.gcscope.analysis.compare.GcComparison;
import dev.gcscope.cli.GcscopeCli;
import dev.gcscope.format.ComparisonJson;
import dev.gcscope.export.report.ReportFormat;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.task.ExecutorBackgroundRunner;
import dev.gcscope.ui.window.DemoSamples;
import dev.gcscope.ui.window.MainWindowView;
import dev.gcscope.ui.window.MainWindowViewModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The comparison tab's exports on the steady Go 1.19 / Go 1.24 recordings: the costs table's Copy as
 * TSV and Copy as Markdown put on the clipboard what {@code compare --tsv} and {@code --markdown}
 * print for the same files, and Export report… writes the report whose comparison section is
 * {@code compare --json}'s figures.
 */
@ExtendWith(ApplicationExtension.class)
class CompareExportWindowTest {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    @TempDir
    Path tmp;

    private ExecutorBackgroundRunner runner;
    private MainWindowView view;
    private MainWindowViewModel vm;

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

    @Test
    void theCopiesAndTheReportAreWhatTheCommandLinePrints(FxRobot robot) throws Exception {
        Path a = SampleTraces.get("steady/go1.19-steady.log").copyTo(tmp);
        Path b = SampleTraces.get("steady/go1.24-steady.log").copyTo(tmp);
        robot.interact(() -> view.dropFiles(List.of(a.toFile(), b.toFile())));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.documentTabs().getTabs().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.compareOpenDocuments(List.of(a, b)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.documentTabs().getTabs().size() == 3);
        Tab comparison = view.documentTabs().getTabs().get(2);
        ComparisonViewModel cvm = (ComparisonViewModel) comparison.getUserData();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> cvm.comparisonProperty().get() != null && !cvm.isComputing());
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> costs = robot.from(comparison.getContent()).lookup("#compare-costs").queryAs(TableView.class);
        assertEquals(cli("compare", "--tsv", a.toString(), b.toString()), copied(robot, costs, "copy-tsv"));
        assertEquals(cli("compare", "--markdown", a.toString(), b.toString()), copied(robot, costs, "copy-markdown"));

        Path out = tmp.resolve("compare.html");
        boolean[] started = new boolean[1];
        robot.interact(() -> started[0] = new ComparisonExports(cvm).exportReport(comparison.getContent(), out, ReportFormat.HTML));
        assertTrue(started[0], "the window's exports are at hand");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Files.exists(out));
        Document doc = Jsoup.parse(Files.readString(out, StandardCharsets.UTF_8));
        Element section = doc.selectFirst("main > section#comparison");
        assertNotNull(section, "the comparison section comes first");
        JsonNode json = JSON.readTree(cli("compare", "--json", a.toString(), b.toString()));
        int figures = 0;
        for (Element e : section.select("[data-key^=/]")) {
            JsonNode n = json.at(e.attr("data-key"));
            if (e.hasAttr("data-missing")) {
                assertTrue(n.isNull() || n.isArray() && n.path(0).isNull(), e.attr("data-key") + " is null in compare --json");
                continue;
            }
            String expected = n.isBigDecimal() ? n.decimalValue().toPlainString() : n.asText();
            assertEquals(expected, e.hasAttr("data-value") ? e.attr("data-value") : e.wholeText(), e.attr("data-key"));
            figures++;
        }
        assertTrue(figures > 80, figures + " figures checked");
        // the charts' legends carry the labels the comparison shows
        assertTrue(section.selectFirst("figure[data-chart=compare-ccdf] svg").outerHtml().contains("go1.19-steady.log"));
        assertEquals(cvm.labels().size(), section.select("[data-key=sha256]").size(), "each side's SHA-256");
        assertFalse(doc.selectFirst("footer").text().isBlank());
    }

    /**
     * Two bundled samples (File ▸ Open sample twice) compare and report as their files do: the report
     * is written, each side's SHA-256 is that of the sample's bytes, and its figures are what
     * {@code compare --json} says of the same bytes saved to files.
     */
    @Test
    void twoBundledSamplesReportAsTheirBytesDo(FxRobot robot) throws Exception {
        String[] paths = {DemoSamples.DEFAULT_GCTRACE, "gctrace/go1.22-phases-restart.log"};
        List<Path> saved = new ArrayList<>();
        for (String p : paths) {
            byte[] bytes = DemoSamples.find(p).orElseThrow().bytes();
            saved.add(Files.write(tmp.resolve(p.substring(p.lastIndexOf('/') + 1)), bytes));
        }
        robot.interact(() -> {
            for (String p : paths) vm.openSample(p);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.documentTabs().getTabs().size() == 2
                && vm.documents().stream().allMatch(d -> d.document() != null));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.compareOpenDocuments());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.documentTabs().getTabs().size() == 3);
        Tab comparison = view.documentTabs().getTabs().get(2);
        ComparisonViewModel cvm = (ComparisonViewModel) comparison.getUserData();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> cvm.comparisonProperty().get() != null && !cvm.isComputing());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> order = cvm.sides().stream().map(d -> d.displayName()).toList();
        assertEquals(List.of("go1.24-phases.log", "go1.22-phases-restart.log"), order, "tab order, the first as A");

        Path out = tmp.resolve("samples-compare.html");
        boolean[] started = new boolean[1];
        robot.interact(() -> started[0] = new ComparisonExports(cvm).exportReport(comparison.getContent(), out, ReportFormat.HTML));
        assertTrue(started[0], "the window's exports are at hand");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Files.exists(out) || !vm.errors().isEmpty());
        assertTrue(Files.exists(out), () -> "no report: " + vm.errors());
        Document doc = Jsoup.parse(Files.readString(out, StandardCharsets.UTF_8));
        Element section = doc.selectFirst("main > section#comparison");
        assertNotNull(section, "the comparison section comes first");
        List<String> shas = section.select("[data-key=sha256]").eachText();
        List<String> expectedShas = new ArrayList<>();
        for (Path p : saved) expectedShas.add(sha256(Files.readAllBytes(p)));
        assertEquals(expectedShas, shas, "each side's SHA-256 is its sample's bytes'");
        JsonNode json = JSON.readTree(cli("compare", "--json", saved.get(0).toString(), saved.get(1).toString()));
        // the tab states the pause tests the verdict weighed, as compare --json gives them
        String tests = robot.from(comparison.getContent()).lookup("#compare-tests").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(tests.contains(String.format(java.util.Locale.ROOT, "in-order p %.3f", json.get("pauses_in_order_p").asDouble()))
                && tests.contains(String.format(java.util.Locale.ROOT, "under 0.05: %.3f", json.get("pauses_p_adjusted").asDouble()))
                && tests.contains("Mann–Whitney p < 0.001"), tests);
        int figures = 0;
        for (Element e : section.select("[data-key^=/]")) {
            JsonNode n = json.at(e.attr("data-key"));
            if (e.hasAttr("data-missing")) continue;
            String expected = n.isBigDecimal() ? n.decimalValue().toPlainString() : n.asText();
            assertEquals(expected, e.hasAttr("data-value") ? e.attr("data-value") : e.wholeText(), e.attr("data-key"));
            figures++;
        }
        assertTrue(figures > 80, figures + " figures checked");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /**
     * A drag on A's pause row compares that range of A alone, and every cost is then what
     * {@code compare --json} says of A's file cut to those cycles' lines, against B whole.
     */
    @Test
    void aRangeDraggedOnOneSideIsComparedAsThatSidesFileCutToIt(FxRobot robot) throws Exception {
        Path a = SampleTraces.get("steady/go1.19-steady.log").copyTo(tmp);
        Path b = SampleTraces.get("steady/go1.24-steady.log").copyTo(tmp);
        robot.interact(() -> view.dropFiles(List.of(a.toFile(), b.toFile())));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.documentTabs().getTabs().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.compareOpenDocuments(List.of(a, b)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.documentTabs().getTabs().size() == 3);
        Tab comparison = view.documentTabs().getTabs().get(2);
        ComparisonViewModel cvm = (ComparisonViewModel) comparison.getUserData();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> cvm.comparisonProperty().get() != null && !cvm.isComputing());
        javafx.scene.control.TabPane inner = robot.from(comparison.getContent()).lookup("#compare-views").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> inner.getSelectionModel().select(
                inner.getTabs().stream().filter(t -> "compare-timelines".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        ComparisonChart rowA = robot.from(comparison.getContent()).lookup("#compare-timeline-pause-0-chart").queryAs(ComparisonChart.class);
        var area = rowA.plotArea().orElseThrow();
        javafx.geometry.Point2D from = rowA.localToScreen(area.x() + area.width() * 0.3, area.y() + area.height() / 2);
        javafx.geometry.Point2D to = rowA.localToScreen(area.x() + area.width() * 0.7, area.y() + area.height() / 2);
        var before = cvm.comparisonProperty().get();
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> cvm.comparisonProperty().get() != before && !cvm.isComputing());
        WaitForAsyncUtils.waitForFxEvents();
        ComparisonViewModel.SideRange range = cvm.range(0);
        assertNotNull(range, "the drag selected a range of A");
        assertEquals(null, cvm.range(1), "B is whole");
        assertTrue(range.toRow() - range.fromRow() > 100 && range.toRow() - range.fromRow() < range.total(), range.toString());
        javafx.scene.control.Label label = robot.from(comparison.getContent()).lookup("#compare-range-0").queryAs(javafx.scene.control.Label.class);
        assertEquals(range.text(), label.getText());
        assertTrue(label.isVisible());
        assertFalse(robot.from(comparison.getContent()).lookup("#compare-range-1").queryAs(javafx.scene.control.Label.class).isVisible());

        // A's file cut to the lines of the range's cycles
        tech.tablesaw.api.Table cycles = cvm.sides().get(0).gcTrace().cycles();
        int firstLine = (int) cycles.numberColumn(dev.gcscope.parsers.gctrace.GcColumns.LINE).getDouble(range.fromRow());
        int lastLine = (int) cycles.numberColumn(dev.gcscope.parsers.gctrace.GcColumns.LINE).getDouble(range.toRow() - 1);
        List<String> lines = Files.readAllLines(a);
        Path cut = tmp.resolve("go1.19-steady-cut.log");
        Files.write(cut, lines.subList(firstLine - 1, lastLine));
        JsonNode expected = JSON.readTree(cli("compare", "--json", cut.toString(), b.toString()));
        JsonNode shown = JSON.readTree(cvm.json().orElseThrow().toString());
        assertEquals(range.toRow() - range.fromRow(), expected.at("/sides/0/cycles").asInt(), "the cut file holds the range's cycles");
        assertEquals(expected.at("/sides/0/cycles"), shown.at("/sides/0/cycles"));
        for (String key : List.of("/stw_ms", "/mann_whitney_p", "/ks_p", "/hodges_lehmann_ms", "/hodges_lehmann_ci_ms")) {
            assertEquals(expected.at(key), shown.at(key), key);
        }
        // The costs over the time between cycles count the interval before the range's first cycle, as a range
        // of one file's timeline does (its derived columns are the whole file's): the cut file has lost that one
        // interval. Every other cost is the cut file's exactly; those four are the cycles table cut to the range's.
        Set<String> perInterval = Set.of("gc_cpu_cycles_pct", "cycles_per_s", "cycles_per_gb", "alloc_rate_mb_s");
        JsonNode tableCut = JSON.readTree(ComparisonJson.of(GcComparison.of(List.of(
                ComparisonSide.whole("A", cycles.inRange(range.fromRow(), range.toRow())),
                ComparisonSide.whole("B", cvm.sides().get(1).gcTrace().cycles()))), a.toString(), b.toString()).toString());
        var names = expected.path("costs").fieldNames();
        while (names.hasNext()) {
            String cost = names.next();
            if (!perInterval.contains(cost)) {
                assertEquals(expected.path("costs").path(cost), shown.path("costs").path(cost), cost);
                continue;
            }
            assertEquals(tableCut.path("costs").path(cost), shown.path("costs").path(cost), cost);
            double file = expected.path("costs").path(cost).path("a").asDouble(), window = shown.path("costs").path(cost).path("a").asDouble();
            assertEquals(file, window, Math.abs(file) * 2.0 / (range.toRow() - range.fromRow()), cost + ": one interval of the range's apart");
        }
        assertEquals(tableCut.path("verdict"), shown.path("verdict"));
        // back to the whole trace
        robot.clickOn(robot.from(comparison.getContent()).lookup("#compare-range-clear-0").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> cvm.range(0) == null && !cvm.isComputing()
                && cvm.comparisonProperty().get().sides().get(0).cycles() == range.total());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(label.isVisible());
    }

    /**
     * A log whose process restarted offers its runs beside its label; run 2 alone compares as that run's
     * lines cut out of the file, every figure exactly.
     */
    @Test
    void aRunPickedOnASideIsComparedAsThatRunsLinesAlone(FxRobot robot) throws Exception {
        Path a = SampleTraces.get("gctrace/go1.22-phases-restart.log").copyTo(tmp);
        Path b = SampleTraces.get("gctrace/go1.24-phases.log").copyTo(tmp);
        robot.interact(() -> view.dropFiles(List.of(a.toFile(), b.toFile())));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.documentTabs().getTabs().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.compareOpenDocuments(List.of(a, b)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.documentTabs().getTabs().size() == 3);
        Tab comparison = view.documentTabs().getTabs().get(2);
        ComparisonViewModel cvm = (ComparisonViewModel) comparison.getUserData();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> cvm.comparisonProperty().get() != null && !cvm.isComputing());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ChoiceBox<?> runA = robot.from(comparison.getContent()).lookup("#compare-run-0").queryAs(javafx.scene.control.ChoiceBox.class);
        javafx.scene.control.ChoiceBox<?> runB = robot.from(comparison.getContent()).lookup("#compare-run-1").queryAs(javafx.scene.control.ChoiceBox.class);
        assertTrue(runA.isVisible(), "the restarted log offers its runs");
        assertFalse(runB.isVisible(), "a log of one run does not");
        List<int[]> runs = cvm.runs(0);
        assertEquals(2, runs.size());
        assertEquals(0, runA.getSelectionModel().getSelectedIndex(), "all runs, as the single-file views show them");

        var before = cvm.comparisonProperty().get();
        robot.interact(() -> runA.getSelectionModel().select(2));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> cvm.comparisonProperty().get() != before && !cvm.isComputing());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, cvm.range(0).run());
        assertTrue(cvm.rangeTexts().get(0).startsWith("run 2 · "), cvm.rangeTexts().get(0));

        tech.tablesaw.api.Table cycles = cvm.sides().get(0).gcTrace().cycles();
        var line = cycles.numberColumn(dev.gcscope.parsers.gctrace.GcColumns.LINE);
        List<String> lines = Files.readAllLines(a);
        Path cut = tmp.resolve("run2.log");
        Files.write(cut, lines.subList((int) line.getDouble(runs.get(1)[0]) - 1, (int) line.getDouble(runs.get(1)[1] - 1)));
        JsonNode expected = JSON.readTree(cli("compare", "--json", cut.toString(), b.toString()));
        JsonNode shown = JSON.readTree(cvm.json().orElseThrow().toString());
        assertEquals(runs.get(1)[1] - runs.get(1)[0], shown.at("/sides/0/cycles").asInt());
        for (String key : List.of("/sides/0/cycles", "/stw_ms", "/costs", "/mann_whitney_p", "/ks_p", "/hodges_lehmann_ms", "/verdict")) {
            assertEquals(expected.at(key), shown.at(key), key);
        }
    }

    /** Fires the costs table's context-menu item and reads the clipboard. */
    private static String copied(FxRobot robot, TableView<?> table, String id) {
        String[] text = new String[1];
        robot.interact(() -> {
            MenuItem item = table.getContextMenu().getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
            item.fire();
            text[0] = Clipboard.getSystemClipboard().getString();
        });
        return text[0];
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new GcscopeCli(o, e, false).execute(new ArrayList<>(List.of(args)).toArray(String[]::new));
        }
        assertEquals(0, status, () -> err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
