package dev.gcscope.ui.sched;

import dev.gcscope.render.chart.PercentileLinesPlot;
import dev.gcscope.render.chart.BucketHistogramPlot;
import dev.gcscope.analysis.sched.DelayOverTime;
import dev.gcscope.analysis.sched.LogBins;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.analysis.sched.TimehistPrograms;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.ui.chart.BucketHistogramChart;
import dev.gcscope.ui.chart.PercentileLinesChart;
import dev.gcscope.render.sched.TimehistChartData;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.LatestTask;
import dev.gcscope.ui.task.TaskListener;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the {@code perf sched timehist} delays view shows and computes: the per-task figures
 * (computed once, in the background, when the view opens), the chosen task's delay histogram and
 * delay over time, and the time range chosen on the over-time chart, for which the tasks and the
 * histogram are recomputed in the background (the latest range wins). Times are seconds since the
 * first event.
 */
public final class TimehistDelayViewModel {
    static final double MS_PER_S = 1000;
    static final String NO_TASK = "Choose a task";
    static final String COMPUTING = "computing…";

    private final LatestTask rangeTask;
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final ReadOnlyObjectWrapper<List<TaskDelays.Task>> tasks = new ReadOnlyObjectWrapper<>(this, "tasks", List.of());
    private final ObjectProperty<TaskDelays.Task> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(this, "range");
    private final ReadOnlyStringWrapper rangeText = new ReadOnlyStringWrapper(this, "rangeText", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyObjectWrapper<BucketHistogramPlot.Bars> histogram =
            new ReadOnlyObjectWrapper<>(this, "histogram", BucketHistogramPlot.Bars.empty());
    private final ReadOnlyStringWrapper histogramPlaceholder = new ReadOnlyStringWrapper(this, "histogramPlaceholder", NO_TASK);
    private final ReadOnlyObjectWrapper<PercentileLinesPlot.Lines> overTime =
            new ReadOnlyObjectWrapper<>(this, "overTime", PercentileLinesPlot.Lines.empty());
    private final ReadOnlyObjectWrapper<List<TimehistPrograms.Program>> programs = new ReadOnlyObjectWrapper<>(this, "programs", List.of());
    private final StringProperty program = new SimpleStringProperty(this, "program");
    private final ReadOnlyStringWrapper programFigures = new ReadOnlyStringWrapper(this, "programFigures", "");
    private final ReadOnlyStringWrapper programFigure = new ReadOnlyStringWrapper(this, "programFigure", COMPUTING);
    private TimehistData data;
    private TimehistData.Shown shown;

    /** Starts computing the per-task figures of {@code result}'s events table. */
    public TimehistDelayViewModel(ParseResult result, BackgroundRunner runner) {
        this.rangeTask = new LatestTask(runner);
        chosen.addListener((obs, old, now) -> showTask(now));
        program.addListener((obs, old, now) -> showProgram(now));
        range.addListener((obs, old, now) -> selectRange(now));
        runner.submit("timehist per-task delays", ctx -> TimehistData.of(result), new TaskListener<TimehistData>() {
            @Override
            public void succeeded(TimehistData value) {
                loaded(value);
            }

            @Override
            public void failed(Throwable error) {
                loadError.set("Could not compute this view: " + error);
            }
        });
    }

    private void loaded(TimehistData d) {
        data = d;
        shown = d.whole();
        tasks.set(d.delays().tasks());
        showRangeText();
        programs.set(d.programs());
        // The user's program first (guessed as the one that switched in most often), and its busiest
        // process; the busiest of all when there is no program to guess.
        TimehistPrograms.Program likely = TimehistPrograms.likely(d.programs()).orElse(null);
        if (likely == null || likely.name().equals(program.get())) showProgram(program.get());
        else program.set(likely.name());
        if (chosen.get() == null) {
            TaskDelays.Task busiest = TimehistChartData.busiest(d.delays().tasks());
            if (busiest == chosen.get()) showTask(busiest);
            else chosen.set(busiest);
        }
        ready.set(true);
    }

    /** Back to the whole recording (Escape, the "Whole recording" button). */
    public void clearRange() {
        range.set(null);
    }

    private void selectRange(TimeRange r) {
        if (data == null) return;
        if (r == null) {
            rangeTask.cancel();
            apply(data.whole());
            return;
        }
        rangeText.set(format(r) + " · computing…");
        TimehistData d = data;
        rangeTask.submit("timehist range", ctx -> d.within(r, ctx), new TaskListener<>() {
            @Override
            public void succeeded(TimehistData.Shown value) {
                if (value != null) apply(value);
            }

            @Override
            public void failed(Throwable error) {
                rangeText.set(format(r) + " · failed: " + error.getMessage());
            }
        });
    }

    /** Shows {@code s} in the tasks and the histogram, keeping the chosen task chosen if it is there. */
    private void apply(TimehistData.Shown s) {
        TaskDelays.Task before = chosen.get();
        shown = s;
        tasks.set(s.delays().tasks());
        TaskDelays.Task same = before == null ? null : find(s.delays().tasks(), before);
        if (same == chosen.get()) showTask(same);
        else chosen.set(same);
        showRangeText();
    }

    private static TaskDelays.Task find(List<TaskDelays.Task> in, TaskDelays.Task t) {
        for (TaskDelays.Task c : in) if (c.pid() == t.pid() && c.name().equals(t.name())) return c;
        return null;
    }

    private void showRangeText() {
        int total = data.delays().switches();
        if (shown.range() == null) rangeText.set(String.format(Locale.ROOT, "Whole recording · %,d switches", total));
        else rangeText.set(String.format(Locale.ROOT, "%s · %,d of %,d switches", format(shown.range()), shown.delays().switches(), total));
    }

    static String format(TimeRange r) {
        return String.format(Locale.ROOT, "%.2f s – %.2f s", r.from(), r.to());
    }

    /**
     * Spells out the program's figures (whole recording), and shows its busiest process unless one
     * of its processes is shown already.
     */
    private void showProgram(String name) {
        if (data == null) return;
        TimehistPrograms.Program p = data.programs().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        if (p == null) {
            programFigures.set("");
            programFigure.set(dev.gcscope.ui.summary.Formats.MISSING);
            return;
        }
        programFigures.set(String.format(Locale.ROOT, "%d process%s, %d threads · %,d switches%s · delay P50 %s ms, P99 %s ms, max %s ms (whole recording)",
                p.processes().size(), p.processes().size() == 1 ? "" : "es", p.threads(), p.switches(),
                Double.isNaN(p.runMs()) ? "" : " · run " + ms(p.runMs()) + " ms", ms(p.p50Ms()), ms(p.p99Ms()), ms(p.maxMs())));
        programFigure.set(Double.isNaN(p.p99Ms()) ? dev.gcscope.ui.summary.Formats.MISSING
                : dev.gcscope.ui.summary.Formats.ms(p.p99Ms()) + " ms  " + p.name() + " (" + p.threads() + " threads)");
        TaskDelays.Task now = chosen.get();
        if (now != null && now.name().equals(p.name())) return;
        List<TaskDelays.Task> own = shown.delays().tasks().stream().filter(t -> t.name().equals(p.name())).toList();
        TaskDelays.Task busiest = TimehistChartData.busiest(own);
        if (busiest != null) chosen.set(busiest);
    }

    /** True when {@code t} is one of the processes of the program chosen as the user's. */
    public boolean isProgram(TaskDelays.Task t) {
        return t != null && t.name().equals(program.get());
    }

    private void showTask(TaskDelays.Task t) {
        if (data == null) return;
        histogramPlaceholder.set(NO_TASK);
        if (t == null) {
            title.set("No task chosen");
            histogram.set(BucketHistogramPlot.Bars.empty());
            overTime.set(PercentileLinesPlot.Lines.empty());
            return;
        }
        title.set(String.format(Locale.ROOT, "%s — %,d switches, P50 %s ms, P90 %s ms, P99 %s ms, max %s ms",
                t.label(), t.switches(), ms(t.p50Ms()), ms(t.p90Ms()), ms(t.p99Ms()), ms(t.maxMs())));
        if (t.switches() == 0) {
            title.set(t.label() + " — no switches in the selected range");
            histogramPlaceholder.set("No switches of this task in the selected range");
            histogram.set(BucketHistogramPlot.Bars.empty());
        } else {
            LogBins b = shown.histogramOf(t);
            histogram.set(TimehistChartData.histogram(t, b));
        }
        // over time: the whole recording's switches of the task, whatever the range
        int i = data.delays().tasks().indexOf(find(data.delays().tasks(), t));
        DelayOverTime o = data.overTime().get(i);
        overTime.set(TimehistChartData.overTime(o, data.taskTimes().get(i), data.taskDelays().get(i)));
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** The processes grouped into programs by name, longest-running first (whole recording). */
    public ReadOnlyObjectProperty<List<TimehistPrograms.Program>> programsProperty() { return programs.getReadOnlyProperty(); }
    /** The name of the program the user recorded: guessed when the figures are computed, then theirs to pick. */
    public StringProperty programProperty() { return program; }
    /** The program's processes, threads, switches and delay percentiles, in one line. */
    public ReadOnlyStringProperty programFiguresProperty() { return programFigures.getReadOnlyProperty(); }
    /** The document summary's "Sched delay p99 (program)": "1.765 ms  phases (7 threads)". */
    public ReadOnlyStringProperty programFigureProperty() { return programFigure.getReadOnlyProperty(); }
    /** True once the per-task figures are computed. */
    public ReadOnlyBooleanProperty readyProperty() { return ready.getReadOnlyProperty(); }
    /** Why they could not be computed; empty when they could. */
    public ReadOnlyStringProperty loadErrorProperty() { return loadError.getReadOnlyProperty(); }
    /** The tasks with their figures over the whole recording or the range, in the analysis' order. */
    public ReadOnlyObjectProperty<List<TaskDelays.Task>> tasksProperty() { return tasks.getReadOnlyProperty(); }
    /** The task whose histogram and delay over time are shown; always one of {@link #tasksProperty()} or null. */
    public ObjectProperty<TaskDelays.Task> chosenProperty() { return chosen; }
    /** The time range the tasks and the histogram cover, null for the whole recording. */
    public ObjectProperty<TimeRange> rangeProperty() { return range; }
    /** "Whole recording · 1,234 switches", "1.00 s – 2.00 s · 56 of 1,234 switches", or that it is being computed. */
    public ReadOnlyStringProperty rangeTextProperty() { return rangeText.getReadOnlyProperty(); }
    /** The chosen task and its percentiles, in one line. */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<BucketHistogramPlot.Bars> histogramProperty() { return histogram.getReadOnlyProperty(); }
    /** What the histogram says when it has no bars. */
    public ReadOnlyStringProperty histogramPlaceholderProperty() { return histogramPlaceholder.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PercentileLinesPlot.Lines> overTimeProperty() { return overTime.getReadOnlyProperty(); }
}
