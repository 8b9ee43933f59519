package dev.gcscope.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.GcSummary;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.LayoutPass;
import dev.gcscope.ui.timeline.StackedTimelineChart;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.report.ParseReportViewModel;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.workspace.DocumentView;
import dev.gcscope.ui.view.LazyTraceView;
import dev.gcscope.ui.view.TraceView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on headless Monocle, with the synchronous runner: a drop (the handler the drag-and-drop
 * event calls, given a file list) loads the files before the call returns. Settings live in memory.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowViewTest {
    private static final Pattern GC_LINE = Pattern.compile("^gc \\d+ @", Pattern.MULTILINE);

    @TempDir
    Path tmp;

    private Stage stage;
    private MainWindowViewModel vm;
    private MainWindowView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        SynchronousRunner runner = new SynchronousRunner();
        vm = new MainWindowViewModel(runner, TraceLoader.standard(), new MemorySettingsStore());
        view = new MainWindowView(vm, runner);
        stage.setScene(view.createScene(1280, 800));
        stage.titleProperty().bind(vm.titleProperty());
        stage.show();
    }

    private void drop(FxRobot robot, Path... files) {
        robot.interact(() -> view.dropFiles(Arrays.stream(files).map(Path::toFile).toList()));
        LayoutPass.run(robot, view.root());
    }

    private TabPane documents() {
        return view.documentTabs();
    }

    private DocumentView shown() {
        return view.selectedDocumentView().orElseThrow();
    }

    private Node shownRoot() {
        return shown().root();
    }

    private static String text(FxRobot robot, Node from, String id) {
        return robot.from(from).lookup(id).queryAs(Label.class).getText();
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    @Test
    void aDroppedTraceOpensATabWithItsViewsAndTheSummaryFigures(FxRobot robot) throws Exception {
        Path file = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(tmp);
        assertEquals("gcscope", stage.getTitle());
        assertTrue(robot.lookup("#empty-placeholder").query().isVisible());

        drop(robot, file);

        // Expected figures, computed here from the same file without the window's code path.
        ParseResult parsed = new GcTraceParser().parse(TraceSource.of(file));
        GcSummary sum = GcSummary.of(parsed.table(GcColumns.CYCLES_TABLE));
        ParseReport report = parsed.report();
        String content = Files.readString(file, StandardCharsets.UTF_8);
        long gcLines = GC_LINE.matcher(content).results().count();
        long forcedLines = content.lines().filter(l -> GC_LINE.matcher(l).find() && l.contains("(forced)")).count();
        assertEquals(gcLines, sum.cycles(), "every gc line of this plain trace is a cycle");

        assertEquals(1, documents().getTabs().size());
        assertEquals(file.getFileName() + " · Go 1.18+", documents().getTabs().get(0).getText());
        assertFalse(robot.lookup("#empty-placeholder").query().isVisible());
        assertEquals("gcscope — " + file.getFileName(), stage.getTitle());
        TabPane views = robot.from(shownRoot()).lookup("#view-tabs").queryAs(TabPane.class);
        assertEquals("Summary", views.getTabs().get(0).getText());
        assertEquals("view-summary", views.getTabs().get(0).getId());
        assertEquals(shown().views().size(), views.getTabs().size());

        Node doc = shownRoot();
        assertEquals(String.format(Locale.ROOT, "%,d", gcLines), text(robot, doc, "#summary-cycles"));
        assertEquals(Long.toString(forcedLines), text(robot, doc, "#summary-forced"));
        assertEquals("1", text(robot, doc, "#summary-runs"));
        assertEquals(ms(sum.stwMs().p50()), text(robot, doc, "#summary-stw-p50"));
        assertEquals(ms(sum.stwMs().p90()), text(robot, doc, "#summary-stw-p90"));
        assertEquals(ms(sum.stwMs().p99()), text(robot, doc, "#summary-stw-p99"));
        assertEquals(ms(sum.stwMs().p999()), text(robot, doc, "#summary-stw-p999"));
        assertEquals(ms(sum.stwMs().max()), text(robot, doc, "#summary-stw-max"));
        // closed, or open above where neighbouring pauses are too alike for 737 cycles to bound P99
        assertTrue(text(robot, doc, "#summary-stw-p99-ci").matches("\\d+\\.\\d{3}(–\\d+\\.\\d{3}| – > max)"),
                text(robot, doc, "#summary-stw-p99-ci"));
        assertEquals(String.format(Locale.ROOT, "%.0f MB", sum.heapPeakMb()), text(robot, doc, "#summary-heap-peak"));
        assertEquals(String.format(Locale.ROOT, "%.1f %%", sum.gcCpuPct()), text(robot, doc, "#summary-gc-cpu"));
        assertEquals(String.format(Locale.ROOT, "%,d lines · %d skipped · %d issues", content.lines().count(),
                report.linesSkipped(), report.issueCount()), text(robot, doc, "#document-input"));
        assertEquals(String.format(Locale.ROOT, "0.10 s – 20.1 s · whole trace · %d cycles", gcLines),
                text(robot, doc, "#selection-range"));
        assertFalse(robot.lookup("#error-banner").query().isVisible());

        StackedTimelineChart chart = robot.from(doc).lookup("#stw-chart").queryAs(StackedTimelineChart.class);
        assertEquals(gcLines, chart.total().length);
        assertTrue(chart.plotArea().isPresent(), "the chart plotted its data");
        long regimePixels = 0;
        for (int r = 0; r < shown().viewModel().gcTraceModel().data().analysis().regimes().regimes().size(); r++) {
            regimePixels += countPixels(robot, chart, (Color) chart.regimeColour(r));
        }
        long forcedPixels = countPixels(robot, chart, (Color) chart.forcedStroke());
        assertTrue(regimePixels > 300, "regime-coloured pixels: " + regimePixels);
        assertTrue(forcedPixels > 50, "forced-coloured pixels: " + forcedPixels);
    }

    @Test
    void aStartViewIdOpensEachDocumentOnThatView(FxRobot robot) throws Exception {
        Path gc = SampleTraces.get(MainWindowViewModelTest.SMALL).copyTo(tmp);
        Path perf = SampleTraces.get("perf/go1.24-gmp4-latency.txt").copyTo(tmp);
        robot.interact(() -> view.setStartView("mmu"));
        drop(robot, gc, perf);
        robot.interact(() -> documents().getSelectionModel().select(0));
        DocumentView d = shown();
        assertEquals("mmu", d.views().get(d.selectedView()).id());
        // Only the view on screen was built: the others wait for their tab.
        for (TraceView v : d.views()) {
            assertEquals(v.id().equals("mmu"), ((LazyTraceView) v).isBuilt(), v.id());
        }
        robot.interact(() -> d.selectView(0));
        assertTrue(((LazyTraceView) d.views().get(0)).isBuilt(), "selecting a view builds it");
        assertNotNull(robot.from(d.root()).lookup("#stw-chart").tryQuery().orElse(null), "and shows it");
        robot.interact(() -> documents().getSelectionModel().select(1));
        assertEquals(0, shown().selectedView(), "a document without that view starts on its first");
    }

    @Test
    void twoDroppedFilesOpenTwoTabsAndClosingOneLeavesTheOther(FxRobot robot) throws Exception {
        Path a = SampleTraces.get(MainWindowViewModelTest.SMALL).copyTo(tmp);
        Path b = SampleTraces.get("gctrace/go1.22-phases-restart.log").copyTo(tmp);
        drop(robot, a, b);

        assertEquals(2, documents().getTabs().size());
        assertTrue(documents().getTabs().get(0).getText().startsWith(a.getFileName().toString()));
        assertTrue(documents().getTabs().get(1).getText().startsWith(b.getFileName().toString()));
        assertEquals(1, documents().getSelectionModel().getSelectedIndex());
        assertEquals("2", text(robot, shownRoot(), "#summary-runs"));

        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, documents().getTabs().size());
        assertEquals(1, vm.documents().size());
        assertEquals("gcscope — " + a.getFileName(), stage.getTitle());
        assertEquals("1", text(robot, shownRoot(), "#summary-runs"));
    }

    @Test
    void perfAndMetricsSamplesOpenWithTheirSummary(FxRobot robot) throws Exception {
        Path latency = SampleTraces.get("perf/go1.24-gmp4-latency.txt").copyTo(tmp);
        Path metrics = SampleTraces.get("metrics/go1.24-phases-histograms.jsonl").copyTo(tmp);
        drop(robot, latency, metrics);

        assertFalse(robot.lookup("#error-banner").query().isVisible(), vm.errorMessageProperty().get());
        assertEquals(2, documents().getTabs().size());
        for (int i = 0; i < 2; i++) {
            int tab = i;
            robot.interact(() -> documents().getSelectionModel().select(tab));
            Path file = i == 0 ? latency : metrics;
            ParseResult expected = TraceLoader.standard().load(TraceSource.of(file), null, dev.gcscope.parsers.ParseListener.NONE);
            Node doc = shownRoot();
            assertEquals(String.format(Locale.ROOT, "%,d", expected.mainTable().rowCount()), text(robot, doc, "#doc-rows"));
            assertEquals(expected.format().title(), text(robot, doc, "#doc-format"));
            TabPane views = robot.from(doc).lookup("#view-tabs").queryAs(TabPane.class);
            assertEquals("Summary", views.getTabs().get(0).getText());
        }
        assertEquals(Long.toString(dev.gcscope.analysis.SchedLatencySummary.of(
                TraceLoader.standard().load(TraceSource.of(latency), null, dev.gcscope.parsers.ParseListener.NONE).table("tasks"),
                TraceLoader.standard().load(TraceSource.of(latency), null, dev.gcscope.parsers.ParseListener.NONE).table("totals")).tasks()),
                text(robot, documentRoot(0), "#doc-tasks"));
    }

    private Node documentRoot(int i) {
        return ((DocumentView) documents().getTabs().get(i).getUserData()).root();
    }

    private List<Label> errorMessages(FxRobot robot) {
        return robot.lookup("#error-banner").queryAs(javafx.scene.layout.VBox.class).lookupAll(".error-message").stream()
                .map(Label.class::cast).toList();
    }

    @Test
    void aBadFileShowsItsMessageAndLeavesTheOtherTabsAlone(FxRobot robot) throws Exception {
        Path good = SampleTraces.get(MainWindowViewModelTest.SMALL).copyTo(tmp);
        drop(robot, good);
        String cycles = text(robot, shownRoot(), "#summary-cycles");

        Path bad = SampleTraces.get(MainWindowViewModelTest.SCHED_MAP).copyTo(tmp);
        drop(robot, bad);

        Node banner = robot.lookup("#error-banner").query();
        assertTrue(banner.isVisible());
        Label message = errorMessages(robot).get(0);
        assertTrue(message.getText().startsWith(bad.getFileName() + ": not a format gcscope reads"), message.getText());
        assertTrue(message.getTooltip().getText().startsWith(bad.toAbsolutePath() + ": not a format gcscope reads"));
        assertTrue(message.getTooltip().getText().contains("perf sched map"), message.getTooltip().getText());
        assertEquals(1, documents().getTabs().size());
        assertEquals(cycles, text(robot, shownRoot(), "#summary-cycles"), "the tab shown before stays");
        assertEquals("gcscope — " + good.getFileName(), stage.getTitle());

        drop(robot, tmp); // a directory
        List<Label> both = errorMessages(robot);
        assertEquals(2, both.size(), "each failed input keeps its own message");
        assertEquals(message.getText(), both.get(0).getText());
        assertEquals(tmp.getFileName() + ": is a directory, not a trace file", both.get(1).getText());

        drop(robot, SampleTraces.get("gctrace/go1.22-phases-restart.log").copyTo(tmp));
        assertTrue(banner.isVisible(), "another file opening takes no message down");
        assertEquals(2, documents().getTabs().size());
        robot.clickOn("#error-dismiss-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(banner.isVisible());
    }

    @Test
    void severalBadFilesShowOneLineEachWithDetailsAClickAway(FxRobot robot) throws Exception {
        robot.interact(() -> stage.setWidth(1024));
        Path png = tmp.resolve("chart.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0});
        Path empty = Files.createFile(tmp.resolve("empty.log"));
        drop(robot, png, empty, tmp.resolve("missing.log"));

        List<Label> messages = errorMessages(robot);
        assertEquals(List.of("chart.png: not a format gcscope reads (it looks like binary data, not text)",
                "empty.log: is empty", "missing.log: no such file"), messages.stream().map(Label::getText).toList());
        Label title = robot.lookup(".error-title").queryAs(Label.class);
        assertEquals("3 inputs could not be opened", title.getText());
        double lineHeight = messages.get(2).getHeight();
        for (Label m : messages) {
            assertEquals(lineHeight, m.getHeight(), 0.5, "one line each: " + m.getText());
            assertFalse(m.getFont().getStyle().toLowerCase(Locale.ROOT).contains("bold"), m.getFont().toString());
        }
        Node pngRow = messages.get(0).getParent().getParent();
        Label details = robot.from(pngRow).lookup(".error-details").queryAs(Label.class);
        assertFalse(details.isVisible());
        robot.clickOn(robot.from(pngRow).lookup(".error-details-link").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(details.isVisible());
        assertTrue(details.getText().contains("gcscope reads"), details.getText());

        robot.clickOn(robot.from(messages.get(1).getParent()).lookup(".error-dismiss").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("chart.png: not a format gcscope reads (it looks like binary data, not text)", "missing.log: no such file"),
                errorMessages(robot).stream().map(Label::getText).toList());
        assertTrue(documents().getTabs().isEmpty());
    }

    @Test
    void tabsAreToldApartAndTheStatusBarFollowsTheSelectedOne(FxRobot robot) throws Exception {
        Path fa = Files.write(Files.createDirectories(tmp.resolve("api")).resolve("gctrace.log"),
                SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).bytes());
        Path fb = Files.write(Files.createDirectories(tmp.resolve("worker")).resolve("gctrace.log"),
                SampleTraces.get("gctrace/go1.22-phases-restart.log").bytes());
        drop(robot, fa, fb);
        assertEquals(List.of("api/gctrace.log · Go 1.18+", "worker/gctrace.log · Go 1.18+"),
                documents().getTabs().stream().map(javafx.scene.control.Tab::getText).toList());
        org.controlsfx.control.StatusBar bar = robot.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class);
        int restartCycles = vm.documents().get(1).document().gcTrace().size();
        assertTrue(bar.getText().startsWith(String.format(Locale.ROOT, "gctrace.log: %,d cycles", restartCycles)), bar.getText());
        robot.interact(() -> documents().getSelectionModel().select(0));
        int cycles = vm.documents().get(0).document().gcTrace().size();
        assertTrue(bar.getText().startsWith(String.format(Locale.ROOT, "gctrace.log: %,d cycles", cycles)), bar.getText());
    }

    @Test
    void theRecentFilesMenuListsTheOpenedFilesNewestFirst(FxRobot robot) throws Exception {
        Menu recent = fileMenuItem("menu-recent");
        assertTrue(recent.getItems().get(0).isDisable(), "no recent files yet");
        Path a = SampleTraces.get(MainWindowViewModelTest.SMALL).copyTo(tmp);
        Path b = Files.write(tmp.resolve("second.log"), Files.readAllBytes(a));
        drop(robot, a);
        drop(robot, b);
        List<String> names = recent.getItems().stream().map(MenuItem::getText).filter(t -> t != null && t.contains("—")).toList();
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.get(0).startsWith(b.getFileName().toString()), names.toString());
        assertTrue(names.get(1).startsWith(a.getFileName().toString()), names.toString());

        robot.interact(() -> recent.getItems().get(1).fire()); // reopen a
        assertEquals(3, documents().getTabs().size());
        assertTrue(recent.getItems().get(0).getText().startsWith(a.getFileName().toString()));
    }

    @Test
    void everyDemoSampleIsInTheOpenSampleMenu() {
        Menu samples = fileMenuItem("menu-samples");
        long items = samples.getItems().stream().mapToLong(m -> ((Menu) m).getItems().size()).sum();
        assertEquals(DemoSamples.all().size(), items);
        // Grouped under the formats' names as the parsers give them, each sample under its title.
        assertEquals(TraceLoader.standard().parsers().all().stream().map(p -> p.format().title()).sorted().toList(),
                samples.getItems().stream().map(MenuItem::getText).sorted().toList());
        Menu gctrace = (Menu) samples.getItems().get(0);
        assertEquals("Go 1.24 service, allocation phases  —  go1.24-phases.log", gctrace.getItems().get(0).getText());
    }

    private Menu fileMenuItem(String id) {
        MenuBar bar = (MenuBar) ((javafx.scene.layout.VBox) ((javafx.scene.layout.BorderPane) view.root()).getTop()).getChildren().get(0);
        return (Menu) bar.getMenus().get(0).getItems().stream().filter(m -> id.equals(m.getId())).findFirst().orElseThrow();
    }

    @Test
    void theSelectionBarShowsTheRangeAndItsResetClearsIt(FxRobot robot) throws Exception {
        drop(robot, SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(tmp));
        GcTraceModel model = shown().viewModel().gcTraceModel();
        Button reset = robot.from(shownRoot()).lookup("#selection-reset").queryAs(Button.class);
        assertTrue(reset.isDisabled(), "nothing to reset");

        double[] x = model.data().layout().x();
        TimeRange range = new TimeRange(5, 12);
        long inside = Arrays.stream(x).filter(range::contains).count();
        robot.interact(() -> model.selectionProperty().set(range));
        String label = text(robot, shownRoot(), "#selection-range");
        assertTrue(label.endsWith(String.format(Locale.ROOT, " · %d of %d cycles", inside, x.length)), label);
        assertEquals(String.format(Locale.ROOT, "%,d", inside), text(robot, shownRoot(), "#summary-cycles"),
                "the summary shows the selection");
        assertFalse(reset.isDisabled());

        robot.clickOn(reset);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(model.selectionProperty().get());
        assertNull(model.viewportProperty().get());
        assertEquals(String.format(Locale.ROOT, "%,d", x.length), text(robot, shownRoot(), "#summary-cycles"));
        assertTrue(text(robot, shownRoot(), "#selection-range").contains("whole trace"));

        // Escape resets too.
        robot.interact(() -> model.selectionProperty().set(range));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(model.selectionProperty().get());
    }

    @Test
    void clickingARegimeHighlightsItAndClickingAgainClearsIt(FxRobot robot) throws Exception {
        drop(robot, SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(tmp));
        GcTraceModel model = shown().viewModel().gcTraceModel();
        int regimes = model.data().analysis().regimes().regimes().size();
        assertTrue(regimes > 1, "the sample has several regimes");
        TableView<?> table = robot.from(shownRoot()).lookup("#summary-regimes").queryAs(TableView.class);
        assertEquals(regimes, table.getItems().size());
        Node secondRow = robot.from(table).lookup(".table-row-cell").nth(1).query();
        robot.clickOn(secondRow);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(model.data().analysis().regimes().regimes().get(1).id(), model.highlightedRegimeProperty().get());
        robot.clickOn(secondRow);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1, model.highlightedRegimeProperty().get());
    }

    @Test
    void theParseReportIsOneClickAway(FxRobot robot) throws IOException {
        Path file = tmp.resolve("damaged.log");
        Files.writeString(file, "gc 1 @0.085s 0%: 0.12+1.3+0.004 ms clock, 0.25+0/0.51/0.86+0.009 ms cpu, 3->3->2 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n"
                + "listening on :8080\n"
                + "gc 2 @0.3s 0%: 0.014+zz+0.003 ms clock\n");
        drop(robot, file);
        assertTrue(text(robot, shownRoot(), "#document-input").endsWith("1 issue"));

        robot.clickOn(robot.from(shownRoot()).lookup("#parse-report-button").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();

        Window dialog = robot.listTargetWindows().stream().filter(w -> w != stage && w.isShowing()).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        TableView<ParseReportViewModel.IssueRow> issues =
                (TableView<ParseReportViewModel.IssueRow>) robot.from(dialog.getScene().getRoot()).lookup("#report-issues").query();
        assertEquals(1, issues.getItems().size());
        assertEquals("3", issues.getItems().get(0).line());
        assertTrue(issues.getItems().get(0).reason().contains("gc line"), issues.getItems().get(0).reason());
        Label headline = robot.from(dialog.getScene().getRoot()).lookup("#report-headline").queryAs(Label.class);
        assertTrue(headline.getText().startsWith("3 lines read"), headline.getText());
        robot.interact(dialog::hide);
    }

    @Test
    void theDarkThemeShortcutSwapsTheChartColours(FxRobot robot) throws Exception {
        drop(robot, SampleTraces.get(MainWindowViewModelTest.SMALL).copyTo(tmp));
        StackedTimelineChart chart = robot.from(shownRoot()).lookup("#stw-chart").queryAs(StackedTimelineChart.class);
        Color light = (Color) chart.regimeColour(0);
        assertEquals(Color.web("#3b6fb6"), light, "the light palette's -gc-regime-0 reached the canvas");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        // the palette is CSS: it reaches the chart in a CSS pass, which a drained event queue does not promise
        LayoutPass.run(robot, chart);
        assertTrue(vm.darkThemeProperty().get());
        assertTrue(view.root().getStyleClass().contains("dark"));
        Color dark = (Color) chart.regimeColour(0);
        assertNotEquals(light, dark);
        assertEquals(Color.web("#6fa8ff"), dark);

        robot.interact(() -> vm.darkThemeProperty().set(false));
        LayoutPass.run(robot, chart);
        assertFalse(view.root().getStyleClass().contains("dark"));
        assertEquals(light, chart.regimeColour(0));
    }

    @Test
    void ctrlAndADigitJumpsToThatView(FxRobot robot) throws Exception {
        drop(robot, SampleTraces.get(MainWindowViewModelTest.SMALL).copyTo(tmp));
        int n = shown().views().size();
        robot.interact(() -> view.selectView(n - 1));
        assertEquals(n - 1, shown().selectedView());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, shown().selectedView());
        assertFalse(shown().selectView(n), "no view past the last");
        assertNotNull(documents().getSelectionModel().getSelectedItem());
    }

    /** Pixels of the chart's snapshot within a small distance of {@code colour}. */
    private static long countPixels(FxRobot robot, javafx.scene.Node chart, Color colour) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(chart.snapshot(null, null)));
        PixelReader px = image.get().getPixelReader();
        long n = 0;
        for (int y = 0; y < (int) image.get().getHeight(); y++) {
            for (int x = 0; x < (int) image.get().getWidth(); x++) {
                Color c = px.getColor(x, y);
                if (Math.abs(c.getRed() - colour.getRed()) < 0.06 && Math.abs(c.getGreen() - colour.getGreen()) < 0.06
                        && Math.abs(c.getBlue() - colour.getBlue()) < 0.06) {
                    n++;
                }
            }
        }
        return n;
    }
}
