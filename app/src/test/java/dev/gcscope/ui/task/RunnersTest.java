package dev.gcscope.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.work.Work;
import dev.gcscope.parsers.ParseCancelledException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunnersTest {

    /** Records what a listener heard, in order. */
    static final class Recorder<T> implements TaskListener<T> {
        final List<String> events = new ArrayList<>();
        final List<Double> progress = new ArrayList<>();
        final List<String> threads = new ArrayList<>();
        T value;
        Throwable error;

        @Override public void progress(double fraction) { progress.add(fraction); threads.add(Thread.currentThread().getName()); }
        @Override public void succeeded(T v) { value = v; events.add("succeeded"); threads.add(Thread.currentThread().getName()); }
        @Override public void failed(Throwable e) { error = e; events.add("failed"); }
        @Override public void cancelled() { events.add("cancelled"); }
    }

    @Test
    void synchronousRunnerReportsTheOutcomeBeforeSubmitReturns() {
        Recorder<String> r = new Recorder<>();
        new SynchronousRunner().submit("t", ctx -> {
            ctx.progress(1, 4);
            ctx.progress(4, 4);
            return "done";
        }, r);
        assertEquals(List.of("succeeded"), r.events);
        assertEquals("done", r.value);
        assertEquals(List.of(0.25, 1.0), r.progress);
    }

    @Test
    void synchronousRunnerReportsFailuresAndUnknownTotals() {
        Recorder<String> r = new Recorder<>();
        new SynchronousRunner().submit("t", ctx -> {
            ctx.progress(10, -1);
            throw new IllegalStateException("boom");
        }, r);
        assertEquals(List.of("failed"), r.events);
        assertEquals("boom", r.error.getMessage());
        assertEquals(List.of(-1.0), r.progress);
    }

    @Test
    void aCancellationExceptionIsReportedAsCancelledNotFailed() {
        Recorder<String> r = new Recorder<>();
        new SynchronousRunner().submit("t", ctx -> {
            throw new ParseCancelledException("x.log");
        }, r);
        assertEquals(List.of("cancelled"), r.events);
    }

    @Test
    void outOfMemoryIsAFailureTheWindowCanShow() {
        Recorder<String> r = new Recorder<>();
        new SynchronousRunner().submit("t", ctx -> {
            throw new OutOfMemoryError("Java heap space");
        }, r);
        assertEquals(List.of("failed"), r.events);
        assertInstanceOf(OutOfMemoryError.class, r.error);
    }

    @Test
    void executorRunnerWorksOnNamedDaemonThreadsAndReportsOnTheUiExecutor() throws Exception {
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        try (ExecutorBackgroundRunner runner = new ExecutorBackgroundRunner(ui::add)) {
            Recorder<String> r = new Recorder<>();
            runner.submit("load x", ctx -> {
                Thread t = Thread.currentThread();
                return t.getName() + "|" + t.isDaemon();
            }, r);
            drainUntil(ui, () -> !r.events.isEmpty());
            assertEquals(List.of("succeeded"), r.events);
            assertTrue(r.value.startsWith("gcscope-worker-"), r.value);
            assertTrue(r.value.contains("load x"), r.value);
            assertTrue(r.value.endsWith("|true"), r.value);
            assertEquals(Thread.currentThread().getName(), r.threads.get(r.threads.size() - 1));
        }
    }

    @Test
    void executorRunnerCoalescesProgressSoTheUiQueueDoesNotFlood() throws Exception {
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        CountDownLatch reported = new CountDownLatch(1);
        try (ExecutorBackgroundRunner runner = new ExecutorBackgroundRunner(ui::add)) {
            Recorder<String> r = new Recorder<>();
            runner.submit("t", ctx -> {
                for (int i = 1; i <= 100_000; i++) ctx.progress(i, 100_000);
                reported.countDown();
                return "ok";
            }, r);
            // Nothing runs the UI queue while the task reports, so every update after the first
            // overwrote the one pending: one runnable, carrying the latest value.
            assertTrue(reported.await(20, TimeUnit.SECONDS));
            drainUntil(ui, () -> !r.events.isEmpty());
            assertEquals(List.of(1.0), r.progress);
            assertEquals(List.of("succeeded"), r.events);
        }
    }

    @Test
    void executorRunnerCancelsARunningTask() throws Exception {
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        CountDownLatch started = new CountDownLatch(1);
        try (ExecutorBackgroundRunner runner = new ExecutorBackgroundRunner(ui::add)) {
            Recorder<String> r = new Recorder<>();
            TaskHandle h = runner.submit("t", ctx -> {
                started.countDown();
                while (!ctx.isCancelled()) Thread.onSpinWait();
                throw new ParseCancelledException("x");
            }, r);
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertFalse(h.isCancelled());
            h.cancel();
            drainUntil(ui, () -> !r.events.isEmpty());
            assertEquals(List.of("cancelled"), r.events);
        }
    }

    /**
     * Six tasks on a two-thread runner, each held until two are running: no third starts meanwhile
     * (an unbounded pool would give each held task a thread of its own), and the queued ones run
     * once the first are done.
     */
    @Test
    void atMostOneTaskPerThreadRunsAndTheQueuedOnesFollow() throws Exception {
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        int tasks = 6, threads = 2;
        AtomicInteger running = new AtomicInteger(), most = new AtomicInteger();
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        CountDownLatch full = new CountDownLatch(threads), release = new CountDownLatch(1);
        List<Recorder<Integer>> heard = new ArrayList<>();
        try (ExecutorBackgroundRunner runner = new ExecutorBackgroundRunner(ui::add, threads)) {
            for (int i = 0; i < tasks; i++) {
                int n = i;
                Recorder<Integer> r = new Recorder<>();
                heard.add(r);
                runner.submit("task " + i, ctx -> {
                    workers.add(Thread.currentThread());
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    full.countDown();
                    release.await();
                    running.decrementAndGet();
                    return n;
                }, r);
            }
            assertTrue(full.await(20, TimeUnit.SECONDS), "two tasks started");
            release.countDown();
            drainUntil(ui, () -> heard.stream().allMatch(r -> !r.events.isEmpty()));
        }
        for (int i = 0; i < tasks; i++) assertEquals(i, heard.get(i).value, "task " + i + " completed");
        assertEquals(threads, most.get(), "at most two at once");
        assertEquals(threads, workers.size(), "on two threads");
    }

    @Test
    void aQueuedTaskCancelledIsReportedAtOnceAndNeverRuns() throws Exception {
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        CountDownLatch busy = new CountDownLatch(1), release = new CountDownLatch(1);
        AtomicBoolean victimRan = new AtomicBoolean();
        Recorder<String> blocker = new Recorder<>(), victim = new Recorder<>(), after = new Recorder<>();
        try (ExecutorBackgroundRunner runner = new ExecutorBackgroundRunner(ui::add, 1)) {
            runner.submit("blocker", ctx -> {
                busy.countDown();
                release.await();
                return "blocker";
            }, blocker);
            assertTrue(busy.await(20, TimeUnit.SECONDS));
            TaskHandle h = runner.submit("victim", ctx -> {
                victimRan.set(true);
                return "victim";
            }, victim);
            h.cancel();
            // reported while the only worker is still busy: it did not wait for its turn
            drainUntil(ui, () -> !victim.events.isEmpty());
            assertEquals(List.of("cancelled"), victim.events);
            assertTrue(blocker.events.isEmpty());
            runner.submit("after", ctx -> "after", after);
            release.countDown();
            drainUntil(ui, () -> !after.events.isEmpty());
            assertEquals(List.of("succeeded"), blocker.events);
        }
        assertFalse(victimRan.get(), "the cancelled task never ran, though the one queued after it did");
        assertEquals(List.of("cancelled"), victim.events, "and was reported once");
    }

    /** A task on the only worker forks parts into the runner's executor and joins them. */
    @Test
    void aTaskCanForkIntoTheFullPoolWithoutDeadlock() throws Exception {
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        try (ExecutorBackgroundRunner runner = new ExecutorBackgroundRunner(ui::add, 1)) {
            Recorder<Integer> r = new Recorder<>();
            runner.submit("forks", ctx -> {
                Work work = Work.on(runner.executor(), ctx::isCancelled);
                AtomicInteger sum = new AtomicInteger();
                work.forEach(10, i -> sum.addAndGet(work.fork(() -> i + 1).join()));
                return sum.get();
            }, r);
            drainUntil(ui, () -> !r.events.isEmpty());
            assertEquals(List.of("succeeded"), r.events);
            assertEquals(55, r.value);
        }
    }

    static void drainUntil(BlockingQueue<Runnable> ui, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            Runnable next = ui.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) next.run();
            if (System.nanoTime() > deadline) throw new AssertionError("the task did not finish");
        }
    }

    /** A parse reports per read buffer, thousands of times; the UI hears of it a few times a second. */
    @Test
    void progressReachesTheUiThreadAtMostTenTimesASecond() throws Exception {
        List<Double> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch finished = new CountDownLatch(1);
        try (ExecutorBackgroundRunner runner = new ExecutorBackgroundRunner(Runnable::run)) {
            long t0 = System.nanoTime();
            long[] elapsed = new long[1];
            runner.submit("burst", ctx -> {
                for (int i = 1; i <= 20_000; i++) ctx.progress(i, 20_000);
                elapsed[0] = System.nanoTime() - t0;
                return null;
            }, new TaskListener<Object>() {
                @Override
                public void progress(double fraction) {
                    heard.add(fraction);
                }

                @Override
                public void succeeded(Object value) {
                    finished.countDown();
                }

                @Override
                public void failed(Throwable error) {
                    finished.countDown();
                }
            });
            assertTrue(finished.await(10, TimeUnit.SECONDS));
            long allowed = 2 + elapsed[0] / ExecutorBackgroundRunner.PROGRESS_INTERVAL_NANOS;
            assertTrue(heard.size() <= allowed, heard.size() + " updates in " + elapsed[0] / 1_000_000 + " ms");
            assertEquals(1.0, heard.get(heard.size() - 1), "the last update (done) always gets through");
        }
    }
}
