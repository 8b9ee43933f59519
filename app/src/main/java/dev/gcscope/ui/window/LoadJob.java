package dev.gcscope.ui.window;

import dev.gcscope.ui.summary.Formats;
import dev.gcscope.ui.task.TaskHandle;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One load in progress, as the status bar shows it: name, fraction done, bytes read and
 * throughput, and a cancel command. The loading thread writes the byte counts; the UI thread reads
 * them whenever the runner forwards a progress report.
 */
public final class LoadJob {
    private final String name;
    private final long startNanos = System.nanoTime();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong bytesTotal = new AtomicLong(-1);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private TaskHandle handle;
    /** Why the load waits (a FIFO with no writer), set on the loading thread; null while it does not. */
    private final java.util.concurrent.atomic.AtomicReference<String> waiting = new java.util.concurrent.atomic.AtomicReference<>();
    private Runnable onCancel;

    LoadJob(String name) {
        this.name = name;
        detail.set("reading " + name + "…");
    }

    void attach(TaskHandle handle) {
        this.handle = handle;
    }

    /** Called on the loading thread by the parser. */
    void bytes(long done, long total) {
        bytesDone.set(done);
        bytesTotal.set(total);
    }

    /**
     * Called on the loading thread when the load waits for something outside it, e.g.
     * {@code gc.fifo: waiting for a writer: no program has opened this FIFO for writing yet …};
     * shown from the next progress report on, which the wait keeps sending.
     */
    void waiting(String message) {
        waiting.set(message);
    }

    /** A load that is not a runner's task (a follow's first cycles): what Cancel does. */
    void onCancel(Runnable cancel) {
        this.onCancel = cancel;
    }

    /** Sets the detail line directly (UI thread), for a load that reports no fraction. */
    void detail(String text) {
        detail.set(text);
    }

    /** Called on the UI thread with the runner's coalesced progress. */
    void progress(double fraction) {
        progress.set(fraction);
        detail.set(describe());
    }

    /** {@code go.log · 34 of 136 MB · 45 MB/s}. */
    String describe() {
        String wait = waiting.get();
        if (wait != null && bytesDone.get() == 0) return wait;
        double mb = bytesDone.get() / 1e6;
        double total = bytesTotal.get() / 1e6;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        StringBuilder b = new StringBuilder(name);
        if (mb > 0) {
            b.append(" · ").append(String.format(Locale.ROOT, total > 0 ? "%.1f of %.1f MB" : "%.1f MB", mb, total));
            if (seconds > 0.05) b.append(" · ").append(String.format(Locale.ROOT, "%.0f MB/s", mb / seconds));
        } else if (progress.get() >= 1) {
            b.append(" · analysing…");
        }
        return b.toString();
    }

    /** Throughput over the whole load so far, MB/s; NaN before any byte was read. */
    public double megabytesPerSecond() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long done = bytesDone.get();
        return done == 0 || seconds <= 0 ? Double.NaN : done / 1e6 / seconds;
    }

    public void cancel() {
        if (handle != null) handle.cancel();
        if (onCancel != null) onCancel.run();
    }

    public String name() { return name; }
    /** 0..1, or -1 while the size is unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }

    @Override
    public String toString() {
        return name + " " + Formats.percent(progress.get() * 100);
    }
}
