package dev.gcscope.ui.workspace;

import dev.gcscope.analysis.LiveAnalysis;
import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.FollowedSource;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.ui.task.BackgroundRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Reads a followed gctrace log (File ▸ Follow…, {@code -f FILE}) on a thread of its own, for as long
 * as it is followed: not on the loading runner, whose few threads a follow that never ends would
 * take from the files opened after it. One parse of the log, never re-read: between reads it hands
 * out what it has so far, which becomes a new {@link TraceDocument} (the cycles shared with the
 * parse, the derived columns computed for them, the statistics updated from the cycles appended
 * since the last update by a {@link LiveAnalysis}; the final document's from scratch), at most every
 * {@link #MIN_INTERVAL_MILLIS} ms and at least twice its own cost apart, so the parse keeps up.
 * The UI thread gets only the newest document; one still waiting to be shown is replaced.
 */
public final class DocumentFollower {
    /** At most twice a second: a view redrawn faster is hard to read, and each update costs a pass over the cycles. */
    public static final long MIN_INTERVAL_MILLIS = 500;

    /** What a follow tells the window, on the UI thread. */
    public interface Events {
        /** The newest parse so far as a document (the first one when the log has its first cycle). */
        void updated(TraceDocument document);

        /** A rotation, truncation or a FIFO's missing writer, in one line. */
        void notice(String message);

        /** The follow ended: stopped or its pipe closed; {@code last} is the final document, or null without cycles. */
        void ended(TraceDocument last);

        /** The log could not be read, or is not a gctrace. */
        void failed(Throwable error);
    }

    private final DocumentLoader documents;
    private final TraceLoader parsers;
    private final BackgroundRunner runner;
    private final Executor uiThread;

    /**
     * @param documents builds each update's document (its statistics' parts run where it says)
     * @param runner starts the follow's thread; {@link Events} are called on its UI thread
     */
    public DocumentFollower(DocumentLoader documents, TraceLoader parsers, BackgroundRunner runner) {
        this.documents = documents;
        this.parsers = parsers;
        this.runner = runner;
        this.uiThread = runner.uiThread();
    }

    /** Starts following {@code path}; the returned state stops it. */
    public LiveFollow follow(Path path, Events events) throws TraceInputException {
        FollowedSource source = FollowedSource.of(path);
        LiveFollow live = new LiveFollow(source);
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        runner.startDedicated("gcscope-follow-" + name, () -> run(source, live, path, name, events));
        return live;
    }

    private void run(FollowedSource source, LiveFollow follow, Path path, String name, Events events) {
        AtomicReference<TraceDocument> pending = new AtomicReference<>();
        Consumer<TraceDocument> publish = doc -> {
            if (pending.getAndSet(doc) == null) {
                uiThread.execute(() -> {
                    TraceDocument newest = pending.getAndSet(null);
                    if (newest != null) events.updated(newest);
                });
            }
        };
        source.onNotice(n -> uiThread.execute(() -> events.notice(n)));
        long t0 = System.nanoTime();
        try {
            TraceParser parser = parsers.parsers().require(GcTraceParser.FORMAT.id());
            Updates listener = new Updates(source, follow, path, name, events, publish, t0, new LiveAnalysis(RegimeAnalysis.Method.KMEANS));
            ParseResult result;
            try (DecodedInput in = source.open(listener)) {
                result = DerivedColumns.parse(parser, in, listener, ParseOptions.ALL);
            }
            TraceDocument last = result.table(GcColumns.CYCLES_TABLE).rowCount() == 0 ? null
                    : documents.document(result, name, path.toString(), path, source.bytesRead(), t0, System.nanoTime(), () -> false, true);
            uiThread.execute(() -> events.ended(last));
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            source.stop();
            uiThread.execute(() -> events.failed(e));
        }
    }

    /** Turns the parse so far into a document, spaced by time and by its own cost. */
    private final class Updates implements ParseListener {
        private final FollowedSource source;
        private final LiveFollow follow;
        private final Path path;
        private final String name;
        private final Events events;
        private final Consumer<TraceDocument> publish;
        private final long t0;
        private final LiveAnalysis live;
        private long nextAt = System.nanoTime();

        Updates(FollowedSource source, LiveFollow follow, Path path, String name, Events events, Consumer<TraceDocument> publish,
                long t0, LiveAnalysis live) {
            this.live = live;
            this.follow = follow;
            this.source = source;
            this.path = path;
            this.name = name;
            this.events = events;
            this.publish = publish;
            this.t0 = t0;
        }

        @Override
        public boolean progress(long bytesDone, long bytesTotal) {
            return true;
        }

        @Override
        public void waiting(String message) {
            uiThread.execute(() -> events.notice(message));
        }

        @Override
        public boolean snapshotDue() {
            return System.nanoTime() >= nextAt;
        }

        @Override
        public void snapshot(ParseResult soFar) {
            long start = System.nanoTime();
            long bytesShown = source.bytesRead();
            if (soFar.table(GcColumns.CYCLES_TABLE).rowCount() > 0) {
                try {
                    publish.accept(documents.followed(DerivedColumns.addTo(soFar), live, follow.sloMs(), name, path.toString(),
                            path, bytesShown, t0, start));
                } catch (TraceInputException e) {
                    // nothing to show yet: the next update may have it
                }
            }
            long cost = System.nanoTime() - start;
            nextAt = System.nanoTime() + Math.max(TimeUnit.MILLISECONDS.toNanos(MIN_INTERVAL_MILLIS), 2 * cost);
        }
    }
}
