package dev.gcscope.ui.task;

/** What a running task sees of its runner. Called from the worker thread; both methods are cheap. */
public interface TaskContext {

    /** True once {@link TaskHandle#cancel()} was called; the task should stop soon after. */
    boolean isCancelled();

    /**
     * Reports progress; the runner forwards it to the UI thread, coalescing calls so that at most one
     * update is pending at a time (a parse reports once per read buffer, far more often than a screen
     * refreshes).
     *
     * @param done units done so far
     * @param total total units, or a value &lt;= 0 when unknown
     */
    void progress(long done, long total);
}
