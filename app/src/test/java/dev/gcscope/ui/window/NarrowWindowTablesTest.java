package dev.gcscope.ui.window;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.LayoutPass;
import dev.gcscope.ui.sched.LatencyTableView;
import dev.gcscope.ui.sched.TimehistDelayView;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.summary.SummaryView;
import dev.gcscope.ui.table.ColumnHeaders;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.workspace.DocumentSummaryView;
import dev.gcscope.ui.workspace.DocumentView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The tables of the summary and scheduler views at 1024×700, the smallest window the project
 * supports, on the bundled samples: no column header is cut ("STW p…" twice could not be told
 * apart, "P50 (…" hid its unit even at 1600 px), the figures' units are in their headers, and the
 * regimes' kinds and descriptions are whole (rows grow; nothing ends in "…"). What is drawn is read
 * from the skin's text nodes, which hold "…" where JavaFX cut a label.
 */
@ExtendWith(ApplicationExtension.class)
class NarrowWindowTablesTest {
    private static final double WIDTH = 1024, HEIGHT = 700;

    @TempDir
    Path tmp;

    private MainWindowView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        SynchronousRunner runner = new SynchronousRunner();
        MainWindowViewModel vm = new MainWindowViewModel(runner, TraceLoader.standard(), new MemorySettingsStore());
        view = new MainWindowView(vm, runner);
        stage.setScene(view.createScene(WIDTH, HEIGHT));
        stage.sizeToScene();
        stage.show();
    }

    private DocumentView open(FxRobot robot, String sample, String viewId) throws Exception {
        Path file = SampleTraces.get(sample).copyTo(tmp);
        robot.interact(() -> view.dropFiles(List.of(file.toFile())));
        DocumentView doc = view.selectedDocumentView().orElseThrow();
        robot.interact(() -> assertTrue(doc.selectView(viewId), viewId));
        LayoutPass.run(robot, view.root());
        return doc;
    }

    /** The text the skin draws for {@code l}: its own, or what is left of it with "…". */
    private static String drawn(Labeled l) {
        for (Node n : l.getChildrenUnmodifiable()) if (n instanceof Text t) return t.getText();
        return l.getText();
    }

    private static boolean cut(Labeled l) {
        String text = l.getText();
        return text != null && !text.isEmpty() && !text.equals(drawn(l));
    }

    /** What each column header shows (its short form where it has one), asserting none is cut. */
    private static List<String> headersShownWhole(TableView<?> table) {
        List<String> shown = new ArrayList<>();
        for (Node h : table.lookupAll(".column-header")) {
            if (!(h instanceof Parent p) || h.getStyleClass().contains("filler")) continue;
            for (Node n : p.getChildrenUnmodifiable()) {
                if (!(n instanceof Label header) || header.getText() == null || header.getText().isEmpty()) continue;
                Labeled what = header.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY && header.getGraphic() instanceof Label g ? g : header;
                assertFalse(cut(what), "header cut at " + WIDTH + " px: '" + what.getText() + "' drawn as '" + drawn(what) + "'");
                assertTrue(what.getWidth() <= h.getLayoutBounds().getWidth() + 0.5, what.getText() + " wider than its column");
                shown.add(what.getText());
            }
        }
        return shown;
    }

    /**
     * Every gctrace timeline tab fits the smallest window: the heap timeline's six legend entries, the
     * time choice and the y scale made its header wider than 1024 px, and the chart ran off the window.
     */
    @Test
    void everyTimelineViewFitsTheSmallestWindow(FxRobot robot) throws Exception {
        // the window gcscope opens on a 1024x700 screen: 92 % of its width
        double window = 0.92 * WIDTH;
        robot.interact(() -> stage.setWidth(window));
        for (String id : List.of("pause-timeline", "heap-timeline", "gc-cpu-timeline")) {
            DocumentView doc = open(robot, SampleTraces.DEFAULT_GCTRACE, id);
            Node root = robot.from(doc.root()).lookup("#" + id).query();
            double right = root.localToScene(root.getLayoutBounds()).getMaxX();
            assertTrue(right <= stage.getScene().getWidth() + 0.5, id + " ends at x = " + right + " in a "
                    + stage.getScene().getWidth() + " px window");
            for (Node legend : root.lookupAll(".timeline-legend .legend-item")) {
                // entries of the other drawing (the dense one's bands) are in the header but not shown
                if (legend instanceof Labeled l && l.isVisible() && l.isManaged()) {
                    assertFalse(cut(l), id + ": legend entry cut: " + l.getText());
                }
            }
        }
    }

    /**
     * The legend entries wrap onto a second row only when one row cannot hold them beside the
     * header's controls: the row's room was summed from raw preferences, short by the empty regime
     * description's minimum width, and "forced" (1024) or "globals" (1600) wrapped with room to spare.
     */
    @Test
    void timelineLegendEntriesWrapOnlyWhenOneRowCannotHoldThem(FxRobot robot) throws Exception {
        for (double screen : new double[] {WIDTH, 1600}) {
            robot.interact(() -> stage.setWidth(0.92 * screen));
            for (String id : List.of("pause-timeline", "heap-timeline", "gc-cpu-timeline")) {
                DocumentView doc = open(robot, SampleTraces.DEFAULT_GCTRACE, id);
                javafx.scene.layout.Region header = robot.from(doc.root()).lookup("#" + id + " .timeline-legend").query();
                javafx.scene.layout.FlowPane entries = robot.from(header).lookup(".timeline-legend-entries").query();
                List<Node> shown = entries.getChildren().stream().filter(Node::isManaged).toList();
                int rows = 1;
                double oneRow = -entries.getHgap();
                for (int i = 0; i < shown.size(); i++) {
                    Node n = shown.get(i);
                    // a wrapped entry starts below the one before it (entries of one row differ by a pixel in y)
                    if (i > 0 && n.getBoundsInParent().getMinY() >= shown.get(i - 1).getBoundsInParent().getMaxY()) rows++;
                    oneRow += n.getLayoutBounds().getWidth() + entries.getHgap();
                }
                double controls = 0;
                for (Node n : header.getChildrenUnmodifiable()) {
                    if (n != entries && n.isManaged() && !n.getStyleClass().contains("hint")) {
                        controls += n.getLayoutBounds().getWidth() + ((javafx.scene.layout.HBox) header).getSpacing();
                    }
                }
                double room = header.getWidth() - header.getInsets().getLeft() - header.getInsets().getRight() - controls;
                String where = shown.stream().map(n -> (n instanceof Labeled l ? l.getText() : n.toString()) + "@" + n.getLayoutY() + (n.isVisible() ? "" : "(hidden)")).toList() + " " + id + " at " + screen + " px: " + rows + " rows, entries " + oneRow + " px, room " + room + " px";
                if (rows > 1) assertTrue(oneRow > room, "wrapped with room to spare, " + where);
                if (screen == 1600) assertEquals(1, rows, where);
            }
        }
    }

    @Test
    void theRegimeTableShowsEveryHeaderKindAndDescriptionWholeAtTheSmallestWindow(FxRobot robot) throws Exception {
        DocumentView doc = open(robot, SampleTraces.DEFAULT_GCTRACE, SummaryView.ID);
        TableView<?> regimes = robot.from(doc.root()).lookup("#summary-regimes").queryAs(TableView.class);
        assertTrue(regimes.getWidth() < WIDTH, "the table is inside the 1024 px window: " + regimes.getWidth());
        List<String> headers = headersShownWhole(regimes);
        assertEquals(new HashSet<>(headers).size(), headers.size(), "every header told apart: " + headers);
        assertTrue(headers.contains("STW p50\nms") && headers.contains("STW p99\nms"), headers.toString());
        // the export names stay what Copy as TSV and Save as CSV have written so far
        assertEquals(List.of("Regime", "Kind", "Cycles in selection", "Time share", "STW p50 ms", "STW p99 ms", "What the program was doing"),
                regimes.getColumns().stream().map(c -> c.getText()).toList());
        assertNotNull(ColumnHeaders.tooltip(regimes.getColumns().get(4)), "the header's meaning is a hover away");

        Set<String> texts = new HashSet<>();
        for (Node n : regimes.lookupAll(".table-cell")) {
            if (!(n instanceof TableCell<?, ?> cell) || cell.isEmpty() || cell.getText() == null || !cell.isVisible()) continue;
            assertFalse(cut(cell), "cell cut at 1024 px: '" + cell.getText() + "' drawn as '" + drawn(cell) + "'");
            texts.add(cell.getText());
        }
        assertEquals(3, regimes.getItems().size());
        for (var r : regimes.getItems()) {
            var row = (dev.gcscope.ui.summary.SummaryViewModel.RegimeRow) r;
            assertTrue(texts.contains(row.description()) && texts.contains(row.labels()), "on screen, whole: " + row);
        }
        assertTrue(regimes.getFixedCellSize() > 26, "rows grew to wrap the sentences: " + regimes.getFixedCellSize());
        // and the table is as tall as its rows, not as rows were before the columns took their widths
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        LayoutPass.run(robot, view.root());
        double rowsAndHeader = regimes.getFixedCellSize() * regimes.getItems().size() + 60;
        assertTrue(regimes.getHeight() <= rowsAndHeader, "no empty band under the rows: " + regimes.getHeight() + " > " + rowsAndHeader);
        assertTrue(regimes.getParent().getLayoutBounds().getHeight() <= rowsAndHeader + 50, "its box shrank with it");
    }

    @Test
    void theTimehistTableNamesItsUnitsInWholeHeaders(FxRobot robot) throws Exception {
        DocumentView doc = open(robot, "perf/go1.24-gmp4-quota50-timehist.txt.gz", TimehistDelayView.ID);
        TableView<?> tasks = robot.from(doc.root()).lookup("#timehist-tasks").queryAs(TableView.class);
        List<String> headers = headersShownWhole(tasks);
        assertTrue(headers.containsAll(List.of("Threads", "Switches", "P50\nms", "P99\nms", "Max\nms")), headers.toString());
        assertEquals(List.of("Task", "Threads", "Switches", "P50 (ms)", "P99 (ms)", "Max (ms)"),
                tasks.getColumns().stream().map(c -> c.getText()).toList(), "the export names are kept");
        for (Node n : tasks.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && !cell.isEmpty() && cell.getTableColumn() != tasks.getColumns().get(0)) {
                assertFalse(cut(cell), "a figure cut: " + cell.getText() + " drawn as " + drawn(cell));
            }
        }
    }

    @Test
    void theLatencyTableAndTheDocumentSummaryHoldAtTheSmallestWindow(FxRobot robot) throws Exception {
        DocumentView doc = open(robot, "perf/go1.24-gmp4-quota50-latency.txt", LatencyTableView.ID);
        TableView<?> rows = robot.from(doc.root()).lookup("#latency-rows").queryAs(TableView.class);
        robot.interact(() -> robot.lookup("#group-by-program").queryAs(javafx.scene.control.ToggleButton.class).setSelected(false));
        LayoutPass.run(robot, view.root());
        headersShownWhole(rows);

        robot.interact(() -> doc.selectView(DocumentSummaryView.ID));
        LayoutPass.run(robot, view.root());
        for (Node n : robot.from(doc.root()).lookup(".figure-value").queryAll()) {
            Label value = (Label) n;
            assertFalse(cut(value), "a summary figure cut: " + value.getText());
            if (value.getId().equals("doc-worst-delay") || value.getId().equals("doc-program-delay")
                    || value.getId().equals("doc-total-runtime")) {
                assertTrue(value.getText().matches("[\\d.,]+ ms.*"), "with its unit: " + value.getText());
            }
        }
    }
}
