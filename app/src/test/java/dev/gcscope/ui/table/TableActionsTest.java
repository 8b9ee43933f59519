package dev.gcscope.ui.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.gcscope.analysis.sched.LatencyGroups;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.gctrace.distribution.PercentileTableView;
import dev.gcscope.ui.sched.LatencyTableView;
import dev.gcscope.ui.sched.TimehistDelayView;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.summary.SummaryViewModel;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.window.MainWindowView;
import dev.gcscope.ui.window.MainWindowViewModel;
import dev.gcscope.ui.workspace.DocumentView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Control;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every table of the window copies itself as TSV and as Markdown (read back by a CommonMark parser
 * with GitHub's tables, as GitHub would render it) and saves itself as CSV (read back by a CSV
 * reader) through the window, never over an open input. The window runs on headless Monocle with the
 * synchronous runner, so a save has happened when the call returns.
 */
@ExtendWith(ApplicationExtension.class)
class TableActionsTest {
    private static final List<org.commonmark.Extension> GFM = List.of(TablesExtension.create(), StrikethroughExtension.create());

    @TempDir
    Path tmp;

    private MainWindowViewModel vm;
    private MainWindowView view;

    @Start
    void start(Stage stage) {
        SynchronousRunner runner = new SynchronousRunner();
        vm = new MainWindowViewModel(runner, TraceLoader.standard(), new MemorySettingsStore());
        view = new MainWindowView(vm, runner);
        stage.setScene(view.createScene(1280, 800));
        stage.show();
    }

    private DocumentView open(FxRobot robot, String sample, String viewId) throws Exception {
        Path file = SampleTraces.get(sample).copyTo(tmp);
        robot.interact(() -> view.dropFiles(List.of(file.toFile())));
        WaitForAsyncUtils.waitForFxEvents();
        DocumentView doc = view.selectedDocumentView().orElseThrow();
        robot.interact(() -> assertTrue(doc.selectView(viewId), viewId));
        WaitForAsyncUtils.waitForFxEvents();
        return doc;
    }

    @Test
    void percentileAndRegimeTablesCopyAsTheyShowAndSaveTheirRows(FxRobot robot) throws Exception {
        DocumentView doc = open(robot, SampleTraces.DEFAULT_GCTRACE, "percentiles");
        TableView<List<String>> pauses = table(robot, doc, "#percentile-table");

        // Copy as TSV is what Ctrl+C has always copied
        String tsv = copy(robot, pauses, "copy-tsv");
        assertEquals(PercentileTableView.tsv(pauses), tsv);
        List<List<String>> shown = new ArrayList<>();
        shown.add(pauses.getColumns().stream().map(c -> c.getText()).toList());
        shown.addAll(pauses.getItems());
        assertEquals(shown, tsvRows(tsv));

        // Copy as Markdown renders, on GitHub's rules, to the same cells
        assertEquals(shown, markdownRows(copy(robot, pauses, "copy-markdown")));

        // Save as CSV: plain figures (the unit is in the header), no interval is empty, not a dash
        Path pausesCsv = tmp.resolve("pauses.csv");
        robot.interact(() -> assertTrue(TableActions.saveCsv(pauses, "pause percentiles", pausesCsv)));
        List<List<String>> pauseRows = csvRows(pausesCsv);
        assertEquals(List.of("statistic", "value (ms)", "95% CI low (ms)", "95% CI high (ms)"), pauseRows.get(0));
        List<String> ratio = pauseRows.stream().filter(r -> r.get(0).startsWith("tail ratio")).findFirst().orElseThrow();
        List<String> ratioShown = pauses.getItems().stream().filter(r -> r.get(0).startsWith("tail ratio")).findFirst().orElseThrow();
        assertEquals(ratioShown.get(1), ratio.get(1) + "×");
        assertEquals(List.of("", ""), ratio.subList(2, 4));
        assertEquals(pauses.getItems().get(0).get(1), pauseRows.get(1).get(1), "P50 as shown: it has no separator or sign");

        // the regime table's rows, read back by a CSV reader
        TableView<List<String>> regimes = table(robot, doc, "#regime-percentile-table");
        Path csv = tmp.resolve("regimes.csv");
        robot.interact(() -> assertTrue(TableActions.saveCsv(regimes, "pauses by regime", csv)));
        List<List<String>> saved = csvRows(csv);
        assertEquals(List.of("regime", "labels", "cycles", "P50 (ms)", "P99 (ms)", "max (ms)", "P99 95% CI (ms)", "description"), saved.get(0));
        assertEquals(regimes.getItems().size() + 1, saved.size());
        assertFalse(regimes.getItems().isEmpty());
        for (int i = 0; i < regimes.getItems().size(); i++) {
            List<String> shownRow = regimes.getItems().get(i);
            List<String> row = saved.get(i + 1);
            assertEquals(shownRow.get(1), row.get(1), "labels as shown");
            assertEquals(shownRow.get(7), row.get(7), "the description as shown, commas and all");
            // a count with no thousands separator, so a spreadsheet reads it as a number
            assertEquals(Long.parseLong(shownRow.get(2).replace(",", "")), Long.parseLong(row.get(2)));
            for (int c = 3; c <= 5; c++) assertEquals(Double.parseDouble(shownRow.get(c)), Double.parseDouble(row.get(c)), 0.0);
        }
        assertTrue(vm.statusProperty().get().contains(csv.toString()), vm.statusProperty().get());
    }

    @Test
    void theSummaryRegimeTableNamesEachRegimeAndNeverOverwritesTheInput(FxRobot robot) throws Exception {
        DocumentView doc = open(robot, SampleTraces.DEFAULT_GCTRACE, "summary");
        @SuppressWarnings("unchecked")
        TableView<SummaryViewModel.RegimeRow> regimes = robot.from(doc.root()).lookup("#summary-regimes").queryAs(TableView.class);
        List<List<String>> rows = markdownRows(copy(robot, regimes, "copy-markdown"));
        assertEquals("Regime", rows.get(0).get(0));
        assertEquals(regimes.getItems().size() + 1, rows.size());
        for (int i = 0; i < regimes.getItems().size(); i++) {
            SummaryViewModel.RegimeRow r = regimes.getItems().get(i);
            assertEquals(List.of(r.name(), r.labels(), r.cycles(), r.timeShare(), r.p50(), r.p99(), r.description()), rows.get(i + 1));
        }

        Path input = vm.inputFiles().get(0);
        byte[] before = Files.readAllBytes(input);
        robot.interact(() -> TableActions.saveCsv(regimes, "regimes", input));
        assertTrue(vm.errorMessageProperty().get().contains("is the input file"), vm.errorMessageProperty().get());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(input)), "the input is untouched");
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(input), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void perfLatencyTablesCopyTheRowsShownAndSavePlainNumbers(FxRobot robot) throws Exception {
        DocumentView doc = open(robot, "perf/go1.24-gmp4-quota50-latency-p.txt", LatencyTableView.ID);
        LatencyTableView latency = (LatencyTableView) doc.views().stream().filter(v -> v.id().equals(LatencyTableView.ID))
                .findFirst().orElseThrow();

        // the grouped tree: the rows it shows, children indented under their program
        TreeTableView<LatencyTableView.Item> tree = latency.tree();
        List<List<String>> treeRows = tsvRows(copy(robot, tree, "copy-tsv"));
        assertEquals(tree.getExpandedItemCount() + 1, treeRows.size());
        assertTrue(treeRows.stream().anyMatch(r -> r.get(0).startsWith("  ")), "an expanded program's threads are indented");

        // the flat table as CSV: every task row, numbers as perf printed them, no thousands separators
        TableView<LatencyGroups.Row> table = latency.table();
        Path csv = tmp.resolve("latency.csv");
        robot.interact(() -> TableActions.saveCsv(table, "perf sched latency", csv));
        List<List<String>> rows = csvRows(csv);
        assertEquals(List.of("Task", "Comm", "Threads", "Runtime (ms)", "Switches", "Avg delay (ms)", "Max delay (ms)",
                "Max delay end (s)"), rows.get(0));
        assertEquals(table.getItems().size() + 1, rows.size());
        for (int i = 0; i < table.getItems().size(); i++) {
            LatencyGroups.Row r = table.getItems().get(i);
            assertEquals(r.task(), rows.get(i + 1).get(0));
            assertEquals(r.runtimeMs(), Double.parseDouble(rows.get(i + 1).get(3)), 0.0);
            assertEquals(r.switches(), Long.parseLong(rows.get(i + 1).get(4)));
            assertEquals(r.maxDelayMs(), Double.parseDouble(rows.get(i + 1).get(6)), 0.0);
        }
    }

    @Test
    void perTaskDelaysAndHistogramPercentilesHaveTheSameActions(FxRobot robot) throws Exception {
        DocumentView doc = open(robot, "perf/go1.24-gmp4-quota50-timehist.txt.gz", TimehistDelayView.ID);
        TimehistDelayView timehist = (TimehistDelayView) doc.views().stream().filter(v -> v.id().equals(TimehistDelayView.ID))
                .findFirst().orElseThrow();
        TableView<TaskDelays.Task> tasks = timehist.tasks();
        List<List<String>> md = markdownRows(copy(robot, tasks, "copy-markdown"));
        assertEquals(tasks.getItems().size() + 1, md.size());
        Path csv = tmp.resolve("tasks.csv");
        robot.interact(() -> TableActions.saveCsv(tasks, "per-task delays", csv));
        List<List<String>> rows = csvRows(csv);
        for (int i = 0; i < tasks.getItems().size(); i++) {
            TaskDelays.Task t = tasks.getItems().get(i);
            assertEquals(t.label(), rows.get(i + 1).get(0));
            assertEquals(t.switches(), Integer.parseInt(rows.get(i + 1).get(2)), "a count without a thousands separator");
            assertEquals(t.p99Ms(), Double.parseDouble(rows.get(i + 1).get(4)), 0.0, "P99 exactly, not the three decimals shown");
        }

        DocumentView metrics = open(robot, "metrics/go1.24-phases-histograms.jsonl", "document-summary");
        @SuppressWarnings("unchecked")
        TableView<List<String>> details = robot.from(metrics.root()).lookup("#document-details").queryAs(TableView.class);
        List<List<String>> detailRows = tsvRows(copy(robot, details, "copy-tsv"));
        assertEquals(List.of("Histogram", "Count", "P50", "P90", "P99"), detailRows.get(0));
        assertEquals(details.getItems(), detailRows.subList(1, detailRows.size()));
        assertFalse(details.getItems().isEmpty());
    }

    // ---------------------------------------------------------------- helpers

    @SuppressWarnings("unchecked")
    private static TableView<List<String>> table(FxRobot robot, DocumentView doc, String id) {
        return robot.from(doc.root()).lookup(id).queryAs(TableView.class);
    }

    /** Fires the table's context-menu item {@code id} and returns what it put on the clipboard. */
    private static String copy(FxRobot robot, Control table, String id) {
        assertNotNull(table.getContextMenu(), "the table has a context menu");
        MenuItem item = table.getContextMenu().getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> {
            Clipboard.getSystemClipboard().clear();
            item.fire();
            copied.set(Clipboard.getSystemClipboard().getString());
        });
        assertNotNull(copied.get(), id + " put text on the clipboard");
        return copied.get();
    }

    private static List<List<String>> tsvRows(String tsv) {
        assertTrue(tsv.endsWith("\n"));
        return tsv.lines().map(l -> List.of(l.split("\t", -1))).toList();
    }

    /** The table as GitHub would render the Markdown: header cells, then each row's cells, as text. */
    static List<List<String>> markdownRows(String markdown) {
        Parser parser = Parser.builder().extensions(GFM).build();
        String html = HtmlRenderer.builder().extensions(GFM).build().render(parser.parse(markdown));
        org.jsoup.nodes.Document doc = Jsoup.parse(html);
        assertEquals(1, doc.select("table").size(), () -> "one table in:\n" + markdown);
        assertTrue(doc.select("del").isEmpty(), "nothing struck through");
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : doc.select("tr")) rows.add(tr.select("th, td").eachText());
        return rows;
    }

    static List<List<String>> csvRows(Path csv) throws Exception {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class)
                .readValues(Files.readString(csv, StandardCharsets.UTF_8))) {
            while (it.hasNext()) rows.add(it.next());
        }
        return rows;
    }
}
