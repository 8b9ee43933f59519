package dev.gcscope.ui.task;

/** Hears how a task goes, on the UI thread. Exactly one of the three outcomes is reported. */
public interface TaskListener<T> {

    /** @param fraction 0..1, or -1 when the total is unknown */
    default void progress(double fraction) {}

    void succeeded(T value);

    /** Any failure, including errors such as {@link OutOfMemoryError}. */
    void failed(Throwable error);

    /** The task was cancelled (its result, if it still produced one, is dropped). */
    default void cancelled() {}
}
