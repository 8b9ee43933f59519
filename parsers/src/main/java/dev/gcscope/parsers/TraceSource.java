package dev.gcscope.parsers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a trace's bytes come from: a file, or bytes in memory (tests, the clipboard, a bundled
 * sample). Opening never modifies anything; every open reads from the start again.
 */
public abstract class TraceSource {
    private final String name;

    protected TraceSource(String name) {
        this.name = name;
    }

    /** The name used in every message about this input: the path as the user gave it. */
    public final String name() {
        return name;
    }

    /** Size as stored (compressed size for a gzip file), or -1 when unknown. */
    public abstract long storedSize();

    public abstract Optional<Instant> lastModified();

    /** The bytes as stored, without decompression. */
    public abstract InputStream openRaw() throws IOException;

    /** The content, gzip unwrapped and BOM/UTF-16 handled, with the stored-bytes position for progress. */
    public final DecodedInput open() throws IOException {
        return DecodedInput.open(this);
    }

    /** The first {@code maxBytes} of the decoded content, for probing. */
    public final TraceSample sample(int maxBytes) throws IOException {
        try (DecodedInput in = open()) {
            return new TraceSample(name, in.readUpTo(maxBytes), in.encoding());
        }
    }

    /**
     * A file source. Fails with a one-line message when the path is missing, a directory or
     * unreadable, so callers can print it as it is.
     */
    public static TraceSource of(Path path) throws TraceInputException {
        String name = path.toString();
        if (!Files.exists(path)) throw new TraceInputException(name + ": no such file", new NoSuchFileException(name));
        if (Files.isDirectory(path)) throw new TraceInputException(name + ": is a directory, not a trace file");
        if (!Files.isReadable(path)) {
            throw new TraceInputException(name + ": cannot be read (permission denied)", new AccessDeniedException(name));
        }
        return new FileSource(path);
    }

    public static TraceSource of(String name, byte[] bytes) {
        return new BytesSource(name, bytes);
    }

    private static final class FileSource extends TraceSource {
        private final Path path;

        FileSource(Path path) {
            super(path.toString());
            this.path = path;
        }

        @Override
        public long storedSize() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public Optional<Instant> lastModified() {
            try {
                return Optional.of(Files.getLastModifiedTime(path).toInstant());
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public InputStream openRaw() throws IOException {
            try {
                return Files.newInputStream(path);
            } catch (AccessDeniedException e) {
                throw new TraceInputException(name() + ": cannot be read (permission denied)", e);
            } catch (NoSuchFileException e) {
                throw new TraceInputException(name() + ": no such file", e);
            }
        }
    }

    private static final class BytesSource extends TraceSource {
        private final byte[] bytes;

        BytesSource(String name, byte[] bytes) {
            super(name);
            this.bytes = bytes;
        }

        @Override
        public long storedSize() {
            return bytes.length;
        }

        @Override
        public Optional<Instant> lastModified() {
            return Optional.empty();
        }

        @Override
        public InputStream openRaw() {
            return new ByteArrayInputStream(bytes);
        }
    }
}
