package dev.gcscope.parsers.metrics;

import static dev.gcscope.parsers.metrics.MetricsColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.ShippedTwice;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The variants of formats.md §3.3–3.4 and §4 item 9. Where a real recording shows the variant, it
 * is the input, or a recording changed the way a paste or a collector changes it; the rest are the
 * literal forms formats.md documents from client_golang's and expfmt's code.
 */
class PrometheusVariantsTest {
    static final String SCRAPE = "metrics/go1.24-client_golang-1.21.1.txt";
    static final String SCRAPE_OLDER_CLIENT = "metrics/go1.24-client_golang-1.14.0.txt";
    static final String SCRAPES = "metrics/go1.24-client_golang-1.21.1-scrapes.txt";

    static ParseResult parse(String text) throws IOException {
        ParseResult r = new PrometheusTextParser().parse(TraceSource.of("scrape.txt", text.getBytes(StandardCharsets.UTF_8)));
        ParseReport rep = r.report();
        assertEquals(rep.linesRead(), rep.linesUsed() + rep.linesSkipped(), () -> "every line counted once: " + rep.skippedByKind());
        return r;
    }

    static String sample(String path) {
        return RawMetrics.text(SampleTraces.get(path).bytes());
    }

    /** The buckets as text rows without the line column (which a transformation may shift). */
    static List<String> bucketRows(ParseResult r) {
        Table t = r.table(BUCKETS_TABLE);
        return t.stream().map(row -> row.getInt(SNAPSHOT) + " " + row.getString(METRIC) + " " + row.getString(LABELS) + " "
                + row.getDouble(LOWER) + " " + row.getDouble(UPPER) + " " + row.getDouble(COUNT) + " "
                + row.getDouble(INTERVAL_COUNT)).collect(Collectors.toList());
    }

    static List<String> quantileRows(ParseResult r) {
        Table t = r.table(SUMMARIES_TABLE);
        return t.stream().map(row -> row.getInt(SNAPSHOT) + " " + row.getString(METRIC) + " " + row.getDouble(QUANTILE)
                + " " + row.getDouble(VALUE)).collect(Collectors.toList());
    }

    @Test
    void withoutHelpAndTypeLinesHistogramsAndSummariesAreInferred() throws IOException {
        String text = sample(SCRAPES);
        ParseResult full = parse(text);
        String stripped = text.lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n", "", "\n"));
        ParseResult r = parse(stripped);
        assertEquals(bucketRows(full), bucketRows(r));
        assertEquals(quantileRows(full), quantileRows(r));
        assertEquals(full.attributes().get("snapshots"), r.attributes().get("snapshots"), "scrapes split where a series repeats");
        assertEquals(0, r.report().issueCount());
    }

    @Test
    void quotedAndIndentedPastesReadTheSame() throws IOException {
        String text = sample(SCRAPE);
        ParseResult plain = parse(text);
        for (String prefix : List.of("> ", ">> ", "    ", "\t", "  > ")) {
            String quoted = text.lines().map(l -> prefix + l).collect(Collectors.joining("\n", "", "\n"));
            ParseResult r = parse(quoted);
            assertEquals(bucketRows(plain), bucketRows(r), "prefix '" + prefix + "'");
            assertEquals(quantileRows(plain), quantileRows(r));
            assertEquals(0, r.report().issueCount());
        }
    }

    /**
     * Scrapes shipped twice (at-least-once shippers resend lines: every line twice in a row) give the
     * scrapes once, every copy a duplicate line, for every Prometheus text and OpenMetrics sample.
     */
    @Test
    void everyLineShippedTwiceGivesTheScrapesOfOnce() throws IOException {
        int files = 0;
        for (var s : SampleTraces.ofFormat("prometheus")) {
            String text = RawMetrics.text(s.bytes());
            ParseResult once = parse(text);
            ParseResult c = parse(ShippedTwice.everyLine(text));
            assertEquals(bucketRows(once), bucketRows(c), s.path() + " shipped twice");
            assertEquals(quantileRows(once), quantileRows(c), s.path() + " shipped twice");
            assertEquals(once.attributes().get("snapshots"), c.attributes().get("snapshots"), s.path());
            assertEquals(once.report().issueCount(), c.report().issueCount(), () -> s.path() + ": " + c.report().issues());
            files++;
        }
        assertTrue(files >= 5, "Prometheus text samples: " + files);
    }

    /** Scrapes of one unchanged series, one line each, between blank lines are scrapes, not copies. */
    @Test
    void oneLineScrapesBetweenBlankLinesAreNotDuplicates() throws IOException {
        ParseResult r = parse("go_goroutines 12\n\ngo_goroutines 12\n\ngo_goroutines 13\n");
        assertEquals(0L, (long) r.report().skippedByKind().getOrDefault(PrometheusRun.KIND_DUPLICATE, 0L));
        assertEquals(3, r.report().linesUsed());
    }

    @Test
    void crlfAndLfReadTheSame() throws IOException {
        String text = sample(SCRAPES);
        assertEquals(bucketRows(parse(text)), bucketRows(parse(text.replace("\n", "\r\n"))));
    }

    @Test
    void aPasteThatStartsMidHistogramAndEndsInAnEllipsis() throws IOException {
        List<String> lines = sample(SCRAPE).lines().toList();
        int from = indexOf(lines, "go_sched_latencies_seconds_bucket{le=\"8.191999999999999e-05\"}");
        int to = indexOf(lines, "go_sched_pauses_stopping_gc_seconds_bucket{le=\"0.0009175039999999999\"}");
        String paste = String.join("\n", lines.subList(from, to)) + "\n...\n";
        ParseResult r = parse(paste);
        Table t = r.table(BUCKETS_TABLE);
        Table lat = t.where(t.stringColumn(METRIC).isEqualTo("/sched/latencies:seconds"));
        assertEquals(5, lat.rowCount(), "le 8.19e-05 … +Inf");
        assertEquals(0, lat.doubleColumn(LOWER).getDouble(0), "the first bucket seen starts at 0: the lower ones are missing");
        assertEquals(1, r.report().skippedByKind().get(PrometheusRun.KIND_ELISION));
        assertTrue(r.report().notes().stream().anyMatch(n -> n.contains("middle of a histogram")), r.report().notes().toString());
        assertTrue(r.report().notes().stream().anyMatch(n -> n.contains("elided")), r.report().notes().toString());
        // The histogram cut at the end has neither +Inf nor _count: reported, kept, no percentiles.
        assertTrue(r.report().issues().stream().anyMatch(i -> i.reason().contains("go_sched_pauses_stopping_gc_seconds")
                && i.reason().contains("+Inf") && i.line() == to - from), r.report().issues().toString());
    }

    @Test
    void countsInExponentNotation() throws IOException {
        // go_memstats_alloc_bytes_total 2.812221024e+09 (real scrape)
        ParseResult r = parse(sample(SCRAPE));
        Table v = r.table(VALUES_TABLE);
        Table alloc = v.where(v.stringColumn(PROM_NAME).isEqualTo("go_memstats_alloc_bytes_total"));
        assertEquals(1, alloc.rowCount());
        assertEquals(2.812221024e9, alloc.doubleColumn(VALUE).getDouble(0));
        assertEquals("counter", alloc.stringColumn(TYPE).get(0));
        Table g = v.where(v.stringColumn(PROM_NAME).isEqualTo("go_goroutines"));
        assertEquals("gauge", g.stringColumn(TYPE).get(0));
    }

    @Test
    void twoProcessesInOneFileAreARestart() throws IOException {
        // The same workload scraped later (1.21.1) and then a fresh process (1.14.0): every counter goes down.
        ParseResult r = parse(sample(SCRAPE) + sample(SCRAPE_OLDER_CLIENT));
        assertEquals("2", r.attributes().get("snapshots"));
        assertEquals("1", r.attributes().get("restarts"));
        assertTrue(r.report().notes().stream().anyMatch(n -> n.contains("restarted")), r.report().notes().toString());
        Table t = r.table(BUCKETS_TABLE);
        Table second = t.where(t.intColumn(SNAPSHOT).isEqualTo(2));
        for (int i = 0; i < second.rowCount(); i++) {
            if (second.stringColumn(METRIC).get(i).equals("/gc/pauses:seconds")) {
                // After a reset the new process's counts are the interval's, as Prometheus's rate() takes them.
                assertEquals(second.doubleColumn(COUNT).getDouble(i), second.doubleColumn(INTERVAL_COUNT).getDouble(i));
            }
        }
    }

    @Test
    void differentGoReleasesInOneFileHaveNoIntervalWhereBucketsChanged() throws IOException {
        ParseResult r = parse(sample("metrics/go1.19-client_golang-1.14.0.txt") + sample(SCRAPE_OLDER_CLIENT));
        assertTrue(r.report().notes().stream().anyMatch(n -> n.contains("bucket boundaries changed at snapshot 2")), r.report().notes().toString());
        Table t = r.table(BUCKETS_TABLE);
        Table lat = t.where(t.intColumn(SNAPSHOT).isEqualTo(2).and(t.stringColumn(METRIC).isEqualTo("/sched/latencies:seconds")));
        assertEquals(lat.rowCount(), lat.doubleColumn(INTERVAL_COUNT).countMissing());
        assertEquals("Go 1.19.8, 1.24.4", r.attributes().get("go_versions"));
    }

    /** client_golang v1.12.x with Go 1.18/1.19: _total histogram names, the -Inf bucket as le="-5e-324", _sum NaN (quoted scrape). */
    @Test
    void clientGolang112TotalNamesNegativeZeroBucketAndNaNSum() throws IOException {
        ParseResult r = parse(sample("metrics/quoted/okp4-cosmos-faucet-7-v1.12-total.txt"));
        Table t = r.table(BUCKETS_TABLE);
        assertEquals(11, t.rowCount());
        assertEquals(java.util.Set.of("/gc/pauses:seconds"), t.stringColumn(METRIC).asSet());
        assertEquals("go_gc_pauses_seconds_total", t.stringColumn(PROM_NAME).get(0));
        assertEquals(Double.NEGATIVE_INFINITY, t.doubleColumn(LOWER).getDouble(0));
        assertEquals(-5e-324, t.doubleColumn(UPPER).getDouble(0));
        assertEquals(-5e-324, t.doubleColumn(LOWER).getDouble(1));
        // go_gc_pauses_seconds_total_bucket{le="0.00010239999999999998"} 7 after …{le="1.0239999999999999e-05"} 1
        assertEquals(6, t.doubleColumn(COUNT).getDouble(6));
        Table series = r.table(SERIES_TABLE);
        assertTrue(Double.isNaN(series.doubleColumn(SUM).getDouble(0)));
        assertEquals(8, series.doubleColumn(COUNT).getDouble(0));
        Table v = r.table(VALUES_TABLE);
        assertEquals("/gc/heap/tiny/allocs:objects", v.stringColumn(METRIC).get(0), "a v1.12 counter maps back too");
        assertEquals("Go 1.18–1.19", r.attributes().get("go_versions"), "the le set of Go 1.18/1.19");
        assertEquals("v1.12", r.attributes().get("client_golang"));
        assertEquals(0, r.report().issueCount());
    }

    /** Shell prompt, curl's progress meter glued to the first sample, HELP/TYPE removed with grep (quoted). */
    @Test
    void curlProgressGluedToTheFirstSampleAndNoHelpLines() throws IOException {
        ParseResult r = parse(sample("metrics/quoted/bitnami-charts-10379-curl-grep.txt"));
        Table v = r.table(VALUES_TABLE);
        assertEquals("go_gc_cycles_automatic_gc_cycles_total", v.stringColumn(PROM_NAME).get(0));
        assertEquals("/gc/cycles/automatic:gc-cycles", v.stringColumn(METRIC).get(0));
        assertEquals(24958, v.doubleColumn(VALUE).getDouble(0));
        assertEquals(4, v.intColumn(LINE).getInt(0));
        assertEquals(3, r.report().skippedByKind().get(PrometheusRun.KIND_OTHER), "the prompt and curl's two header lines");
        assertTrue(r.report().notes().stream().anyMatch(n -> n.contains("glued")), r.report().notes().toString());
        Table t = r.table(BUCKETS_TABLE);
        assertEquals(3, t.rowCount());
        assertEquals("/gc/heap/allocs-by-size:bytes", t.stringColumn(METRIC).get(0));
        assertEquals(7.9630338e7 - 6.551054e6, t.doubleColumn(COUNT).getDouble(1));
        assertEquals("v1.12", r.attributes().get("client_golang"), "_total on a histogram name, even without TYPE");
        assertEquals(5, r.table(SUMMARIES_TABLE).rowCount());
        // The excerpt ends before the +Inf bucket: kept, and said.
        assertEquals(1, r.report().issueCount());
        assertEquals(16, r.report().issues().get(0).line());
    }

    /** Registry histograms with handler/method before le, starting mid-histogram (quoted). */
    @Test
    void labelsBeforeLeAndTwoSeries() throws IOException {
        ParseResult r = parse(sample("metrics/quoted/distribution-2466-labels-before-le.txt"));
        Table t = r.table(BUCKETS_TABLE);
        assertEquals(java.util.Set.of("handler=\"root\",method=\"head\"", "handler=\"root\",method=\"patch\""),
                t.stringColumn(LABELS).asSet());
        assertEquals("registry_http_request_duration_seconds", t.stringColumn(METRIC).get(0), "not a Go runtime metric: its own name");
        Table series = r.table(SERIES_TABLE);
        assertEquals(0.10653965300000001, series.doubleColumn(SUM).getDouble(0));
        assertTrue(r.report().notes().stream().anyMatch(n -> n.contains("middle of a histogram")));
    }

    /** OpenMetrics: # UNIT, 1.0-style numbers, an exemplar, _created, # EOF; then a second exposition. */
    @Test
    void openMetricsUnitCreatedExemplarAndEof() throws IOException {
        String one = """
                # HELP go_sched_latencies_seconds Distribution of the time goroutines have spent in the scheduler in a runnable state before actually running. Bucket counts increase monotonically. Sourced from /sched/latencies:seconds.
                # TYPE go_sched_latencies_seconds histogram
                # UNIT go_sched_latencies_seconds seconds
                go_sched_latencies_seconds_bucket{le="6.399999999999999e-08"} 12.0
                go_sched_latencies_seconds_bucket{le="6.399999999999999e-07"} 30.0 # {trace_id="KOO5S4vxi0o"} 3.1e-07 1.7e+09
                go_sched_latencies_seconds_bucket{le="+Inf"} 31.0
                go_sched_latencies_seconds_sum 1.2e-05
                go_sched_latencies_seconds_count 31
                go_sched_latencies_seconds_created 1.7e+09
                # HELP go_gc_duration_seconds A summary of the wall-time pause (stop-the-world) duration in garbage collection cycles.
                # TYPE go_gc_duration_seconds summary
                go_gc_duration_seconds{quantile="0.0"} 3.0789e-05
                go_gc_duration_seconds{quantile="1.0"} 0.003289239
                go_gc_duration_seconds_sum 0.423894757
                go_gc_duration_seconds_count 868
                go_gc_duration_seconds_created 1.7e+09
                # EOF
                """;
        ParseResult r = parse(one + one.replace("31.0", "40.0").replace("count 31", "count 40"));
        assertEquals("2", r.attributes().get("snapshots"));
        assertEquals(4, r.report().skippedByKind().get(PrometheusRun.KIND_CREATED));
        Table t = r.table(BUCKETS_TABLE);
        assertEquals(6, t.rowCount());
        assertEquals(18, t.doubleColumn(COUNT).getDouble(1), "the exemplar is not the value");
        assertEquals(9, t.doubleColumn(INTERVAL_COUNT).getDouble(5));
        Table q = r.table(SUMMARIES_TABLE);
        assertEquals(0.0, q.doubleColumn(QUANTILE).getDouble(0));
        assertEquals(1.0, q.doubleColumn(QUANTILE).getDouble(1));
        assertTrue(r.report().notes().stream().anyMatch(n -> n.contains("exemplar")));
        assertEquals("Go 1.21+", r.attributes().get("go_versions"), "from the HELP text and the le set");
    }

    @Test
    void otherLabelsEscapesTimestampsAndQuotedNames() throws IOException {
        String text = """
                # TYPE http_request_duration_seconds histogram
                http_request_duration_seconds_bucket{handler="/api/\\"q\\"",code="200",le="0.1"} 3 1700000000000
                http_request_duration_seconds_bucket{handler="/api/\\"q\\"",code="200",le="+Inf"} 4 1700000000000
                http_request_duration_seconds_bucket{code="500", handler="/a\\\\b\\nc", le="0.1",} 1 1700000000000
                http_request_duration_seconds_bucket{code="500", handler="/a\\\\b\\nc", le="+Inf",} 1 1700000000000
                {"my.latency.seconds_bucket",le="1.0"} 2
                {"my.latency.seconds_bucket",le="+Inf"} 2
                """;
        ParseResult r = parse(text);
        assertEquals(0, r.report().issueCount(), r.report().issues().toString());
        Table t = r.table(BUCKETS_TABLE);
        assertEquals(6, t.rowCount());
        assertEquals("code=\"200\",handler=\"/api/\\\"q\\\"\"", t.stringColumn(LABELS).get(0), "sorted by key, escaped as written");
        assertEquals("code=\"500\",handler=\"/a\\\\b\\nc\"", t.stringColumn(LABELS).get(2));
        assertEquals(1.7e9, t.doubleColumn(TIME_S).getDouble(0), "milliseconds in the text format");
        assertEquals("my.latency.seconds", t.stringColumn(METRIC).get(4));
        assertEquals(2, t.doubleColumn(COUNT).getDouble(4));
    }

    @Test
    void malformedSamplesAreReportedWithTheirLineNumbers() throws IOException {
        String text = """
                # TYPE go_gc_pauses_seconds histogram
                go_gc_pauses_seconds_bucket{le="0.1"} 3
                go_gc_pauses_seconds_bucket{le="0.2" 4
                go_gc_pauses_seconds_bucket{le="+Inf"} four
                go_gc_pauses_seconds_bucket{le="+Inf"} 5
                Some prose in a bug report.
                go_gc_pauses_seconds_count 5
                """;
        ParseResult r = parse(text);
        assertEquals(List.of(3L, 4L), r.report().issues().stream().map(i -> i.line()).toList());
        assertEquals(2, r.report().skippedByKind().get(PrometheusRun.KIND_MALFORMED));
        assertEquals(1, r.report().skippedByKind().get(PrometheusRun.KIND_OTHER));
        assertEquals(2, r.table(BUCKETS_TABLE).rowCount());
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(prefix)) return i;
        throw new AssertionError("no line starting with " + prefix);
    }
}
