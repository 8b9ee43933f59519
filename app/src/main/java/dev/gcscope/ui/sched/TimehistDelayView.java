package dev.gcscope.ui.sched;

import dev.gcscope.analysis.sched.DelayOverTime;
import dev.gcscope.analysis.sched.LogBins;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.ui.chart.BucketHistogramChart;
import dev.gcscope.ui.chart.PercentileLinesChart;
import dev.gcscope.ui.chart.Quantity;
import dev.gcscope.ui.chart.TimeRange;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.TaskHandle;
import dev.gcscope.ui.task.TaskListener;
import dev.gcscope.ui.view.TraceView;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
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
 * pixel). Everything is computed once, in the background, when the view opens.
 *
 * <p>Dragging on the over-time chart selects a time range: the table and the histogram are then
 * recomputed, in the background, over the switches inside it; the over-time chart keeps showing the
 * whole recording, with the range shaded, so there is always context to choose another one.
 */
public final class TimehistDelayView implements TraceView {
    public static final String ID = "sched-timehist-delays";
    static final double MS_PER_S = 1000;

    private final LoadingPane root;
    private final TableView<TaskDelays.Task> tasks = new TableView<>();
    private final BucketHistogramChart histogram = new BucketHistogramChart();
    private final PercentileLinesChart overTime = new PercentileLinesChart();
    private final Label taskTitle = new Label();
    private final CheckBox logCounts = new CheckBox("Log count axis");
    private final Label rangeLabel = new Label();
    private final Button wholeRecording = new Button("Whole recording");
    private final BackgroundRunner runner;
    private TimehistData data;
    private TimehistData.Shown shown;
    /** The range computation under way, cancelled when another range is chosen. */
    private TaskHandle pending;
    /** Bumped per range chosen; a result from an older one is dropped even if its cancel came too late. */
    private long generation;
    /** Set while the table's items are replaced, so the selection briefly emptied does not clear the charts. */
    private boolean replacing;

    public TimehistDelayView(ParseResult result, BackgroundRunner runner) {
        this.runner = runner;
        root = new LoadingPane(runner, "timehist per-task delays", ctx -> TimehistData.of(result), this::build);
        root.setId(ID);
        root.getStyleClass().addAll("sched-view", "timehist-view");
    }

    private Node build(TimehistData d) {
        data = d;
        shown = d.whole();
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
        tasks.setItems(FXCollections.observableArrayList(d.delays().tasks()));
        tasks.setPlaceholder(new Label("No context switches in this file (a summary-only timehist?)"));
        tasks.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> show(now));

        histogram.setId("timehist-histogram");
        histogram.placeholderProperty().set("Choose a task");
        overTime.setId("timehist-over-time");
        overTime.placeholderProperty().set("Choose a task");
        overTime.selectableProperty().set(true);
        overTime.selectionProperty().addListener((obs, old, now) -> selectRange(now));
        rangeLabel.setId("timehist-range");
        wholeRecording.setId("timehist-whole-recording");
        wholeRecording.disableProperty().bind(overTime.selectionProperty().isNull());
        wholeRecording.setOnAction(e -> overTime.selectionProperty().set(null));
        Label dragHint = new Label("Drag on the chart below to select a time range.");
        dragHint.getStyleClass().add("hint");
        // The range and the button keep their width; the hint gives way first in a narrow window.
        rangeLabel.setMinWidth(Region.USE_PREF_SIZE);
        wholeRecording.setMinWidth(Region.USE_PREF_SIZE);
        dragHint.setMinWidth(0);
        HBox rangeBar = new HBox(rangeLabel, wholeRecording, dragHint);
        rangeBar.getStyleClass().add("timehist-range");
        showRangeLabel();
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
        HBox legend = Legends.lines(overTime, PercentileLinesChart.Role.P50, PercentileLinesChart.Role.P99, PercentileLinesChart.Role.MAX);
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
            if (e.getCode() == KeyCode.ESCAPE && overTime.selectionProperty().get() != null) {
                overTime.selectionProperty().set(null);
                e.consume();
            }
        });

        // The busiest process first: in a recording of one Go program, that program.
        int first = 0;
        List<TaskDelays.Task> all = d.delays().tasks();
        for (int i = 1; i < all.size(); i++) if (all.get(i).switches() > all.get(first).switches()) first = i;
        if (!all.isEmpty()) tasks.getSelectionModel().select(first);
        if (!all.isEmpty()) tasks.scrollTo(first);
        else show(null);
        return split;
    }

    private static VBox box(Node chart) {
        VBox b = new VBox(chart);
        b.getStyleClass().add("chart-box");
        VBox.setVgrow(chart, Priority.ALWAYS);
        return b;
    }

    private void selectRange(TimeRange range) {
        long gen = ++generation;
        if (pending != null) pending.cancel();
        pending = null;
        if (range == null) {
            apply(data.whole());
            return;
        }
        rangeLabel.setText(rangeText(range) + " · computing…");
        TimehistData d = data;
        pending = runner.submit("timehist range", ctx -> d.within(range, ctx), new TaskListener<>() {
            @Override public void succeeded(TimehistData.Shown value) {
                if (gen == generation && value != null) apply(value);
            }

            @Override public void failed(Throwable error) {
                if (gen == generation) rangeLabel.setText(rangeText(range) + " · failed: " + error.getMessage());
            }
        });
    }

    /** Puts {@code s} in the table and the histogram, keeping the chosen task chosen. */
    private void apply(TimehistData.Shown s) {
        TaskDelays.Task chosen = tasks.getSelectionModel().getSelectedItem();
        shown = s;
        replacing = true;
        try {
            tasks.getItems().setAll(s.delays().tasks());
            if (!tasks.getSortOrder().isEmpty()) tasks.sort();
        } finally {
            replacing = false;
        }
        TaskDelays.Task same = chosen == null ? null : find(tasks.getItems(), chosen);
        if (same != null) {
            tasks.getSelectionModel().select(same);
            tasks.scrollTo(same);
        } else show(null);
        showRangeLabel();
    }

    private static TaskDelays.Task find(List<TaskDelays.Task> in, TaskDelays.Task t) {
        for (TaskDelays.Task c : in) if (c.pid() == t.pid() && c.name().equals(t.name())) return c;
        return null;
    }

    private void showRangeLabel() {
        int total = data.delays().switches();
        if (shown.range() == null) rangeLabel.setText(String.format(Locale.ROOT, "Whole recording · %,d switches", total));
        else rangeLabel.setText(String.format(Locale.ROOT, "%s · %,d of %,d switches", rangeText(shown.range()), shown.delays().switches(), total));
    }

    private static String rangeText(TimeRange r) {
        return String.format(Locale.ROOT, "%.2f s – %.2f s", r.from(), r.to());
    }

    private void show(TaskDelays.Task t) {
        if (replacing) return;
        if (t == null) {
            taskTitle.setText("No task chosen");
            histogram.barsProperty().set(BucketHistogramChart.Bars.empty());
            overTime.dataProperty().set(PercentileLinesChart.Lines.empty());
            return;
        }
        int i = data.delays().tasks().indexOf(find(data.delays().tasks(), t));
        taskTitle.setText(String.format(Locale.ROOT, "%s — %,d switches, P50 %s ms, P90 %s ms, P99 %s ms, max %s ms",
                t.label(), t.switches(), Cells.ms(t.p50Ms()), Cells.ms(t.p90Ms()), Cells.ms(t.p99Ms()), Cells.ms(t.maxMs())));
        LogBins b = shown.histogramOf(t);
        histogram.placeholderProperty().set("Choose a task");
        if (t.switches() == 0) {
            taskTitle.setText(t.label() + " — no switches in the selected range");
            histogram.placeholderProperty().set("No switches of this task in the selected range");
            histogram.barsProperty().set(BucketHistogramChart.Bars.empty());
        } else histogram.barsProperty().set(new BucketHistogramChart.Bars(seconds(b.lower()), seconds(b.upper()), b.counts(),
                Quantity.SECONDS, "scheduling delay", seconds(new double[] {t.p50Ms(), t.p90Ms(), t.p99Ms()}),
                new String[] {"P50", "P90", "P99"}));
        DelayOverTime o = data.overTime().get(i);
        double[][] lines = new double[PercentileLinesChart.Role.values().length][];
        lines[PercentileLinesChart.Role.P50.ordinal()] = o.p50Ms();
        lines[PercentileLinesChart.Role.P99.ordinal()] = o.p99Ms();
        lines[PercentileLinesChart.Role.MAX.ordinal()] = o.maxMs();
        overTime.dataProperty().set(new PercentileLinesChart.Lines("time since the first event (s)", "scheduling delay (ms)",
                Quantity.PLAIN, false, o.midS(), lines, data.taskTimes().get(i), data.taskDelays().get(i)));
    }

    private static double[] seconds(double[] ms) {
        double[] s = new double[ms.length];
        for (int i = 0; i < s.length; i++) s[i] = ms[i] / MS_PER_S;
        return s;
    }

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
