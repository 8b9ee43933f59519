package dev.gcscope.parsers.metrics;

import static dev.gcscope.parsers.metrics.MetricsColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseIssue;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.TraceSource;
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
 * Damaged runtime/metrics inputs never throw: what can be read is kept, every line is counted once,
 * and what could not be used is reported with its line number. Each case damages a real recording.
 */
class BrokenMetricsInputTest {
    static final String SCRAPE = "metrics/go1.24-client_golang-1.21.1.txt";
    static final String LINES = "metrics/go1.21-phases-histograms.jsonl";
    static final String LIST = "metrics/go1.24-phases-histograms-list.json";

    static ParseResult parse(TraceParser parser, byte[] bytes) throws IOException {
        ParseResult r = parser.parse(TraceSource.of("damaged", bytes));
        ParseReport rep = r.report();
        assertEquals(rep.linesRead(), rep.linesUsed() + rep.linesSkipped(), () -> "every line counted once: " + rep.skippedByKind());
        return r;
    }

    static ParseResult prom(byte[] b) throws IOException {
        return parse(new PrometheusTextParser(), b);
    }

    static ParseResult json(byte[] b) throws IOException {
        return parse(new MetricsJsonParser(), b);
    }

    static byte[] bytes(String path) {
        return SampleTraces.get(path).bytes();
    }

    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static long lineOf(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    /**
     * One line of {@code go_gc_pauses_seconds} damaged so its percentiles would be impossible (a P50
     * of -1 s, a count of -390): that histogram is left out with one issue, the others are as before.
     */
    @Test
    void aHistogramWithImpossibleBucketsGivesNoFiguresOnlyAnIssue() throws IOException {
        String text = latin1(bytes(SCRAPE));
        Table before = prom(bytes(SCRAPE)).table(BUCKETS_TABLE);
        String pauses = "/gc/pauses:seconds";
        assertTrue(before.stringColumn(METRIC).isEqualTo(pauses).size() > 0);
        int first = text.indexOf("go_gc_pauses_seconds_bucket{le=");
        int third = text.indexOf("go_gc_pauses_seconds_bucket{le=", text.indexOf("go_gc_pauses_seconds_bucket{le=", first + 1) + 1);
        int fourth = text.indexOf("go_gc_pauses_seconds_bucket{le=", third + 1);
        int count = text.indexOf("go_gc_pauses_seconds_count ");
        String[][] damages = {
            {"a negative bound", replaceLine(text, first, "go_gc_pauses_seconds_bucket{le=\"-1\"} 0"), "is below zero"},
            {"a count going down", replaceLine(text, fourth, "go_gc_pauses_seconds_bucket{le=\"8.191999999999999e-05\"} 1"), "go down"},
            {"a negative count", replaceLine(text, third, "go_gc_pauses_seconds_bucket{le=\"7.167999999999999e-06\"} -390"), "go down"},
            {"a bound that is NaN", replaceLine(text, third, "go_gc_pauses_seconds_bucket{le=\"NaN\"} 638"), "was refused"},
            {"a negative _count", replaceLine(text, count, "go_gc_pauses_seconds_count -390"), "_count is -390"},
        };
        for (String[] d : damages) {
            ParseResult r = prom(latin1(d[1]));
            Table buckets = r.table(BUCKETS_TABLE);
            assertEquals(0, buckets.stringColumn(METRIC).isEqualTo(pauses).size(), d[0] + ": no figures");
            assertEquals(before.rowCount() - before.stringColumn(METRIC).isEqualTo(pauses).size(), buckets.rowCount(), d[0]);
            ParseIssue issue = r.report().issues().stream().filter(i -> i.reason().contains("gives no figures")).findFirst()
                    .orElseThrow(() -> new AssertionError(d[0] + ": " + r.report().issues()));
            assertTrue(issue.reason().startsWith("histogram go_gc_pauses_seconds gives no figures: "), issue.reason());
            assertTrue(issue.reason().contains(d[2]), d[0] + ": " + issue.reason());
            assertEquals(lineOf(text, count), issue.line(), d[0] + ": cited at its _count");
        }
    }

    private static String replaceLine(String text, int start, String line) {
        return text.substring(0, start) + line + text.substring(text.indexOf('\n', start));
    }

    @Test
    void emptyInput() throws IOException {
        for (ParseResult r : List.of(prom(new byte[0]), json(new byte[0]))) {
            assertEquals(0, r.mainTable().rowCount());
            assertEquals(0, r.report().linesRead());
            assertEquals("0", r.attributes().get("snapshots"));
        }
    }

    @Test
    void binaryGarbageIsReportedNotRead() throws IOException {
        byte[] junk = new byte[200_000];
        new Random(42).nextBytes(junk);
        for (ParseResult r : List.of(prom(junk), json(junk))) {
            assertEquals(0, r.mainTable().rowCount());
            assertTrue(r.report().linesRead() > 0);
            assertTrue(r.report().issueCount() > 0);
            assertTrue(r.report().issues().get(0).line() >= 1);
        }
    }

    @Test
    void scrapeCutOffInTheMiddleOfAHistogram() throws IOException {
        String full = latin1(bytes(SCRAPE));
        int cut = full.indexOf("go_sched_latencies_seconds_bucket{le=\"0.0009175039999999999\"}") + 40;
        ParseResult r = prom(latin1(full.substring(0, cut)));
        long cutLine = lineOf(full, cut);
        Table t = r.table(BUCKETS_TABLE);
        Table lat = t.where(t.stringColumn(METRIC).isEqualTo("/sched/latencies:seconds"));
        assertEquals(4, lat.rowCount(), "the four whole bucket lines before the cut");
        List<ParseIssue> issues = r.report().issues();
        assertTrue(issues.stream().anyMatch(i -> i.line() == cutLine && i.reason().contains("not a valid sample")), issues.toString());
        assertTrue(issues.stream().anyMatch(i -> i.reason().contains("go_sched_latencies_seconds ends without")), issues.toString());
        assertEquals(1, r.report().skippedByKind().get(PrometheusRun.KIND_MALFORMED));
    }

    @Test
    void aTenMegabyteLineIsSkippedAndReported() throws IOException {
        char[] huge = new char[10 * 1024 * 1024];
        Arrays.fill(huge, 'x');
        // Scrape
        String scrape = latin1(bytes(SCRAPE));
        int at = scrape.indexOf("# HELP go_sched_latencies_seconds");
        ParseResult r = prom(latin1(scrape.substring(0, at) + new String(huge) + "\n" + scrape.substring(at)));
        assertEquals(prom(bytes(SCRAPE)).mainTable().rowCount(), r.mainTable().rowCount());
        assertEquals(1, r.report().skippedByKind().get(PrometheusRun.KIND_TOO_LONG));
        assertEquals(lineOf(scrape, at), r.report().issues().get(0).line());
        // JSON lines
        String lines = latin1(bytes(LINES));
        int third = lines.indexOf('\n', lines.indexOf('\n') + 1) + 1;
        ParseResult j = json(latin1(lines.substring(0, third) + new String(huge) + "\n" + lines.substring(third)));
        assertEquals(json(bytes(LINES)).mainTable().rowCount(), j.mainTable().rowCount());
        assertEquals(3, j.report().issues().get(0).line());
        assertEquals(1, j.report().skippedByKind().get(MetricsJsonParser.KIND_TOO_LONG));
        // A JSON document: the line breaks it where it stands.
        String list = latin1(bytes(LIST));
        int mid = list.indexOf("\n", list.indexOf("/sched/latencies:seconds")) + 1;
        ParseResult d = json(latin1(list.substring(0, mid) + new String(huge) + "\n" + list.substring(mid)));
        assertEquals(lineOf(list, mid), d.report().issues().get(0).line());
        assertTrue(d.mainTable().rowCount() > 0, "the histograms before it");
    }

    @Test
    void invalidUtf8InASampleIsReportedWithItsExcerpt() throws IOException {
        String text = latin1(bytes(SCRAPE));
        int at = text.indexOf("go_gc_pauses_seconds_bucket{le=\"6.399999999999999e-07\"}") + 5;
        String damaged = text.substring(0, at) + "\u00ff\u00fe" + text.substring(at);
        ParseResult r = prom(latin1(damaged));
        ParseIssue issue = r.report().issues().get(0);
        assertEquals(lineOf(damaged, at), issue.line());
        assertTrue(issue.excerpt().contains("\\xFF\\xFE"), issue.excerpt());
        // …and in a label value it is just a character that is not UTF-8: read, not reported.
        String inLabel = text.replace("go_info{version=\"go1.24.4\"}", "go_info{version=\"go1.24.4\u00ff\"}");
        assertNotEquals(text, inLabel);
        assertEquals(0, prom(latin1(inLabel)).report().issueCount());
    }

    @Test
    void invalidUtf8InAJsonLineIsABadLine() throws IOException {
        String text = latin1(bytes(LINES));
        int second = text.indexOf('\n') + 1;
        int at = text.indexOf("/gc/pauses:seconds", second) + 4;
        ParseResult r = json(latin1(text.substring(0, at) + "\u00ff" + text.substring(at)));
        assertEquals(2, r.report().issues().get(0).line());
        assertEquals(1, r.report().skippedByKind().get(MetricsJsonParser.KIND_BAD_JSON));
        assertEquals(Integer.parseInt(json(bytes(LINES)).attributes().get("snapshots")) - 1,
                Integer.parseInt(r.attributes().get("snapshots")));
    }

    /**
     * A JSON document whose first bytes were zeroed (a sparse file, a torn copy) is bad JSON on its
     * first line, not a read error: Jackson guessed UTF-32 from four NULs (found by ParserFuzzTest).
     */
    @Test
    void aDocumentStartingWithNulBytesIsBadJsonNotAReadError() throws IOException {
        byte[] list = bytes(LIST);
        byte[] damaged = list.clone();
        java.util.Arrays.fill(damaged, 0, 32, (byte) 0);
        ParseResult r = json(damaged);
        assertFalse(r.report().issues().isEmpty());
        assertEquals(1, r.report().issues().get(0).line(), r.report().issues().toString());
        assertTrue(r.report().issues().get(0).reason().startsWith("not valid JSON"), r.report().issues().toString());
        long newlines = latin1(damaged).chars().filter(c -> c == '\n').count();
        assertEquals(newlines + (damaged[damaged.length - 1] == '\n' ? 0 : 1), r.report().linesRead(), "every line counted");
    }

    @Test
    void aTruncatedGzipKeepsTheLinesBeforeTheDamage() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(bytes("metrics/go1.24-client_golang-1.21.1-scrapes.txt"));
        }
        byte[] gz = bos.toByteArray();
        ParseResult whole = prom(gz);
        assertEquals("10", whole.attributes().get("snapshots"));
        ParseResult cut = prom(Arrays.copyOf(gz, gz.length / 2));
        int snapshots = Integer.parseInt(cut.attributes().get("snapshots"));
        assertTrue(snapshots > 1 && snapshots < 10, "snapshots " + snapshots);
        assertTrue(cut.report().issues().stream().anyMatch(i -> i.reason().contains("compressed data ends early")));
    }
}
