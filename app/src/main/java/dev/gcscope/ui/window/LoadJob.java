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

    /** Called on the UI thread with the runner's coalesced progress. */
    void progress(double fraction) {
        progress.set(fraction);
        detail.set(describe());
    }

    /** {@code go.log · 34 of 136 MB · 45 MB/s}. */
    String describe() {
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
