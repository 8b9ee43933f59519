package dev.gcscope.parsers;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * A source whose stored bytes, as one parse reads them, are also written to a copy: what a report's
 * SHA-256 needs from a pipe or a FIFO, which can be read only once ({@link TraceSource#copyingTo}).
 * The copy gets the whole input even when the parse stops before its end (a JSON document broken
 * early is not read on): closing reads what is left.
 */
final class CopyingSource extends TraceSource {
    private final TraceSource source;
    private final OutputStream copy;

    CopyingSource(TraceSource source, OutputStream copy) {
        super(source.name());
        this.source = source;
        this.copy = copy;
    }

    @Override
    public long storedSize() {
        return source.storedSize();
    }

    @Override
    public Optional<Instant> lastModified() {
        return source.lastModified();
    }

    @Override
    public InputStream openRaw() throws IOException {
        return openRaw(ParseListener.NONE);
    }

    /**
     * Never the file's own stream, so the parse reads it in one pass from start to end and never
     * in chunks beside it (DecodedInput splits only a plain file's channel), which the copy would miss.
     */
    @Override
    protected InputStream openRaw(ParseListener listener) throws IOException {
        return new Copying(source.openRaw(listener), copy);
    }

    private static final class Copying extends FilterInputStream {
        private final OutputStream copy;
        private boolean ended;

        Copying(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) ended = true;
            else copy.write(b);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n < 0) ended = true;
            else copy.write(b, off, n);
            return n;
        }

        /** Read, not skipped: a skipped byte would be missing from the copy. */
        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
            long done = 0;
            while (done < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - done));
                if (r < 0) break;
                done += r;
            }
            return done;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void mark(int limit) {
            // not supported: a reset would copy bytes twice
        }

        @Override
        public void reset() throws IOException {
            throw new IOException("mark/reset not supported");
        }

        @Override
        public void close() throws IOException {
            try {
                if (!ended) {
                    byte[] buffer = new byte[64 * 1024];
                    while (read(buffer, 0, buffer.length) >= 0) {
                        // the rest goes to the copy
                    }
                }
            } finally {
                in.close();
            }
        }
    }
}
