package dev.gcscope.parsers.metrics;

import static dev.gcscope.parsers.metrics.MetricsColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.parsers.ParseIssue;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.ShippedTwice;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The JSON shapes formats.md §3.5 lists, each made from a real recording the way another dump tool
 * would write it: ±Inf as other strings, as bare Infinity tokens, or dropped; the array inside an
 * object; pretty-printed lines; and damage (a bad line, a document cut off).
 */
class MetricsJsonVariantsTest {
    static final String LINES = "metrics/go1.24-phases-histograms.jsonl";
    static final String LIST = "metrics/go1.22-phases-histograms-list.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    static ParseResult parse(String text) throws IOException {
        ParseResult r = new MetricsJsonParser().parse(TraceSource.of("dump.json", text.getBytes(StandardCharsets.UTF_8)));
        ParseReport rep = r.report();
        assertEquals(rep.linesRead(), rep.linesUsed() + rep.linesSkipped(), () -> "every line counted once: " + rep.skippedByKind());
        return r;
    }

    static String sample(String path) {
        return RawMetrics.text(SampleTraces.get(path).bytes());
    }

    static List<String> rows(ParseResult r) {
        Table t = r.table(BUCKETS_TABLE);
        return t.stream().map(row -> row.getInt(SNAPSHOT) + " " + row.getDouble(TIME_S) + " " + row.getString(METRIC) + " "
                + row.getDouble(LOWER) + " " + row.getDouble(UPPER) + " " + row.getDouble(COUNT) + " "
                + row.getDouble(INTERVAL_COUNT)).collect(Collectors.toList());
    }

    /** Every "buckets" array of {@code root}, wherever it is. */
    static List<ArrayNode> bucketArrays(JsonNode root) {
        List<ArrayNode> out = new ArrayList<>();
        root.findParents("buckets").forEach(p -> out.add((ArrayNode) p.get("buckets")));
        return out;
    }

    /**
     * JSON lines shipped twice (at-least-once shippers resend lines: every line twice in a row) give
     * the snapshots of the dump once, with no empty interval between a snapshot and its copy.
     */
    @Test
    void everyLineShippedTwiceGivesTheSnapshotsOfOnce() throws IOException {
        int dumps = 0;
        for (var s : SampleTraces.ofFormat("metrics-json")) {
            if (!s.path().contains(".jsonl")) continue; // a JSON array over many lines is no longer JSON doubled
            String text = RawMetrics.text(s.bytes());
            ParseResult once = parse(text);
            ParseResult c = parse(ShippedTwice.everyLine(text));
            assertEquals(rows(once), rows(c), s.path() + " shipped twice");
            assertEquals(once.report().issueCount(), c.report().issueCount(), s.path());
            assertEquals(once.report().linesUsed(),
                    (long) c.report().skippedByKind().getOrDefault(MetricsJsonParser.KIND_DUPLICATE, 0L), s.path() + " duplicates");
            dumps++;
        }
        assertTrue(dumps >= 5, "JSON-lines samples: " + dumps);
    }

    @Test
    void infinitiesSpelledOtherwise() throws IOException {
        String original = sample(LIST);
        List<String> expected = rows(parse(original));
        for (String[] spelling : new String[][] {{"\"-inf\"", "\"inf\""}, {"\"-Infinity\"", "\"Infinity\""}, {"-Infinity", "Infinity"}}) {
            JsonNode root = JSON.readTree(original);
            String text = JSON.writeValueAsString(root);
            // null is how the recording writes them; swap in the other spelling.
            text = text.replace("\"buckets\":[null,", "\"buckets\":[" + spelling[0] + ",").replace(",null]", "," + spelling[1] + "]");
            assertNotEquals(JSON.writeValueAsString(root), text);
            assertEquals(expected, rows(parse(text)), String.join(" ", spelling));
        }
    }

    @Test
    void droppedFirstAndLastBoundariesAreImplicitInfinities() throws IOException {
        String original = sample(LIST);
        JsonNode root = JSON.readTree(original);
        for (ArrayNode b : bucketArrays(root)) {
            b.remove(b.size() - 1);
            b.remove(0);
        }
        ParseResult r = parse(JSON.writeValueAsString(root));
        assertEquals(0, r.report().issueCount(), r.report().issues().toString());
        Table expected = parse(original).table(BUCKETS_TABLE);
        Table t = r.table(BUCKETS_TABLE);
        assertEquals(expected.rowCount(), t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
            assertEquals(expected.doubleColumn(COUNT).getDouble(i), t.doubleColumn(COUNT).getDouble(i));
            assertEquals(expected.doubleColumn(UPPER).getDouble(i), t.doubleColumn(UPPER).getDouble(i));
            boolean firstOfHistogram = i == 0 || !t.stringColumn(METRIC).get(i).equals(t.stringColumn(METRIC).get(i - 1));
            // Time histograms start at -Inf anyway; by-size ones started at 1, which the dump dropped.
            assertEquals(firstOfHistogram ? Double.NEGATIVE_INFINITY : expected.doubleColumn(LOWER).getDouble(i),
                    t.doubleColumn(LOWER).getDouble(i));
        }
    }

    @Test
    void theArrayInsideAnObjectWithPlainValuesBeside() throws IOException {
        String original = sample(LIST);
        ObjectNode wrapper = JSON.createObjectNode();
        ArrayNode metrics = (ArrayNode) JSON.readTree(original);
        metrics.addObject().put("name", "/sched/goroutines:goroutines").put("kind", "uint64").put("value", 7);
        wrapper.put("t", 12.5).set("metrics", metrics);
        ParseResult pretty = parse(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(wrapper));
        ParseResult oneLine = parse(JSON.writeValueAsString(wrapper));
        List<String> expected = rows(parse(original)).stream().map(s -> s.replace(" NaN /", " 12.5 /")).toList();
        assertEquals(expected, rows(pretty));
        assertEquals(expected, rows(oneLine));
        Table v = pretty.table(VALUES_TABLE);
        assertEquals(1, v.rowCount());
        assertEquals(7, v.doubleColumn(VALUE).getDouble(0));
        assertEquals("uint64", v.stringColumn(TYPE).get(0));
    }

    @Test
    void prettyPrintedLinesAreADocumentOfSnapshots() throws IOException {
        String lines = sample(LINES);
        StringBuilder pretty = new StringBuilder();
        for (String l : lines.lines().toList()) pretty.append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(l))).append('\n');
        ParseResult r = parse(pretty.toString());
        assertEquals("document", r.attributes().get("shape"));
        assertEquals(rows(parse(lines)), rows(r));
        assertEquals(0, r.report().linesSkipped(), r.report().skippedByKind().toString());
    }

    @Test
    void aBadLineIsReportedAndTheOthersRead() throws IOException {
        List<String> lines = new ArrayList<>(sample(LINES).lines().toList());
        String fifth = lines.get(4);
        lines.set(4, fifth.substring(0, fifth.length() / 2));                        // cut short
        lines.add(7, "2026/11/27 00:41:25 phase=cache start t=1.004s");             // program output
        lines.set(10, lines.get(10).replaceFirst("\"counts\":\\[", "\"counts\":[\"x\",")); // one histogram's counts damaged
        ParseResult r = parse(String.join("\n", lines) + "\n");
        ParseReport rep = r.report();
        assertEquals(1, rep.skippedByKind().get(MetricsJsonParser.KIND_BAD_JSON));
        assertEquals(1, rep.skippedByKind().get(MetricsJsonParser.KIND_OTHER));
        List<Long> issueLines = rep.issues().stream().map(ParseIssue::line).distinct().toList();
        assertEquals(List.of(5L, 11L), issueLines, rep.issues().toString());
        assertTrue(rep.issues().get(0).reason().contains("not valid JSON"), rep.issues().get(0).reason());
        assertEquals(lines.size() - 2, Integer.parseInt(r.attributes().get("snapshots")), "line 11 keeps its other histograms");
        Table t = r.table(BUCKETS_TABLE);
        assertTrue(t.rowCount() > 0);
    }

    @Test
    void aDocumentCutOffKeepsTheHistogramsBeforeTheCut() throws IOException {
        String list = sample("metrics/go1.24-phases-histograms-list.json"); // indented: one number per line
        int cut = list.indexOf("/sched/latencies:seconds");
        cut = list.indexOf("\n", list.indexOf("\"counts\"", cut) + 200);
        String damaged = list.substring(0, cut);
        long cutLine = damaged.chars().filter(c -> c == '\n').count() + 1;
        ParseResult r = parse(damaged);
        Table t = r.table(BUCKETS_TABLE);
        assertEquals(List.of("/gc/heap/allocs-by-size:bytes", "/gc/heap/frees-by-size:bytes", "/gc/pauses:seconds"),
                new ArrayList<>(new java.util.LinkedHashSet<>(t.stringColumn(METRIC).asList())));
        ParseIssue issue = r.report().issues().get(0);
        assertEquals(cutLine, issue.line(), issue.toString());
        assertTrue(issue.reason().contains("not valid JSON"), issue.reason());
        long elementStart = damaged.substring(0, damaged.lastIndexOf("\n  {")).chars().filter(c -> c == '\n').count() + 2;
        assertEquals(cutLine - elementStart + 1, r.report().skippedByKind().get(MetricsJsonParser.KIND_BAD_JSON),
                "the lines of the element that was cut");
    }

    @Test
    void badHistogramsAreReportedByName() throws IOException {
        String text = """
                {"t": 1, "histograms": {"/gc/pauses:seconds": {"counts": [1, 2], "buckets": [0, 1]}, "/sched/latencies:seconds": {"counts": [1, 2], "buckets": [null, 0, null]}}}
                {"t": 2, "histograms": {"/gc/pauses:seconds": {"counts": [1, 2], "buckets": [0, 2, 1]}}}
                """;
        ParseResult r = parse(text);
        assertEquals(2, r.report().issueCount());
        assertTrue(r.report().issues().get(0).reason().contains("/gc/pauses:seconds: 2 counts need 3 bucket boundaries, got 2"));
        assertEquals(2, r.report().issues().get(1).line());
        assertTrue(r.report().issues().get(1).reason().contains("do not increase"));
        assertEquals(2, r.table(BUCKETS_TABLE).rowCount(), "the good histogram of line 1");
    }
}
