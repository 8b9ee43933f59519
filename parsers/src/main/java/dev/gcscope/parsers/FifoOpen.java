package dev.gcscope.parsers;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens a FIFO for reading. open(2) on a FIFO blocks until a program opens it for writing, and no
 * Java call can give up on it; so it runs on a daemon thread while the caller waits in short steps,
 * says after {@link #NOTICE_AFTER} that it is waiting for a writer (rather than hanging silently),
 * and can be cancelled. Ctrl+C ends the process whatever the thread does.
 */
final class FifoOpen {
    static final Duration NOTICE_AFTER = Duration.ofSeconds(3);
    private static final long POLL_MILLIS = 100;

    private FifoOpen() {}

    static InputStream await(Path fifo, String name, ParseListener listener) throws IOException {
        CompletableFuture<InputStream> opened = new CompletableFuture<>();
        daemon("gcscope-open-fifo", () -> {
            try {
                opened.complete(TraceSource.SpecialFiles.openStream(fifo));
            } catch (IOException | RuntimeException e) {
                opened.completeExceptionally(e);
            }
        });
        long start = System.nanoTime();
        boolean told = false;
        while (true) {
            try {
                return opened.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still no writer
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                throw new UncheckedIOException(new IOException(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                release(fifo, opened);
                throw new InterruptedIOException(name + ": interrupted while waiting for a program to write to it");
            }
            if (!listener.progress(0, -1)) {
                release(fifo, opened);
                throw new ParseCancelledException(name);
            }
            if (!told && System.nanoTime() - start >= NOTICE_AFTER.toNanos()) {
                told = true;
                listener.waiting(name + ": waiting for a writer: no program has opened this FIFO for writing yet"
                        + " (start the one that writes to it, or press Ctrl+C)");
            }
        }
    }

    /**
     * Lets the opening thread go: opening the FIFO for writing completes its open at once (the
     * writer is closed at once, so it reads an empty stream, which is then closed).
     */
    private static void release(Path fifo, CompletableFuture<InputStream> opened) {
        opened.thenAccept(FifoOpen::closeQuietly);
        if (opened.isDone()) return;
        daemon("gcscope-release-fifo", () -> {
            try (OutputStream unblock = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
                // nothing written
            } catch (IOException e) {
                // The reader went away meanwhile; nothing to release.
            }
        });
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // a stream nobody reads
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }
}
