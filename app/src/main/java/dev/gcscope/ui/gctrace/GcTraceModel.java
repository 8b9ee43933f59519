package dev.gcscope.ui.gctrace;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.stats.SloStreak;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.ui.settings.ChartPreferences;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.LatestTask;
import dev.gcscope.ui.task.TaskListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The state every gctrace view of one document shares, on the UI thread:
 * <ul>
 *   <li>{@link #selectionProperty() selection}: the time range the statistics cover (null = the
 *       whole trace). Dragging on any timeline sets it; every statistic is recomputed for it in the
 *       background, cancelling a recomputation still running, and published in
 *       {@link #statisticsProperty() statistics};</li>
 *   <li>{@link #viewportProperty() viewport}: the x range the timelines show (null = everything),
 *       shared so that zooming one timeline zooms them all;</li>
 *   <li>{@link #highlightedRegimeProperty() highlighted regime}: −1 or a regime id whose cycles every
 *       view emphasises (clicking a regime in the scatter or the summary sets it);</li>
 *   <li>{@link #sloMsProperty() SLO threshold} of the convergence view's streak.</li>
 * </ul>
 */
public final class GcTraceModel {
    private final GcTraceData data;
    private final BackgroundRunner runner;
    private final ObjectProperty<TimeRange> selection = new SimpleObjectProperty<>(this, "selection");
    private final ObjectProperty<TimeRange> viewport = new SimpleObjectProperty<>(this, "viewport");
    private final IntegerProperty highlightedRegime = new SimpleIntegerProperty(this, "highlightedRegime", -1);
    private final DoubleProperty sloMs = new SimpleDoubleProperty(this, "sloMs", SloStreak.DEFAULT_THRESHOLD_MS);
    private final ReadOnlyObjectWrapper<CycleRangeAnalysis> statistics = new ReadOnlyObjectWrapper<>(this, "statistics");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final LatestTask statisticsTask;
    private ChartPreferences chartPreferences = ChartPreferences.inMemory();

    /**
     * @param wholeTrace the statistics of the whole trace when already computed on the loading
     *                   thread (so the first frame needs no second pass), or null to compute them now
     */
    public GcTraceModel(GcTraceData data, CycleRangeAnalysis wholeTrace, BackgroundRunner runner) {
        this(data, wholeTrace, runner, true);
    }

    /**
     * @param wholeTrace the statistics of the whole trace when already computed, or null
     * @param computeNow whether to start computing missing statistics now; false leaves them to
     *                   {@link #startStatistics()}, so that a window can draw its first chart before
     *                   seconds of statistics compete with it for the CPUs
     */
    public GcTraceModel(GcTraceData data, CycleRangeAnalysis wholeTrace, BackgroundRunner runner, boolean computeNow) {
        this.data = data;
        this.runner = runner;
        this.statisticsTask = new LatestTask(runner);
        // statistics made for another SLO (a followed log's, for the threshold its user set) are for that one
        if (wholeTrace != null && wholeTrace.slo() != null) sloMs.set(wholeTrace.slo().thresholdMs());
        selection.addListener((obs, old, now) -> recompute());
        sloMs.addListener((obs, old, now) -> recompute());
        if (wholeTrace != null) statistics.set(wholeTrace);
        else if (computeNow) recompute();
    }

    /** Starts computing the statistics if they are neither there nor being computed (a selection starts its own). */
    public void startStatistics() {
        if (statistics.get() == null && !statisticsTask.isRunning()) recompute();
    }

    /** The statistics of the whole trace, as the loading thread computes them before the model exists. */
    public static CycleRangeAnalysis wholeTrace(GcTraceData data) {
        return wholeTrace(data, Work.serial());
    }

    /** @param work where the statistics' parts run, and whether the load was cancelled meanwhile */
    public static CycleRangeAnalysis wholeTrace(GcTraceData data, Work work) {
        return CycleRangeAnalysis.of(data.cycles(), data.regimeOfRow(), 0, data.size(), SloStreak.DEFAULT_THRESHOLD_MS, work);
    }

    public GcTraceData data() {
        return data;
    }

    /** Where views run their own background work (e.g. binning a million cycles for the scatter). */
    public BackgroundRunner runner() {
        return runner;
    }

    /** The window's remembered chart set-up (time axis, y scales), which its views bind to. */
    public ChartPreferences chartPreferences() {
        return chartPreferences;
    }

    /** Uses the window's chart preferences; call before the views are built (they bind once). */
    public void useChartPreferences(ChartPreferences preferences) {
        this.chartPreferences = preferences;
    }

    /** Back to the whole trace: clears the selection and the zoom. */
    public void resetSelection() {
        selection.set(null);
        viewport.set(null);
    }

    private void recompute() {
        int[] rows = data.rowsIn(selection.get());
        double slo = sloMs.get();
        computing.set(true);
        statisticsTask.submit("statistics of " + (rows[1] - rows[0]) + " cycles",
                ctx -> CycleRangeAnalysis.of(data.cycles(), data.regimeOfRow(), rows[0], rows[1], slo,
                        Work.on(runner.executor(), ctx::isCancelled)),
                new TaskListener<>() {
                    @Override
                    public void succeeded(CycleRangeAnalysis value) {
                        computing.set(false);
                        error.set("");
                        statistics.set(value);
                    }

                    @Override
                    public void failed(Throwable e) {
                        computing.set(false);
                        error.set("statistics failed: " + e);
                    }

                    @Override
                    public void cancelled() {
                        computing.set(false);
                    }
                });
    }

    public ObjectProperty<TimeRange> selectionProperty() { return selection; }
    public ObjectProperty<TimeRange> viewportProperty() { return viewport; }
    public IntegerProperty highlightedRegimeProperty() { return highlightedRegime; }
    public DoubleProperty sloMsProperty() { return sloMs; }
    /** The statistics of the selection (the whole trace when nothing is selected); never null once computed. */
    public ReadOnlyObjectProperty<CycleRangeAnalysis> statisticsProperty() { return statistics.getReadOnlyProperty(); }
    /** True while the statistics of a new selection are being computed; views may dim meanwhile. */
    public ReadOnlyBooleanProperty computingProperty() { return computing.getReadOnlyProperty(); }
    /** Why the last recomputation failed, empty when it did not. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
