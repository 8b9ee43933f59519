package dev.gcscope.ui.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

/** The handle and context of one task, shared by both runners. */
final class TaskState implements TaskHandle, TaskContext {
    private volatile boolean cancelled;
    private final ProgressSink sink;

    /** Where progress goes once computed as a fraction. */
    @FunctionalInterface
    interface ProgressSink {
        void accept(double fraction);
    }

    TaskState(ProgressSink sink) {
        this.sink = sink;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void progress(long done, long total) {
        sink.accept(total > 0 ? Math.min(1.0, Math.max(0.0, (double) done / total)) : -1);
    }

    /** Runs {@code task} and tells {@code listener} the outcome through {@code ui}. */
    <T> void runAndReport(BackgroundTask<T> task, TaskListener<T> listener, Executor ui) {
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
