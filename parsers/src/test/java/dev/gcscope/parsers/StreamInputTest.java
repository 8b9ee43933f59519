package dev.gcscope.parsers;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * An input is opened once and read once: a stream that cannot be rewound (standard input, a pipe,
 * a FIFO) gives exactly what the same bytes in memory give, detection included.
 */
class StreamInputTest {
    private static final TraceLoader LOADER = TraceLoader.standard();

    @TempDir
    Path dir;

    static Stream<Sample> samples() {
        return SampleTraces.all().stream();
    }

    /** Reads like a pipe: short reads of random length, nothing ever {@code available()}, no mark, readable once. */
    static final class PipeLikeStream extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private int pos;
        private boolean closed;

        PipeLikeStream(byte[] bytes, long seed) {
            this.bytes = bytes;
            this.random = new Random(seed);
        }

        @Override
        public int read() {
            if (closed) throw new IllegalStateException("read after close");
            return pos < bytes.length ? bytes[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (closed) throw new IllegalStateException("read after close");
            if (len == 0) return 0;
            if (pos == bytes.length) return -1;
            // Mostly pipe-sized chunks, and now and then a few bytes, so reads end inside a line, a CRLF, a gzip header.
            int n = Math.min(Math.min(len, bytes.length - pos), 1 + random.nextInt(random.nextInt(8) == 0 ? 7 : 65536));
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aSampleReadOnceFromAPipeGivesWhatItsBytesGive(Sample s) throws IOException {
        byte[] bytes = s.bytes();
        Outcome fromBytes = Outcome.of(() -> LOADER.load(TraceSource.of(s.fileName(), bytes), null, ParseListener.NONE));
        Outcome fromPipe = Outcome.of(() -> LOADER.load(TraceSource.of(s.fileName(), new PipeLikeStream(bytes, bytes.length)),
                null, ParseListener.NONE));
        assertEquals(fromBytes.error, fromPipe.error);
        if (fromBytes.result == null) return;
        assertSameResult(fromBytes.result, fromPipe.result);
    }

    /**
     * What a report of standard input needs: the parse and the SHA-256 of its bytes from one read.
     * The copy has every byte also where the parse stops early: a sample of a format gcscope does
     * not read (perf sched map) fails after its first 64 KiB.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aCopyingSourceParsesAsTheBytesDoAndCopiesEveryStoredByte(Sample s) throws IOException {
        byte[] bytes = s.bytes();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        Outcome fromBytes = Outcome.of(() -> LOADER.load(TraceSource.of(s.fileName(), bytes), null, ParseListener.NONE));
        Outcome copied = Outcome.of(() -> LOADER.load(
                TraceSource.of(s.fileName(), new PipeLikeStream(bytes, bytes.length)).copyingTo(copy), null, ParseListener.NONE));
        assertEquals(fromBytes.error, copied.error);
        assertArrayEquals(bytes, copy.toByteArray(), "the bytes as stored, gzip and all");
        if (fromBytes.result != null) assertSameResult(fromBytes.result, copied.result);
    }

    @Test
    void aCopyingFileSourceCopiesTheWholeFile() throws IOException {
        Path file = SampleTraces.get("gctrace/go1.24-phases-app-log.log").copyTo(dir);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        ParseResult copied = LOADER.load(TraceSource.of(file).copyingTo(copy), null, ParseListener.NONE);
        assertArrayEquals(Files.readAllBytes(file), copy.toByteArray());
        assertSameResult(LOADER.load(TraceSource.of(file), null, ParseListener.NONE), copied);
    }

    @Test
    void aStreamCanBeReadOnlyOnceAndSaysSo() throws IOException {
        byte[] bytes = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).bytes();
        TraceSource stdin = TraceSource.of("<stdin>", new ByteArrayInputStream(bytes));
        LOADER.load(stdin, null, ParseListener.NONE);
        TraceInputException again = assertThrows(TraceInputException.class, () -> LOADER.load(stdin, null, ParseListener.NONE));
        assertTrue(again.getMessage().startsWith("<stdin>: "), again.getMessage());
    }

    @Test
    void aFifoIsOpenedOnceSoItsWriterIsReadToTheEnd() throws Exception {
        Path fifo = mkfifo();
        Sample s = SampleTraces.get("gctrace/go1.23-phases.log.gz");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(s.bytes());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ParseResult viaFifo = LOADER.load(TraceSource.of(fifo), null, ParseListener.NONE);
        writer.get(); // a second open would have left the writer blocked or killed by a broken pipe
        assertEquals(-1, TraceSource.of(fifo).storedSize(), "a FIFO has no size");
        assertSameResult(LOADER.load(TraceSource.of(fifo.toString(), s.bytes()), null, ParseListener.NONE), viaFifo);
    }

    @Test
    void aFifoWithoutAWriterSaysSoAndCanBeCancelled() throws Exception {
        Path fifo = mkfifo();
        AtomicReference<String> told = new AtomicReference<>();
        CountDownLatch waiting = new CountDownLatch(1);
        ParseListener listener = new ParseListener() {
            @Override
            public boolean progress(long bytesDone, long bytesTotal) {
                return told.get() == null; // cancels once it has been told why it waits
            }

            @Override
            public void waiting(String message) {
                told.set(message);
                waiting.countDown();
            }
        };
        assertThrows(ParseCancelledException.class, () -> LOADER.load(TraceSource.of(fifo), null, listener));
        waiting.await();
        assertTrue(told.get().startsWith(fifo + ": waiting for a writer"), told.get());
        assertFalse(told.get().contains("\n"));
    }

    private Path mkfifo() throws IOException, InterruptedException {
        Path fifo = dir.resolve("gc.fifo");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here: " + e.getMessage());
            throw e;
        }
        assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        return fifo;
    }

    static void assertSameResult(ParseResult expected, ParseResult actual) {
        assertEquals(expected.format(), actual.format());
        assertEquals(expected.attributes(), actual.attributes());
        ParseReport e = expected.report();
        ParseReport a = actual.report();
        assertEquals(e.linesRead(), a.linesRead());
        assertEquals(e.linesUsed(), a.linesUsed());
        assertEquals(e.skippedByKind(), a.skippedByKind());
        assertEquals(e.issueCount(), a.issueCount());
        assertEquals(e.issues(), a.issues());
        assertEquals(e.notes(), a.notes());
        assertEquals(expected.tables().keySet(), actual.tables().keySet());
        for (String name : expected.tables().keySet()) {
            Table te = expected.tables().get(name);
            Table ta = actual.tables().get(name);
            assertEquals(te.columnNames(), ta.columnNames(), name);
            assertEquals(te.rowCount(), ta.rowCount(), name);
            for (String c : te.columnNames()) {
                for (int i = 0; i < te.rowCount(); i++) {
                    assertEquals(te.column(c).getString(i), ta.column(c).getString(i), name + "." + c + " row " + i);
                }
            }
        }
    }

    /** A parse's result, or the message it failed with. */
    record Outcome(ParseResult result, String error) {
        interface Parse {
            ParseResult run() throws IOException;
        }

        static Outcome of(Parse p) throws IOException {
            try {
                return new Outcome(p.run(), null);
            } catch (TraceInputException e) {
                return new Outcome(null, e.getMessage());
            }
        }
    }
}
