package dev.gcscope.parsers.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read (and skipped) through it: the stored bytes a parse has consumed, for its
 * progress. Written here rather than taken from commons-io ({@code BoundedInputStream}, whose
 * {@code getCount} does this): its builder and origin machinery, with {@code BOMInputStream}'s
 * (see {@link ByteOrderMark}), loaded ~65 classes from the jar on every command-line
 * {@code summary} (counted with {@code -Xlog:class+load}; a cold start is mostly class loading),
 * for a counter of a dozen lines. Not thread-safe: the reading thread asks for the count.
 */
public final class CountingInputStream extends FilterInputStream {
    private long count;

    public CountingInputStream(InputStream in) {
        super(in);
    }

    /** Bytes read or skipped so far. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) count++;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) count += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) count += skipped;
        return skipped;
    }

    /** No mark: a reset would make the count say bytes were read twice. */
    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported, see markSupported
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
