package dev.gcscope.ui.workspace;

import dev.gcscope.export.table.TextTable;
import dev.gcscope.ui.summary.FigureCards;
import dev.gcscope.ui.table.TableActions;
import dev.gcscope.ui.view.KeyFigure;
import dev.gcscope.ui.view.TraceView;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The "Summary" view of a document that is not a gctrace (perf sched, runtime/metrics): the input
 * figures and the format's key figures as cards, then the format's table, if any (each histogram's
 * percentiles, {@code #document-details}). Value labels have ids {@code #doc-<figure id>}
 * ({@code #doc-tasks}, {@code #doc-rows}, …).
 */
public final class DocumentSummaryView implements TraceView {
    public static final String ID = "document-summary";
    /** Figures of the input card; the rest form the format's card. */
    private static final java.util.Set<String> INPUT = java.util.Set.of("format", "go-versions", "lines-read",
            "lines-skipped", "issues", "rows");

    private static final double ROW_HEIGHT = 26;

    private final ScrollPane root;

    public DocumentSummaryView(TraceDocument doc) {
        FlowPane cards = new FlowPane();
        cards.getStyleClass().add("summary");
        cards.getChildren().add(FigureCards.card("Input", null, doc.figures().stream().filter(f -> INPUT.contains(f.id()))
                .map(DocumentSummaryView::figure).toArray(Node[]::new)));
        Node[] own = doc.figures().stream().filter(f -> !INPUT.contains(f.id())).map(DocumentSummaryView::figure).toArray(Node[]::new);
        if (own.length > 0) cards.getChildren().add(FigureCards.card(doc.result().format().title(), null, own));
        VBox content = new VBox(cards);
        content.getStyleClass().addAll("content", "document-summary");
        if (!doc.details().rows().isEmpty()) {
            Label title = new Label("Histograms (latest snapshot)");
            title.getStyleClass().add("section-title");
            VBox box = new VBox(title, detailTable(doc.details()));
            box.getStyleClass().add("chart-box");
            content.getChildren().add(box);
        }
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.getStyleClass().add("summary-scroll");
    }

    /** The format's table, sized to its rows (a handful of histograms; the summary scrolls, not the table). */
    private static TableView<List<String>> detailTable(TextTable details) {
        TableView<List<String>> table = new TableView<>(FXCollections.observableArrayList(details.rows()));
        table.setId("document-details");
        table.getStyleClass().add("figure-table");
        for (int c = 0; c < details.headers().size(); c++) {
            int index = c;
            TableColumn<List<String>, String> col = new TableColumn<>(details.headers().get(c));
            col.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(index)));
            if (c > 0) col.getStyleClass().add("number-column");
            col.setPrefWidth(c == 0 ? 360 : 110);
            table.getColumns().add(col);
        }
        table.setFixedCellSize(ROW_HEIGHT);
        table.setPrefHeight(ROW_HEIGHT * (details.rows().size() + 1.4));
        table.setMinHeight(Region.USE_PREF_SIZE);
        TableActions.install(table, "histogram percentiles");
        return table;
    }

    /**
     * Keeps figure {@code id}'s value at {@code value} from now on (a view's choice changes it, see
     * {@link dev.gcscope.ui.view.LiveFigures}); nothing when the summary has no such figure.
     */
    public void bindFigure(String id, javafx.beans.value.ObservableValue<String> value) {
        Node n = root.getContent().lookup("#doc-" + id);
        if (n instanceof Label l) {
            l.textProperty().bind(value);
            l.getStyleClass().remove("figure-text");
        }
    }

    private static Node figure(KeyFigure f) {
        return FigureCards.fixedFigure(f.caption(), "doc-" + f.id(), f.value());
    }

    @Override
    public String title() {
        return "Summary";
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Node root() {
        return root;
    }
}
