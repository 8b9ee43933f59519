package dev.gcscope.ui.workspace;

import dev.gcscope.ui.gctrace.GcTraceViews;
import dev.gcscope.ui.sched.SchedViews;
import dev.gcscope.ui.task.BackgroundRunner;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The inside of one document tab: a header (the selection bar of a gctrace, the input's line
 * counts and its parse report link) over the document's views, one tab each. A gctrace shows
 * {@link GcTraceViews#create}'s views; any other format a summary of the document followed by
 * {@link SchedViews#create}'s views.
 */
public final class DocumentView {
    private final DocumentViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TabPane views = new TabPane();
    private final List<TraceView> traceViews;

    /** @param openReport opens this document's parse report (the window owns dialogs) */
    public DocumentView(DocumentViewModel vm, BackgroundRunner runner, Runnable openReport) {
        this.vm = vm;
        this.traceViews = createViews(vm, runner);
        root.getStyleClass().add("document");
        root.setTop(header(openReport));
        views.setId("view-tabs");
        views.getStyleClass().add("view-tabs");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (TraceView v : traceViews) {
            Tab tab = new Tab(v.title(), v.root());
            tab.setId("view-" + v.id());
            views.getTabs().add(tab);
        }
        if (traceViews.isEmpty()) root.setCenter(new Label("gcscope has no views for this format yet"));
        else root.setCenter(views);
    }

    private static List<TraceView> createViews(DocumentViewModel vm, BackgroundRunner runner) {
        if (vm.gcTraceModel() != null) return GcTraceViews.create(vm.gcTraceModel());
        List<TraceView> out = new ArrayList<>();
        out.add(new DocumentSummaryView(vm.document()));
        out.addAll(SchedViews.create(vm.document().result(), runner));
        return out;
    }

    private Node header(Runnable openReport) {
        HBox header = new HBox();
        header.getStyleClass().add("document-header");
        if (vm.selectionBar() != null) header.getChildren().add(new SelectionBar(vm.selectionBar()).root());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label input = new Label(vm.inputLine());
        input.setId("document-input");
        input.getStyleClass().add("hint");
        input.setMinWidth(Label.USE_PREF_SIZE);
        Hyperlink report = new Hyperlink("Parse report…");
        report.setId("parse-report-button");
        report.getStyleClass().add("report-link");
        report.setMinWidth(Region.USE_PREF_SIZE);
        report.setOnAction(e -> openReport.run());
        header.getChildren().addAll(spacer, input, report);
        return header;
    }

    public Node root() {
        return root;
    }

    public DocumentViewModel viewModel() {
        return vm;
    }

    /** The document's views, in tab order. */
    public List<TraceView> views() {
        return traceViews;
    }

    /** Shows view {@code index} (0-based; Ctrl+1 is 0); false when there is no such view. */
    public boolean selectView(int index) {
        if (index < 0 || index >= views.getTabs().size()) return false;
        views.getSelectionModel().select(index);
        return true;
    }

    /** Shows the view whose {@link TraceView#id()} is {@code id}; false when this document has none. */
    public boolean selectView(String id) {
        for (int i = 0; i < traceViews.size(); i++) {
            if (traceViews.get(i).id().equals(id)) return selectView(i);
        }
        return false;
    }

    public int selectedView() {
        return views.getSelectionModel().getSelectedIndex();
    }
}
