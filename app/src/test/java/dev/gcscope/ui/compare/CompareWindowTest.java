package dev.gcscope.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.analysis.compare.CostRow;
import dev.gcscope.analysis.compare.GcCost;
import dev.gcscope.analysis.compare.RegimeComparison;
import dev.gcscope.cli.GcscopeCli;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.table.TableText;
import dev.gcscope.ui.task.ExecutorBackgroundRunner;
import dev.gcscope.ui.window.MainWindowView;
import dev.gcscope.ui.window.MainWindowViewModel;
import dev.gcscope.export.table.TextTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
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
 * File ▸ Compare… in the window, with the real background runner: the two steady recordings of one
 * workload under Go 1.19 and Go 1.24, compared in a tab whose table must say what
 * {@code gcscope compare --json} says of the same files.
 */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {
    private static final String GO119 = "steady/go1.19-steady.log";
    private static final String GO124 = "steady/go1.24-steady.log";

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
        robot.interact(() -> view.dropFiles(java.util.Arrays.stream(files).map(Path::toFile).toList()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> tabs().getTabs().size() == tabsAfter);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private MenuItem compareItem(FxRobot robot) {
        return robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().get(0).getItems()
                .stream().filter(i -> "menu-compare".equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void ctrlKComparesTheOpenTracesAsTheCommandLineDoes(FxRobot robot) throws Exception {
        Path a = SampleTraces.get(GO119).copyTo(tmp);
        Path b = SampleTraces.get(GO124).copyTo(tmp);
        openAndWait(robot, 1, a);
        assertTrue(compareItem(robot).isDisable(), "one trace is nothing to compare");
        openAndWait(robot, 2, b);
        assertFalse(compareItem(robot).isDisable());

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        // the picker offers both, in tab order, both checked: confirm it
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#compare-picker-ok").tryQuery().isPresent());
        robot.clickOn("#compare-picker-ok");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tabs().getTabs().size() == 3);
        assertEquals(2, tabs().getSelectionModel().getSelectedIndex(), "the comparison tab is shown");
        assertEquals("Compare: " + a.getFileName() + " vs " + b.getFileName(), tabs().getTabs().get(2).getText());
        @SuppressWarnings("unchecked")
        TableView<CostRow> table = robot.from(tabs().getTabs().get(2).getContent()).lookup("#compare-costs").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        JsonNode cli = compareJson(a, b);
        JsonNode costs = cli.get("costs");
        assertEquals(GcCost.values().length, table.getItems().size());
        assertEquals(costs.size(), table.getItems().size());
        TextTable plain = TableText.of(table, true);
        TextTable shown = TableText.of(table, false);
        Iterator<String> keys = costs.fieldNames();
        for (int i = 0; i < table.getItems().size(); i++) {
            GcCost cost = GcCost.values()[i];
            assertEquals(cost.key(), keys.next(), "the rows are in the command line's order");
            JsonNode c = costs.get(cost.key());
            List<String> p = plain.rows().get(i), s = shown.rows().get(i);
            assertTrue(s.get(0).startsWith(cost.label()), s.get(0));
            assertSame(c.get("a"), p.get(1), cost + " A");
            assertSame(c.get("b"), p.get(2), cost + " B");
            assertSame(c.get("ratio"), p.get(3), cost + " B/A");
            String ratioShown = c.get("ratio").isNull() ? "n/a" : PlainNumbers.rounded(c.get("ratio").asDouble(), 3);
            assertEquals(ratioShown, s.get(3), cost + " B/A as shown");
            JsonNode ci = c.get("ratio_ci");
            if (ci.isNull()) {
                assertEquals(c.get("why_no_interval").asText(), s.get(4), cost + " why no interval");
            } else if (!ci.get(0).isNull() && !ci.get(1).isNull()) {
                assertEquals(PlainNumbers.rounded(ci.get(0).asDouble(), 3) + " – " + PlainNumbers.rounded(ci.get(1).asDouble(), 3),
                        s.get(4), cost + " interval");
            }
            assertEquals(c.get("change").asText().replace('_', ' '), s.get(5), cost + " change");
        }
        @SuppressWarnings("unchecked")
        TableView<RegimeComparison> regimes = robot.from(tabs().getTabs().get(2).getContent()).lookup("#compare-regimes")
                .queryAs(TableView.class);
        JsonNode cliRegimes = cli.get("regimes");
        assertFalse(cliRegimes.isEmpty(), "one steady load is one regime in each file");
        assertEquals(cliRegimes.size(), regimes.getItems().size());
        TextTable regimeRows = TableText.of(regimes, true);
        for (int i = 0; i < cliRegimes.size(); i++) {
            JsonNode g = cliRegimes.get(i);
            List<String> p = regimeRows.rows().get(i);
            assertEquals(g.get("name").asText(), p.get(0));
            assertSame(g.get("a").get("cycles"), p.get(1), "regime A cycles");
            assertSame(g.get("b").get("cycles"), p.get(2), "regime B cycles");
            assertSame(g.get("a").get("stw_p50_ms"), p.get(3), "regime A p50");
            assertSame(g.get("b").get("stw_p50_ms"), p.get(4), "regime B p50");
            assertSame(g.get("a").get("stw_p99_ms"), p.get(5), "regime A p99");
            assertSame(g.get("b").get("stw_p99_ms"), p.get(6), "regime B p99");
            assertSame(g.get("p_adjusted"), p.get(7), "regime p");
            assertEquals(g.get("sentence").asText(), p.get(8));
        }

        Label verdict = robot.from(tabs().getTabs().get(2).getContent()).lookup("#compare-verdict").queryAs(Label.class);
        assertEquals(cli.get("verdict").asText(), verdict.getText());

        // Ctrl+W on the comparison closes it, not a document
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, tabs().getTabs().size());
        assertTrue(view.selectedDocumentView().isPresent());
    }

    /** A JSON number equals the table's plain CSV value to the 12 digits the command line keeps. */
    private static void assertSame(JsonNode expected, String actual, String what) {
        if (expected == null || expected.isNull()) {
            assertEquals("", actual, what);
            return;
        }
        double e = expected.asDouble(), v = Double.parseDouble(actual);
        assertEquals(e, v, Math.abs(e) * 1e-11, what);
    }

    private static JsonNode compareJson(Path a, Path b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new GcscopeCli(o, e, false).execute("compare", "--json", a.toString(), b.toString());
        }
        assertEquals(0, status, () -> err.toString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
