package dev.gcscope.ui.sched;

import dev.gcscope.render.chart.PercentileLinesPlot;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.ui.chart.BucketHistogramChart;
import dev.gcscope.ui.chart.PercentileLinesChart;
import dev.gcscope.ui.table.TableActions;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.view.TraceView;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * {@code perf sched timehist}: the tasks (processes) with their scheduling-delay percentiles, worst
 * P99 first; for the chosen task, its delay histogram on log-spaced bins with P50/P90/P99 markers,
 * and its delay over time (P50, P99 and max per time bucket over every switch as a min/max stroke per
 * pixel). Dragging on the over-time chart selects a time range: the table and the histogram then
 * cover the switches inside it; the over-time chart keeps showing the whole recording, with the
 * range shaded, so there is always context to choose another one. What is shown and computed is
 * its {@link TimehistDelayViewModel}'s.
 */
public final class TimehistDelayView implements TraceView {
    public static final String ID = "sched-timehist-delays";

    private final TimehistDelayViewModel vm;
    private final LoadingPane root = new LoadingPane();
    private final TableView<TaskDelays.Task> tasks = new TableView<>();
    private final BucketHistogramChart histogram = new BucketHistogramChart();
    private final PercentileLinesChart overTime = new PercentileLinesChart();
    private final Label taskTitle = new Label();
    private final CheckBox logCounts = new CheckBox("Log count axis");
    private final Label rangeLabel = new Label();
    private final Button wholeRecording = new Button("Whole recording");
    /** Set while the table's items are replaced, so the selection briefly emptied is not taken for a choice. */
    private boolean replacing;

    public TimehistDelayView(ParseResult result, BackgroundRunner runner) {
        vm = new TimehistDelayViewModel(result, runner);
        root.setId(ID);
        root.getStyleClass().addAll("sched-view", "timehist-view");
        // with a synchronous runner the figures (or the error) are there already
        if (vm.readyProperty().get()) root.show(build());
        else vm.readyProperty().addListener((obs, old, now) -> root.show(build()));
        if (!vm.loadErrorProperty().get().isEmpty()) root.fail(vm.loadErrorProperty().get());
        vm.loadErrorProperty().addListener((obs, old, now) -> root.fail(now));
    }

    private Node build() {
        tasks.setId("timehist-tasks");
        tasks.getColumns().addAll(List.of(
                Cells.text("Task", TaskDelays.Task::label),
                Cells.number("Threads", TaskDelays.Task::threads, String::valueOf),
                Cells.number("Switches", TaskDelays.Task::switches, v -> Cells.count(v)),
                Cells.number("P50 (ms)", TaskDelays.Task::p50Ms, Cells::ms),
                Cells.number("P99 (ms)", TaskDelays.Task::p99Ms, Cells::ms),
                Cells.number("Max (ms)", TaskDelays.Task::maxMs, Cells::ms)));
        tasks.getColumns().get(0).setPrefWidth(190);
        tasks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tasks.setPlaceholder(new Label("No context switches in this file (a summary-only timehist?)"));
        TableActions.install(tasks, "per-task delays");
        showTasks(vm.tasksProperty().get());
        vm.tasksProperty().addListener((obs, old, now) -> showTasks(now));
        tasks.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!replacing) vm.chosenProperty().set(now);
        });
        vm.chosenProperty().addListener((obs, old, now) -> select(now));

        histogram.setId("timehist-histogram");
        histogram.barsProperty().bind(vm.histogramProperty());
        histogram.placeholderProperty().bind(vm.histogramPlaceholderProperty());
        overTime.setId("timehist-over-time");
        overTime.placeholderProperty().set(TimehistDelayViewModel.NO_TASK);
        overTime.dataProperty().bind(vm.overTimeProperty());
        overTime.selectableProperty().set(true);
        overTime.selectionProperty().bindBidirectional(vm.rangeProperty());
        taskTitle.textProperty().bind(vm.titleProperty());
        rangeLabel.setId("timehist-range");
        rangeLabel.textProperty().bind(vm.rangeTextProperty());
        wholeRecording.setId("timehist-whole-recording");
        wholeRecording.disableProperty().bind(vm.rangeProperty().isNull());
        wholeRecording.setOnAction(e -> vm.clearRange());
        Label dragHint = new Label("Drag on the chart below to select a time range.");
        dragHint.getStyleClass().add("hint");
        // The range and the button keep their width; the hint gives way first in a narrow window.
        rangeLabel.setMinWidth(Region.USE_PREF_SIZE);
        wholeRecording.setMinWidth(Region.USE_PREF_SIZE);
        dragHint.setMinWidth(0);
        HBox rangeBar = new HBox(rangeLabel, wholeRecording, dragHint);
        rangeBar.getStyleClass().add("timehist-range");
        taskTitle.getStyleClass().add("section-title");
        Label hint = new Label("Scheduling delay: from wakeup to running on a CPU. Tasks sorted by P99.");
        hint.getStyleClass().add("hint");
        logCounts.setId("timehist-log-counts");
        histogram.logCountsProperty().bind(logCounts.selectedProperty());
        VBox histBox = box(histogram);
        HBox histHeader = new HBox(logCounts);
        histHeader.getStyleClass().add("chart-header");
        histBox.getChildren().add(0, histHeader);
        VBox timeBox = box(overTime);
        HBox legend = Legends.lines(overTime, PercentileLinesPlot.Role.P50, PercentileLinesPlot.Role.P99, PercentileLinesPlot.Role.MAX);
        legend.getChildren().add(Legends.range("every switch (min–max per pixel)"));
        timeBox.getChildren().add(0, legend);
        VBox charts = new VBox(rangeBar, taskTitle, hint, histBox, timeBox);
        charts.getStyleClass().add("sched-charts");
        VBox.setVgrow(histBox, Priority.ALWAYS);
        VBox.setVgrow(timeBox, Priority.ALWAYS);
        SplitPane split = new SplitPane(tasks, charts);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.36);
        SplitPane.setResizableWithParent(tasks, false);
        split.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && vm.rangeProperty().get() != null) {
                vm.clearRange();
                e.consume();
            }
        });
        select(vm.chosenProperty().get());
        return split;
    }

    private static VBox box(Node chart) {
        VBox b = new VBox(chart);
        b.getStyleClass().add("chart-box");
        VBox.setVgrow(chart, Priority.ALWAYS);
        return b;
    }

    /** The view model's tasks in the table, in the user's sort order if there is one. */
    private void showTasks(List<TaskDelays.Task> now) {
        replacing = true;
        try {
            tasks.getItems().setAll(now);
            if (!tasks.getSortOrder().isEmpty()) tasks.sort();
        } finally {
            replacing = false;
        }
    }

    private void select(TaskDelays.Task t) {
        if (t == null) {
            tasks.getSelectionModel().clearSelection();
            return;
        }
        tasks.getSelectionModel().select(t);
        tasks.scrollTo(t);
    }

    public TimehistDelayViewModel viewModel() { return vm; }
    public TableView<TaskDelays.Task> tasks() { return tasks; }
    public BucketHistogramChart histogram() { return histogram; }
    public PercentileLinesChart overTime() { return overTime; }
    public CheckBox logCounts() { return logCounts; }
    public Label rangeLabel() { return rangeLabel; }
    public Button wholeRecording() { return wholeRecording; }

    @Override public String title() { return "Delays per task"; }
    @Override public String id() { return ID; }
    @Override public Node root() { return root; }
}
