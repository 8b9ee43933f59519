package dev.gcscope.ui.task;

/**
 * One kind of request of which only the latest counts: the statistics of the selection dragged
 * last, the scatter of the current range. Submitting cancels the request before (so its task stops
 * at its next check, or never starts) and from then on nothing of it reaches its listener, not even
 * a result that was already on its way to the UI thread when the cancel came.
 *
 * <p>Used on the UI thread only, like the listeners it calls.
 */
public final class LatestTask {
    private final BackgroundRunner runner;
    /** Bumped per request and per cancel; a callback of an older value is dropped. */
    private long generation;
    /** The latest generation whose outcome was reported. */
    private long settled;
    private TaskHandle current;

    public LatestTask(BackgroundRunner runner) {
        this.runner = runner;
    }

    /**
     * Cancels the request under way, if any, and submits this one. {@code listener} hears this
     * request's progress and outcome, unless another request or {@link #cancel()} comes first.
     */
    public <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskListener<T> listener) {
        cancel();
        long mine = generation;
        TaskHandle handle = runner.submit(name, task, new TaskListener<T>() {
            @Override
            public void progress(double fraction) {
                if (mine == generation) listener.progress(fraction);
            }

            @Override
            public void succeeded(T value) {
                if (finish(mine)) listener.succeeded(value);
            }

            @Override
            public void failed(Throwable error) {
                if (finish(mine)) listener.failed(error);
            }

            @Override
            public void cancelled() {
                if (finish(mine)) listener.cancelled();
            }
        });
        // a synchronous runner has reported already, and its listener may have submitted the next
        if (mine == generation && settled != mine) current = handle;
        return handle;
    }

    private boolean finish(long of) {
        if (of != generation) return false;
        current = null;
        settled = of;
        return true;
    }

    /** Cancels the request under way; its listener hears nothing more. */
    public void cancel() {
        generation++;
        TaskHandle h = current;
        current = null;
        if (h != null) h.cancel();
    }

    /** True while the latest request has not reported its outcome. */
    public boolean isRunning() {
        return current != null;
    }
}
