package dev.gcscope.ui.task;

/**
 * The synchronous twin of {@link ExecutorBackgroundRunner} for tests: {@code submit} runs the task
 * on the calling thread and has told the listener the outcome by the time it returns. Every
 * progress report is passed on, none coalesced.
 */
public final class SynchronousRunner implements BackgroundRunner {

    @Override
    public <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskListener<T> listener) {
        TaskState state = new TaskState(listener::progress);
        state.runAndReport(task, listener, Runnable::run);
        return state;
    }
}
