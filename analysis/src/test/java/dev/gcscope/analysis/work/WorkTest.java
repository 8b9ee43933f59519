package dev.gcscope.analysis.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkTest {
    /** Only guards against a hang failing the build forever; no assertion depends on it. */
    private static final long HANG_GUARD_S = 60;

    private final ExecutorService oneThread = Executors.newFixedThreadPool(1, new DaemonThreads("work-test-"));

    @AfterEach
    void close() {
        oneThread.shutdownNow();
    }

    @Test
    void forEachRunsEveryIndexExactlyOnce() {
        for (Work work : List.of(Work.serial(), Work.parallel(), Work.on(oneThread, () -> false))) {
            AtomicIntegerArray runs = new AtomicIntegerArray(100);
            work.forEach(100, runs::incrementAndGet);
            for (int i = 0; i < 100; i++) assertEquals(1, runs.get(i), "index " + i);
        }
    }

    /**
     * The pool's only thread runs a task that forks into that same pool and joins, twice nested:
     * with a plain blocking join this waits forever for a thread that is itself waiting.
     */
    @Test
    void aTaskOnABoundedPoolCanForkIntoThatPoolAndJoin() throws Exception {
        Future<Integer> outer = oneThread.submit(() -> {
            Work work = Work.on(oneThread, () -> false);
            List<Work.Part<Integer>> parts = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int n = i;
                parts.add(work.fork(() -> {
                    Work.Part<Integer> inner = work.fork(() -> n * 10);
                    return n + inner.join();
                }));
            }
            int sum = 0;
            for (Work.Part<Integer> p : parts) sum += p.join();
            return sum;
        });
        assertEquals(15 + 150, outer.get(HANG_GUARD_S, TimeUnit.SECONDS));
    }

    @Test
    void whenThePoolIsBusyTheJoiningThreadRunsThePartsItself() throws Exception {
        CountDownLatch release = occupy(oneThread);
        Work work = Work.on(oneThread, () -> false);
        Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
        work.forEach(8, i -> ranOn.add(Thread.currentThread()));
        release.countDown();
        assertEquals(Set.of(Thread.currentThread()), ranOn);
    }

    @Test
    void aCancelledWorkRunsNoQueuedPartAndItsJoinSaysCancelled() {
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch release = occupy(oneThread);
        Work work = Work.on(oneThread, cancelled::get);
        AtomicBoolean ran = new AtomicBoolean();
        Work.Part<String> part = work.fork(() -> {
            ran.set(true);
            return "ran";
        });
        cancelled.set(true);
        assertThrows(CancellationException.class, part::join);
        assertThrows(CancellationException.class, work::checkCancelled);
        release.countDown();
        assertFalse(ran.get(), "the part never ran");
    }

    @Test
    void aPartsExceptionReachesTheJoinerAsItWasAndTheIndicesNotStartedNeverRun() {
        CountDownLatch release = occupy(oneThread);
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicIntegerArray runs = new AtomicIntegerArray(10);
        // the pool is busy: the joiner runs the indices from the last, 9, 8, … until 3 throws
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Work.on(oneThread, () -> false).forEach(10, i -> {
            runs.incrementAndGet(i);
            if (i == 3) throw boom;
        }));
        release.countDown();
        assertSame(boom, thrown);
        for (int i = 0; i < 10; i++) assertEquals(i >= 3 ? 1 : 0, runs.get(i), "index " + i);
        Work.Part<Integer> failing = Work.parallel().fork(() -> {
            throw new ArithmeticException("/ by zero");
        });
        assertEquals("/ by zero", assertThrows(ArithmeticException.class, failing::join).getMessage());
    }

    @Test
    void theSharedPoolsThreadsAreNamedDaemons() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Work.Part<Thread> where = Work.parallel().fork(() -> {
            started.countDown();
            return Thread.currentThread();
        });
        assertTrue(started.await(HANG_GUARD_S, TimeUnit.SECONDS), "an idle pool takes the part");
        Thread t = where.join();
        assertTrue(t.isDaemon(), t.getName());
        assertTrue(t.getName().startsWith("gcscope-analysis-"), t.getName());
    }

    /** Keeps the pool's only thread busy until the returned latch is counted down. */
    private static CountDownLatch occupy(ExecutorService pool) {
        CountDownLatch release = new CountDownLatch(1);
        pool.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return release;
    }
}
