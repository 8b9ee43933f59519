package dev.gcscope.ui.incident;

import dev.gcscope.analysis.incident.Diagnosis;
import dev.gcscope.analysis.incident.SourceAlignment;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.render.incident.IncidentLane;
import dev.gcscope.render.incident.IncidentLaneSet;
import dev.gcscope.ui.table.TableActions;
import dev.gcscope.ui.table.TableText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The incident tab: the verdict in one sentence, the lanes on one time axis (zoom and pan linked,
 * one hover time for all), and under them the delayed intervals with their causes and the clock
 * alignment of every source, whose shift spinners re-run the alignment. It wires; the view model decides.
 */
public final class IncidentView {
    /** Below this the lanes scroll rather than squeeze their axes away. */
    static final double LANE_MIN_HEIGHT = 95;

    private final IncidentViewModel vm;
    private final BorderPane root = new BorderPane();
    private final VBox lanes = new VBox();
    private final List<IncidentLaneChart> charts = new ArrayList<>();
    /** The time under the pointer, seconds from the lane set's origin; NaN when it is over no lane. */
    private final DoubleProperty hoverX = new SimpleDoubleProperty(Double.NaN);
    private final IncidentReadoutPanel readoutPanel;
    private IncidentRangePane rangePane;

    public IncidentView(IncidentViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("incident-view");
        root.setId("incident");
        root.setTop(header());
        ScrollPane scroll = new ScrollPane(lanes);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("incident-lanes-scroll");
        lanes.setId("incident-lanes");
        lanes.getStyleClass().add("incident-lanes");
        // every lane's figures at the hover time over the lanes, for when some are scrolled out of view
        readoutPanel = new IncidentReadoutPanel(vm, this::charts, hoverX, scroll);
        StackPane lanesArea = new StackPane(scroll, readoutPanel.layer());
        SplitPane split = new SplitPane(new VBox(legend(), lanesArea), tables());
        VBox.setVgrow(lanesArea, Priority.ALWAYS);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        root.setCenter(split);
        vm.lanesProperty().addListener((o, old, now) -> rebuildLanes(now));
        if (vm.lanesProperty().get() != null) rebuildLanes(vm.lanesProperty().get());
    }

    public Parent root() {
        return root;
    }

    public IncidentViewModel viewModel() {
        return vm;
    }

    /** The lanes shown now, top to bottom. */
    public List<IncidentLaneChart> charts() {
        return List.copyOf(charts);
    }

    /** The panel listing every lane's figures at the hover time while some lane is scrolled out of view; empty when hidden. */
    public List<String> readoutPanelLines() {
        return readoutPanel.lines();
    }

    /** What the "Selected range" tab says: its summary, latencies and "cause: evidence" lines. */
    public List<String> rangeText() {
        return rangePane.text();
    }

    /** The shared hover time; tests set it as moving the pointer does. */
    public DoubleProperty hoverXProperty() {
        return hoverX;
    }

    // ---------------------------------------------------------------- header

    private Node header() {
        Label verdict = new Label();
        verdict.setId("incident-verdict");
        verdict.getStyleClass().add("incident-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.textProperty().bind(vm.verdictProperty());

        Label error = new Label();
        error.setId("incident-error");
        error.getStyleClass().add("incident-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Spinner<Double> threshold = spinner(vm.thresholdMsProperty(), 0.1, 100_000, 1, "incident-threshold");
        Spinner<Double> bin = spinner(vm.binSProperty(), 0.1, 60, 0.1, "incident-bin");
        Button whole = new Button("Whole incident");
        whole.setId("incident-reset-zoom");
        whole.setOnAction(e -> vm.showWhole());
        whole.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.setPrefWidth(100);
        Button cancel = new Button("Cancel");
        cancel.setId("incident-cancel");
        cancel.setOnAction(e -> vm.cancel());
        for (Node n : List.of(progress, cancel)) {
            n.visibleProperty().bind(vm.busyProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        Label status = new Label();
        status.setId("incident-status");
        status.getStyleClass().add("incident-status");
        status.textProperty().bind(vm.statusProperty());
        // a FlowPane: at 1024 px the controls and the status wrap instead of widening the window past the screen
        FlowPane controls = new FlowPane(6, 4, caption("P99 threshold (ms)"), threshold, caption("interval (s)"), bin, whole, progress, cancel,
                status);
        controls.getStyleClass().add("incident-controls");
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox top = new VBox(4, verdict, error, controls);
        top.getStyleClass().add("incident-header");
        return top;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A spinner editing {@code value} (committed on Enter or focus loss, as Spinner does). */
    private static Spinner<Double> spinner(DoubleProperty value, double min, double max, double step, String id) {
        Spinner<Double> s = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value.get(), step));
        s.setEditable(true);
        s.setId(id);
        s.setPrefWidth(90);
        s.valueProperty().addListener((o, old, now) -> {
            if (now != null) value.set(now);
        });
        value.addListener((o, old, now) -> s.getValueFactory().setValue(now.doubleValue()));
        return s;
    }

    /** What the colours mean, once for all lanes. */
    private Node legend() {
        FlowPane box = new FlowPane(12, 2, swatch("legend-tone-1", "P50 / GC CPU / per P"), swatch("legend-tone-2", "P99 / assists / longest pause"),
                swatch("legend-tone-3", "max / runtime GC CPU"), swatch("legend-bar", "throttled periods / stop-the-world"),
                swatch("legend-band", "delayed interval (its leading cause on top)"));
        box.getStyleClass().add("incident-legend");
        box.setId("incident-legend");
        return box;
    }

    private static Node swatch(String styleClass, String text) {
        Rectangle r = new Rectangle(14, 8);
        r.getStyleClass().addAll("incident-swatch", styleClass);
        Label l = new Label(text, r);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    // ---------------------------------------------------------------- lanes

    private void rebuildLanes(IncidentLaneSet set) {
        charts.forEach(IncidentLaneChart::dispose);
        charts.clear();
        lanes.getChildren().clear();
        hoverX.set(Double.NaN);
        if (set == null) return;
        List<IncidentLane> list = set.lanes();
        for (int i = 0; i < list.size(); i++) {
            IncidentLaneChart c = new IncidentLaneChart(vm, set, list.get(i), hoverX, i == 0, i == list.size() - 1, readoutPanel::someLaneHidden);
            c.setMinHeight(LANE_MIN_HEIGHT);
            c.setPrefHeight(LANE_MIN_HEIGHT);
            VBox.setVgrow(c, Priority.ALWAYS);
            charts.add(c);
        }
        // one left edge for every plot, so a time is at the same x in every lane
        for (IncidentLaneChart c : charts) {
            c.minPlotLeftProperty().bind(Bindings.createDoubleBinding(
                    () -> charts.stream().mapToDouble(x -> x.naturalPlotLeftProperty().get()).max().orElse(0),
                    charts.stream().map(IncidentLaneChart::naturalPlotLeftProperty).toArray(javafx.beans.Observable[]::new)));
        }
        lanes.getChildren().setAll(charts);
    }

    // ---------------------------------------------------------------- tables

    private Node tables() {
        Tab intervals = new Tab("Delayed intervals", intervalsTable());
        intervals.setId("incident-intervals-tab");
        Tab alignment = new Tab("Clock alignment", alignmentTable());
        alignment.setId("incident-alignment-tab");
        rangePane = new IncidentRangePane(vm);
        Tab range = new Tab("Selected range", rangePane);
        range.setId("incident-range-tab");
        TabPane tabs = new TabPane(intervals, range, alignment);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // a new selection brings its figures forward
        vm.selectionProperty().addListener((o, old, now) -> {
            if (now != null) tabs.getSelectionModel().select(range);
        });
        tabs.getStyleClass().add("incident-tables");
        return tabs;
    }

    private TableView<Diagnosis.Interval> intervalsTable() {
        TableView<Diagnosis.Interval> table = new TableView<>(vm.intervals());
        table.setId("incident-intervals");
        // before the first result there is nothing to say about intervals yet
        Label none = new Label();
        none.textProperty().bind(Bindings.when(vm.diagnosisProperty().isNull()).then("Reading…").otherwise("No interval reached the threshold"));
        table.setPlaceholder(none);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(number("from (s)", i -> i.fromS() - origin(), 2, 70));
        table.getColumns().add(number("to (s)", i -> i.toS() - origin(), 2, 70));
        table.getColumns().add(number("P99 (ms)", Diagnosis.Interval::schedDelayP99Ms, 1, 80, "n/a", Diagnosis.Interval::schedDelayAtLeast));
        table.getColumns().add(number("kernel P99", Diagnosis.Interval::kernelDelayP99Ms, 1, 80));
        table.getColumns().add(number("goroutine P99", Diagnosis.Interval::goroutineLatencyP99Ms, 1, 95, "n/a",
                Diagnosis.Interval::goroutineLatencyP99AtLeast));
        TableColumn<Diagnosis.Interval, String> causes = text("causes",
                i -> i.causes().stream().map(Diagnosis.Cause::cause).collect(Collectors.joining(", ")), 180);
        table.getColumns().add(causes);
        table.getColumns().add(text("evidence", i -> i.causes().get(0).evidence(), 360));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<Diagnosis.Interval> row = new javafx.scene.control.TableRow<>() {
                @Override
                protected void updateItem(Diagnosis.Interval item, boolean empty) {
                    super.updateItem(item, empty);
                    setTooltip(empty || item == null ? null : new Tooltip(item.causes().stream()
                            .map(c -> c.cause() + ": " + c.evidence()).collect(Collectors.joining("\n"))));
                }
            };
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) vm.zoomTo(now);
        });
        TableActions.install(table, "delayed intervals");
        return table;
    }

    private double origin() {
        IncidentLaneSet set = vm.lanesProperty().get();
        return set == null ? 0 : set.originS();
    }

    private TableView<AlignmentRow> alignmentTable() {
        TableView<AlignmentRow> table = new TableView<>(vm.alignmentRows());
        table.setId("incident-alignment");
        table.setPlaceholder(new Label("Reading…"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text("source", r -> r.current().kind(), 70));
        table.getColumns().add(text("file", AlignmentRow::fileName, 170));
        table.getColumns().add(text("method", r -> r.current().method().id(), 130));
        table.getColumns().add(number("offset (s)", r -> r.current().offsetS(), 6, 150));
        table.getColumns().add(number("± (s)", AlignmentRow::uncertaintyS, 6, 80, "unknown"));
        TableColumn<AlignmentRow, AlignmentRow> shift = new TableColumn<>("shift (s)");
        shift.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        shift.setCellFactory(c -> new ShiftCell());
        shift.setSortable(false);
        shift.setPrefWidth(120);
        TableText.shownAs(shift, r -> r == null ? "" : PlainNumbers.rounded(r.shiftS(), 3));
        TableText.plainAs(shift, r -> r == null ? "" : PlainNumbers.plain(r.shiftS()));
        table.getColumns().add(shift);
        table.getColumns().add(text("how", AlignmentRow::how, 360));
        TableActions.install(table, "clock alignment");
        return table;
    }

    /** A spinner moving the row's file from where the files alone placed it; every change re-runs the alignment. */
    private final class ShiftCell extends TableCell<AlignmentRow, AlignmentRow> {
        private final Spinner<Double> spinner = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(-86_400, 86_400, 0, 0.01));
        private boolean updating;

        ShiftCell() {
            spinner.setEditable(true);
            spinner.getStyleClass().add("incident-shift");
            spinner.setMaxWidth(Double.MAX_VALUE);
            spinner.valueProperty().addListener((o, old, now) -> {
                AlignmentRow row = getItem();
                if (updating || row == null || now == null) return;
                vm.setShift(row.current().file(), now);
            });
        }

        @Override
        protected void updateItem(AlignmentRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            updating = true;
            try {
                spinner.getValueFactory().setValue(item.shiftS());
            } finally {
                updating = false;
            }
            spinner.setTooltip(new Tooltip("Seconds added to where " + (item.found().method() == SourceAlignment.Method.NONE
                    ? "nothing placed this file (the start of the incident)" : item.found().method().id() + " placed this file")
                    + "; the same as diagnose --offset FILE=" + PlainNumbers.plain(item.userOffsetS())));
            setGraphic(spinner);
        }
    }

    private static <S> TableColumn<S, String> text(String title, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setSortable(false);
        c.setPrefWidth(width);
        return c;
    }

    private static <S> TableColumn<S, Double> number(String title, Function<S, Double> value, int decimals, double width) {
        return number(title, value, decimals, width, "n/a");
    }

    private static <S> TableColumn<S, Double> number(String title, Function<S, Double> value, int decimals, double width, String nan) {
        return number(title, value, decimals, width, nan, row -> false);
    }

    /**
     * @param nan what a NaN reads as ("unknown" for an uncertainty nothing measured)
     * @param atLeast rows whose figure is only a lower bound (a P99 above the Prometheus export's highest bucket): shown
     *                with "≥ "; copies keep the plain number
     */
    private static <S> TableColumn<S, Double> number(String title, Function<S, Double> value, int decimals, double width, String nan,
                                                     java.util.function.Predicate<S> atLeast) {
        TableColumn<S, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setSortable(false);
        Function<Double, String> shown = v -> v == null ? "" : Double.isNaN(v) ? nan : PlainNumbers.rounded(v, decimals);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                S row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : (row != null && atLeast.test(row) ? "≥ " : "") + shown.apply(item));
            }
        });
        c.getStyleClass().add("number-column");
        c.setPrefWidth(width);
        TableText.shownAs(c, shown);
        TableText.plainAs(c, v -> v == null || Double.isNaN(v) ? "" : PlainNumbers.plain(v));
        return c;
    }
}
