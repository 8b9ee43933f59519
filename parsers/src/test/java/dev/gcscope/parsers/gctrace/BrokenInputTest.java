package dev.gcscope.parsers.gctrace;

import static dev.gcscope.parsers.gctrace.GcColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseIssue;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.io.LineReader;
import dev.gcscope.samples.SampleTraces;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Damaged input never throws: the parser keeps what it can, and every line it could not use is
 * reported with its number and reason. Each case damages a real recording in one way and compares
 * with the parse of the undamaged recording.
 */
class BrokenInputTest {
    private static final String SAMPLE = "gctrace/go1.24-phases.log";

    static byte[] original() {
        return SampleTraces.get(SAMPLE).bytes();
    }

    static ParseResult parse(byte[] bytes) throws IOException {
        ParseResult r = new GcTraceParser(2026).parse(TraceSource.of("damaged.log", bytes));
        ParseReport rep = r.report();
        assertEquals(rep.linesRead(), rep.linesUsed() + rep.linesSkipped(), "every line counted once");
        return r;
    }

    static Table cycles(byte[] bytes) throws IOException {
        return parse(bytes).table(CYCLES_TABLE);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Same cycles, field for field (the line column may differ). */
    static void assertSameCycles(Table expected, Table actual) {
        assertEquals(expected.rowCount(), actual.rowCount(), "cycles");
        assertEquals(expected.columnNames(), actual.columnNames());
        for (String c : expected.columnNames()) {
            if (c.equals(LINE)) continue;
            for (int i = 0; i < expected.rowCount(); i++) {
                assertEquals(expected.column(c).getString(i), actual.column(c).getString(i), c + " row " + i);
            }
        }
    }

    @Test
    void emptyInput() throws IOException {
        ParseResult r = parse(new byte[0]);
        assertEquals(0, r.table(CYCLES_TABLE).rowCount());
        assertEquals(0, r.report().linesRead());
    }

    @Test
    void binaryGarbage() throws IOException {
        byte[] junk = new byte[200_000];
        new Random(42).nextBytes(junk);
        ParseResult r = parse(junk);
        assertEquals(0, r.table(CYCLES_TABLE).rowCount());
        assertTrue(r.report().linesRead() > 0);
    }

    @Test
    void truncatedLastLineKeepsWhatItHasAndSaysSo() throws IOException {
        String full = text(original());
        int lastGc = full.lastIndexOf("\ngc ") + 1;
        int cutAt = full.indexOf(" ms cpu", lastGc);
        String cut = full.substring(0, cutAt);
        long lineOfCut = cut.chars().filter(c -> c == '\n').count() + 1;

        ParseResult r = parse(bytes(cut));
        Table t = r.table(CYCLES_TABLE);
        assertEquals(cycles(original()).rowCount() - countAfter(full, lastGc), t.rowCount());
        int last = t.rowCount() - 1;
        assertTrue(t.booleanColumn(PARTIAL).get(last));
        assertFalse(t.doubleColumn(STW_MS).isMissing(last), "the clock times before the cut are kept");
        assertTrue(t.doubleColumn(ASSIST_CPU_MS).isMissing(last), "nothing is made up after the cut");
        ParseIssue issue = r.report().issues().get(0);
        assertEquals(lineOfCut, issue.line());
        assertTrue(issue.reason().contains("cut off at the end"), issue.reason());
    }

    /** gc lines in {@code full} from {@code from} on, other than the first (it stays, partially). */
    private static int countAfter(String full, int from) {
        return (int) full.substring(from).lines().filter(l -> l.startsWith("gc ")).count() - 1;
    }

    @Test
    void crlfCrAndLfGiveTheSameCycles() throws IOException {
        Table lf = cycles(original());
        String text = text(original());
        assertSameCycles(lf, cycles(bytes(text.replace("\n", "\r\n"))));
        assertSameCycles(lf, cycles(bytes(text.replace("\n", "\r"))));
    }

    @Test
    void utf8ByteOrderMarkAndUtf16AreDecoded() throws IOException {
        Table plain = cycles(original());
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertSameCycles(plain, cycles(concat(bom, original())));
        // PowerShell 5's `2> gc.log` writes UTF-16LE with a BOM.
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text(original()).getBytes(StandardCharsets.UTF_16LE));
        ParseResult r = parse(utf16);
        assertSameCycles(plain, r.table(CYCLES_TABLE));
        assertTrue(r.report().notes().stream().anyMatch(n -> n.contains("UTF-16LE")));
    }

    @Test
    void invalidUtf8InOtherLinesChangesNothing() throws IOException {
        String text = text(original());
        String damaged = text.replaceFirst("phase=cache", "phase=\u00ff\u00fe\u00c3cache");
        assertNotEquals(text, damaged);
        assertSameCycles(cycles(original()), cycles(bytes(damaged)));
    }

    @Test
    void invalidBytesInsideAGcLineAreReportedWithTheirLineNumber() throws IOException {
        String text = text(original());
        int at = text.indexOf(" ms cpu", text.indexOf("\ngc 10 @"));
        String damaged = text.substring(0, at) + "\u00ff\u00fe" + text.substring(at);
        long line = damaged.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        ParseResult r = parse(bytes(damaged));
        assertEquals(cycles(original()).rowCount(), r.table(CYCLES_TABLE).rowCount(), "the damaged cycle is kept, partially");
        ParseIssue issue = r.report().issues().get(0);
        assertEquals(line, issue.line());
        assertTrue(issue.excerpt().contains("\\xFF\\xFE"), issue.excerpt());
    }

    @Test
    void aTenMegabyteLineIsSkippedAndReported() throws IOException {
        String text = text(original());
        int at = text.indexOf("\ngc 100 @") + 1;
        char[] huge = new char[10 * 1024 * 1024];
        Arrays.fill(huge, 'x');
        String damaged = text.substring(0, at) + new String(huge) + "\n" + text.substring(at);
        long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        ParseResult r = parse(bytes(damaged));
        assertSameCycles(cycles(original()), r.table(CYCLES_TABLE));
        assertEquals(1, r.report().skippedByKind().get(GcTraceRun.KIND_TOO_LONG));
        assertEquals(line, r.report().issues().get(0).line());
        assertTrue(r.report().issues().get(0).reason().contains("10,485,760 bytes"));
    }

    @Test
    void aGcLineThatStartsAnOverlongLineKeepsItsCycle() throws IOException {
        // The runtime's gc line with 1.5 MB of program output glued to it, no line end between.
        String text = text(original());
        int at = text.indexOf("\ngc 100 @") + 1;
        int end = text.indexOf('\n', at);
        char[] glued = new char[1_500_000];
        Arrays.fill(glued, 'y');
        String damaged = text.substring(0, end) + " " + new String(glued) + text.substring(end);
        ParseResult r = parse(bytes(damaged));
        assertSameCycles(cycles(original()), r.table(CYCLES_TABLE));
        ParseIssue issue = r.report().issues().get(0);
        assertEquals(text.substring(0, at).chars().filter(c -> c == '\n').count() + 1, issue.line());
        assertTrue(issue.reason().contains("kept the gc line it starts with"), issue.reason());
        assertNull(r.report().skippedByKind().get(GcTraceRun.KIND_TOO_LONG));
    }

    @Test
    void theLineLimitIsOneNumber() throws IOException {
        // A line of exactly the limit is a line; one byte more is over it, whatever the read boundaries.
        String text = text(original());
        for (int extra : new int[] {0, 1}) {
            char[] fill = new char[LineReader.MAX_LINE_BYTES + extra];
            Arrays.fill(fill, 'z');
            ParseResult r = parse(bytes(new String(fill) + "\n" + text));
            assertSameCycles(cycles(original()), r.table(CYCLES_TABLE));
            Long tooLong = r.report().skippedByKind().get(GcTraceRun.KIND_TOO_LONG);
            assertEquals(extra == 0 ? null : 1L, tooLong, "a line of " + fill.length + " bytes");
        }
    }

    @Test
    void aGcCpuOver100PercentIsRefusedAndTimeGoingBackwardsIsFlagged() throws IOException {
        // gc 100 @11.353s 1%: … and gc 101 @11.357s 1%: …, damaged as a bad gzip block damages digits.
        String text = text(original());
        String damaged = text.replace("gc 100 @11.353s 1%:", "gc 100 @11.353s 5579%:")
                .replace("gc 101 @11.357s 1%:", "gc 101 @1.357s 1%:");
        assertEquals(text.length() + 2, damaged.length(), "both lines are in the sample");
        ParseResult r = parse(bytes(damaged));
        Table t = r.table(CYCLES_TABLE);
        Table before = cycles(original());
        assertEquals(before.rowCount(), t.rowCount(), "the cycles are kept");
        int row100 = rowOf(t, 100);
        assertTrue(t.column(GC_CPU_PCT).isMissing(row100), "GC CPU refused");
        assertEquals(before.column(STW_MS).getString(row100), t.column(STW_MS).getString(row100), "the rest kept");
        assertEquals(1.357, ((Number) t.column(START_S).get(row100 + 1)).doubleValue(), 1e-9, "kept: interleaved processes do it too");

        assertEquals(2, r.report().issueCount(), "issues: " + r.report().issues());
        long line100 = text.substring(0, text.indexOf("gc 100 @")).chars().filter(c -> c == '\n').count() + 1;
        ParseIssue cpu = r.report().issues().get(0);
        assertEquals(line100, cpu.line());
        assertTrue(cpu.reason().startsWith("GC CPU of 5579% is impossible"), cpu.reason());
        ParseIssue back = r.report().issues().get(1);
        assertEquals(line100 + 1, back.line());
        assertTrue(back.reason().startsWith("start time @1.357s is before the previous cycle's @11.353s"), back.reason());
        List<String> notes = r.report().notes();
        assertTrue(notes.contains("1 impossible figure(s) refused (left empty), each reported on its line"), notes.toString());
        assertTrue(notes.contains("1 cycle(s) start before the cycle printed before them, each reported on its line"), notes.toString());
    }

    /**
     * Heaps that cannot all be true (issue 14, "heap end before start"): gc 100's heap at mark end
     * falls below its start (3->3->1 damaged to 3->2->1), gc 200's live heap exceeds the heap at mark
     * end (9->10->1 damaged to 9->10->12). Each is flagged on its line and counted in a note, with
     * the figures kept as printed; the untouched sample has no such issue.
     */
    @Test
    void heapsThatContradictEachOtherAreFlaggedOnTheirLineAndCounted() throws IOException {
        String text = text(original());
        String damaged = text.replace("gc 100 @11.353s 1%: 0.053+1.6+0.004 ms clock, 0.10+0.23/0/0+0.009 ms cpu, 3->3->1 MB",
                        "gc 100 @11.353s 1%: 0.053+1.6+0.004 ms clock, 0.10+0.23/0/0+0.009 ms cpu, 3->2->1 MB")
                .replace("cpu, 9->10->1 MB, 10 MB goal", "cpu, 9->10->12 MB, 10 MB goal");
        assertEquals(text.length() + 1, damaged.length(), "both lines are in the sample");
        assertTrue(parse(original()).report().issues().stream().noneMatch(i -> i.reason().contains("heap")),
                "the recording itself has none");
        ParseResult r = parse(bytes(damaged));
        Table t = r.table(CYCLES_TABLE);
        assertEquals(cycles(original()).rowCount(), t.rowCount(), "the cycles are kept");
        int row100 = rowOf(t, 100), row200 = rowOf(t, 200);
        assertEquals(2, t.intColumn(HEAP_END_MB).getInt(row100), "kept as printed");
        assertEquals(12, t.intColumn(HEAP_LIVE_MB).getInt(row200), "kept as printed");

        List<ParseIssue> heaps = r.report().issues().stream().filter(i -> i.reason().contains("heap")).toList();
        assertEquals(2, heaps.size(), "issues: " + r.report().issues());
        long line100 = text.substring(0, text.indexOf("gc 100 @")).chars().filter(c -> c == '\n').count() + 1;
        long line200 = text.substring(0, text.indexOf("gc 200 @")).chars().filter(c -> c == '\n').count() + 1;
        assertEquals(line100, heaps.get(0).line());
        assertTrue(heaps.get(0).reason().startsWith("heap at mark end 2 MB is below the heap at its start 3 MB (3->2->1 MB)"),
                heaps.get(0).reason());
        assertEquals(line200, heaps.get(1).line());
        assertTrue(heaps.get(1).reason().startsWith("live heap 12 MB is above the heap at mark end 10 MB (9->10->12 MB)"),
                heaps.get(1).reason());
        assertTrue(r.report().notes().contains("2 cycle(s) with heaps that contradict each other (heap falling during marking,"
                + " or more live than the heap), each reported on its line"), r.report().notes().toString());
    }

    /**
     * A size too long for any heap (2^31 MB and more) is damage: it wrapped to a negative stacks size
     * before (found by ParserFuzzTest). The field is lost and said so on its line; the cycle is kept.
     */
    @Test
    void aSizeNoHeapCanHaveIsRefusedOnItsLine() throws IOException {
        String text = text(original());
        int at = text.indexOf("gc 100 @");
        int stacks = text.indexOf(" MB stacks", at);
        int digits = text.lastIndexOf(' ', stacks - 1) + 1;
        String damaged = text.substring(0, digits) + "88888888880" + text.substring(stacks);
        int goal = text.indexOf(" MB goal", at);
        int goalDigits = text.lastIndexOf(' ', goal - 1) + 1;
        assertTrue(goalDigits > at && stacks < text.indexOf('\n', at), "gc 100 has goal and stacks fields");
        Table before = cycles(original());
        ParseResult r = parse(bytes(damaged));
        Table t = r.table(CYCLES_TABLE);
        assertEquals(before.rowCount(), t.rowCount(), "the cycle is kept");
        int row = rowOf(t, 100);
        assertTrue(t.column(STACKS_MB).isMissing(row), "stacks refused: " + t.column(STACKS_MB).getString(row));
        assertEquals(before.column(HEAP_GOAL_MB).getString(row), t.column(HEAP_GOAL_MB).getString(row), "the rest kept");
        long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        assertTrue(r.report().issues().stream().anyMatch(i -> i.line() == line && i.reason().contains("88888888880 MB stacks")),
                r.report().issues().toString());
    }

    @Test
    void aCycleLastingLongerThanTheGapToTheNextIsFlaggedOnItsLine() throws IOException {
        // gc 100 @11.353s 1%: 0.053+1.6+0.004 ms clock — the next starts 4 ms later, so 1,600 ms of mark is damage.
        String text = text(original());
        String damaged = text.replace("gc 100 @11.353s 1%: 0.053+1.6+0.004 ms clock", "gc 100 @11.353s 1%: 0.053+1600+0.004 ms clock");
        assertNotEquals(text, damaged);
        ParseResult r = parse(bytes(damaged));
        assertEquals(cycles(original()).rowCount(), r.table(CYCLES_TABLE).rowCount());
        assertEquals(1, r.report().issueCount(), "issues: " + r.report().issues());
        ParseIssue issue = r.report().issues().get(0);
        long line100 = text.substring(0, text.indexOf("gc 100 @")).chars().filter(c -> c == '\n').count() + 1;
        assertEquals(line100, issue.line());
        assertEquals("the cycle's phases last 1600.057 ms, longer than the 4.000 ms until gc 101 started (line " + (line100 + 1)
                + "): one of these figures is damaged", issue.reason());
        assertTrue(r.report().notes().contains("1 cycle(s) last longer than the time until the next one started, each reported on its line"),
                r.report().notes().toString());
    }

    private static int rowOf(Table t, int gc) {
        for (int i = 0; i < t.rowCount(); i++) if (Integer.parseInt(t.column(GC).getString(i)) == gc) return i;
        throw new AssertionError("no gc " + gc);
    }

    @Test
    void gzipIsRecognisedByMagicBytesAndATruncatedOneStillYieldsItsCycles() throws IOException {
        byte[] gz = gzip(original());
        ParseResult r = parse(gz);
        assertSameCycles(cycles(original()), r.table(CYCLES_TABLE));
        assertTrue(r.report().notes().stream().anyMatch(n -> n.contains("gzip")));

        ParseResult cut = parse(Arrays.copyOf(gz, gz.length * 2 / 3));
        int rows = cut.table(CYCLES_TABLE).rowCount();
        assertTrue(rows > 0 && rows < r.table(CYCLES_TABLE).rowCount(), "rows " + rows);
        assertTrue(cut.report().issues().stream().anyMatch(i -> i.reason().contains("compressed data ends early")));
    }

    @Test
    void interleavedOutputThatIsNotGcTextIsJustOtherText() throws IOException {
        String text = text(original());
        StringBuilder sb = new StringBuilder();
        text.lines().forEach(l -> sb.append(l).append('\n').append("{\"level\":\"info\",\"msg\":\"gc tuning\"}\n"));
        ParseResult r = parse(bytes(sb.toString()));
        assertSameCycles(cycles(original()), r.table(CYCLES_TABLE));
        assertEquals(0, r.report().issueCount());
    }

    @Test
    void aLineEndingInTheMiddleOfABufferIsHandledAcrossReads() throws IOException {
        // CRLF pairs split across the reader's 256 KiB reads: repeat the sample until it spans several reads.
        String crlf = text(original()).replace("\n", "\r\n");
        StringBuilder sb = new StringBuilder();
        int copies = 0;
        while (sb.length() < 1_500_000) {
            sb.append(crlf);
            copies++;
        }
        Table t = cycles(bytes(sb.toString()));
        assertEquals(copies * cycles(original()).rowCount(), t.rowCount());
        assertEquals(copies, t.intColumn(RUN).max(), "each copy restarts the numbering");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }
}
