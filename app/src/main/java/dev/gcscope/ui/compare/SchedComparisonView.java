package dev.gcscope.ui.compare;

import dev.gcscope.format.PlainNumbers;
import dev.gcscope.render.compare.DelayCcdfPlot;
import dev.gcscope.ui.gctrace.ViewParts;
import dev.gcscope.ui.table.TableActions;
import dev.gcscope.ui.table.TableText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A scheduler comparison tab (two timehist or two runtime/metrics documents): the sides with editable
 * labels and a swap, the verdict, and two views — the percentiles side by side (copyable as every table)
 * and the chosen distribution of both sides overlaid as complementary CDFs on log–log axes (exportable as
 * every chart).
 */
public final class SchedComparisonView {
    public static final String TABLE_VIEW = "compare-sched-table";
    public static final String CCDF_VIEW = "compare-sched-ccdf";

    private final VBox root = new VBox(6);
    private final TabPane views = new TabPane();
    private final List<TextField> labelFields = new ArrayList<>();

    public SchedComparisonView(SchedComparisonViewModel vm) {
        root.getStyleClass().add("comparison-view");
        root.setId("sched-comparison");
        root.setStyle("-fx-padding: 8;");
        Label verdict = new Label();
        verdict.setId("compare-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.getStyleClass().add("compare-verdict");
        verdict.textProperty().bind(vm.verdictProperty());
        views.setId("compare-views");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        boolean timehist = vm.kind() == CompareKinds.TIMEHIST;
        views.getTabs().addAll(ComparisonCharts.tab(timehist ? "Delay percentiles" : "Percentiles", TABLE_VIEW, table(vm)),
                ComparisonCharts.tab(timehist ? "Delay distribution" : "Distribution", CCDF_VIEW, chart(vm)));
        VBox.setVgrow(views, Priority.ALWAYS);
        root.getChildren().addAll(sides(vm), verdict, views);
    }

    public Parent root() {
        return root;
    }

    public TabPane views() {
        return views;
    }

    private static VBox table(SchedComparisonViewModel vm) {
        TableView<SchedComparisonViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("compare-sched-rows");
        table.setPlaceholder(new Label("Computing…"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        boolean timehist = vm.kind() == CompareKinds.TIMEHIST;
        TableColumn<SchedComparisonViewModel.Row, String> group = text(timehist ? "task" : "metric", SchedComparisonViewModel.Row::group);
        group.setPrefWidth(timehist ? 240 : 330);
        group.setMinWidth(140);
        group.setCellFactory(c -> tooltipCell());
        table.getColumns().add(group);
        table.getColumns().add(text("percentile", SchedComparisonViewModel.Row::percentile));
        table.getColumns().add(number("A (ms)", SchedComparisonViewModel.Row::a));
        table.getColumns().add(number("B (ms)", SchedComparisonViewModel.Row::b));
        table.getColumns().add(number("B/A", SchedComparisonViewModel.Row::ratio));
        TableColumn<SchedComparisonViewModel.Row, String> interval = text("B/A 95 % interval", SchedComparisonViewModel.Row::interval);
        interval.setPrefWidth(190);
        interval.setCellFactory(c -> tooltipCell());
        table.getColumns().add(interval);
        TableColumn<SchedComparisonViewModel.Row, String> change = text("change", SchedComparisonViewModel.Row::change);
        change.setMinWidth(new javafx.scene.text.Text("no clear change").getLayoutBounds().getWidth() + 22);
        table.getColumns().add(change);
        TableActions.install(table, timehist ? "delay comparison" : "metrics comparison");
        VBox.setVgrow(table, Priority.ALWAYS);
        Label tests = ViewParts.note();
        tests.setId("compare-sched-tests");
        tests.textProperty().bind(vm.testsProperty());
        Label about = ViewParts.note();
        about.setText(timehist
                ? "Scheduling delay (perf's sch delay: wakeup to running) per process, matched by name; the interval of B/A"
                        + " holds with about 95 % confidence, widened for switches coming in bursts (a change is called only"
                        + " when a test, the in-order test that allows for bursts and an interval all support it, and a move under"
                        + " 10 µs is negligible)."
                : "Percentiles of each side's last snapshot (the whole run up to it); an interval spans whole buckets, since"
                        + " the values inside one are unknown, and is widened for observations coming in bursts where the"
                        + " snapshots tell when they came (one scrape cannot: its observations are taken as independent).");
        return new VBox(6, table, tests, about);
    }

    private static VBox chart(SchedComparisonViewModel vm) {
        ComparisonChart chart = new ComparisonChart("Computing…");
        chart.setId("compare-sched-ccdf-chart");
        VBox.setVgrow(chart, Priority.ALWAYS);
        Runnable redraw = () -> {
            SchedComparisonViewModel.Curves c = vm.curvesProperty().get();
            List<String> labels = List.copyOf(vm.labels());
            chart.placeholderProperty().set(c == null ? "Computing…" : DelayCcdfPlot.PLACEHOLDER);
            chart.plotProperty().set(c == null ? null : s -> new DelayCcdfPlot(c.sides(), labels, c.what(), c.counted(), s));
        };
        vm.curvesProperty().addListener((obs, old, now) -> redraw.run());
        vm.labels().addListener((ListChangeListener<String>) ch -> redraw.run());
        ComboBox<String> choice = new ComboBox<>(vm.distributions());
        choice.setId("compare-sched-distribution");
        choice.valueProperty().bindBidirectional(vm.distributionProperty());
        Label show = new Label(vm.kind() == CompareKinds.TIMEHIST ? "Task:" : "Metric:");
        HBox bar = new HBox(8, show, choice);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label note = ViewParts.note();
        note.setText("For each delay, the share of each side's " + (vm.kind() == CompareKinds.TIMEHIST ? "switches" : "observations")
                + " at least that long, on log–log axes: the tail is where the curves part; a curve further left has shorter"
                + " delays. Where a curve crosses a dotted line is that side's percentile.");
        VBox box = new VBox(6, bar, chart, note);
        box.getStyleClass().add("compare-chart-box");
        return box;
    }

    /** "A [free-timehist.txt.gz]  B [quota20-timehist.txt.gz]  [Swap A ⇄ B]": Enter or leaving a field applies it. */
    private FlowPane sides(SchedComparisonViewModel vm) {
        FlowPane bar = new FlowPane(8, 4);
        bar.setId("compare-sides");
        for (int i = 0; i < 2; i++) {
            int position = i;
            Label letter = new Label(i == 0 ? "A" : "B");
            letter.getStyleClass().addAll("compare-side-letter", "compare-side-" + i);
            TextField field = new TextField(vm.labels().get(i));
            field.setId("compare-label-" + i);
            field.setPrefColumnCount(Math.max(12, Math.min(28, vm.labels().get(i).length())));
            field.setTooltip(new Tooltip("The side's name in the chart and the status line; empty restores the file name"));
            field.setOnAction(e -> vm.relabel(position, field.getText()));
            field.focusedProperty().addListener((obs, was, now) -> {
                if (!now) vm.relabel(position, field.getText());
            });
            labelFields.add(field);
            bar.getChildren().addAll(letter, field);
        }
        vm.labels().addListener((ListChangeListener<String>) c -> {
            for (int i = 0; i < labelFields.size(); i++) labelFields.get(i).setText(vm.labels().get(i));
        });
        Button swap = new Button("Swap A ⇄ B");
        swap.setId("compare-swap");
        swap.setOnAction(e -> vm.swap());
        bar.getChildren().add(swap);
        return bar;
    }

    private static <S> TableCell<S, String> tooltipCell() {
        return new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                tip.setText(item);
                setTooltip(empty || item == null || item.isEmpty() ? null : tip);
            }
        };
    }

    private static <S> TableColumn<S, String> text(String title, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setSortable(false);
        c.setMinWidth(new javafx.scene.text.Text(title).getLayoutBounds().getWidth() + 22);
        return c;
    }

    /** Three significant digits on screen (a goroutine latency of 0.000099 ms is not "0"); every digit in a copy. */
    private static <S> TableColumn<S, Double> number(String title, Function<S, Double> value) {
        TableColumn<S, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setSortable(false);
        Function<Double, String> shown = v -> v == null ? "" : SchedComparisonViewModel.num(v);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : shown.apply(item));
            }
        });
        c.getStyleClass().add("number-column");
        c.setMinWidth(64);
        c.setPrefWidth(90);
        TableText.shownAs(c, shown);
        TableText.plainAs(c, v -> v == null || Double.isNaN(v) ? "" : PlainNumbers.plain(v));
        return c;
    }
}
