package dev.gcscope.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.GcSummary;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.chart.StwChart;
import dev.gcscope.ui.report.ParseReportViewModel;
import dev.gcscope.ui.task.SynchronousRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
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
 * event calls, given a file list) loads the file before the call returns.
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
        vm = new MainWindowViewModel(new SynchronousRunner(), TraceLoader.standard());
        view = new MainWindowView(vm);
        stage.setScene(view.createScene(1200, 800));
        stage.titleProperty().bind(vm.titleProperty());
        stage.show();
    }

    private void drop(FxRobot robot, Path... files) {
        robot.interact(() -> view.dropFiles(java.util.Arrays.stream(files).map(Path::toFile).toList()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    @Test
    void aDroppedTraceShowsItsSummaryAndChart(FxRobot robot) throws Exception {
        Path file = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(tmp);
        assertEquals("gcscope", stage.getTitle());

        drop(robot, file);

        // Expected figures, computed here from the same file without the window's code path.
        ParseResult parsed = new GcTraceParser().parse(TraceSource.of(file));
        GcSummary sum = GcSummary.of(parsed.table(GcColumns.CYCLES_TABLE));
        ParseReport report = parsed.report();
        String content = Files.readString(file, StandardCharsets.UTF_8);
        long gcLines = GC_LINE.matcher(content).results().count();
        long forcedLines = content.lines().filter(l -> GC_LINE.matcher(l).find() && l.contains("(forced)")).count();
        assertEquals(gcLines, sum.cycles(), "every gc line of this plain trace is a cycle");

        assertEquals("gcscope — " + file.getFileName(), stage.getTitle());
        assertEquals(String.format(Locale.ROOT, "%,d", gcLines), text(robot, "#summary-cycles"));
        assertEquals(Long.toString(forcedLines), text(robot, "#summary-forced"));
        assertEquals("1", text(robot, "#summary-runs"));
        assertEquals(ms(sum.stwMs().p50()), text(robot, "#summary-stw-p50"));
        assertEquals(ms(sum.stwMs().p90()), text(robot, "#summary-stw-p90"));
        assertEquals(ms(sum.stwMs().p99()), text(robot, "#summary-stw-p99"));
        assertEquals(ms(sum.stwMs().p999()), text(robot, "#summary-stw-p999"));
        assertEquals(ms(sum.stwMs().max()), text(robot, "#summary-stw-max"));
        assertEquals(String.format(Locale.ROOT, "%.0f MB", sum.heapPeakMb()), text(robot, "#summary-heap-peak"));
        assertEquals(String.format(Locale.ROOT, "%.1f %%", sum.gcCpuPct()), text(robot, "#summary-gc-cpu"));
        assertEquals("Go 1.18+", text(robot, "#summary-go-versions"));
        assertEquals(String.format(Locale.ROOT, "%,d", content.lines().count()), text(robot, "#summary-lines-read"));
        assertEquals(Long.toString(report.linesSkipped()), text(robot, "#summary-lines-skipped"));
        assertEquals(Long.toString(report.issueCount()), text(robot, "#summary-issues"));
        assertFalse(robot.lookup("#error-banner").query().isVisible());

        StwChart chart = view.chart();
        assertEquals(gcLines, chart.seriesProperty().get().size());
        assertTrue(chart.plotArea().isPresent(), "the chart plotted its data");
        long stwPixels = countPixels(robot, chart, (Color) chart.seriesStroke());
        long forcedPixels = countPixels(robot, chart, (Color) chart.forcedStroke());
        assertTrue(stwPixels > 500, "STW-coloured pixels: " + stwPixels);
        assertTrue(forcedPixels > 50, "forced-coloured pixels: " + forcedPixels);
    }

    @Test
    void aBadFileShowsItsMessageAndTheWindowStillWorks(FxRobot robot) throws Exception {
        Path good = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(tmp);
        drop(robot, good);
        String cycles = text(robot, "#summary-cycles");

        Path bad = tmp.resolve("heap.pprof");
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        junk[0] = 0;
        Files.write(bad, junk);
        drop(robot, bad);

        Node banner = robot.lookup("#error-banner").query();
        assertTrue(banner.isVisible());
        String message = text(robot, "#error-message");
        assertTrue(message.startsWith(bad + ": not a format gcscope reads (it looks like binary data"), message);
        assertEquals(cycles, text(robot, "#summary-cycles"), "the trace shown before stays");
        assertEquals("gcscope — " + good.getFileName(), stage.getTitle());

        drop(robot, tmp); // a directory
        assertEquals(tmp + ": is a directory, not a trace file", text(robot, "#error-message"));

        Path restart = SampleTraces.get("gctrace/go1.22-phases-restart.log").copyTo(tmp);
        drop(robot, restart);
        assertFalse(robot.lookup("#error-banner").query().isVisible());
        assertEquals("2", text(robot, "#summary-runs"));
        assertEquals("gcscope — " + restart.getFileName(), stage.getTitle());
    }

    @Test
    void theParseReportIsOneClickAway(FxRobot robot) throws IOException {
        Path file = tmp.resolve("damaged.log");
        Files.writeString(file, "gc 1 @0.085s 0%: 0.12+1.3+0.004 ms clock, 0.25+0/0.51/0.86+0.009 ms cpu, 3->3->2 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n"
                + "listening on :8080\n"
                + "gc 2 @0.3s 0%: 0.014+zz+0.003 ms clock\n");
        drop(robot, file);
        assertEquals("1", text(robot, "#summary-issues"));

        robot.clickOn("#parse-report-button");
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
    void theDarkThemeSwapsTheChartColours(FxRobot robot) {
        StwChart chart = view.chart();
        Color light = (Color) chart.seriesStroke();
        assertEquals(Color.web("#2f6eb5"), light, "the light palette's -gc-stw reached the canvas");
        robot.interact(() -> vm.darkThemeProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.root().getStyleClass().contains("dark"));
        Color dark = (Color) chart.seriesStroke();
        assertNotEquals(light, dark);
        assertEquals(Color.web("#6fb0ff"), dark);
    }

    /** Pixels of the chart's snapshot within a small distance of {@code colour}. */
    private static long countPixels(FxRobot robot, StwChart chart, Color colour) {
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
