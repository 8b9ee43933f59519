package dev.gcscope.ui.task;

import dev.gcscope.analysis.work.DaemonThreads;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The app's runner: tasks run on named daemon threads ({@code gcscope-worker-N}), so a load never
 * keeps the JVM alive after the window closes; listeners run on {@code uiThread}
 * ({@code Platform::runLater} in the app).
 *
 * <p>At most one task per core runs; the others wait in submission order. Twenty files dropped at
 * once are parsed two at a time on two cores instead of twenty at once, each slowed tenfold and all
 * holding their half-built tables in memory together. A task cancelled while it waits is taken
 * out of the queue and reported cancelled at once, without ever running. The same threads run the
 * parts a task forks through {@link #executor()}.
 */
public final class ExecutorBackgroundRunner implements BackgroundRunner, AutoCloseable {
    /**
     * Progress reaches the UI at most ten times a second: every update re-lays and repaints the
     * status bar, and with software rendering a repaint per read buffer took a core away from the
     * parse it was reporting on.
     */
    static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;
    /** An idle worker ends after this long; the next task starts a new one. */
    private static final long IDLE_SECONDS = 30;

    private final Executor uiThread;
    private final ThreadPoolExecutor workers;

    /** One worker per core. */
    public ExecutorBackgroundRunner(Executor uiThread) {
        this(uiThread, Runtime.getRuntime().availableProcessors());
    }

    /** @param threads how many tasks may run at once */
    public ExecutorBackgroundRunner(Executor uiThread, int threads) {
        this.uiThread = uiThread;
        this.workers = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new DaemonThreads("gcscope-worker-"));
        workers.allowCoreThreadTimeOut(true);
    }

    @Override
    public Executor uiThread() {
        return uiThread;
    }

    @Override
    public <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskListener<T> listener) {
        // Like Task.updateProgress: at most one progress update waits on the UI thread; later
        // values overwrite it instead of queueing behind it.
        AtomicReference<Double> pending = new AtomicReference<>();
        AtomicLong lastPublished = new AtomicLong(System.nanoTime() - PROGRESS_INTERVAL_NANOS);
        TaskState state = new TaskState(fraction -> {
            long now = System.nanoTime();
            if (fraction < 1 && now - lastPublished.get() < PROGRESS_INTERVAL_NANOS) return;
            lastPublished.set(now);
            if (pending.getAndSet(fraction) == null) {
                uiThread.execute(() -> {
                    Double latest = pending.getAndSet(null);
                    if (latest != null) listener.progress(latest);
                });
            }
        });
        Runnable job = () -> {
            Thread self = Thread.currentThread();
            String idleName = self.getName();
            self.setName(idleName + " " + name);
            try {
                state.runAndReport(task, listener, uiThread);
            } finally {
                self.setName(idleName);
            }
        };
        state.whenCancelledWhileQueued(() -> {
            workers.remove(job);
            uiThread.execute(listener::cancelled);
        });
        workers.execute(job);
        return state;
    }

    /** The workers, for the parts of a running task; queued behind waiting tasks, so a part's join mostly runs it itself when all are busy. */
    @Override
    public Executor executor() {
        return workers::execute;
    }

    /** Interrupts running tasks and accepts no more. */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
