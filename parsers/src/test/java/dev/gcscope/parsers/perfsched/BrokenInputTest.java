package dev.gcscope.parsers.perfsched;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseIssue;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.samples.SampleTraces;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * Damaged input never throws: each case damages a real recording in one way, and the parse keeps
 * what it can, counts every line, and reports what it could not use with the line number.
 */
class BrokenInputTest {
    private static final String LATENCY = "perf/go1.24-gmp4-quota50-latency.txt";
    private static final String TIMEHIST = "perf/go1.24-gmp4-quota50-timehist-S.txt.gz";
    private static final String TIMEHIST_SUMMARY = "perf/go1.24-gmp4-quota50-timehist-summary.txt";

    /** parser, sample, main table, the column that differs between copies (line numbers) */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new PerfSchedLatencyParser(), LATENCY, LatencyColumns.TASKS_TABLE),
                Arguments.of(new PerfSchedTimehistParser(), TIMEHIST, TimehistColumns.EVENTS_TABLE));
    }

    static String original(String path) {
        return PerfSamples.text(SampleTraces.get(path));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Table main(TraceParser p, byte[] b, String table) {
        return PerfSamples.parse(p, "damaged", b).table(table);
    }

    /** A negative duration is no figure perf prints: that field is refused on its line, the row kept. */
    @Test
    void aNegativeDurationInALatencyRowIsRefused() {
        // "  phases:(4)            |   1812.331 ms |     3002 | avg:   0.075 ms | max:   4.899 ms | …"
        String text = original("perf/go1.19-gmp2-latency.txt");
        String damaged = text.replace("|   1812.331 ms |", "|  -1812.331 ms |").replace("max:   4.899 ms", "max:  -4.899 ms");
        assertNotEquals(text, damaged);
        ParseResult before = PerfSamples.parse(new PerfSchedLatencyParser(), "good", bytes(text));
        ParseResult r = PerfSamples.parse(new PerfSchedLatencyParser(), "damaged", bytes(damaged));
        Table tb = before.table(LatencyColumns.TASKS_TABLE);
        Table t = r.table(LatencyColumns.TASKS_TABLE);
        assertEquals(tb.rowCount(), t.rowCount(), "the row is kept");
        int row = -1;
        for (int i = 0; i < t.rowCount(); i++) if (t.column(LatencyColumns.TASK).getString(i).startsWith("phases:")) row = i;
        assertTrue(t.column(LatencyColumns.RUNTIME_MS).isMissing(row));
        assertTrue(t.column(LatencyColumns.MAX_DELAY_MS).isMissing(row));
        assertEquals(tb.column(LatencyColumns.SWITCHES).getString(row), t.column(LatencyColumns.SWITCHES).getString(row));
        long line = lineOf(damaged, damaged.indexOf("  phases:(4)"));
        List<ParseIssue> issues = r.report().issues();
        assertEquals(2, r.report().issueCount() - before.report().issueCount(), issues.toString());
        assertTrue(issues.stream().anyMatch(i -> i.line() == line && i.reason().equals("runtime of -1812.331 ms is impossible (below zero); left empty")),
                issues.toString());
        assertTrue(issues.stream().anyMatch(i -> i.line() == line && i.reason().startsWith("maximum delay of -4.899 ms is impossible")),
                issues.toString());
    }

    /**
     * A timehist summary row with a negative time or count is refused whole, with an issue on its line
     * (the parent may be -1, perf prints that for tasks whose parent is gone). Found by MutantInvariantsTest.
     */
    @Test
    void aNegativeTimeInATimehistSummaryRowIsRefused() {
        String text = original(TIMEHIST);
        String row = "               ksoftirqd/0[14]       2          3        0.018      0.005       0.006       0.007    8.59       0";
        String damagedRow = row.replace("      0.005 ", "     -0.005 ");
        assertTrue(text.contains(row));
        String damaged = text.replace(row, damagedRow);
        ParseResult before = PerfSamples.parse(new PerfSchedTimehistParser(), "good", bytes(text));
        ParseResult r = PerfSamples.parse(new PerfSchedTimehistParser(), "damaged", bytes(damaged));
        Table tb = before.table(TimehistColumns.SUMMARY_TABLE);
        Table t = r.table(TimehistColumns.SUMMARY_TABLE);
        assertEquals(tb.rowCount() - 1, t.rowCount(), "the row is refused");
        for (int i = 0; i < t.rowCount(); i++) {
            assertFalse(t.column(TimehistColumns.COMM).getString(i).equals("ksoftirqd/0")
                    && t.intColumn(TimehistColumns.TID).getInt(i) == 14, "refused row still in the table");
        }
        long line = lineOf(damaged, damaged.indexOf(damagedRow));
        assertTrue(r.report().issues().stream().anyMatch(i -> i.line() == line && i.reason().contains("negative count, time or share")),
                r.report().issues().toString());
        assertEquals(before.report().linesRead(), r.report().linesRead(), "the line is still counted");
    }

    /** Found by the fuzzer: an idle time below zero reached the idle table. */
    @Test
    void aNegativeIdleTimeInATimehistSummaryIsRefused() {
        String text = original(TIMEHIST_SUMMARY);
        String idle = "    CPU  0 idle for   2708.816  msec  ( 85.08%)";
        assertTrue(text.contains(idle));
        ParseResult before = PerfSamples.parse(new PerfSchedTimehistParser(), "good", bytes(text));
        for (String damagedIdle : List.of(idle.replace("  2708.816", " -2708.816"), idle.replace("( 85.08%)", "(-85.08%)"))) {
            String damaged = text.replace(idle, damagedIdle);
            ParseResult r = PerfSamples.parse(new PerfSchedTimehistParser(), "damaged", bytes(damaged));
            Table tb = before.table(TimehistColumns.IDLE_TABLE);
            Table t = r.table(TimehistColumns.IDLE_TABLE);
            assertEquals(tb.rowCount() - 1, t.rowCount(), "the line is refused: " + damagedIdle);
            for (int i = 0; i < t.rowCount(); i++) {
                assertTrue(t.intColumn(TimehistColumns.CPU).getInt(i) != 0, "refused CPU 0 still in the table");
            }
            long line = lineOf(damaged, damaged.indexOf(damagedIdle));
            assertTrue(r.report().issues().stream().anyMatch(i -> i.line() == line && i.reason().contains("negative count, time or share")),
                    r.report().issues().toString());
        }
    }

    @Test
    void aNegativeTotalInATimehistSummaryIsRefused() {
        String text = original(TIMEHIST_SUMMARY);
        int at = text.indexOf("Total run time (msec):");
        assertTrue(at >= 0);
        String damaged = text.substring(0, at) + text.substring(at).replaceFirst("\\(msec\\):(\\s+)", "(msec):$1-");
        ParseResult r = PerfSamples.parse(new PerfSchedTimehistParser(), "damaged", bytes(damaged));
        long line = lineOf(damaged, at);
        assertTrue(r.report().issues().stream().anyMatch(i -> i.line() == line && i.reason().contains("negative count, time or share")),
                r.report().issues().toString());
        Table totals = r.table(TimehistColumns.TOTALS_TABLE);
        for (int i = 0; i < totals.rowCount(); i++) {
            double v = totals.doubleColumn(TimehistColumns.TOTAL_RUN_TIME_MS).getDouble(i);
            assertTrue(Double.isNaN(v) || v >= 0, "total run time " + v);
        }
    }

    /** Found by the fuzzer: "TOTAL: | -6226.258 ms |" reached the totals table. */
    @Test
    void aNegativeTotalInALatencyTableIsRefused() {
        String text = original(LATENCY);
        String total = "  TOTAL:                |   1018.225 ms |     1329 |";
        assertTrue(text.contains(total));
        String damaged = text.replace(total, total.replace("   1018.225", "  -1018.225"));
        ParseResult r = PerfSamples.parse(new PerfSchedLatencyParser(), "damaged", bytes(damaged));
        Table totals = r.table(LatencyColumns.TOTALS_TABLE);
        assertEquals(1, totals.rowCount(), "the row stays, with its count");
        assertTrue(totals.column(LatencyColumns.TOTAL_RUNTIME_MS).isMissing(0), "the runtime is left empty");
        assertEquals(1329, ((Number) totals.column(LatencyColumns.TOTAL_SWITCHES).get(0)).longValue());
        long line = lineOf(damaged, damaged.indexOf("  TOTAL:"));
        assertTrue(r.report().issues().stream().anyMatch(i -> i.line() == line && i.reason().startsWith("TOTAL runtime of -1018.225 ms is impossible")),
                r.report().issues().toString());
    }

    static long lineOf(String text, int index) {
        return text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Index of the start of the last line that {@code looksLikeARow} in {@code text}. */
    static int lastRowStart(String text, String table) {
        String marker = table.equals(LatencyColumns.TASKS_TABLE) ? " | avg:" : "] ";
        String[] lines = text.split("\n", -1);
        int offset = 0, last = -1;
        for (String l : lines) {
            if (l.contains(marker) && (table.equals(LatencyColumns.TASKS_TABLE) ? !l.contains("TOTAL:") : l.matches("^\\s*\\d+\\.\\d{6} \\[.*"))) {
                last = offset;
            }
            offset += l.length() + 1;
        }
        return last;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void emptyInput(TraceParser p, String path, String table) {
        ParseResult r = PerfSamples.parse(p, "empty", new byte[0]);
        assertEquals(0, r.table(table).rowCount());
        assertEquals(0, r.report().linesRead());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void binaryGarbage(TraceParser p, String path, String table) {
        byte[] junk = new byte[200_000];
        new Random(7).nextBytes(junk);
        ParseResult r = PerfSamples.parse(p, "junk", junk);
        assertEquals(0, r.table(table).rowCount());
        assertTrue(r.report().linesRead() > 0);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aRowCutOffAtTheEndIsReportedWithItsLineNumber(TraceParser p, String path, String table) {
        String text = original(path);
        int last = lastRowStart(text, table);
        int lineEnd = text.indexOf('\n', last);
        String cut = text.substring(0, last + (lineEnd - last) * 2 / 3);
        ParseResult r = PerfSamples.parse(p, "cut", bytes(cut));
        ParseIssue issue = r.report().issues().get(r.report().issues().size() - 1);
        assertEquals(lineOf(text, last), issue.line(), issue.toString());
        int before = main(p, bytes(text.substring(0, last)), table).rowCount();
        Table t = r.table(table);
        if (table.equals(LatencyColumns.TASKS_TABLE)) {
            // kept with the fields before the cut, and marked
            assertEquals(before + 1, t.rowCount());
            assertTrue(t.booleanColumn(LatencyColumns.PARTIAL).get(t.rowCount() - 1));
            assertTrue(issue.reason().contains("ends early"), issue.reason());
        } else {
            assertEquals(before, t.rowCount());
            assertTrue(issue.reason().contains("cannot be read"), issue.reason());
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void crAndCrlfGiveTheSameRows(TraceParser p, String path, String table) {
        String text = original(path);
        Table lf = main(p, bytes(text), table);
        PerfSamples.assertSameRows(lf, main(p, bytes(text.replace("\n", "\r\n")), table), "CRLF");
        PerfSamples.assertSameRows(lf, main(p, bytes(text.replace("\n", "\r")), table), "CR");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aTenMegabyteLineIsSkippedAndReported(TraceParser p, String path, String table) {
        String text = original(path);
        int at = lastRowStart(text, table);
        char[] huge = new char[10 * 1024 * 1024];
        Arrays.fill(huge, 'x');
        String damaged = text.substring(0, at) + new String(huge) + "\n" + text.substring(at);
        ParseResult r = PerfSamples.parse(p, "huge", bytes(damaged));
        PerfSamples.assertSameRows(main(p, bytes(text), table), r.table(table), "10 MB line", "line");
        assertEquals(1, r.report().skippedByKind().get(PasteText.KIND_TOO_LONG));
        assertEquals(lineOf(text, at), r.report().issues().get(0).line());
        assertTrue(r.report().issues().get(0).reason().contains("10,485,760 bytes"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void invalidUtf8InATaskNameKeepsTheRowAndSaysWhere(TraceParser p, String path, String table) {
        String text = original(path);
        int at = lastRowStart(text, table);
        String line = text.substring(at, text.indexOf('\n', at));
        // the first byte of the task name becomes 0xFF (never valid in UTF-8)
        int task = table.equals(LatencyColumns.TASKS_TABLE) ? line.indexOf(line.trim()) : line.indexOf("]") + 3;
        while (line.charAt(task) == ' ') task++;
        byte[] b = bytes(text);
        int offset = bytes(text.substring(0, at)).length + bytes(line.substring(0, task)).length;
        b[offset] = (byte) 0xFF;
        ParseResult r = PerfSamples.parse(p, "utf8", b);
        assertEquals(main(p, bytes(text), table).rowCount(), r.table(table).rowCount(), "the row is kept");
        List<ParseIssue> issues = r.report().issues();
        assertEquals(1, issues.size(), issues::toString);
        assertEquals(lineOf(text, at), issues.get(0).line());
        assertTrue(issues.get(0).reason().contains("UTF-8"), issues.get(0).reason());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void invalidBytesInANumberAreReportedWithTheirLineNumber(TraceParser p, String path, String table) {
        String text = original(path);
        int at = lastRowStart(text, table);
        int dot = text.indexOf('.', text.indexOf(table.equals(LatencyColumns.TASKS_TABLE) ? "avg:" : "]", at) + 6);
        String damaged = text.substring(0, dot) + "\u00ff\u00fe" + text.substring(dot + 1);
        byte[] b = damaged.getBytes(StandardCharsets.ISO_8859_1);
        ParseResult r = PerfSamples.parse(p, "bytes", b);
        ParseIssue issue = r.report().issues().get(0);
        assertEquals(lineOf(text, at), issue.line());
        assertTrue(issue.excerpt().contains("\\xFF\\xFE"), issue.excerpt());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aTruncatedGzipStillYieldsItsRows(TraceParser p, String path, String table) throws IOException {
        byte[] gz = gzip(bytes(original(path)));
        ParseResult whole = PerfSamples.parse(p, "whole.gz", gz);
        ParseResult cut = PerfSamples.parse(p, "cut.gz", Arrays.copyOf(gz, gz.length * 2 / 3));
        int rows = cut.table(table).rowCount();
        assertTrue(rows > 0 && rows < whole.table(table).rowCount(), "rows " + rows);
        assertTrue(cut.report().issues().stream().anyMatch(i -> i.reason().contains("compressed data ends early")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void interleavedProgramOutputIsOtherText(TraceParser p, String path, String table) {
        String text = original(path);
        StringBuilder sb = new StringBuilder();
        text.lines().forEach(l -> sb.append(l).append('\n').append("2026/11/27 00:11:43 request id=7 status=200\n"));
        ParseResult r = PerfSamples.parse(p, "interleaved", bytes(sb.toString()));
        PerfSamples.assertSameRows(main(p, bytes(text), table), r.table(table), "interleaved", "line");
        assertEquals(0, r.report().issueCount(), r.report().issues()::toString);
        assertEquals(text.lines().count(), r.report().skippedByKind().get(PasteText.KIND_OTHER));
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }
}
