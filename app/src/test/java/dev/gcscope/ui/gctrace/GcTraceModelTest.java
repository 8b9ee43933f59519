package dev.gcscope.ui.gctrace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.BackgroundTask;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.task.TaskContext;
import dev.gcscope.ui.task.TaskHandle;
import dev.gcscope.ui.task.TaskListener;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The shared state of a gctrace document's views, on a real recording, without a toolkit. */
class GcTraceModelTest {
    private static GcTraceData data;

    @BeforeAll
    static void load() throws Exception {
        SampleTraces.Sample s = SampleTraces.get("gctrace/go1.22-phases-restart.log");
        Table cycles = DerivedColumns.addTo(new GcTraceParser().parse(TraceSource.of(s.fileName(), s.bytes()))).table(GcColumns.CYCLES_TABLE);
        data = GcTraceData.of(cycles);
    }

    private static double r7(double[] v, double p) {
        double[] clean = Arrays.stream(v).filter(d -> !Double.isNaN(d)).toArray();
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(clean, p);
    }

    @Test
    void aTimeRangeIsTheRowsWhoseCyclesStartInIt() {
        double[] x = data.layout().x();
        TimeRange r = new TimeRange(x[100], x[200]);
        assertArrayEquals(new int[] {100, 201}, data.rowsIn(r));
        assertArrayEquals(new int[] {0, data.size()}, data.rowsIn(null));
        assertArrayEquals(new int[] {0, 0}, data.rowsIn(new TimeRange(x[0] - 10, x[0] - 5)));
        assertTrue(data.layout().runCount() >= 2, "the sample restarts, so its runs are laid end to end");
    }

    @Test
    void deferredStatisticsWaitForStartAndAreComputedOnce() {
        int[] published = {0};
        GcTraceModel model = new GcTraceModel(data, null, new SynchronousRunner(), false);
        model.statisticsProperty().addListener((o, old, now) -> published[0]++);
        assertEquals(null, model.statisticsProperty().get(), "nothing computed before the window asks");
        model.startStatistics();
        CycleRangeAnalysis whole = model.statisticsProperty().get();
        assertNotNull(whole);
        assertEquals(data.size(), whole.cycles());
        assertEquals(r7(data.cycles().doubleColumn(GcColumns.STW_MS).asDoubleArray(), 99), whole.pauses().p99().value(), 1e-9);
        model.startStatistics();
        assertEquals(1, published[0], "a second start computes nothing again");
        assertTrue(whole == model.statisticsProperty().get());
    }

    /**
     * Runs each task at once, with a context that turns cancelled after a few polls: as if another
     * range was chosen while the statistics were being computed.
     */
    private static final class CancelledMidway implements BackgroundRunner {
        static final int POLLS_BEFORE_CANCEL = 5;
        int polls;

        @Override
        public <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskListener<T> listener) {
            TaskContext ctx = new TaskContext() {
                @Override public boolean isCancelled() { return ++polls > POLLS_BEFORE_CANCEL; }
                @Override public void progress(long done, long total) {}
            };
            try {
                listener.succeeded(task.run(ctx));
            } catch (CancellationException e) {
                listener.cancelled();
            } catch (Exception e) {
                listener.failed(e);
            }
            return new TaskHandle() {
                @Override public void cancel() {}
                @Override public boolean isCancelled() { return true; }
            };
        }
    }

    @Test
    void statisticsCancelledMidwayStopAndPublishNothing() {
        CancelledMidway runner = new CancelledMidway();
        CycleRangeAnalysis whole = GcTraceModel.wholeTrace(data);
        GcTraceModel model = new GcTraceModel(data, whole, runner);
        double[] x = data.layout().x();
        model.selectionProperty().set(new TimeRange(x[100], x[900]));
        assertTrue(runner.polls > CancelledMidway.POLLS_BEFORE_CANCEL, "the computation polled its task's cancel flag: " + runner.polls);
        assertTrue(whole == model.statisticsProperty().get(), "the cancelled range's statistics are not published");
        assertFalse(model.computingProperty().get());
        assertEquals("", model.errorProperty().get());
    }

    @Test
    void aSelectionBeforeTheDeferredStartIsWhatGetsComputed() {
        GcTraceModel model = new GcTraceModel(data, null, new SynchronousRunner(), false);
        double[] x = data.layout().x();
        model.selectionProperty().set(new TimeRange(x[300], x[599]));
        model.startStatistics();
        assertEquals(300, model.statisticsProperty().get().cycles(), "the start does not replace the selection's statistics");
    }

    @Test
    void selectingARangeRecomputesThePercentilesOfJustThoseCycles() {
        GcTraceModel model = new GcTraceModel(data, null, new SynchronousRunner());
        CycleRangeAnalysis whole = model.statisticsProperty().get();
        assertNotNull(whole);
        assertEquals(data.size(), whole.cycles());

        double[] x = data.layout().x();
        model.selectionProperty().set(new TimeRange(x[300], x[599]));
        CycleRangeAnalysis sel = model.statisticsProperty().get();
        assertEquals(300, sel.fromRow());
        assertEquals(300, sel.cycles());
        double[] stw = data.cycles().doubleColumn(GcColumns.STW_MS).asDoubleArray();
        double[] slice = Arrays.copyOfRange(stw, 300, 600);
        assertEquals(r7(slice, 50), sel.pauses().p50().value(), 1e-12);
        assertEquals(r7(slice, 99), sel.pauses().p99().value(), 1e-12);
        assertFalse(model.computingProperty().get());

        model.resetSelection();
        assertEquals(data.size(), model.statisticsProperty().get().cycles());
    }

    @Test
    void regimesKeepTheirWholeTraceIdsInsideASelection() {
        GcTraceModel model = new GcTraceModel(data, GcTraceModel.wholeTrace(data), new SynchronousRunner());
        double[] x = data.layout().x();
        model.selectionProperty().set(new TimeRange(x[0], x[data.size() / 2]));
        CycleRangeAnalysis sel = model.statisticsProperty().get();
        int[] regime = data.regimeOfRow();
        boolean[] forced = new boolean[data.size()];
        for (int i = 0; i < forced.length; i++) forced[i] = data.cycles().booleanColumn(GcColumns.FORCED).get(i);
        double[] stw = data.cycles().doubleColumn(GcColumns.STW_MS).asDoubleArray();
        assertFalse(sel.regimes().isEmpty());
        for (CycleRangeAnalysis.RegimePauses rp : sel.regimes()) {
            double[] mine = java.util.stream.IntStream.range(sel.fromRow(), sel.toRow())
                    .filter(i -> regime[i] == rp.regime() && !forced[i]).mapToDouble(i -> stw[i]).toArray();
            assertEquals(mine.length, rp.cycles());
            assertEquals(r7(mine, 99), rp.p99Ms(), 1e-12);
        }
    }

    @Test
    void changingTheSloThresholdRecomputesTheStreak() {
        GcTraceModel model = new GcTraceModel(data, null, new SynchronousRunner());
        model.sloMsProperty().set(1e9);
        assertEquals(0, model.statisticsProperty().get().slo().cyclesAbove());
        model.sloMsProperty().set(0);
        assertTrue(model.statisticsProperty().get().slo().cyclesAbove() > 0);
    }
}
