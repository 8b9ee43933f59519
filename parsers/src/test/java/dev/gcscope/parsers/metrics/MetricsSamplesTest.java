package dev.gcscope.parsers.metrics;

import static dev.gcscope.parsers.metrics.MetricsColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.ParsedSamples;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.TraceParsers;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/** Every bundled runtime/metrics sample, checked against an independent reading of the same bytes ({@link RawMetrics}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsSamplesTest {
    private static final Pattern SOURCED = Pattern.compile("^# HELP (\\S+) .*Sourced from (/[^ ]+?)\\.?$");
    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$");

    static Stream<Sample> all() {
        return Stream.concat(prometheus(), json());
    }

    static Stream<Sample> prometheus() {
        List<Sample> s = SampleTraces.ofFormat("prometheus");
        assertFalse(s.isEmpty(), "no prometheus samples in the index");
        return s.stream();
    }

    static Stream<Sample> json() {
        List<Sample> s = SampleTraces.ofFormat("metrics-json");
        assertFalse(s.isEmpty(), "no metrics-json samples in the index");
        return s.stream();
    }

    static Stream<Sample> prometheusRecordings() {
        return prometheus().filter(s -> !s.has("quoted"));
    }

    static TraceParser parserFor(Sample s) {
        return TraceParsers.standard().byId(s.format()).orElseThrow();
    }

    private final ParsedSamples parsed = new ParsedSamples(s -> parserFor(s).parse(TraceSource.of(s.path(), s.bytes())));

    ParseResult parse(Sample s) {
        return parsed.of(s);
    }

    /** The Go minor release of the recording, or -1 when the index does not know it ({@code -}). */
    static int minor(Sample s) {
        Matcher m = Pattern.compile("^1\\.(\\d+)").matcher(s.goVersion());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void detectedByContent(Sample s) throws IOException {
        // A neutral name: detection must not look at it.
        assertEquals(s.format(), TraceParsers.standard().detect(TraceSource.of("input", s.bytes())).format().id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void everyLineIsCountedOnceAndRecordingsHaveNoIssues(Sample s) throws IOException {
        ParseReport r = parse(s).report();
        assertTrue(r.linesRead() > 0);
        assertEquals(r.linesRead(), r.linesUsed() + r.linesSkipped(), () -> "read != used + skipped: " + r.skippedByKind());
        assertEquals(RawMetrics.text(s.bytes()).lines().count(), r.linesRead(), "lines");
        if (!s.has("quoted")) {
            assertEquals(0, r.issueCount(), () -> r.issues().toString());
            assertEquals(0, r.linesSkipped(), () -> r.skippedByKind().toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prometheusRecordings")
    void scrapeBucketsAreTheRawCumulativeCountsUndone(Sample s) throws IOException {
        Table t = parse(s).table(BUCKETS_TABLE);
        List<RawMetrics.RawBucket> raw = RawMetrics.buckets(s.bytes());
        assertFalse(raw.isEmpty());
        assertEquals(raw.size(), t.rowCount(), "one row per _bucket line");
        double cumulative = 0;
        for (int i = 0; i < raw.size(); i++) {
            RawMetrics.RawBucket b = raw.get(i);
            boolean first = i == 0 || !raw.get(i - 1).family().equals(b.family()) || raw.get(i - 1).snapshot() != b.snapshot();
            cumulative = (first ? 0 : cumulative) + t.doubleColumn(COUNT).getDouble(i);
            String at = s.path() + " line " + b.line();
            assertEquals(b.cumulative(), cumulative, at);
            assertEquals(b.le(), t.doubleColumn(UPPER).getDouble(i), at);
            assertEquals(first ? (b.le() > 0 ? 0 : Double.NEGATIVE_INFINITY) : raw.get(i - 1).le(), t.doubleColumn(LOWER).getDouble(i), at);
            assertEquals(b.snapshot(), t.intColumn(SNAPSHOT).getInt(i), at);
            assertEquals(b.family(), t.stringColumn(PROM_NAME).get(i), at);
            assertEquals(b.line(), t.intColumn(LINE).getInt(i), at);
            assertEquals("", t.stringColumn(LABELS).get(i), at);
            assertTrue(t.doubleColumn(TIME_S).isMissing(i), "scrapes carry no timestamps");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prometheusRecordings")
    void intervalCountsAreTheDifferencesBetweenScrapes(Sample s) throws IOException {
        Table t = parse(s).table(BUCKETS_TABLE);
        List<RawMetrics.RawBucket> raw = RawMetrics.buckets(s.bytes());
        Map<String, Double> perBucket = new HashMap<>();
        int checked = 0;
        for (int i = 0; i < raw.size(); i++) {
            RawMetrics.RawBucket b = raw.get(i);
            boolean first = i == 0 || !raw.get(i - 1).family().equals(b.family()) || raw.get(i - 1).snapshot() != b.snapshot();
            double own = b.cumulative() - (first ? 0 : raw.get(i - 1).cumulative());
            Double before = perBucket.put(b.snapshot() + "|" + b.family() + "|" + b.le(), own);
            Double previous = perBucket.get((b.snapshot() - 1) + "|" + b.family() + "|" + b.le());
            assertNull(before);
            if (previous == null) {
                assertTrue(t.doubleColumn(INTERVAL_COUNT).isMissing(i), "line " + b.line());
            } else {
                assertEquals(own - previous, t.doubleColumn(INTERVAL_COUNT).getDouble(i), "line " + b.line());
                checked++;
            }
        }
        if (s.has("multi-scrape")) assertTrue(checked > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prometheusRecordings")
    void sumsCountsAndSummaryQuantilesAreTheRawOnes(Sample s) throws IOException {
        ParseResult r = parse(s);
        Table series = r.table(SERIES_TABLE);
        List<RawMetrics.RawSeriesValue> raw = RawMetrics.sumsAndCounts(s.bytes());
        assertEquals(raw.size(), 2 * series.rowCount(), "a _sum and a _count line per series");
        for (RawMetrics.RawSeriesValue v : raw) {
            Table match = series.where(series.intColumn(SNAPSHOT).isEqualTo(v.snapshot())
                    .and(series.stringColumn(PROM_NAME).isEqualTo(v.family())));
            assertEquals(1, match.rowCount(), v.toString());
            assertEquals(v.value(), match.doubleColumn(v.what().equals("sum") ? SUM : COUNT).getDouble(0), v.toString());
        }
        Table q = r.table(SUMMARIES_TABLE);
        List<RawMetrics.RawQuantile> rawQ = RawMetrics.quantiles(s.bytes());
        assertFalse(rawQ.isEmpty(), "client_golang always exposes go_gc_duration_seconds");
        assertEquals(rawQ.size(), q.rowCount());
        for (int i = 0; i < rawQ.size(); i++) {
            RawMetrics.RawQuantile x = rawQ.get(i);
            assertEquals(x.snapshot(), q.intColumn(SNAPSHOT).getInt(i));
            assertEquals(x.family(), q.stringColumn(METRIC).get(i));
            assertEquals(x.quantile(), q.doubleColumn(QUANTILE).getDouble(i));
            assertEquals(x.value(), q.doubleColumn(VALUE).getDouble(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prometheusRecordings")
    void snapshotsAreTheScrapes(Sample s) throws IOException {
        ParseResult r = parse(s);
        int scrapes = RawMetrics.scrapes(s.bytes());
        assertEquals(s.has("multi-scrape"), scrapes > 1, "the index says whether the file holds several scrapes");
        assertEquals(Integer.toString(scrapes), r.attributes().get("snapshots"));
        Table t = r.table(BUCKETS_TABLE);
        assertEquals(scrapes, t.intColumn(SNAPSHOT).max(), 0);
        assertEquals("0", r.attributes().get("restarts"), "one process per recording");
    }

    /** The authoritative mapping: client_golang ≥1.20 names the runtime/metrics source in HELP. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("prometheusRecordings")
    void namesMapToTheRuntimeMetricTheHelpTextCites(Sample s) throws IOException {
        ParseResult r = parse(s);
        Map<String, String> sourced = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        for (String line : RawMetrics.text(s.bytes()).lines().toList()) {
            Matcher m = SOURCED.matcher(line);
            if (m.matches()) sourced.put(m.group(1), m.group(2));
            Matcher t = TYPE.matcher(line);
            if (t.matches()) types.put(t.group(1), t.group(2));
        }
        if (s.has("client-golang-1.21")) assertFalse(sourced.isEmpty(), "client_golang 1.21 writes 'Sourced from'");
        int checked = 0;
        for (Map.Entry<String, String> e : sourced.entrySet()) {
            String prom = e.getKey();
            String expected = e.getValue();
            // Our known list and the inverse mapping agree with client_golang (text format: a counter's
            // family ends in _total; OpenMetrics: it does not).
            String mapped = RuntimeMetricNames.fromPrometheus(prom);
            if (mapped != null) {
                assertEquals(expected, mapped, prom + " (" + types.get(prom) + ")");
                checked++;
            }
            for (String table : List.of(BUCKETS_TABLE, VALUES_TABLE)) {
                Table t = r.table(table);
                for (int i = 0; i < t.rowCount(); i++) {
                    String p = t.stringColumn(PROM_NAME).get(i);
                    if (p.equals(prom) || p.equals(prom + "_total")) assertEquals(expected, t.stringColumn(METRIC).get(i), p);
                }
            }
        }
        assertEquals(sourced.size(), checked, "every name the HELP texts cite is known");
    }

    /** The histograms of the last snapshot are the set the recording's Go release has (formats.md §3.1). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void histogramSetIsTheGoReleasesSet(Sample s) throws IOException {
        if (s.has("quoted")) return;
        Table t = parse(s).table(BUCKETS_TABLE);
        int last = (int) t.intColumn(SNAPSHOT).max();
        Set<String> names = new TreeSet<>(t.where(t.intColumn(SNAPSHOT).isEqualTo(last)).stringColumn(METRIC).asSet());
        if (s.has("incident") || s.has("sched-pair") || s.has("two-histograms")) {
            // record-incident.sh, record-quota-pair.sh and record-steady-metrics.sh ask for these two only (-metrics-histograms)
            assertEquals(new TreeSet<>(List.of("/sched/latencies:seconds", "/sched/pauses/total/gc:seconds")), names);
            return;
        }
        int minor = minor(s);
        String since = minor >= 22 ? "1.22" : minor >= 17 ? "1.17" : "1.16";
        assertEquals(new TreeSet<>(RuntimeMetricNames.HISTOGRAMS_SINCE.get(since)), names);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void goVersionsAgreeWithTheRecording(Sample s) throws IOException {
        String v = parse(s).attributes().get("go_versions");
        int minor = minor(s);
        if (RawMetrics.text(s.bytes()).contains("go_info{version=\"go")) {
            assertEquals("Go " + s.goVersion(), v, "go_info names the release");
            return;
        }
        if (minor < 0) return; // a quotation whose release nobody knows
        Matcher m = Pattern.compile("Go 1\\.(\\d+)(?:–1\\.(\\d+)|(\\+))?").matcher(v);
        assertTrue(m.matches(), v);
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) != null ? Integer.parseInt(m.group(2)) : m.group(3) != null ? 99 : from;
        assertTrue(from <= minor && minor <= to, v + " for " + s.goVersion());
    }

    /** The index names the client_golang release of each recording; the scrape's details must allow it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("prometheus")
    void clientGolangHintsAllowTheRecordedRelease(Sample s) throws IOException {
        String hint = parse(s).attributes().get("client_golang");
        String expected;
        if (s.has("client-golang-1.14")) expected = "v1.13–v1.19";      // no _total on histograms; the 1.4–1.19 HELP
        else if (s.has("client-golang-1.21")) expected = "v1.21+";      // wall-time HELP; "Sourced from …." with a period
        else if (s.has("total-suffix")) expected = "v1.12";
        else if (s.has("old-help")) expected = "v0.5–v1.3";             // "A summary of the GC invocation durations."
        else return;
        assertEquals(expected, hint);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("json")
    void jsonHistogramsAreTheRawOnes(Sample s) throws IOException {
        ParseResult r = parse(s);
        Table t = r.table(BUCKETS_TABLE);
        List<RawMetrics.RawHistogram> raw = RawMetrics.jsonHistograms(s.bytes());
        assertFalse(raw.isEmpty());
        int row = 0;
        Map<String, double[]> previous = new HashMap<>();
        for (RawMetrics.RawHistogram h : raw) {
            assertEquals(h.counts().length + 1, h.bounds().length, "the recordings use the standard form");
            double[] prev = previous.get((h.snapshot() - 1) + h.name());
            for (int i = 0; i < h.counts().length; i++, row++) {
                String at = s.path() + " " + h.name() + " snapshot " + h.snapshot() + " bucket " + i;
                assertEquals(h.snapshot(), t.intColumn(SNAPSHOT).getInt(row), at);
                assertEquals(h.name(), t.stringColumn(METRIC).get(row), at);
                assertEquals(h.bounds()[i], t.doubleColumn(LOWER).getDouble(row), at);
                assertEquals(h.bounds()[i + 1], t.doubleColumn(UPPER).getDouble(row), at);
                assertEquals(h.counts()[i], t.doubleColumn(COUNT).getDouble(row), at);
                if (Double.isNaN(h.timeS())) assertTrue(t.doubleColumn(TIME_S).isMissing(row), at);
                else assertEquals(h.timeS(), t.doubleColumn(TIME_S).getDouble(row), at);
                if (prev == null) assertTrue(t.doubleColumn(INTERVAL_COUNT).isMissing(row), at);
                else assertEquals(h.counts()[i] - prev[i], t.doubleColumn(INTERVAL_COUNT).getDouble(row), at);
            }
            previous.put(h.snapshot() + h.name(), h.counts());
        }
        assertEquals(row, t.rowCount(), "no other rows");
        int snapshots = raw.get(raw.size() - 1).snapshot();
        assertEquals(Integer.toString(snapshots), r.attributes().get("snapshots"));
        assertEquals(s.has("lines-shape"), snapshots > 1);
        // Go's runtime counts only go up within one process.
        assertTrue(t.doubleColumn(INTERVAL_COUNT).min() >= 0 || t.doubleColumn(INTERVAL_COUNT).countMissing() == t.rowCount());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("json")
    void seriesCountIsTheSumOfTheBuckets(Sample s) throws IOException {
        ParseResult r = parse(s);
        Table series = r.table(SERIES_TABLE);
        Table buckets = r.table(BUCKETS_TABLE);
        List<Double> sums = new ArrayList<>();
        for (RawMetrics.RawHistogram h : RawMetrics.jsonHistograms(s.bytes())) {
            double sum = 0;
            for (double c : h.counts()) sum += c;
            sums.add(sum);
        }
        assertEquals(sums.size(), series.rowCount());
        for (int i = 0; i < sums.size(); i++) {
            assertEquals(sums.get(i), series.doubleColumn(COUNT).getDouble(i));
            assertTrue(series.doubleColumn(SUM).isMissing(i), "runtime/metrics histograms have no sum");
        }
        assertEquals(sums.stream().mapToDouble(Double::doubleValue).sum(), buckets.doubleColumn(COUNT).sum(), 0.5);
    }
}
