package dev.gcscope.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.ui.task.RunnersTest.Recorder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LatestTaskTest {

    /**
     * Holds tasks and, when told, runs one and delivers its result even if it was cancelled
     * meanwhile: the race a real runner loses when the cancel comes after the result left the worker.
     */
    private static final class LateRunner implements BackgroundRunner {
        final List<Runnable> held = new ArrayList<>();
        final List<TaskHandle> handles = new ArrayList<>();

        @Override
        public <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskListener<T> listener) {
            TaskHandle h = new TaskHandle() {
                boolean cancelled;
                @Override public void cancel() { cancelled = true; }
                @Override public boolean isCancelled() { return cancelled; }
            };
            held.add(() -> {
                try {
                    listener.progress(0.5);
                    listener.succeeded(task.run(new TaskContext() {
                        @Override public boolean isCancelled() { return false; }
                        @Override public void progress(long done, long total) {}
                    }));
                } catch (Exception e) {
                    listener.failed(e);
                }
            });
            handles.add(h);
            return h;
        }
    }

    @Test
    void aSupersededRequestsLateResultNeverReachesItsListener() {
        LateRunner runner = new LateRunner();
        LatestTask latest = new LatestTask(runner);
        Recorder<String> first = new Recorder<>(), second = new Recorder<>();
        latest.submit("first", ctx -> "first", first);
        latest.submit("second", ctx -> "second", second);
        assertTrue(runner.handles.get(0).isCancelled(), "the second request cancels the first");
        assertFalse(runner.handles.get(1).isCancelled());
        assertTrue(latest.isRunning());
        runner.held.get(1).run();
        runner.held.get(0).run();
        assertEquals(List.of("succeeded"), second.events);
        assertEquals("second", second.value);
        assertEquals(List.of(0.5), second.progress);
        assertEquals(List.of(), first.events, "not even its cancellation");
        assertEquals(List.of(), first.progress);
        assertFalse(latest.isRunning());
    }

    @Test
    void aSupersededQueuedTaskNeverRuns() {
        DeferredRunner runner = new DeferredRunner();
        LatestTask latest = new LatestTask(runner);
        AtomicBoolean firstRan = new AtomicBoolean();
        Recorder<String> first = new Recorder<>(), second = new Recorder<>();
        TaskHandle h = latest.submit("first", ctx -> {
            firstRan.set(true);
            return "first";
        }, first);
        latest.submit("second", ctx -> "second", second);
        assertTrue(h.isCancelled());
        runner.runNext();
        runner.runNext();
        assertFalse(firstRan.get());
        assertEquals(List.of(), first.events);
        assertEquals(List.of("succeeded"), second.events);
    }

    @Test
    void cancelSilencesTheRequestAndAFailureOfTheLatestIsReported() {
        DeferredRunner runner = new DeferredRunner();
        LatestTask latest = new LatestTask(runner);
        Recorder<String> cancelled = new Recorder<>(), failing = new Recorder<>();
        TaskHandle h = latest.submit("t", ctx -> "x", cancelled);
        latest.cancel();
        assertTrue(h.isCancelled());
        assertFalse(latest.isRunning());
        runner.runNext();
        assertEquals(List.of(), cancelled.events);

        latest.submit("t", ctx -> {
            throw new IllegalStateException("boom");
        }, failing);
        runner.runNext();
        assertEquals(List.of("failed"), failing.events);
        assertEquals("boom", failing.error.getMessage());
    }

    @Test
    void withTheSynchronousRunnerTheOutcomeIsThereWhenSubmitReturns() {
        LatestTask latest = new LatestTask(new SynchronousRunner());
        Recorder<Integer> r = new Recorder<>();
        latest.submit("t", ctx -> 42, r);
        assertEquals(42, r.value);
        assertFalse(latest.isRunning());
        // a listener that asks again from its callback: the new request is the running one
        DeferredRunner deferred = new DeferredRunner();
        LatestTask chained = new LatestTask(deferred);
        Recorder<String> next = new Recorder<>();
        chained.submit("a", ctx -> "a", new TaskListener<String>() {
            @Override public void succeeded(String v) { chained.submit("b", ctx -> "b", next); }
            @Override public void failed(Throwable e) {}
        });
        deferred.runNext();
        assertTrue(chained.isRunning());
        deferred.runNext();
        assertEquals("b", next.value);
        assertFalse(chained.isRunning());
    }

    /** On the real runner: the running task sees its cancel flag and stops; only the latest is heard. */
    @Test
    void aRunningSupersededTaskIsReallyCancelled() throws Exception {
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        CountDownLatch started = new CountDownLatch(1), stopped = new CountDownLatch(1);
        try (ExecutorBackgroundRunner runner = new ExecutorBackgroundRunner(ui::add, 2)) {
            LatestTask latest = new LatestTask(runner);
            Recorder<String> first = new Recorder<>(), second = new Recorder<>();
            latest.submit("spin", ctx -> {
                started.countDown();
                while (!ctx.isCancelled()) Thread.onSpinWait();
                stopped.countDown();
                return "spun";
            }, first);
            assertTrue(started.await(20, TimeUnit.SECONDS));
            latest.submit("quick", ctx -> "quick", second);
            assertTrue(stopped.await(20, TimeUnit.SECONDS), "the superseded task saw its cancel");
            // each task posts exactly one outcome (no progress): run both, in whatever order they came
            for (int i = 0; i < 2; i++) {
                Runnable outcome = ui.poll(20, TimeUnit.SECONDS);
                assertNotNull(outcome, "outcome " + (i + 1) + " of 2");
                outcome.run();
            }
            assertEquals(List.of("succeeded"), second.events);
            assertEquals(List.of(), first.events);
        }
    }
}
