package dev.gcscope.parsers;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a trace's bytes come from: a file (a regular file, a FIFO, {@code /dev/stdin}, a process
 * substitution's {@code /dev/fd/63}), a stream read once (standard input), or bytes in memory
 * (tests, the clipboard, a bundled sample). Opening never modifies anything.
 *
 * <p>A parse opens its source exactly once ({@link TraceLoader}, {@link TraceParser#parse(TraceSource,
 * ParseListener, ParseOptions)}): detection looks at the first bytes of that one stream
 * ({@link DecodedInput#sample()}) and parsing goes on from it, so a pipe's writer is never cut
 * off by a second open and a FIFO is opened once.
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

    /** Size as stored (compressed size for a gzip file), or -1 when unknown (a pipe, a FIFO). */
    public abstract long storedSize();

    public abstract Optional<Instant> lastModified();

    /** The bytes as stored, without decompression. A stream source can be opened only once. */
    public abstract InputStream openRaw() throws IOException;

    /**
     * As {@link #openRaw()}, for opens that can wait (a FIFO waits for its writer): the wait polls
     * {@code listener} to be cancelled and tells it why it waits.
     */
    protected InputStream openRaw(ParseListener listener) throws IOException {
        return openRaw();
    }

    /** The content, gzip unwrapped and BOM/UTF-16 handled, with the stored-bytes position for progress. */
    public final DecodedInput open() throws IOException {
        return open(ParseListener.NONE);
    }

    /** As {@link #open()}; {@code listener} can cancel a wait for a FIFO's writer and hears why it waits. */
    public final DecodedInput open(ParseListener listener) throws IOException {
        return DecodedInput.open(this, openRaw(listener));
    }

    /** The first {@code maxBytes} of the decoded content, for probing; opens the source. */
    public final TraceSample sample(int maxBytes) throws IOException {
        try (DecodedInput in = open()) {
            TraceSample s = in.sample();
            if (s.bytes().length <= maxBytes) return s;
            return new TraceSample(name, Arrays.copyOf(s.bytes(), maxBytes), s.encoding());
        }
    }

    /**
     * This source, with every stored byte a parse reads also written to {@code copy}, to the end of
     * the input even when the parse stops early: one read gives both, as a pipe or a FIFO requires
     * (a report's SHA-256 of standard input). The parse then reads the input in one pass.
     */
    public final TraceSource copyingTo(OutputStream copy) {
        return new CopyingSource(this, copy);
    }

    /**
     * A file source: a regular file, or a special file read as a stream (a FIFO, a pipe behind
     * {@code /dev/stdin} or {@code /dev/fd/N}, a character device). Fails with a one-line message
     * when the path is missing, a directory or unreadable, so callers can print it as it is.
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

    /**
     * A stream read once, e.g. standard input ({@code kubectl logs POD | gcscope summary -}). It is
     * not closed when the parse ends, only read to its end.
     */
    public static TraceSource of(String name, InputStream stream) {
        return new StreamSource(name, stream);
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
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                return a.isRegularFile() ? a.size() : -1;
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
            return openRaw(ParseListener.NONE);
        }

        @Override
        protected InputStream openRaw(ParseListener listener) throws IOException {
            try {
                if (SpecialFiles.isFifo(path)) return FifoOpen.await(path, name(), listener);
                return Files.isRegularFile(path) ? new PlainFileStream(FileChannel.open(path, StandardOpenOption.READ))
                        : SpecialFiles.openStream(path);
            } catch (AccessDeniedException e) {
                throw new TraceInputException(name() + ": cannot be read (permission denied)", e);
            } catch (NoSuchFileException e) {
                throw new TraceInputException(name() + ": no such file", e);
            }
        }
    }

    private static final class StreamSource extends TraceSource {
        private final InputStream stream;
        private final AtomicBoolean opened = new AtomicBoolean();

        StreamSource(String name, InputStream stream) {
            super(name);
            this.stream = stream;
        }

        @Override
        public long storedSize() {
            return -1;
        }

        @Override
        public Optional<Instant> lastModified() {
            return Optional.empty();
        }

        @Override
        public InputStream openRaw() throws IOException {
            if (opened.getAndSet(true)) {
                throw new TraceInputException(name() + ": was already read; a stream can be read only once");
            }
            return new FilterInputStream(stream) {
                @Override
                public void close() {
                    // Standard input belongs to the process, not to this parse.
                }
            };
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

    /** What kind of special file a path is, from its mode bits. */
    static final class SpecialFiles {
        private static final int S_IFMT = 0170000;
        private static final int S_IFIFO = 0010000;

        private SpecialFiles() {}

        /**
         * A pipe or device as a stream. Not {@code Files.newInputStream}: on Java 17 its
         * {@code available()} asks the channel for its position, which a pipe answers with ESPIPE
         * ("Illegal seek") at the first buffered read.
         */
        static InputStream openStream(Path path) throws IOException {
            try {
                return new FileInputStream(path.toFile());
            } catch (FileNotFoundException e) {
                // FileInputStream says every failure this way; name the two callers tell apart.
                if (!Files.exists(path)) throw new NoSuchFileException(path.toString());
                if (!Files.isReadable(path)) throw new AccessDeniedException(path.toString());
                throw withReason(path, e);
            }
        }

        /**
         * The system's reason alone ("No such device or address" for a socket): FileInputStream puts
         * it after the path, "PATH (reason)", which a message naming the file would repeat.
         */
        private static FileSystemException withReason(Path path, FileNotFoundException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            String prefix = path.toFile().getPath() + " (";
            String reason = message.startsWith(prefix) && message.endsWith(")")
                    ? message.substring(prefix.length(), message.length() - 1) : message;
            FileSystemException f = new FileSystemException(path.toString(), null, reason.isBlank() ? null : reason);
            f.initCause(e);
            return f;
        }

        static boolean isFifo(Path path) {
            try {
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                if (!a.isOther()) return false;
                Object mode = Files.getAttribute(path, "unix:mode");
                return mode instanceof Integer m && (m & S_IFMT) == S_IFIFO;
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
