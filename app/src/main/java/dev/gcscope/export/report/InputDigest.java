package dev.gcscope.export.report;

import dev.gcscope.parsers.TraceSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The size and SHA-256 of an input's bytes as stored. */
public record InputDigest(long sizeBytes, String sha256) {
    private static final int BUFFER = 64 * 1024;

    /** The digest of a source that can be opened again, read once from start to end. */
    public static InputDigest of(TraceSource source) throws IOException {
        Sink sink = new Sink();
        try (InputStream in = source.openRaw()) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) sink.write(buffer, 0, n);
        }
        return sink.digest();
    }

    /** Takes the bytes as they are read by something else, e.g. the parse ({@link TraceSource#copyingTo}). */
    public static Sink sink() {
        return new Sink();
    }

    /** Where the bytes go; {@link #digest()} when they have all passed. */
    public static final class Sink extends OutputStream {
        private final MessageDigest sha;
        private long size;

        private Sink() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        @Override
        public void write(int b) {
            sha.update((byte) b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sha.update(b, off, len);
            size += len;
        }

        public InputDigest digest() {
            return new InputDigest(size, HexFormat.of().formatHex(sha.digest()));
        }
    }
}
