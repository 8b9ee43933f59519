package dev.gcscope.ui.task;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The app's runner: tasks run on named daemon threads ({@code gcscope-worker-N}), so a load never
 * keeps the JVM alive after the window closes; listeners run on {@code uiThread}
 * ({@code Platform::runLater} in the app).
 */
public final class ExecutorBackgroundRunner implements BackgroundRunner, AutoCloseable {
    /**
     * Progress reaches the UI at most ten times a second: every update re-lays and repaints the
     * status bar, and with software rendering a repaint per read buffer took a core away from the
     * parse it was reporting on.
     */
    static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private final Executor uiThread;
    private final ExecutorService workers;

    public ExecutorBackgroundRunner(Executor uiThread) {
        this.uiThread = uiThread;
        this.workers = Executors.newCachedThreadPool(new NamedDaemonThreads("gcscope-worker-"));
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
        workers.execute(() -> {
            Thread self = Thread.currentThread();
            String idleName = self.getName();
            self.setName(idleName + " " + name);
            try {
                state.runAndReport(task, listener, uiThread);
            } finally {
                self.setName(idleName);
            }
        });
        return state;
    }

    /** Interrupts running tasks and accepts no more. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static final class NamedDaemonThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger next = new AtomicInteger(1);

        NamedDaemonThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}
