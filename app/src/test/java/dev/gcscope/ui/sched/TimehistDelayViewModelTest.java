package dev.gcscope.ui.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.sched.SchedSamples;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.task.DeferredRunner;
import dev.gcscope.ui.task.SynchronousRunner;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The timehist delays view's decisions, without a toolkit: which task it opens on, what the
 * histogram, the delays over time and the range text say, and that only the latest range counts.
 * Expectations come from the events table ({@link TimehistOracle}).
 */
class TimehistDelayViewModelTest {
    private static ParseResult parsed;
    private static TimehistOracle oracle;

    @BeforeAll
    static void parse() {
        parsed = SchedSamples.parse(SchedSamples.TIMEHIST);
        oracle = new TimehistOracle(parsed);
    }

    private static double end(TimehistDelayViewModel vm) {
        double[] x = vm.overTimeProperty().get().x();
        return x[x.length - 1];
    }

    private static void assertShows(TimehistDelayViewModel vm, TimehistOracle.Expected e) {
        TaskDelays.Task t = vm.chosenProperty().get();
        assertNotNull(t);
        assertTrue(vm.tasksProperty().get().contains(t), "the chosen task is one of the listed ones");
        assertEquals(e.count(), t.switches());
        assertEquals(e.p50(), t.p50Ms(), 1e-12);
        assertEquals(e.p99(), t.p99Ms(), 1e-12);
        assertEquals(e.count(), vm.histogramProperty().get().total(), 0);
        assertEquals(e.p99() / 1000, vm.histogramProperty().get().markers()[2], 1e-15);
        assertTrue(vm.titleProperty().get().startsWith(String.format(Locale.ROOT, "%s — %,d switches, P50 %.3f ms", t.label(),
                e.count(), e.p50())), vm.titleProperty().get());
    }

    @Test
    void opensOnTheBusiestTaskWithItsHistogramAndItsDelaysOverTheWholeRecording() {
        TimehistDelayViewModel vm = new TimehistDelayViewModel(parsed, new SynchronousRunner());
        assertTrue(vm.readyProperty().get());
        TaskDelays.Task chosen = vm.chosenProperty().get();
        TimehistOracle.Expected all = oracle.expected(chosen.pid(), null);
        for (TaskDelays.Task t : vm.tasksProperty().get()) {
            if (t.pid() >= 0) assertTrue(oracle.expected(t.pid(), null).count() <= all.count(), t.label() + " is busier");
        }
        assertShows(vm, all);
        assertEquals(all.count(), vm.overTimeProperty().get().rawY().length, "every switch of the task over time");
        assertEquals(String.format(Locale.ROOT, "Whole recording · %,d switches", oracle.totalSwitches()), vm.rangeTextProperty().get());
    }

    @Test
    void aRangeRecomputesEveryTaskKeepsTheChosenOneAndClearingRestoresTheWholeRecording() {
        TimehistDelayViewModel vm = new TimehistDelayViewModel(parsed, new SynchronousRunner());
        int pid = vm.chosenProperty().get().pid();
        int everySwitch = vm.overTimeProperty().get().rawY().length;
        TimeRange range = new TimeRange(end(vm) * 0.3, end(vm) * 0.55);
        vm.rangeProperty().set(range);
        TimehistOracle.Expected inside = oracle.expected(pid, range);
        assertTrue(inside.count() > 0, "the range holds some of the task's switches");
        assertEquals(pid, vm.chosenProperty().get().pid(), "the same task stays chosen");
        assertShows(vm, inside);
        int in = 0;
        for (TaskDelays.Task t : vm.tasksProperty().get()) {
            in += t.switches();
            if (t.pid() >= 0) assertEquals(oracle.expected(t.pid(), range).count(), t.switches(), t.label());
        }
        assertEquals(String.format(Locale.ROOT, "%.2f s – %.2f s · %,d of %,d switches", range.from(), range.to(), in,
                oracle.totalSwitches()), vm.rangeTextProperty().get());
        assertEquals(everySwitch, vm.overTimeProperty().get().rawY().length, "the delays over time stay the whole recording's");

        vm.clearRange();
        assertNull(vm.rangeProperty().get());
        assertShows(vm, oracle.expected(pid, null));
        assertEquals(String.format(Locale.ROOT, "Whole recording · %,d switches", oracle.totalSwitches()), vm.rangeTextProperty().get());
    }

    @Test
    void aChosenTaskWithoutSwitchesInTheRangeSaysSo() {
        TimehistDelayViewModel vm = new TimehistDelayViewModel(parsed, new SynchronousRunner());
        TimeRange sliver = new TimeRange(end(vm) * 0.5, end(vm) * 0.5 + 1e-6);
        TaskDelays.Task quiet = vm.tasksProperty().get().stream()
                .filter(t -> t.pid() >= 0 && t.switches() > 0 && oracle.expected(t.pid(), sliver).count() == 0)
                .findFirst().orElseThrow();
        vm.chosenProperty().set(quiet);
        vm.rangeProperty().set(sliver);
        assertEquals(quiet.pid(), vm.chosenProperty().get().pid(), "still listed, still chosen");
        assertEquals(quiet.label() + " — no switches in the selected range", vm.titleProperty().get());
        assertEquals("No switches of this task in the selected range", vm.histogramPlaceholderProperty().get());
        assertEquals(0, vm.histogramProperty().get().total(), 0);
        vm.chosenProperty().set(null);
        assertEquals("No task chosen", vm.titleProperty().get());
        assertEquals(TimehistDelayViewModel.NO_TASK, vm.histogramPlaceholderProperty().get());
    }

    @Test
    void whileARangeIsComputedTheTextSaysSoAndOnlyTheLatestRangeIsApplied() {
        DeferredRunner runner = new DeferredRunner();
        TimehistDelayViewModel vm = new TimehistDelayViewModel(parsed, runner);
        assertFalse(vm.readyProperty().get(), "the figures are computed in the background");
        runner.runNext();
        assertTrue(vm.readyProperty().get());
        int pid = vm.chosenProperty().get().pid();
        TimeRange first = new TimeRange(0, end(vm) * 0.2), second = new TimeRange(end(vm) * 0.5, end(vm) * 0.9);
        vm.rangeProperty().set(first);
        vm.rangeProperty().set(second);
        assertEquals(String.format(Locale.ROOT, "%.2f s – %.2f s · computing…", second.from(), second.to()), vm.rangeTextProperty().get());
        assertEquals(2, runner.pendingCount());
        runner.runNextFromEnd();
        assertShows(vm, oracle.expected(pid, second));
        runner.runNext(); // the first range's computation: cancelled, never applied
        assertShows(vm, oracle.expected(pid, second));
        assertTrue(vm.rangeTextProperty().get().startsWith(String.format(Locale.ROOT, "%.2f s", second.from())));
    }
}
