package dev.gcscope.ui.sched;

import dev.gcscope.analysis.sched.DelayOverTime;
import dev.gcscope.analysis.sched.LogBins;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.ui.chart.BucketHistogramChart;
import dev.gcscope.ui.chart.PercentileLinesChart;
import dev.gcscope.ui.chart.Quantity;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.workspace.TraceView;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * {@code perf sched timehist}: the tasks (processes) with their scheduling-delay percentiles, worst
 * P99 first; for the chosen task, its delay histogram on log-spaced bins with P50/P90/P99 markers,
 * and its delay over time (P50, P99 and max per time bucket over every switch as a min/max stroke per
 * pixel). Everything is computed once, in the background, when the view opens.
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
    private TimehistData data;

    public TimehistDelayView(ParseResult result, BackgroundRunner runner) {
        root = new LoadingPane(runner, "timehist per-task delays", ctx -> TimehistData.of(result), this::build);
        root.setId(ID);
        root.getStyleClass().addAll("sched-view", "timehist-view");
    }

    private Node build(TimehistData d) {
        data = d;
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
        VBox charts = new VBox(taskTitle, hint, histBox, timeBox);
        charts.getStyleClass().add("sched-charts");
        VBox.setVgrow(histBox, Priority.ALWAYS);
        VBox.setVgrow(timeBox, Priority.ALWAYS);
        SplitPane split = new SplitPane(tasks, charts);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.36);
        SplitPane.setResizableWithParent(tasks, false);

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

    private void show(TaskDelays.Task t) {
        if (t == null) {
            taskTitle.setText("No task chosen");
            histogram.barsProperty().set(BucketHistogramChart.Bars.empty());
            overTime.dataProperty().set(PercentileLinesChart.Lines.empty());
            return;
        }
        int i = data.delays().tasks().indexOf(t);
        taskTitle.setText(String.format(Locale.ROOT, "%s — %,d switches, P50 %s ms, P90 %s ms, P99 %s ms, max %s ms",
                t.label(), t.switches(), Cells.ms(t.p50Ms()), Cells.ms(t.p90Ms()), Cells.ms(t.p99Ms()), Cells.ms(t.maxMs())));
        LogBins b = data.histograms().get(i);
        histogram.barsProperty().set(new BucketHistogramChart.Bars(seconds(b.lower()), seconds(b.upper()), b.counts(),
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

    @Override public String title() { return "Delays per task"; }
    @Override public String id() { return ID; }
    @Override public Node root() { return root; }
}
