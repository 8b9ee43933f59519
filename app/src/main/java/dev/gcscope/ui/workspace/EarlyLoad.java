package dev.gcscope.ui.workspace;

import dev.gcscope.analysis.work.DaemonThreads;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.TraceSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * The load of the first document the window shows (the first file named on the command line, or the
 * bundled demo trace without one), started before the window exists. The JavaFX
 * toolkit takes most of a second to start, mostly on one core; meanwhile the file is read and
 * analysed on another, so its first chart can be drawn as soon as the window is up instead of
 * after a load that only began then. The window's load of that file takes this one over
 * ({@link #join}): from then on its progress goes to the window's load line and the window's
 * cancel stops it, as for any other load, and its result or failure is the window's.
 */
public final class EarlyLoad {
    /**
     * Larger files are left to the window: their read would hold the core the toolkit's start
     * needs for longer than the window takes to appear, and their first chart waits for the read
     * anyway.
     */
    public static final long MAX_BYTES = 32L << 20;

    /** Where the early load's bytes come from, opened on its thread. */
    @FunctionalInterface
    public interface Opener {
        TraceSource open() throws IOException;
    }

    private final Object key;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile ParseListener taker;
    private volatile BooleanSupplier cancelled = () -> false;
    private volatile long lastDone;
    private volatile long lastTotal = -1;
    // written before done counts down, read after it has
    private TraceDocument document;
    private Throwable failure;

    private EarlyLoad(Object key) {
        this.key = key;
    }

    /**
     * Starts loading {@code path} on a thread of its own with {@code loader}, as the window would
     * load it under {@code displayName}, if it is a regular file of at most {@link #MAX_BYTES}.
     * A FIFO, a pipe or a device is read once and only by the window, so it is never started
     * here; nor is anything this cannot look at.
     */
    public static Optional<EarlyLoad> ofFile(Path path, String displayName, DocumentLoader loader) {
        Path file = path.toAbsolutePath();
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        return Optional.of(start(file, () -> TraceSource.of(file), displayName, file.toString(), file, loader));
    }

    /**
     * Starts loading what {@code opener} opens, on a thread of its own, as
     * {@link DocumentLoader#load} with these arguments would.
     *
     * @param key what the window will ask for ({@link #isFor}): the file's absolute path, a sample's path
     */
    public static EarlyLoad start(Object key, Opener opener, String displayName, String origin, Path file, DocumentLoader loader) {
        EarlyLoad early = new EarlyLoad(key);
        new DaemonThreads("gcscope-early-load-").newThread(() -> early.run(loader, opener, displayName, origin, file)).start();
        return early;
    }

    /** Whether this loads what the window opens under {@code key}. */
    public boolean isFor(Object key) {
        return this.key.equals(key);
    }

    private void run(DocumentLoader loader, Opener opener, String displayName, String origin, Path file) {
        try {
            document = loader.load(opener.open(), displayName, origin, file, new ParseListener() {
                @Override
                public boolean progress(long bytesDone, long bytesTotal) {
                    lastDone = bytesDone;
                    lastTotal = bytesTotal;
                    ParseListener to = taker;
                    return to == null ? !cancelled.getAsBoolean() : to.progress(bytesDone, bytesTotal);
                }
            }, () -> cancelled.getAsBoolean());
        } catch (Throwable e) {
            // out of memory included: the window reports it with the file's name, as for its own loads
            failure = e;
        } finally {
            done.countDown();
        }
    }

    /**
     * Takes the load over on the window's loading thread and waits for it: {@code listener} gets
     * the progress so far at once and every report after, and {@code isCancelled} stops it.
     *
     * @return the document, as {@link DocumentLoader#load} would have returned it
     * @throws Exception what {@link DocumentLoader#load} would have thrown
     */
    public TraceDocument join(ParseListener listener, BooleanSupplier isCancelled) throws Exception {
        cancelled = isCancelled;
        taker = listener;
        if (done.getCount() > 0 && !listener.progress(lastDone, lastTotal)) throw new CancellationException();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled while the early load of " + key + " ran");
        }
        if (failure instanceof Exception e) throw e;
        if (failure instanceof Error e) throw e;
        TraceDocument taken = document;
        document = null; // the window's now: closing its tab must free it
        return taken;
    }
}
