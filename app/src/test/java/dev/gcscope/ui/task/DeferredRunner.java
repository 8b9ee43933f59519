package dev.gcscope.ui.task;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A test runner that holds submitted tasks until {@link #runNext()}, so a test can act (cancel,
 * start another load) while a task is "in flight", then let it run on the test's thread.
 */
public final class DeferredRunner implements BackgroundRunner {
    private final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskListener<T> listener) {
        TaskState state = new TaskState(listener::progress);
        pending.add(() -> state.runAndReport(task, listener, Runnable::run));
        return state;
    }

    public int pendingCount() {
        return pending.size();
    }

    public void runNext() {
        pending.remove().run();
    }

    /** Runs the task submitted last, so a test can finish loads out of order. */
    public void runNextFromEnd() {
        pending.removeLast().run();
    }
}
