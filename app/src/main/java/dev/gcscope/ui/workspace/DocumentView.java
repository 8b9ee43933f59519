package dev.gcscope.ui.workspace;

import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.view.LazyTraceView;
import dev.gcscope.ui.view.LiveFigures;
import dev.gcscope.ui.view.TraceView;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
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
 * counts and its parse report link) over the document's views, one tab each. A cycle document (a
 * gctrace) shows {@link GcTraceViews#create}'s views; any other format a summary of the document
 * followed by the views of its {@link dev.gcscope.ui.view.FormatViews}. A view's content is built when
 * its tab is first selected (see {@link LazyTraceView}), so a document opens with only the view on
 * screen built.
 */
public final class DocumentView {
    private final DocumentViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TabPane views = new TabPane();
    private final List<TraceView> traceViews;
    /** Where the pointer last was over this view (scene coordinates), null once it left: a followed update hovers there again. */
    private javafx.geometry.Point2D pointer;
    /** The scrolling and hover this view took over from the one it updates, until put back. */
    private ViewCarryOver carried;

    /** @param openReport opens this document's parse report (the window owns dialogs) */
    public DocumentView(DocumentViewModel vm, BackgroundRunner runner, Runnable openReport) {
        this(vm, runner, openReport, null);
    }

    /**
     * @param openReport opens this document's parse report (the window owns dialogs)
     * @param startView the id of the view shown first ({@code --view=ID}), or null (or an id this
     *                  document does not have) for its first view; the views before it are not built
     */
    public DocumentView(DocumentViewModel vm, BackgroundRunner runner, Runnable openReport, String startView) {
        this.vm = vm;
        this.traceViews = createViews(vm, runner);
        root.getStyleClass().add("document");
        root.setTop(header(openReport));
        views.setId("view-tabs");
        views.getStyleClass().add("view-tabs");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (TraceView v : traceViews) {
            Tab tab = new Tab(v.title());
            tab.setId("view-" + v.id());
            tab.setUserData(v);
            views.getTabs().add(tab);
        }
        int start = indexOf(startView);
        if (start > 0) views.getSelectionModel().select(start);
        fill(views.getSelectionModel().getSelectedItem());
        views.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            fill(now);
            focusChartLater();
        });
        // Shown for the first time (a new tab): its chart takes the keys once it is on screen.
        root.sceneProperty().addListener((o, old, now) -> {
            if (now != null) focusChartLater();
        });
        if (traceViews.isEmpty()) root.setCenter(new Label("gcscope has no views for this format yet"));
        else root.setCenter(views);
        startStatisticsAfterFirstFrame();
        root.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> pointer = new javafx.geometry.Point2D(e.getSceneX(), e.getSceneY()));
        root.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_EXITED_TARGET, e -> {
            if (e.getTarget() == root) pointer = null;
        });
    }

    /**
     * Takes over what {@code before} (the view of the followed document this one updates) showed:
     * its tables' and scroll panes' scrolling and the pointer's hover, once this view is laid out.
     * Called while {@code before} is still in the scene: leaving it tells it the pointer left.
     */
    public void carryOverFrom(DocumentView before) {
        Tab was = before.views.getSelectionModel().getSelectedItem();
        Tab now = views.getSelectionModel().getSelectedItem();
        if (was == null || now == null) return;
        pointer = before.pointer;
        javafx.scene.Scene scene = root.getScene() != null ? root.getScene() : before.root.getScene();
        carried = ViewCarryOver.of(was.getContent(), before.pointer, before.carried);
        carried.applyAfterLayout(scene, now.getContent());
    }

    /**
     * The statistics of a million cycles keep a core busy for seconds: they start once this
     * document has been laid out (its first chart drawn, charts draw in layout), not while the UI
     * thread builds the view. A document never shown computes nothing until a selection asks.
     */
    private void startStatisticsAfterFirstFrame() {
        Runnable[] listener = new Runnable[1];
        boolean[] done = {false};
        listener[0] = () -> {
            if (done[0] || root.getScene() == null || root.getWidth() <= 0) return;
            done[0] = true;
            javafx.scene.Scene scene = root.getScene();
            // After this pulse, whose rendering the statistics would otherwise compete with (and the
            // scene's listener list must not change while the pulse walks it).
            Platform.runLater(() -> {
                scene.removePostLayoutPulseListener(listener[0]);
                vm.startStatistics();
            });
        };
        root.sceneProperty().addListener((o, old, now) -> {
            if (old != null) old.removePostLayoutPulseListener(listener[0]);
            if (now != null && !done[0]) now.addPostLayoutPulseListener(listener[0]);
        });
    }

    /**
     * Gives the keys (← → + − Home) to the chart of the view on screen, so they work without a click
     * first. After the pulse that lays the view out: a node not yet shown cannot take focus.
     */
    public void focusChart() {
        Tab tab = views.getSelectionModel().getSelectedItem();
        if (tab == null || tab.getContent() == null || root.getScene() == null) return;
        ChartFocus.firstChart(tab.getContent()).ifPresent(Node::requestFocus);
    }

    private void focusChartLater() {
        Platform.runLater(this::focusChart);
    }

    /** Gives a tab its view's content the first time it is shown. */
    private static void fill(Tab tab) {
        if (tab != null && tab.getContent() == null) tab.setContent(((TraceView) tab.getUserData()).root());
    }

    private int indexOf(String id) {
        for (int i = 0; i < traceViews.size(); i++) {
            if (traceViews.get(i).id().equals(id)) return i;
        }
        return -1;
    }

    private static List<TraceView> createViews(DocumentViewModel vm, BackgroundRunner runner) {
        if (vm.gcTraceModel() != null) return GcTraceViews.create(vm.gcTraceModel());
        List<TraceView> out = new ArrayList<>();
        TraceDocument doc = vm.document();
        DocumentSummaryView summary = new DocumentSummaryView(doc);
        out.add(summary);
        if (doc.views() == null) return out;
        List<TraceView> views = doc.views().views(doc.result(), runner);
        out.addAll(views);
        // a view's choice (the perf views' "Your program") keeps its figures in the summary current
        for (TraceView v : views) if (v instanceof LiveFigures live) live.liveFigures().forEach(summary::bindFigure);
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
        if (vm.live() == null) return header;
        // A row of its own: beside the selection bar and the line counts it would crowd a 1024-wide window.
        Node live = new LiveFollowBar(vm.live()).root();
        live.getStyleClass().add("document-header");
        return new javafx.scene.layout.VBox(header, live);
    }

    public Node root() {
        return root;
    }

    public DocumentViewModel viewModel() {
        return vm;
    }

    /** The document's views, in tab order (a {@link LazyTraceView} is built on its first {@code root()}). */
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
        int i = indexOf(id);
        return i >= 0 && selectView(i);
    }

    public int selectedView() {
        return views.getSelectionModel().getSelectedIndex();
    }

    /** The id of the view shown, or null. */
    public String selectedViewId() {
        Tab t = views.getSelectionModel().getSelectedItem();
        return t == null ? null : ((TraceView) t.getUserData()).id();
    }
}
