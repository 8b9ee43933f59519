package dev.gcscope.parsers.io;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseIssue;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Damaged gzip is named, on the line where the damage was reached, and never passes as good data:
 * each case damages a real recording in one way and compares with the parse of its plain text.
 */
class GzipDamageTest {
    private static final TraceLoader LOADER = TraceLoader.standard();
    private static final byte[] TEXT = SampleTraces.get("gctrace/go1.24-phases.log").bytes();
    private static final long TEXT_LINES = lines(TEXT);
    private static final Table CYCLES = parse(TEXT).mainTable();

    @Test
    void aCrcErrorIsReportedOnTheLastLineAndTheLinesAreStillRead() throws IOException {
        byte[] gz = gzip(TEXT);
        gz[gz.length - 8] ^= (byte) 0xff; // first byte of the trailer's CRC-32
        ParseResult r = parse(gz);
        assertSameRows(CYCLES, r.mainTable());
        ParseIssue issue = onlyIssue(r.report());
        assertEquals(TEXT_LINES, issue.line());
        assertTrue(issue.reason().contains("CRC of member 1 does not match"), issue.reason());
    }

    @Test
    void aCorruptFirstBlockIsNamedNotCalledEmpty() throws IOException {
        byte[] gz = gzip(TEXT);
        gz[10] |= 0b110; // the first deflate block's type: 11 is reserved, so no byte of text decodes
        var e = assertThrows(dev.gcscope.parsers.TraceInputException.class,
                () -> LOADER.load(TraceSource.of("damaged.gz", gz), null, ParseListener.NONE));
        assertTrue(e.getMessage().startsWith("damaged.gz: compressed data ends early: the gzip data of member 1 is corrupt near byte"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; nothing could be read"), e.getMessage());
    }

    @Test
    void aMissingTrailerIsReported() throws IOException {
        byte[] gz = gzip(TEXT);
        ParseResult r = parse(Arrays.copyOf(gz, gz.length - 8));
        assertSameRows(CYCLES, r.mainTable());
        ParseIssue issue = onlyIssue(r.report());
        assertTrue(issue.reason().startsWith("compressed data ends early") && issue.reason().contains("before the CRC"),
                issue.reason());
    }

    @Test
    void trailingGarbageIsReportedWithItsSize() throws IOException {
        byte[] garbage = "\0\0\0 written by a crashed rotator\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ParseResult r = parse(concat(gzip(TEXT), garbage));
        assertSameRows(CYCLES, r.mainTable());
        ParseIssue issue = onlyIssue(r.report());
        assertTrue(issue.reason().startsWith(garbage.length + " byte(s) after the end of the gzip data"), issue.reason());
    }

    @Test
    void gzipInsideGzipIsUnwrappedAndSaidOnce() throws IOException {
        ParseResult r = parse(gzip(gzip(TEXT)));
        assertSameRows(CYCLES, r.mainTable());
        ParseIssue issue = onlyIssue(r.report());
        assertEquals(1, issue.line());
        assertTrue(issue.reason().contains("gzip inside gzip"), issue.reason());
    }

    @Test
    void membersOneAfterAnotherAreOneText() throws IOException {
        int half = TEXT.length / 2 + 17; // inside a line: the line is whole again across the members
        ParseResult r = parse(concat(gzip(Arrays.copyOf(TEXT, half)), gzip(Arrays.copyOfRange(TEXT, half, TEXT.length))));
        assertSameRows(CYCLES, r.mainTable());
        assertEquals(0, r.report().issueCount());
    }

    @Test
    void damageInTheSecondMemberIsReportedOnTheLastLineBeforeIt() throws IOException {
        int half = TEXT.length / 2;
        half = indexOf(TEXT, (byte) '\n', half) + 1; // the first member ends with a whole line
        byte[] second = gzip(Arrays.copyOfRange(TEXT, half, TEXT.length));
        byte[] gz = concat(gzip(Arrays.copyOf(TEXT, half)), Arrays.copyOf(second, 5)); // its header cut off
        ParseResult r = parse(gz);
        ParseIssue issue = onlyIssue(r.report());
        assertEquals(lines(Arrays.copyOf(TEXT, half)), issue.line(), "the first member's last line, read whole");
        assertEquals(lines(Arrays.copyOf(TEXT, half)), r.report().linesRead());
        assertTrue(issue.reason().contains("cut off in the header of member 2"), issue.reason());
    }

    @Test
    void corruptDataIsNamedFirstEvenBehindHundredsOfGarbledLines() throws IOException {
        byte[] gz = gzip(TEXT);
        // Found by flipping bytes: this one keeps the deflate stream decodable, so only the CRC tells.
        gz[gz.length / 2] ^= 0x55;
        ParseResult r = parse(gz);
        ParseReport report = r.report();
        assertTrue(report.issueCount() > ParseReport.MAX_ISSUES, "garbled lines: " + report.issueCount());
        ParseIssue first = report.issues().get(0);
        assertTrue(first.reason().contains("CRC of member 1 does not match"), first.reason());
        assertEquals(ParseReport.MAX_ISSUES, report.issues().size());
    }

    @Test
    void aCutOffGzipOfAnotherFormatIsNamedOnItsLastLine() throws IOException {
        byte[] gz = SampleTraces.get("perf/go1.24-gmp4-quota50-timehist-M.txt.gz").bytes();
        byte[] text;
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            text = in.readAllBytes();
        }
        ParseResult cut = parse(Arrays.copyOf(gz, gz.length / 2));
        ParseIssue first = cut.report().issues().get(0);
        assertTrue(first.reason().contains("cut off inside member 1"), first.reason());
        assertEquals(cut.report().linesRead(), first.line());
        assertTrue(cut.report().linesRead() < lines(text));
    }

    private static ParseIssue onlyIssue(ParseReport report) {
        List<ParseIssue> issues = report.issues();
        assertEquals(1, report.issueCount(), "issues: " + issues);
        return issues.get(0);
    }

    private static void assertSameRows(Table expected, Table actual) {
        assertEquals(expected.rowCount(), actual.rowCount());
        assertEquals(expected.columnNames(), actual.columnNames());
        for (String c : expected.columnNames()) {
            for (int i = 0; i < expected.rowCount(); i++) {
                assertEquals(expected.column(c).getString(i), actual.column(c).getString(i), c + " row " + i);
            }
        }
    }

    private static ParseResult parse(byte[] bytes) {
        try {
            ParseResult r = LOADER.load(TraceSource.of("damaged.gz", bytes), null, ParseListener.NONE);
            ParseReport rep = r.report();
            assertEquals(rep.linesRead(), rep.linesUsed() + rep.linesSkipped(), "every line counted once");
            return r;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long lines(byte[] b) {
        long n = 0;
        for (byte x : b) if (x == '\n') n++;
        return b.length > 0 && b[b.length - 1] != '\n' ? n + 1 : n;
    }

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == x) return i;
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
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
