package dev.gcscope.ui.task;

/** A submitted task, seen from the code that submitted it. */
public interface TaskHandle {

    /** Asks the task to stop; its listener then gets {@code cancelled()} instead of a result. */
    void cancel();

    boolean isCancelled();
}
