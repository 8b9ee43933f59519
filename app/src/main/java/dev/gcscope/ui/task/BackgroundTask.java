package dev.gcscope.ui.task;

/** A unit of background work. It polls {@link TaskContext#isCancelled()} and reports progress through it. */
@FunctionalInterface
public interface BackgroundTask<T> {
    T run(TaskContext context) throws Exception;
}
