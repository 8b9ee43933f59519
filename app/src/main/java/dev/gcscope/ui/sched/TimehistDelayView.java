package dev.gcscope.ui.sched;

import dev.gcscope.render.chart.PercentileLinesPlot;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.ui.chart.BucketHistogramChart;
import dev.gcscope.ui.chart.PercentileLinesChart;
import dev.gcscope.ui.table.TableActions;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.view.TraceView;
import dev.gcscope.analysis.sched.TimehistPrograms;
import dev.gcscope.ui.table.ColumnHeaders;
import dev.gcscope.ui.view.LiveFigures;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
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
public final class TimehistDelayView implements TraceView, LiveFigures {
    /** Rows of the user's program's processes. */
    private static final PseudoClass PROGRAM = PseudoClass.getPseudoClass("program");
    /** The task's name gives way to this before the figures do (whole in its tooltip). */
    private static final double TASK_MIN_WIDTH = 80;
    /** The vertical scroll bar and the table's borders. */
    private static final double SCROLL_BAR = 20;
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
        TableColumn<TaskDelays.Task, String> task = Cells.text("Task", TaskDelays.Task::label);
        TableColumn<TaskDelays.Task, Integer> threads = Cells.number("Threads", TaskDelays.Task::threads, String::valueOf);
        TableColumn<TaskDelays.Task, Integer> switches = Cells.number("Switches", TaskDelays.Task::switches, v -> Cells.count(v));
        TableColumn<TaskDelays.Task, Double> p50 = Cells.number("P50 (ms)", TaskDelays.Task::p50Ms, Cells::ms);
        TableColumn<TaskDelays.Task, Double> p99 = Cells.number("P99 (ms)", TaskDelays.Task::p99Ms, Cells::ms);
        TableColumn<TaskDelays.Task, Double> max = Cells.number("Max (ms)", TaskDelays.Task::maxMs, Cells::ms);
        // The figures keep their width and name their unit on a second header line ("P50 (…" hid it,
        // even at 1600 px); the task's name gives way first, whole in its tooltip.
        ColumnHeaders.shortHeader(p50, "P50\nms", "Median scheduling delay of the task's switches, milliseconds");
        ColumnHeaders.shortHeader(p99, "P99\nms", "99th-percentile scheduling delay of the task's switches, milliseconds");
        ColumnHeaders.shortHeader(max, "Max\nms", "Longest scheduling delay of the task's switches, milliseconds");
        ColumnHeaders.shortHeader(threads, "Threads", "Threads of the process that switched in");
        ColumnHeaders.shortHeader(switches, "Switches", "Context switches in of the task's threads (each one a scheduling delay)");
        // minimum widths: the headers whole; the sum (and the scroll bar) is the table's minimum width
        double[] widths = {68, 72, 54, 54, 54};
        List<TableColumn<TaskDelays.Task, ?>> figures = List.of(threads, switches, p50, p99, max);
        for (int i = 0; i < widths.length; i++) {
            figures.get(i).setMinWidth(widths[i]);
            figures.get(i).setPrefWidth(widths[i] + 6);
        }
        task.setPrefWidth(170);
        task.setMinWidth(TASK_MIN_WIDTH);
        task.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        tasks.getColumns().addAll(List.of(task, threads, switches, p50, p99, max));
        tasks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        double least = TASK_MIN_WIDTH + java.util.Arrays.stream(widths).sum() + SCROLL_BAR;
        tasks.setMinWidth(least);
        tasks.setPrefWidth(least + 100);
        // The user's program's processes stand out (bold, marked), whatever the sort order.
        tasks.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TaskDelays.Task item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(PROGRAM, !empty && vm.isProgram(item));
            }
        });
        vm.programProperty().addListener((obs, old, now) -> tasks.refresh());
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
        taskTitle.setWrapText(true);
        taskTitle.setMinHeight(Region.USE_PREF_SIZE);
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
        VBox table = new VBox(programBar(), tasks);
        table.getStyleClass().add("timehist-table");
        VBox.setVgrow(tasks, Priority.ALWAYS);
        table.setMinWidth(tasks.getMinWidth());
        SplitPane split = new SplitPane(table, charts);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.36);
        SplitPane.setResizableWithParent(table, false);
        split.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && vm.rangeProperty().get() != null) {
                vm.clearRange();
                e.consume();
            }
        });
        select(vm.chosenProperty().get());
        return split;
    }

    /** "Your program:" over the table, as in the latency view; the figures line wraps under it in a narrow pane. */
    private Node programBar() {
        ProgramBar bar = new ProgramBar("timehist");
        ComboBox<String> choice = bar.choice();
        choice.getItems().setAll(vm.programsProperty().get().stream().map(TimehistPrograms.Program::name).toList());
        vm.programsProperty().addListener((obs, old, now) -> choice.getItems().setAll(now.stream().map(TimehistPrograms.Program::name).toList()));
        choice.valueProperty().bindBidirectional(vm.programProperty());
        bar.figures().textProperty().bind(vm.programFiguresProperty());
        bar.figures().setWrapText(true);
        bar.figures().getStyleClass().add("hint");
        bar.root().getChildren().remove(bar.figures());
        VBox box = new VBox(bar.root(), bar.figures());
        box.getStyleClass().add("timehist-program");
        return box;
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

    /** "Sched delay p99 (program)" in the summary follows the program chosen here. */
    @Override
    public Map<String, ObservableValue<String>> liveFigures() {
        return Map.of(TimehistViews.PROGRAM_DELAY, vm.programFigureProperty());
    }

    @Override public String title() { return "Delays per task"; }
    @Override public String id() { return ID; }
    @Override public Node root() { return root; }
}
