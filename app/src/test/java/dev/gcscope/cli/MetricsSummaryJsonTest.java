package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code summary --json} and {@code export --csv} for runtime/metrics recordings, against {@link RawMetricsSummary}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsSummaryJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("file", "format", "lines", "skipped_lines", "issues",
            "issue_count", "skipped_by_kind", "notes", "go_versions", "snapshots", "histograms", "intervals", "summaries");
    private static final Set<String> HISTOGRAM_KEYS = Set.of("name", "count", "p50", "p90", "p99");
    private static final Set<String> SUMMARY_KEYS = Set.of("name", "count", "quantiles");
    /** A JSON number (after ':', '[' or ',', not inside a string) in exponent form. */
    private static final Pattern EXPONENT = Pattern.compile("(?m)[:\\[,]\\s*-?[0-9][0-9.]*[eE][-+]?[0-9]");

    @TempDir
    Path dir;

    static Stream<Named<Sample>> recordings() {
        return Stream.concat(SampleTraces.ofFormat("prometheus").stream(), SampleTraces.ofFormat("metrics-json").stream())
                .filter(s -> !s.has("quoted")).map(s -> Named.of(s.path(), s));
    }

    static Stream<Named<Sample>> all() {
        return Stream.concat(SampleTraces.ofFormat("prometheus").stream(), SampleTraces.ofFormat("metrics-json").stream())
                .map(s -> Named.of(s.path(), s));
    }

    private JsonNode summaryOf(Path file) throws IOException {
        CliRun run = CliRun.of("summary", "--json", file.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        assertFalse(EXPONENT.matcher(run.out()).find(), "numbers must be plain:\n" + run.out());
        JsonNode array = JSON.readTree(run.out());
        assertEquals(1, array.size());
        return array.get(0);
    }

    /** Each sample's {@code summary --json}, run once per class: two checks per sample read it. */
    private final Map<String, JsonNode> summaries = new HashMap<>();

    private JsonNode summaryOf(Sample sample) throws IOException {
        JsonNode s = summaries.get(sample.path());
        if (s == null) {
            s = summaryOf(sample.copyTo(dir));
            summaries.put(sample.path(), s);
        }
        return s;
    }

    @ParameterizedTest(name = "{arguments}")
    @MethodSource("all")
    void keysAreExactlyTheContract(Sample sample) throws IOException {
        JsonNode s = summaryOf(sample);
        assertEquals(KEYS, fieldNames(s));
        assertEquals(sample.format(), s.get("format").asText());
        assertTrue(s.get("snapshots").isInt());
        for (JsonNode h : s.get("histograms")) {
            assertEquals(HISTOGRAM_KEYS, fieldNames(h));
            for (String p : List.of("p50", "p90", "p99")) assertTrue(h.get(p).isNumber() || h.get(p).isNull(), h.toString());
        }
        for (JsonNode m : s.get("summaries")) {
            assertEquals(SUMMARY_KEYS, fieldNames(m));
            assertTrue(m.get("quantiles").isObject());
        }
    }

    @ParameterizedTest(name = "{arguments}")
    @MethodSource("recordings")
    void figuresMatchAnIndependentReading(Sample sample) throws IOException {
        RawMetricsSummary raw = RawMetricsSummary.of(sample);
        JsonNode s = summaryOf(sample);
        assertEquals(raw.snapshots, s.get("snapshots").asInt(), "snapshots");
        JsonNode hs = s.get("histograms");
        assertEquals(raw.histograms.size(), hs.size(), hs.toString());
        assertFalse(raw.histograms.isEmpty());
        for (int i = 0; i < raw.histograms.size(); i++) {
            RawMetricsSummary.Histogram e = raw.histograms.get(i);
            JsonNode h = hs.get(i);
            assertEquals(e.name(), h.get("name").asText());
            assertEquals(e.count(), h.get("count").asDouble(), e.name());
            assertFigure(e.p50(), h.get("p50"), e.name() + " p50");
            assertFigure(e.p90(), h.get("p90"), e.name() + " p90");
            assertFigure(e.p99(), h.get("p99"), e.name() + " p99");
        }
        JsonNode ss = s.get("summaries");
        assertEquals(raw.summaries.size(), ss.size());
        for (int i = 0; i < raw.summaries.size(); i++) {
            RawMetricsSummary.Summary e = raw.summaries.get(i);
            JsonNode m = ss.get(i);
            assertEquals(e.name(), m.get("name").asText());
            assertEquals(e.count(), m.get("count").asDouble());
            assertEquals(e.quantiles().keySet(), fieldNames(m.get("quantiles")));
            for (Map.Entry<String, Double> q : e.quantiles().entrySet()) {
                assertEquals(q.getValue(), m.get("quantiles").get(q.getKey()).asDouble(), e.name() + " " + q.getKey());
            }
        }
    }

    @Test
    void prometheusSummaryQuantilesAreAnObjectOfPlainKeys() throws IOException {
        JsonNode s = summaryOf(SampleTraces.get("metrics/go1.24-client_golang-1.21.1-openmetrics.txt").copyTo(dir));
        JsonNode gc = s.get("summaries").get(0);
        assertEquals("go_gc_duration_seconds", gc.get("name").asText());
        assertEquals(List.of("0", "0.25", "0.5", "0.75", "1"), List.copyOf(fieldNames(gc.get("quantiles"))));
        assertEquals(868, gc.get("count").asInt());
        assertEquals(0.003289239, gc.get("quantiles").get("1").asDouble());
    }

    @Test
    void aHistogramCutOffHasNullPercentiles() throws IOException {
        // The excerpt ends before the +Inf bucket (quoted from bitnami/charts#10379).
        JsonNode s = summaryOf(SampleTraces.get("metrics/quoted/bitnami-charts-10379-curl-grep.txt").copyTo(dir));
        JsonNode h = s.get("histograms").get(0);
        assertEquals("/gc/heap/allocs-by-size:bytes", h.get("name").asText());
        assertTrue(h.get("p50").isNull() && h.get("p90").isNull() && h.get("p99").isNull(), h.toString());
        assertEquals(1, s.get("issue_count").asInt());
    }

    @Test
    void textReportListsHistogramsInTheirUnits() throws IOException {
        Path file = SampleTraces.get("metrics/go1.24-client_golang-1.21.1.txt").copyTo(dir);
        CliRun run = CliRun.of("summary", file.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\n  snapshots       1\n"), run.out());
        assertTrue(run.out().matches("(?s).*\n  histograms      /gc/heap/allocs-by-size:bytes  count \\d+  p50 [\\d.]+ B  .*"), run.out());
        assertTrue(run.out().matches("(?s).*\n {18}/sched/latencies:seconds  count \\d+  p50 [\\d.]+ (ns|µs|ms)  .*"), run.out());
        assertTrue(run.out().contains("\n  summaries       go_gc_duration_seconds  count 868  q0 "), run.out());
    }

    @Test
    void exportWritesTheBucketsTableWithInfinitiesSpelledOut() throws IOException {
        Path file = SampleTraces.get("metrics/go1.22-phases-histograms-list.json").copyTo(dir);
        Path csv = dir.resolve("buckets.csv");
        CliRun run = CliRun.of("export", "--csv", csv.toString(), file.toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("snapshot,time_s,metric,labels,lower,upper,count,interval_count,line", lines.get(0));
        // 8 histograms of Go 1.22: 2 × 68 size buckets + 6 × 162 time buckets
        assertEquals(1 + 2 * 68 + 6 * 162, lines.size());
        assertTrue(lines.get(1).startsWith("1,,/gc/heap/allocs-by-size:bytes,,1,9,"), lines.get(1));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("1,,/gc/pauses:seconds,,-Inf,0,")), "the underflow bucket");
        assertTrue(lines.stream().anyMatch(l -> l.matches("1,,/gc/pauses:seconds,,140737\\.488355328,\\+Inf,\\d+,,\\d+")), "the overflow bucket");
    }

    private static void assertFigure(double expected, JsonNode actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(actual.isNull(), what + " should be null: " + actual);
            return;
        }
        assertTrue(actual.isNumber(), what + " should be a number: " + actual);
        assertEquals(expected, actual.asDouble(), 1e-11 * Math.abs(expected), what);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }
}
