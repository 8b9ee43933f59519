package dev.gcscope.analysis.work;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Where one computation runs its independent parts, and how it learns that nobody wants its result
 * any more. The caller decides: the desktop app passes its background runner's pool and the task's
 * cancel flag, so a cancelled load or selection stops its parts too; the command line passes
 * {@link #parallel()}; a test may pass {@link #serial()}.
 *
 * <p>Parts are forked and joined fork/join style, and a join never waits for a part that no thread
 * has started: the joining thread runs this computation's parts that are still queued itself (the
 * latest first, while the pool's threads take the oldest) and waits only while every remaining one
 * is running on another thread. So a task running on a bounded pool can fork into that same pool
 * without a deadlock, and when the pool is busy with other tasks the parts simply run on the thread
 * that forked them. (A waiting thread only ever waits for a part that started before it began
 * waiting, and a part is forked after its parent started, so no two threads can wait for each
 * other.)
 *
 * <p>Long loops call {@link #checkCancelled()} now and then; a cancelled computation ends with a
 * {@link CancellationException}, and its queued parts end without running.
 */
public final class Work {
    private static final BooleanSupplier NEVER = () -> false;

    private final Executor executor;
    private final BooleanSupplier cancelled;
    /** Forked parts no thread has started yet, oldest first. */
    private final Deque<Part<?>> queued = new ConcurrentLinkedDeque<>();
    /** Notified when a part is forked or ends, for a join that has nothing left to run but must wait. */
    private final Object changed = new Object();

    private Work(Executor executor, BooleanSupplier cancelled) {
        this.executor = executor;
        this.cancelled = cancelled;
    }

    /**
     * @param executor where parts may run beside the forking thread (a bounded pool is fine, the
     *                 forking task may run on it too)
     * @param cancelled true once the result is no longer wanted; polled from every thread of the work
     */
    public static Work on(Executor executor, BooleanSupplier cancelled) {
        return new Work(executor, cancelled);
    }

    /** Everything on the calling thread, never cancelled. */
    public static Work serial() {
        return new Work(Runnable::run, NEVER);
    }

    /**
     * Parts on a process-wide pool of daemon threads ({@code gcscope-analysis-N}), one fewer than
     * the cores since the calling thread runs parts too (as the common fork/join pool is sized);
     * never cancelled: for the command line and other callers without a runner of their own.
     */
    public static Work parallel() {
        return new Work(SharedPool.POOL, NEVER);
    }

    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    /** Ends the computation with a {@link CancellationException} if it was cancelled. */
    public void checkCancelled() {
        if (cancelled.getAsBoolean()) throw new CancellationException("cancelled");
    }

    /** Starts {@code part} beside the calling thread (or leaves it for {@link Part#join()} to run). */
    public <T> Part<T> fork(Callable<T> part) {
        Part<T> p = new Part<>(this, () -> {
            checkCancelled();
            return part.call();
        });
        queued.addLast(p);
        signal();
        try {
            // one turn on a worker per part; the turn takes the oldest part still queued, which is
            // this one unless a join took it meanwhile (and then the turn holds no part's result)
            executor.execute(this::runOldest);
        } catch (RejectedExecutionException shutDown) {
            // the pool is closing: the part stays queued, and its join runs it
        }
        return p;
    }

    /**
     * Runs {@code body} for every index in {@code [0, count)}, in parallel as far as the executor
     * allows, and returns when none is running any more. If one throws, the indices not started
     * yet are dropped and that exception is thrown.
     */
    public void forEach(int count, IntConsumer body) {
        List<Part<Void>> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            parts.add(fork(() -> {
                body.accept(index);
                return null;
            }));
        }
        Throwable failure = null;
        // the last forked first: the pool's threads take the first ones, so the two meet in the middle
        for (int i = count - 1; i >= 0; i--) {
            try {
                parts.get(i).join();
            } catch (RuntimeException | Error e) {
                if (failure != null) continue;
                failure = e;
                for (Part<Void> p : parts) p.task.cancel(false); // the ones not started never will
            }
        }
        if (failure instanceof Error err) throw err;
        if (failure != null) throw (RuntimeException) failure;
    }

    private void runOldest() {
        Part<?> next = queued.pollFirst();
        if (next != null) next.task.run();
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    private <T> T join(Part<T> part) {
        try {
            while (!part.task.isDone()) {
                Part<?> next = queued.pollLast();
                if (next != null) {
                    next.task.run();
                    continue;
                }
                synchronized (changed) {
                    while (!part.task.isDone() && queued.isEmpty()) changed.wait();
                }
            }
            return part.task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    /** A forked part; {@link #join()} gives its result or rethrows what it threw. */
    public static final class Part<T> {
        private final Work work;
        private final FutureTask<T> task;

        private Part(Work work, Callable<T> body) {
            this.work = work;
            this.task = new FutureTask<>(body) {
                @Override
                protected void done() {
                    work.signal();
                }
            };
        }

        /**
         * The part's result, running it here if no thread has started it (and meanwhile any other
         * queued part of the same work); an exception it threw is rethrown as it was.
         *
         * @throws CancellationException when the work was cancelled before the part ran
         */
        public T join() {
            return work.join(this);
        }
    }

    /** The command line's pool, made on first use. */
    private static final class SharedPool {
        static final ThreadPoolExecutor POOL = bounded(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));

        private static ThreadPoolExecutor bounded(int threads) {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), new DaemonThreads("gcscope-analysis-"));
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
