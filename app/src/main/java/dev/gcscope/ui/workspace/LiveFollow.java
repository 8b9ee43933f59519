package dev.gcscope.ui.workspace;

import dev.gcscope.parsers.FollowedSource;
import dev.gcscope.ui.summary.Formats;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A followed document's live state on the UI thread (File ▸ Follow…, {@code -f FILE}), shared by the
 * successive {@link DocumentViewModel}s its updates make: whether it is still reading, what the bar
 * above its views says, and whether the timelines follow the end of the log or keep their zoom.
 */
public final class LiveFollow {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final FollowedSource source;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "following…");
    private final BooleanProperty followEnd = new SimpleBooleanProperty(this, "followEnd", true);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private int updates;
    /** The SLO threshold the views show, read by the follow's thread for the next update's statistics. */
    private volatile double sloMs = dev.gcscope.analysis.stats.SloStreak.DEFAULT_THRESHOLD_MS;

    LiveFollow(FollowedSource source) {
        this.source = source;
    }

    /** Stops reading; the document keeps what it has read, with its final statistics. */
    public void stop() {
        source.stop();
    }

    /** An update arrived (UI thread). */
    public void updated(int cycles, long bytes) {
        updates++;
        status.set((running.get() ? "Following" : "Stopped") + " · " + Formats.count(cycles) + (cycles == 1 ? " cycle" : " cycles")
                + " · " + String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6)
                + " · updated " + LocalTime.now().format(CLOCK));
    }

    /** The follow ended: stopped, or its pipe closed (UI thread). */
    public void ended(String why) {
        running.set(false);
        status.set(why);
    }

    /** A rotation, truncation or a FIFO with no writer yet (UI thread). */
    public void notice(String message) {
        notice.set(message);
    }

    /** The SLO streak's threshold the user set (UI thread); the next update's statistics use it. */
    public void setSloMs(double ms) {
        sloMs = ms;
    }

    /** The threshold for the next update's statistics (any thread). */
    double sloMs() {
        return sloMs;
    }

    int updates() {
        return updates;
    }

    /** True while the log is being read. */
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** {@code Following · 1,234 cycles · 2.1 MB · updated 12:00:01}. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The last rotation or wait told, empty when none. */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    /** True: a zoomed timeline slides to show the newest cycles; false: it keeps the time range it shows. */
    public BooleanProperty followEndProperty() { return followEnd; }
}
