package dev.gcscope.parsers;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pipe (standard input, a FIFO) read as it arrives. A read from a pipe blocks until its writer
 * writes or closes it, and cannot be given up on; so a daemon thread does the blocking reads and
 * hands the chunks over; the follow's reads wait for one in steps of {@link FollowedSource#POLL_MILLIS},
 * calling the waiting hook between them. A bounded queue holds a few chunks: when the parse
 * falls behind, the writer waits, as it would for any slow reader.
 */
final class PipedLiveInput extends FollowedSource.LiveInput {
    private static final int CHUNK = 64 * 1024;
    private static final byte[] END = new byte[0];

    private final String name;
    private final InputStream pipe;
    private final boolean closePipe;
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
    private volatile IOException failure;
    private byte[] current = END;
    private int at;
    private long total;
    private boolean ended;
    private volatile boolean finishing;
    private volatile boolean stopped;
    private volatile boolean caughtUp;

    PipedLiveInput(String name, InputStream pipe, boolean closePipe) {
        this.name = name;
        this.pipe = pipe;
        this.closePipe = closePipe;
        Thread reader = new Thread(this::pump, "gcscope-follow-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void pump() {
        try {
            byte[] buf = new byte[CHUNK];
            int n;
            while (!stopped && (n = pipe.read(buf)) >= 0) {
                if (n > 0) chunks.put(Arrays.copyOf(buf, n));
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                chunks.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (true) {
            if (stopped || ended) return -1;
            if (at < current.length) {
                int n = Math.min(len, current.length - at);
                System.arraycopy(current, at, b, off, n);
                at += n;
                total += n;
                return n;
            }
            byte[] next;
            try {
                next = chunks.poll(FollowedSource.POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(name + ": interrupted while following");
            }
            if (next == END) {
                ended = true;
                caughtUp = true;
                if (failure != null) throw failure;
                return -1;
            }
            if (next != null) {
                current = next;
                at = 0;
                caughtUp = false;
                continue;
            }
            caughtUp = true;
            if (finishing) return -1;
            waiting();
        }
    }

    @Override
    void finish() {
        finishing = true;
    }

    @Override
    void stop() {
        stopped = true;
    }

    @Override
    long bytesRead() {
        return total;
    }

    @Override
    boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        // The reading thread may be blocked in the pipe for good (no writer yet): it is a daemon.
        if (closePipe) pipe.close();
    }
}
