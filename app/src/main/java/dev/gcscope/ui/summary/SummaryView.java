package dev.gcscope.ui.summary;

import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.table.ColumnHeaders;
import dev.gcscope.ui.table.TableActions;
import dev.gcscope.ui.table.TableText;
import dev.gcscope.ui.table.WrappedRows;
import dev.gcscope.ui.timeline.StackedTimelineChart;
import dev.gcscope.ui.timeline.TimelineView;
import dev.gcscope.ui.timeline.TimelineViews;
import dev.gcscope.ui.view.TraceView;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The gctrace "Summary" view: the key figures of the selection (cards that wrap when the window is
 * narrow), the regimes the program went through with their plain-language descriptions and their
 * figures in the selection (clicking one highlights its cycles in every view), and an overview of
 * every cycle's stop-the-world pause. Value labels have ids ({@code #summary-cycles},
 * {@code #summary-stw-p99}, {@code #summary-stw-p99-ci}, …) for tests and CSS.
 */
public final class SummaryView implements TraceView {
    public static final String ID = "summary";
    private static final double ROW_HEIGHT = 26;
    /** A two-line column header and the table's borders. */
    private static final double HEADER_HEIGHT = 44;
    /**
     * The pause overview's chart never gets less than this: with three error messages above the
     * tabs at 1024x700 it was squeezed to ~20 px. When it does not fit, the summary scrolls.
     */
    public static final double MIN_CHART_HEIGHT = 180;

    private final SummaryViewModel vm;
    private final VBox content = new VBox();
    private final ScrollPane root = new ScrollPane(content);
    private StackedTimelineChart chart;
    private final TableView<SummaryViewModel.RegimeRow> regimes = new TableView<>();

    public SummaryView(GcTraceModel model) {
        this.vm = new SummaryViewModel(model);
        content.getStyleClass().addAll("gc-summary", "content");
        content.getChildren().addAll(cards(), regimeTable(), overview(model));
        // Fills the tab while there is room (the overview takes what is left); scrolls when the
        // cards, the regimes and the overview's minimum do not fit.
        root.setFitToWidth(true);
        root.setFitToHeight(true);
        root.getStyleClass().add("summary-scroll");
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

    public SummaryViewModel viewModel() {
        return vm;
    }

    /** The overview: the pause timeline itself, so it selects, zooms and highlights like the timeline tab. */
    public StackedTimelineChart chart() {
        return chart;
    }

    private Node cards() {
        FlowPane cards = new FlowPane(
                FigureCards.card("GC cycles", null,
                        FigureCards.figure("Cycles", "summary-cycles", vm.cyclesProperty()),
                        FigureCards.figure("Forced", "summary-forced", vm.forcedProperty()),
                        FigureCards.figure("Runs", "summary-runs", vm.runsProperty())),
                FigureCards.card("Stop-the-world pause (ms, 95 % interval below)", null,
                        FigureCards.figure("p50", "summary-stw-p50", vm.stwP50Property(), vm.stwP50CiProperty()),
                        FigureCards.figure("p90", "summary-stw-p90", vm.stwP90Property(), vm.stwP90CiProperty()),
                        FigureCards.figure("p99", "summary-stw-p99", vm.stwP99Property(), vm.stwP99CiProperty()),
                        FigureCards.figure("p99.9", "summary-stw-p999", vm.stwP999Property(), vm.stwP999CiProperty()),
                        FigureCards.figure("max", "summary-stw-max", vm.stwMaxProperty(), vm.stwMaxNoteProperty())),
                FigureCards.card("Memory and CPU", null,
                        FigureCards.figure("Heap peak", "summary-heap-peak", vm.heapPeakProperty()),
                        FigureCards.figure("GC CPU", "summary-gc-cpu", vm.gcCpuProperty())));
        cards.getStyleClass().add("summary");
        return cards;
    }

    private Node regimeTable() {
        regimes.setId("summary-regimes");
        regimes.getStyleClass().add("regime-table");
        regimes.setItems(vm.regimes());
        TableColumn<SummaryViewModel.RegimeRow, SummaryViewModel.RegimeRow> name = new TableColumn<>("Regime");
        name.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cd.getValue()));
        name.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(SummaryViewModel.RegimeRow item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Rectangle swatch = new Rectangle(10, 10);
                swatch.getStyleClass().addAll("regime-swatch", "regime-" + (item.id() % 8));
                setGraphic(swatch);
                setText(item.name());
            }
        });
        TableText.shownAs(name, SummaryViewModel.RegimeRow::name);
        name.setPrefWidth(70);
        name.setMinWidth(70);
        name.setSortable(false);
        regimes.getColumns().add(name);
        // Figures first, narrow, with two-line headers (unit on the second line, meaning in the tooltip);
        // the two sentence columns wrap and take the width left. The column names stay the export names.
        TableColumn<SummaryViewModel.RegimeRow, String> kind = column("Kind", 208, SummaryViewModel.RegimeRow::labels,
                SummaryViewModel.RegimeRow::kindMeaning);
        kind.setId("summary-regime-kind");
        regimes.getColumns().add(kind);
        regimes.getColumns().add(figureColumn("Cycles in selection", 92, SummaryViewModel.RegimeRow::cycles,
                "Cycles in\nselection", "Its cycles inside the selection, and their share of the selection's cycles"));
        regimes.getColumns().add(figureColumn("Time share", 58, SummaryViewModel.RegimeRow::timeShare,
                "Time\nshare", "Its share of the whole trace's time, %"));
        regimes.getColumns().add(figureColumn("STW p50 ms", 74, SummaryViewModel.RegimeRow::p50,
                "STW p50\nms", "Median stop-the-world pause of its cycles in the selection, milliseconds"));
        regimes.getColumns().add(figureColumn("STW p99 ms", 74, SummaryViewModel.RegimeRow::p99,
                "STW p99\nms", "99th-percentile stop-the-world pause of its cycles in the selection, milliseconds"));
        // Last, so it takes the width left: the sentence is what a newcomer reads.
        TableColumn<SummaryViewModel.RegimeRow, String> description = column("What the program was doing", 380,
                SummaryViewModel.RegimeRow::description, SummaryViewModel.RegimeRow::description);
        description.setId("summary-regime-description");
        regimes.getColumns().add(description);
        regimes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        regimes.setPlaceholder(new Label("No regimes: too few cycles with allocation figures"));
        TableActions.install(regimes, "regimes");
        regimes.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        // Rows grow to the lines the kind and the description need at this width (one line when wide).
        WrappedRows.install(regimes, ROW_HEIGHT, new WrappedRows.Wrapped<>(kind, SummaryViewModel.RegimeRow::labels),
                new WrappedRows.Wrapped<>(description, SummaryViewModel.RegimeRow::description));
        // Tall enough for every regime (there are at most a handful), never a scroll bar for three rows;
        // the header is two lines.
        regimes.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> regimes.getFixedCellSize() * Math.max(2, vm.regimes().size()) + HEADER_HEIGHT,
                vm.regimes(), regimes.fixedCellSizeProperty()));
        regimes.minHeightProperty().bind(regimes.prefHeightProperty());
        regimes.setRowFactory(t -> {
            TableRow<SummaryViewModel.RegimeRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) vm.toggleRegime(row.getItem().id());
            });
            return row;
        });
        // The table's selection mirrors the highlighted regime, whoever set it (the scatter, this table).
        vm.model().highlightedRegimeProperty().addListener((o, old, now) -> selectHighlighted());
        vm.regimes().addListener((javafx.collections.ListChangeListener<SummaryViewModel.RegimeRow>) c -> selectHighlighted());

        Label title = new Label("Regimes");
        title.getStyleClass().add("section-title");
        Label hint = new Label("click a regime to highlight its cycles in every view");
        hint.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label method = new Label();
        method.textProperty().bind(vm.regimeMethodProperty());
        method.getStyleClass().add("hint");
        HBox header = new HBox(title, hint, spacer, method);
        header.getStyleClass().add("chart-header");
        VBox box = new VBox(header, regimes);
        box.getStyleClass().add("chart-box");
        return box;
    }

    private void selectHighlighted() {
        int h = vm.model().highlightedRegimeProperty().get();
        for (int i = 0; i < vm.regimes().size(); i++) {
            if (vm.regimes().get(i).id() == h) {
                regimes.getSelectionModel().select(i);
                return;
            }
        }
        regimes.getSelectionModel().clearSelection();
    }

    private Node overview(GcTraceModel model) {
        TimelineView pauses = TimelineViews.pause(model, model.data().timelineCycles());
        chart = (StackedTimelineChart) pauses.charts().get(0);
        chart.setId("stw-chart"); // the pause timeline tab's own chart keeps its id
        Node box = pauses.root();
        box.getStyleClass().add("summary-overview");
        chart.setMinHeight(MIN_CHART_HEIGHT);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    /** A text column whose cells wrap; {@code tip} is a cell's tooltip (the whole text, or what it means). */
    private static <R> TableColumn<R, String> column(String title, double width, Function<R, String> value, Function<R, String> tip) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            {
                setWrapText(true);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                R row = empty || getIndex() < 0 || getIndex() >= getTableView().getItems().size() ? null
                        : getTableView().getItems().get(getIndex());
                String t = row == null ? null : tip.apply(row);
                setTooltip(t == null || t.isEmpty() ? null : new Tooltip(t));
            }
        });
        return c;
    }

    /** A figure's column: a two-line header ({@code shown}) with {@code meaning} as its tooltip. */
    private static <R> TableColumn<R, String> figureColumn(String title, double width, Function<R, String> value,
                                                           String shown, String meaning) {
        TableColumn<R, String> c = column(title, width, value, value);
        c.setMinWidth(width);
        c.getStyleClass().add("number-column");
        ColumnHeaders.shortHeader(c, shown, meaning);
        return c;
    }

}
