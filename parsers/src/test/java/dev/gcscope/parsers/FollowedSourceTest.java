package dev.gcscope.parsers;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A followed log, written while it is read and rotated both ways, parses to exactly what a one-shot
 * parse of everything written gives (no cycle dropped or counted twice), and the parses handed out
 * on the way are each a prefix of it.
 */
class FollowedSourceTest {
    /** A real recording with scavenger and pacer lines between its gc lines. */
    private static final String SAMPLE = "gctrace/go1.24-phases-pacer-scav.log";
    private static final GcTraceParser PARSER = new GcTraceParser(2026);

    @TempDir
    Path dir;

    /** Takes every snapshot offered, so each read's state is checked. */
    private static final class Recorder implements ParseListener {
        final List<ParseResult> snapshots = new CopyOnWriteArrayList<>();

        @Override
        public boolean progress(long bytesDone, long bytesTotal) {
            return true;
        }

        @Override
        public boolean snapshotDue() {
            return true;
        }

        @Override
        public void snapshot(ParseResult soFar) {
            snapshots.add(soFar);
        }
    }

    @Test
    void aLogWrittenLineByLineAndRotatedBothWaysParsesAsItsWholeContent() throws Exception {
        byte[] all = SampleTraces.get(SAMPLE).bytes();
        List<byte[]> lines = lines(all);
        int a = lines.size() / 5, b = 2 * lines.size() / 5, c = 3 * lines.size() / 5;
        Path log = dir.resolve("gc.log");
        Files.write(log, new byte[0]);
        FollowedSource source = FollowedSource.of(log);
        List<String> notices = new CopyOnWriteArrayList<>();
        source.onNotice(notices::add);
        Recorder recorder = new Recorder();
        CompletableFuture<ParseResult> parse = CompletableFuture.supplyAsync(() -> parse(source, recorder));

        long written = 0;
        // Line by line, each line in two writes so that reads end inside lines.
        for (int i = 0; i < a; i++) {
            byte[] line = lines.get(i);
            int half = line.length / 2;
            append(log, Arrays.copyOfRange(line, 0, half));
            append(log, Arrays.copyOfRange(line, half, line.length));
            written += line.length;
        }
        // Rotation by rename: the old file is read to its end, then the new one from its start.
        append(log, join(lines, a, b - 30));
        Files.move(log, dir.resolve("gc.log.1"));
        append(dir.resolve("gc.log.1"), join(lines, b - 30, b)); // the writer had not reopened yet
        Files.write(log, join(lines, b, c));
        written = sum(lines, 0, c);
        long upToC = written;
        await(() -> source.bytesRead() == upToC && source.caughtUp(), "the follow reads up to the rename's new file's end");
        // copytruncate, noticed while the file is short: copied, emptied, then written again.
        Files.copy(log, dir.resolve("gc.log.2"));
        truncate(log);
        await(() -> source.rotations() == 2, "the follow notices the truncation");
        int d = c + (lines.size() - c) / 3;
        append(log, join(lines, c, d));
        written = sum(lines, 0, d);
        long upToD = written;
        await(() -> source.bytesRead() == upToD && source.caughtUp(), "the follow reads up to the end again");
        // copytruncate, and the file grows past where it was read before the follow looks again.
        truncate(log);
        append(log, join(lines, d, lines.size()));
        source.finish();
        ParseResult followed = parse.get(60, TimeUnit.SECONDS);

        assertEquals(all.length, source.bytesRead());
        assertEquals(3, source.rotations(), notices.toString());
        assertTrue(notices.get(0).startsWith(log + ": was rotated"), notices.get(0));
        assertTrue(notices.get(1).contains("truncated"), notices.get(1));
        ParseResult oneShot = PARSER.parse(TraceSource.of(log.toString(), all));
        StreamInputTest.assertSameResult(oneShot, followed);
        assertTrue(oneShot.mainTable().rowCount() > 300, "a real trace of many cycles: " + oneShot.mainTable().rowCount());
        assertTrue(oneShot.table(GcColumns.SCAVENGER_TABLE).rowCount() > 0, "with scavenger rows");
        assertSnapshotsArePrefixes(recorder.snapshots, oneShot);
    }

    @Test
    void aPipeIsReadAsItArrivesUntilItsWriterClosesIt() throws Exception {
        byte[] all = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).bytes();
        PipedInputStream in = new PipedInputStream(64 * 1024);
        PipedOutputStream out = new PipedOutputStream(in);
        FollowedSource source = FollowedSource.of("<stdin>", in);
        Recorder recorder = new Recorder();
        CompletableFuture<ParseResult> parse = CompletableFuture.supplyAsync(() -> parse(source, recorder));
        List<byte[]> lines = lines(all);
        for (int i = 0; i < lines.size(); i += 50) {
            out.write(join(lines, i, Math.min(lines.size(), i + 50)));
            out.flush();
            long upTo = sum(lines, 0, Math.min(lines.size(), i + 50));
            if (i == 100) await(() -> source.bytesRead() == upTo && source.caughtUp(), "the follow waits for more");
        }
        out.close();
        ParseResult followed = parse.get(60, TimeUnit.SECONDS);
        ParseResult oneShot = PARSER.parse(TraceSource.of("<stdin>", all));
        StreamInputTest.assertSameResult(oneShot, followed);
        assertFalse(recorder.snapshots.isEmpty(), "parses were handed out while the pipe stayed open");
        assertSnapshotsArePrefixes(recorder.snapshots, oneShot);
    }

    @Test
    void stoppingAFollowEndsItsParseWithWhatWasRead() throws Exception {
        Path log = dir.resolve("gc.log");
        byte[] all = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).bytes();
        List<byte[]> lines = lines(all);
        Files.write(log, join(lines, 0, 200));
        FollowedSource source = FollowedSource.of(log);
        CompletableFuture<ParseResult> parse = CompletableFuture.supplyAsync(() -> parse(source, new Recorder()));
        await(() -> source.bytesRead() == sum(lines, 0, 200) && source.caughtUp(), "the follow is waiting");
        source.stop();
        ParseResult stopped = parse.get(60, TimeUnit.SECONDS);
        StreamInputTest.assertSameResult(PARSER.parse(TraceSource.of(log.toString(), join(lines, 0, 200))), stopped);
    }

    private static void assertSnapshotsArePrefixes(List<ParseResult> snapshots, ParseResult whole) {
        Table full = whole.table(GcColumns.CYCLES_TABLE);
        int previous = 0;
        for (ParseResult s : snapshots) {
            Table part = s.table(GcColumns.CYCLES_TABLE);
            assertTrue(part.rowCount() >= previous, "cycles never go down");
            assertTrue(s.report().linesRead() <= whole.report().linesRead());
            previous = part.rowCount();
            assertEquals(full.columnNames(), part.columnNames());
        }
        assertTrue(snapshots.size() > 2, "parses were handed out on the way: " + snapshots.size());
        // The rows a parse handed out early are still the whole parse's rows at the end: the
        // tables share buffers the parse only ever writes after their last row.
        Table early = snapshots.get(snapshots.size() / 2).table(GcColumns.CYCLES_TABLE);
        assertTrue(early.rowCount() > 0);
        for (String c : full.columnNames()) {
            for (int i = 0; i < early.rowCount(); i++) {
                assertEquals(full.column(c).getString(i), early.column(c).getString(i), c + " row " + i);
            }
        }
    }

    private static ParseResult parse(FollowedSource source, ParseListener listener) {
        try {
            return PARSER.parse(source, listener);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits for what the follow's reading thread does; the timeout only ends a broken test. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting until " + what);
            Thread.sleep(10);
        }
    }

    private static void append(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write(bytes);
        }
    }

    private static void truncate(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
    }

    private static List<byte[]> lines(byte[] all) {
        List<byte[]> out = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                out.add(Arrays.copyOfRange(all, s, i + 1));
                s = i + 1;
            }
        }
        if (s < all.length) out.add(Arrays.copyOfRange(all, s, all.length));
        return out;
    }

    private static byte[] join(List<byte[]> lines, int from, int to) {
        ByteBuffer b = ByteBuffer.allocate((int) sum(lines, from, to));
        for (int i = from; i < to; i++) b.put(lines.get(i));
        return b.array();
    }

    private static long sum(List<byte[]> lines, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) n += lines.get(i).length;
        return n;
    }
}
