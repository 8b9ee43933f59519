package dev.gcscope.ui.workspace;

import dev.gcscope.ui.summary.FigureCards;
import dev.gcscope.ui.view.KeyFigure;
import dev.gcscope.ui.view.TraceView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The "Summary" view of a document that is not a gctrace (perf sched, runtime/metrics): the input
 * figures and the format's key figures as cards, then any detail lines (one per histogram). Value
 * labels have ids {@code #doc-<figure id>} ({@code #doc-tasks}, {@code #doc-rows}, …).
 */
public final class DocumentSummaryView implements TraceView {
    public static final String ID = "document-summary";
    /** Figures of the input card; the rest form the format's card. */
    private static final java.util.Set<String> INPUT = java.util.Set.of("format", "go-versions", "lines-read",
            "lines-skipped", "issues", "rows");

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
        if (!doc.details().isEmpty()) {
            Label title = new Label("Histograms (latest snapshot)");
            title.getStyleClass().add("section-title");
            VBox lines = new VBox();
            lines.getStyleClass().add("detail-lines");
            for (String d : doc.details()) {
                Label l = new Label(d);
                l.getStyleClass().add("detail-line");
                lines.getChildren().add(l);
            }
            VBox box = new VBox(title, lines);
            box.getStyleClass().add("chart-box");
            content.getChildren().add(box);
        }
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.getStyleClass().add("summary-scroll");
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
