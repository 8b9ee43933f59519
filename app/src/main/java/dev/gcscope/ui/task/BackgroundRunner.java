package dev.gcscope.ui.task;

import java.util.concurrent.Executor;

/**
 * Runs work off the UI thread and reports back on it. The app uses {@link ExecutorBackgroundRunner}
 * (named daemon threads, one task per core at a time, results published through
 * {@code Platform::runLater}); tests use {@link SynchronousRunner}, which runs everything on the
 * calling thread, so a test that triggers a load can assert on the outcome on the next line.
 *
 * <p>Every {@link TaskListener} method is called on the runner's UI thread, and exactly one of
 * {@code succeeded}, {@code failed} or {@code cancelled} is called per task.
 */
public interface BackgroundRunner {

    /**
     * @param name what the task does, for thread names and logs ("load go1.24-phases.log")
     * @return a handle to cancel the task; cancelling a finished task does nothing
     */
    <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskListener<T> listener);

    /**
     * Where a running task's independent parts may run beside it: hand it to the analysis as
     * {@code Work.on(runner.executor(), context::isCancelled)}, whose joins run a part themselves
     * when no worker has taken it. The default runs every part on the thread that forks it.
     */
    default Executor executor() {
        return Runnable::run;
    }

    /**
     * Where results reach the UI thread: {@code Platform::runLater} for the app's runner, the
     * calling thread for the synchronous one (a test that follows a log uses the app's runner).
     */
    default Executor uiThread() {
        return Runnable::run;
    }

    /**
     * Starts {@code work} on a named daemon thread of its own, for work that lasts as long as the
     * user wants it to (a followed log is read until it is stopped): in the pool it would hold one
     * of the few workers for good, and the files opened after it would wait.
     */
    default void startDedicated(String name, Runnable work) {
        new dev.gcscope.analysis.work.DaemonThreads(name + "-").newThread(work).start();
    }
}
