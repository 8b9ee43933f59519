package dev.gcscope.ui.gctrace.distribution;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.gctrace.ViewParts;
import dev.gcscope.ui.table.TableActions;
import dev.gcscope.ui.table.TableText;
import dev.gcscope.ui.view.TraceView;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The percentile table tab: pause percentiles of the selection with their 95% intervals, the
 * maximum and the tail ratio; below, each regime's pauses in the selection. Ctrl+C (Cmd+C) in a
 * table copies it as tab-separated values; the Copy button copies both; each table's context menu
 * copies it as TSV or Markdown or saves it as CSV.
 */
public final class PercentileTableView implements TraceView {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final GcTraceModel model;
    private final TableView<List<String>> pauses = table(PercentileRows.PAUSE_HEADERS, "percentile-table");
    private final TableView<List<String>> regimes = table(PercentileRows.REGIME_HEADERS, "regime-percentile-table");
    private final Label caption = ViewParts.note();
    private final VBox root;
    private boolean syncing;

    public PercentileTableView(GcTraceModel model) {
        this.model = model;
        caption.setId("percentile-caption");
        Button copy = new Button("Copy both as TSV");
        copy.setId("percentile-copy");
        copy.setOnAction(e -> copyToClipboard(tsv(pauses) + "\n" + tsv(regimes)));
        Label regimeTitle = new Label("Pauses by regime in the selection");
        regimeTitle.getStyleClass().add("section-title");
        pauses.setFixedCellSize(26);
        pauses.prefHeightProperty().bind(pauses.fixedCellSizeProperty().multiply(7.4));
        // All six rows always show; the regime table below takes what room is left (and scrolls).
        pauses.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        regimes.setMinHeight(100);
        VBox.setVgrow(regimes, Priority.ALWAYS);
        regimes.setPlaceholder(new Label("No regime has cycles in the selection"));
        TableActions.install(pauses, "pause percentiles");
        TableActions.install(regimes, "pauses by regime");
        regimeSwatches();
        regimes.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        regimes.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncing && row != null) model.highlightedRegimeProperty().set(Integer.parseInt(row.get(0)));
        });
        model.highlightedRegimeProperty().addListener((obs, old, now) -> selectHighlighted());
        root = ViewParts.chartBox("Stop-the-world pause percentiles", new HBox(copy), pauses, caption, regimeTitle, regimes);
        root.getStyleClass().add("percentile-view");
        model.statisticsProperty().addListener((obs, old, now) -> show(now));
        show(model.statisticsProperty().get());
    }

    private void show(CycleRangeAnalysis stats) {
        List<Regime> all = model.data().analysis().regimes().regimes();
        pauses.setItems(FXCollections.observableArrayList(PercentileRows.pauses(stats)));
        regimes.setItems(FXCollections.observableArrayList(PercentileRows.regimes(stats, all)));
        caption.setText(PercentileRows.caption(stats));
        selectHighlighted();
    }

    /** The highlighted regime's row is the selected one, and selecting a row highlights its regime everywhere. */
    private void selectHighlighted() {
        syncing = true;
        try {
            String id = Integer.toString(model.highlightedRegimeProperty().get());
            regimes.getSelectionModel().clearSelection();
            for (int i = 0; i < regimes.getItems().size(); i++) {
                if (regimes.getItems().get(i).get(0).equals(id)) regimes.getSelectionModel().select(i);
            }
        } finally {
            syncing = false;
        }
    }

    /** The regime column shows the regime's colour next to its id, as the scatter's legend does. */
    @SuppressWarnings("unchecked")
    private void regimeSwatches() {
        TableColumn<List<String>, String> id = (TableColumn<List<String>, String>) regimes.getColumns().get(0);
        id.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(item);
                setGraphic(ViewParts.regimeSwatch(Integer.parseInt(item)));
            }
        });
    }

    private static TableView<List<String>> table(List<String> headers, String id) {
        TableView<List<String>> t = new TableView<>();
        t.setId(id);
        t.getStyleClass().add("figure-table");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        for (int c = 0; c < headers.size(); c++) {
            int index = c;
            TableColumn<List<String>, String> col = new TableColumn<>(headers.get(c));
            col.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(index)));
            col.setSortable(false);
            if (headers.get(c).contains("(ms)") || headers.get(c).equals("cycles")) {
                col.getStyleClass().add("numeric");
                TableText.plainAs(col, PercentileRows::plain);
            }
            // headers are short phrases; never cut them to "P50 (..."
            col.setMinWidth(Math.max(60, headers.get(c).length() * 7.5));
            col.setPrefWidth(headers.get(c).equals("labels") ? 260 : col.getMinWidth());
            // the regime table's description takes what is left; the pause table's columns share it
            if (headers.get(c).equals("labels") || id.startsWith("regime") && c < headers.size() - 1) {
                col.setMaxWidth(col.getPrefWidth() * 1.3);
            }
            t.getColumns().add(col);
        }
        t.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copyToClipboard(tsv(t));
                e.consume();
            }
        });
        return t;
    }

    /** The whole table as TSV (header line, then every row); what Ctrl+C copies. */
    public static String tsv(TableView<List<String>> t) {
        return PercentileRows.tsv(t.getColumns().stream().map(TableColumn::getText).toList(), t.getItems());
    }

    private static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    public TableView<List<String>> pauseTable() {
        return pauses;
    }

    public TableView<List<String>> regimeTable() {
        return regimes;
    }

    @Override
    public String title() {
        return "Percentiles";
    }

    @Override
    public String id() {
        return "percentiles";
    }

    @Override
    public Node root() {
        return root;
    }
}
