package dev.gcscope.ui.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/** The handle and context of one task, shared by the runners. */
final class TaskState implements TaskHandle, TaskContext {
    private static final int QUEUED = 0, STARTED = 1, WITHDRAWN = 2;

    private volatile boolean cancelled;
    private final ProgressSink sink;
    /** Whether the task started, or was cancelled before it did; decided once, by whichever comes first. */
    private final AtomicInteger phase = new AtomicInteger(QUEUED);
    private volatile Runnable withdraw;

    /** Where progress goes once computed as a fraction. */
    @FunctionalInterface
    interface ProgressSink {
        void accept(double fraction);
    }

    TaskState(ProgressSink sink) {
        this.sink = sink;
    }

    /**
     * What {@link #cancel()} does if the task has not started yet: take it out of the queue and
     * report it cancelled. Without one, a task cancelled while queued is reported when its turn comes.
     */
    void whenCancelledWhileQueued(Runnable withdraw) {
        this.withdraw = withdraw;
    }

    @Override
    public void cancel() {
        cancelled = true;
        Runnable w = withdraw;
        if (w != null && phase.compareAndSet(QUEUED, WITHDRAWN)) w.run();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void progress(long done, long total) {
        sink.accept(total > 0 ? Math.min(1.0, Math.max(0.0, (double) done / total)) : -1);
    }

    /**
     * Runs {@code task} and tells {@code listener} the outcome through {@code ui}; a task cancelled
     * before it started never runs (and one already withdrawn was reported when it was).
     */
    <T> void runAndReport(BackgroundTask<T> task, TaskListener<T> listener, Executor ui) {
        if (!phase.compareAndSet(QUEUED, STARTED)) return;
        if (cancelled) {
            ui.execute(listener::cancelled);
            return;
        }
        T value;
        try {
            value = task.run(this);
        } catch (CancellationException e) {
            ui.execute(listener::cancelled);
            return;
        } catch (Throwable t) { // OutOfMemoryError included: a huge file must not kill the window
            if (cancelled) {
                ui.execute(listener::cancelled);
            } else {
                ui.execute(() -> listener.failed(t));
            }
            return;
        }
        if (cancelled) {
            ui.execute(listener::cancelled);
        } else {
            ui.execute(() -> listener.succeeded(value));
        }
    }
}
