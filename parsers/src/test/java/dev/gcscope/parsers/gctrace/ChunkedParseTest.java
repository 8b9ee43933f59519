package dev.gcscope.parsers.gctrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.ParseCancelledException;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.ShippedTwice;
import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.fuzz.Mutants;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * The parse split across threads ({@link ChunkedGcParse}) gives exactly the serial parse: every
 * table cell, every count, issue (line number, reason, excerpt), note and attribute. Every bundled
 * sample of every format (decoded, so gzip and UTF-16 samples are split too) is parsed serially
 * and then cut into chunks of a few hundred bytes, so chunk borders fall inside gc lines, inside
 * lines split by other output and rejoined, between CR and LF, and inside restarts. A sample over
 * {@value #MOST_CHUNKS} such chunks is cut into {@value #MOST_CHUNKS} larger ones instead: the 38
 * samples over 193 KB in 193-byte chunks took 18 of the test's 25 seconds (one, a CRI log, 4.9 s
 * for 6,400 chunks), and the smaller samples keep the borders that fall inside every kind of line.
 */
class ChunkedParseTest {
    private static final int YEAR = 2026;
    private static final ChunkedGcParse.Settings SERIAL = new ChunkedGcParse.Settings(Long.MAX_VALUE, 1 << 20, 1, n -> {});

    private static final int MOST_CHUNKS = 1000;
    private static final int MUTANTS_PER_SAMPLE = 6;
    private static final int MUTANT_HEAD_BYTES = 16 * 1024;

    static Stream<Sample> samples() {
        return SampleTraces.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void splitParseIsTheSerialParseOnEverySample(Sample sample, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("trace.log");
        Files.write(file, decoded(sample));
        long size = Files.size(file);
        String serial = describe(parse(file, SERIAL));
        for (int chunkBytes : new int[] {(int) Math.max(193, (size + MOST_CHUNKS - 1) / MOST_CHUNKS), 4096}) {
            AtomicLong chunks = new AtomicLong();
            ParseResult split = parse(file, new ChunkedGcParse.Settings(0, chunkBytes, 3, chunks::set));
            assertEquals(serial, describe(split), sample.path() + " in chunks of " + chunkBytes + " bytes");
            if (size > chunkBytes) assertEquals((size + chunkBytes - 1) / chunkBytes, chunks.get(), "was split");
        }
    }

    /**
     * Damaged input split anywhere: {@value #MUTANTS_PER_SAMPLE} mutants of the first
     * {@value #MUTANT_HEAD_BYTES} bytes of every sample ({@link Mutants}: bytes flipped, lines cut,
     * doubled and moved, digits changed, lines of other formats spliced in), each cut into chunks of
     * a random 16-2,063 bytes, give exactly the serial parse, or the same failure.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void mutantsSplitAnywhereGiveTheSerialParse(Sample sample, @TempDir Path dir) throws IOException {
        byte[] head = decoded(sample);
        head = Arrays.copyOf(head, Math.min(head.length, MUTANT_HEAD_BYTES));
        Random random = new Random(sample.path().hashCode());
        Path file = dir.resolve("mutant.log");
        for (int i = 0; i < MUTANTS_PER_SAMPLE; i++) {
            Files.write(file, Mutants.mutate(head, random));
            int chunkBytes = 16 + random.nextInt(2048);
            assertEquals(outcome(file, SERIAL), outcome(file, new ChunkedGcParse.Settings(0, chunkBytes, 3, n -> {})),
                    sample.path() + " mutant " + i + " in chunks of " + chunkBytes + " bytes");
        }
    }

    private static String outcome(Path file, ChunkedGcParse.Settings settings) throws IOException {
        try {
            return describe(parse(file, settings));
        } catch (TraceInputException e) {
            return "failed: " + e.getMessage();
        }
    }

    /**
     * A log shipped at least once, as log shippers do on a retry: every line twice in a row. Each
     * second gc line is a duplicate whose text the split parse must keep for its issue, even where
     * the fast path read both. Every cycle is as in the log shipped once, even one whose gc line was
     * cut by other output: its head's copy must not end it before its rest arrives.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("gctraceSamples")
    void everyLineShippedTwiceGivesTheCyclesOfOnceSplitOrNot(Sample sample, @TempDir Path dir) throws IOException {
        byte[] once = decoded(sample);
        Path single = dir.resolve("once.log");
        Files.write(single, once);
        Path file = dir.resolve("twice.log");
        Files.write(file, ShippedTwice.everyLine(once));
        ParseResult serial = parse(file, SERIAL);
        ParseResult onceParsed = parse(single, SERIAL);
        long cycles = onceParsed.mainTable().rowCount();
        assertEquals(withoutLines(onceParsed.mainTable()), withoutLines(serial.mainTable()), "the cycles of the log shipped once");
        assertEquals(onceParsed.report().issueCount(), serial.report().issueCount(), () -> "no issue from the copies: " + serial.report().issues());
        if (onceParsed.report().issueCount() == 0 && onceParsed.report().notes().isEmpty()) {
            // Where no gc line was cut or split, every second copy is a duplicate; a split one's
            // pieces doubled are partly other kinds (malformed, suffix).
            assertEquals(cycles, (long) serial.report().skippedByKind().getOrDefault(GcTraceRun.KIND_DUPLICATE, 0L),
                    "one duplicate per cycle");
        }
        for (int chunkBytes : new int[] {97, 1000, 4096}) {
            assertEquals(describe(serial), describe(parse(file, new ChunkedGcParse.Settings(0, chunkBytes, 3, n -> {}))),
                    "in chunks of " + chunkBytes + " bytes");
        }
    }

    /** The table as CSV without the input line numbers, which doubling moves. */
    private static String withoutLines(Table t) {
        StringWriter csv = new StringWriter();
        t.copy().removeColumns(GcColumns.LINE).write().csv(csv);
        return csv.toString();
    }

    static Stream<Sample> gctraceSamples() {
        return SampleTraces.ofFormat("gctrace").stream();
    }

    /** More than the 8 MB from which 3 or more cores split, from real recordings, split with the default chunk size. */
    @Test
    void aLargeInputSplitWithTheDefaultChunksIsTheSerialParse(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("large.log");
        try (OutputStream out = Files.newOutputStream(file)) {
            long written = 0;
            while (written < (9L << 20)) {
                for (Sample s : SampleTraces.ofFormat("gctrace")) {
                    byte[] b = decoded(s);
                    out.write(b);
                    out.write('\n');
                    written += b.length + 1;
                }
            }
        }
        ChunkedGcParse.Settings defaults = ChunkedGcParse.Settings.defaults();
        AtomicLong chunks = new AtomicLong();
        ParseResult split = parse(file, new ChunkedGcParse.Settings(
                ChunkedGcParse.Settings.defaultMinBytes(4, false), defaults.chunkBytes(), 4, chunks::set));
        assertTrue(chunks.get() >= 3, "split into " + chunks.get());
        ParseResult serial = parse(file, SERIAL);
        assertTrue(serial.mainTable().rowCount() > 30_000, "cycles: " + serial.mainTable().rowCount());
        assertEquals(describe(serial), describe(split));
    }

    /** A line too long to end near its chunk's end makes the parse serial, with the same result. */
    @Test
    void aLineRunningOnFarPastItsChunkMakesTheParseSerial(@TempDir Path dir) throws IOException {
        Sample sample = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE);
        byte[] head = decoded(sample);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(head);
        b.write("app output ".getBytes(StandardCharsets.US_ASCII));
        b.write("x".repeat(3 << 20).getBytes(StandardCharsets.US_ASCII));
        b.write('\n');
        b.write(head);
        Path file = dir.resolve("long-line.log");
        Files.write(file, b.toByteArray());
        AtomicLong chunks = new AtomicLong(-1);
        ParseResult split = parse(file, new ChunkedGcParse.Settings(0, 4096, 3, chunks::set));
        assertEquals(-1, chunks.get(), "not split");
        assertEquals(describe(parse(file, SERIAL)), describe(split));
    }

    @Test
    void theSplitParseReportsProgressAndCanBeCancelled(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("trace.log");
        Files.write(file, decoded(SampleTraces.get(SampleTraces.DEFAULT_GCTRACE)));
        long size = Files.size(file);
        ChunkedGcParse.Settings small = new ChunkedGcParse.Settings(0, 1024, 2, n -> {});
        List<Long> done = new ArrayList<>();
        parse(file, small, (d, total) -> {
            assertEquals(size, total);
            done.add(d);
            return true;
        });
        assertTrue(done.size() > 3, "progress " + done);
        for (int i = 1; i < done.size(); i++) assertTrue(done.get(i) > done.get(i - 1), "progress goes forward " + done);
        assertEquals(size, done.get(done.size() - 1));
        AtomicLong calls = new AtomicLong();
        assertThrows(ParseCancelledException.class, () -> parse(file, small, (d, total) -> calls.incrementAndGet() < 3));
        assertEquals(3, calls.get(), "stopped at the first no");
    }

    /**
     * The default splits files of 8 MB or more on 3 or more cores, and on 2 cores only files of
     * 512 MiB or more when the JIT is C1 alone; the tests above force their thread counts, so the
     * split path runs here on any machine.
     */
    @Test
    void theDefaultSplitsOnThreeOrMoreCoresAndLargeFilesOnTwoWithC1Alone() {
        assertEquals(1, ChunkedGcParse.Settings.defaultThreads(1, true));
        assertEquals(1, ChunkedGcParse.Settings.defaultThreads(2, false));
        assertEquals(2, ChunkedGcParse.Settings.defaultThreads(2, true));
        assertEquals(3, ChunkedGcParse.Settings.defaultThreads(3, false));
        assertEquals(16, ChunkedGcParse.Settings.defaultThreads(16, true));
        long twoCores = ChunkedGcParse.Settings.defaultMinBytes(2, true);
        assertTrue(new ChunkedGcParse.Settings(twoCores, 4 << 20, 2, n -> {}).splits(550_000_000L));
        assertFalse(new ChunkedGcParse.Settings(twoCores, 4 << 20, 2, n -> {}).splits(274_000_000L));
        long more = ChunkedGcParse.Settings.defaultMinBytes(3, false);
        assertTrue(new ChunkedGcParse.Settings(more, 4 << 20, 3, n -> {}).splits(9L << 20));
        assertFalse(new ChunkedGcParse.Settings(more, 4 << 20, 3, n -> {}).splits(7L << 20));
    }

    /**
     * A JVM told it has 2 processors takes both for a large file exactly when it runs with C1 alone
     * ({@code -XX:TieredStopAtLevel=1}, as the installed command does), which the default reads from
     * the VM's own description of itself; {@code gcscope.parse.threads} still overrides it.
     */
    @ParameterizedTest
    @MethodSource("twoCoreJvms")
    void aTwoCoreJvmSplitsLargeFilesOnlyWithC1Alone(List<String> options, String expected)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:ActiveProcessorCount=2");
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DefaultSettings.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        assertEquals(expected, out);
    }

    static Stream<Arguments> twoCoreJvms() {
        return Stream.of(
                Arguments.of(List.of(), "threads 1, from " + (8L << 20)),
                Arguments.of(List.of("-XX:TieredStopAtLevel=1"), "threads 2, from " + (512L << 20)),
                Arguments.of(List.of("-XX:TieredStopAtLevel=1", "-Dgcscope.parse.threads=1"),
                        "threads 1, from " + (8L << 20)));
    }

    /** Run in a child JVM by the test above: prints the default settings it sees. */
    static final class DefaultSettings {
        public static void main(String[] args) {
            ChunkedGcParse.Settings d = ChunkedGcParse.Settings.defaults();
            System.out.println("threads " + d.threads() + ", from " + d.minBytes());
        }
    }

    private static ParseResult parse(Path file, ChunkedGcParse.Settings settings) throws IOException {
        return parse(file, settings, ParseListener.NONE);
    }

    private static ParseResult parse(Path file, ChunkedGcParse.Settings settings, ParseListener listener) throws IOException {
        try (DecodedInput in = TraceSource.of(file).open()) {
            return new GcTraceParser(YEAR, settings).parse(in, listener, dev.gcscope.parsers.ParseOptions.ALL);
        }
    }

    /** The sample's content as the parser reads it: gzip and byte order marks undone. */
    private static byte[] decoded(Sample sample) throws IOException {
        try (DecodedInput in = TraceSource.of(sample.path(), sample.bytes()).open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return sample.bytes(); // a compression gcscope refuses: its bytes as they are
        }
    }

    /** Everything a parse result says, as text: a difference shows where it is. */
    private static String describe(ParseResult r) throws IOException {
        StringBuilder out = new StringBuilder();
        ParseReport p = r.report();
        out.append("lines ").append(p.linesRead()).append(" used ").append(p.linesUsed()).append(" skipped ")
                .append(p.skippedByKind()).append('\n');
        out.append("skipped lines ").append(p.skippedLines()).append('\n');
        out.append("issues ").append(p.issueCount()).append(' ').append(p.issues()).append('\n');
        out.append("notes ").append(p.notes()).append('\n');
        out.append("attributes ").append(r.attributes()).append('\n');
        for (var e : r.tables().entrySet()) {
            Table t = e.getValue();
            StringWriter csv = new StringWriter();
            t.write().csv(csv);
            out.append("table ").append(e.getKey()).append(' ').append(t.rowCount()).append('\n').append(csv).append('\n');
        }
        return out.toString();
    }
}
