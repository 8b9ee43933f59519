package dev.gcscope.parsers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An input that keeps being written while it is read ({@code summary --follow}, File ▸ Follow): a
 * log file that grows and gets rotated, or a pipe ({@code kubectl logs -f POD | gcscope summary
 * --follow -}). Read through the same {@link DecodedInput} and line reader as any other input; it
 * only differs in where its stream ends: not at the end of what has been written so far, but when
 * {@link #finish()} is called (then at the end of what is there) or {@link #stop()} (at once), or
 * when a pipe's writer closes it.
 *
 * <p>While a read waits for more bytes it calls back every {@link #POLL_MILLIS} ms
 * ({@link DecodedInput#whileWaiting}), so the parse can hear its {@link ParseListener} even when
 * nothing arrives: that is where a follow is cancelled and hands out what it parsed so far
 * ({@link ParseListener#snapshotDue()}). (Not by returning 0 from a read: {@code BufferedInputStream}
 * takes that for the end of the stream.)
 *
 * <p>A file is followed across rotation: renamed away with a new file created at the path (it is
 * read to its end first, then the new one from its start), or copied and truncated in place
 * ("copytruncate": read again from its start). Either way the content reads as the concatenation of
 * what was written, so no cycle is dropped or counted twice. Each rotation is told to
 * {@link #onNotice}.
 */
public final class FollowedSource extends TraceSource {
    /** How often a caught-up follow looks for new bytes: 10 times a second, as {@code tail -F} does about. */
    public static final long POLL_MILLIS = 100;

    private final Path path;
    private final InputStream stream;
    private final AtomicBoolean opened = new AtomicBoolean();
    private volatile LiveInput live;
    private volatile boolean finishRequested;
    private volatile boolean stopRequested;
    private volatile Consumer<String> notices = n -> {};

    private FollowedSource(String name, Path path, InputStream stream) {
        super(name);
        this.path = path;
        this.stream = stream;
    }

    /** A file (followed across rotation) or a FIFO (read as a pipe); fails as {@link TraceSource#of(Path)} does. */
    public static FollowedSource of(Path path) throws TraceInputException {
        TraceSource.of(path); // the same checks and one-line messages
        return new FollowedSource(path.toString(), path, null);
    }

    /** A stream read as it arrives, e.g. standard input; it ends when its writer closes it. */
    public static FollowedSource of(String name, InputStream stream) {
        return new FollowedSource(name, null, stream);
    }

    /** Where rotation and truncation are told, one line each naming the input; from the reading thread. */
    public FollowedSource onNotice(Consumer<String> notices) {
        this.notices = notices;
        return this;
    }

    /** Ends the follow at the end of what has been written so far: the parse then finishes as a file's would. */
    public void finish() {
        finishRequested = true;
        LiveInput in = live;
        if (in != null) in.finish();
    }

    /** Ends the follow now, without reading what was written since the last read. */
    public void stop() {
        stopRequested = true;
        LiveInput in = live;
        if (in != null) in.stop();
    }

    /** Bytes read so far, over every file the follow went through. */
    public long bytesRead() {
        LiveInput in = live;
        return in == null ? 0 : in.bytesRead();
    }

    /** Whether the last read found no more bytes written (the follow is up to date with its input). */
    public boolean caughtUp() {
        LiveInput in = live;
        return in != null && in.caughtUp();
    }

    /** How many times the file was rotated or truncated while followed. */
    public int rotations() {
        LiveInput in = live;
        return in == null ? 0 : in.rotations();
    }

    public boolean isFile() {
        return path != null && Files.isRegularFile(path);
    }

    @Override
    public long storedSize() {
        return -1; // still growing
    }

    @Override
    public Optional<Instant> lastModified() {
        return Optional.empty();
    }

    @Override
    public InputStream openRaw() throws IOException {
        return openRaw(ParseListener.NONE);
    }

    @Override
    protected InputStream openRaw(ParseListener listener) throws IOException {
        if (opened.getAndSet(true)) throw new TraceInputException(name() + ": is already being followed");
        LiveInput in;
        try {
            if (path == null) {
                in = new PipedLiveInput(name(), stream, false);
            } else if (Files.isRegularFile(path)) {
                in = new FollowedFile(name(), path, notices);
            } else {
                InputStream raw = SpecialFilesOpen.open(path, name(), listener);
                in = new PipedLiveInput(name(), raw, true);
            }
        } catch (AccessDeniedException e) {
            throw new TraceInputException(name() + ": cannot be read (permission denied)", e);
        } catch (NoSuchFileException e) {
            throw new TraceInputException(name() + ": no such file", e);
        }
        live = in;
        if (finishRequested) in.finish();
        if (stopRequested) in.stop();
        return in;
    }

    /**
     * The stream of a followed input: a read waits until something new has been written (or the
     * follow ends), running the waiting hook between its looks.
     */
    abstract static class LiveInput extends InputStream {
        private volatile Runnable waitingHook = () -> {};

        void whileWaiting(Runnable hook) {
            waitingHook = hook;
        }

        /** Called by a read that found nothing new, before it pauses. */
        final void waiting() {
            waitingHook.run();
        }

        abstract void finish();

        abstract void stop();

        abstract long bytesRead();

        abstract boolean caughtUp();

        int rotations() {
            return 0;
        }
    }

    /** A FIFO, a pipe behind /dev/stdin, a device: opened as {@link TraceSource} opens them, a FIFO's wait told. */
    private static final class SpecialFilesOpen {
        static InputStream open(Path path, String name, ParseListener listener) throws IOException {
            if (TraceSource.SpecialFiles.isFifo(path)) return FifoOpen.await(path, name, listener);
            return TraceSource.SpecialFiles.openStream(path);
        }
    }
}
