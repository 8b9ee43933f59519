package dev.gcscope.parsers.metrics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.Probe;
import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.TraceSample;
import dev.gcscope.parsers.io.Excerpt;
import dev.gcscope.parsers.io.LineReader;
import dev.gcscope.parsers.io.PreviousLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * runtime/metrics histograms dumped as JSON by a Go program: JSON lines (one snapshot per line,
 * {@code {"t": …, "histograms": {name: {"counts", "buckets"}}}}) or one JSON document (an array of
 * {@code {"name", "kind", "counts", "buckets"}} objects, or an object holding one). See
 * {@link JsonHistograms} for the shapes and {@link MetricsColumns} for the tables.
 *
 * <p>JSON lines are read line by line, so a bad line is reported with its number and the rest are
 * still read; a document is read with Jackson's streaming parser, one array element at a time, so
 * a document cut off mid-histogram keeps every element before the cut.
 */
public final class MetricsJsonParser implements TraceParser {
    public static final TraceFormat FORMAT = new TraceFormat("metrics-json",
            "runtime/metrics histograms as JSON lines or a JSON array",
            "have the Go program write metrics.Read histograms as JSON lines: {\"t\": secs, \"histograms\": {name: {\"counts\": […], \"buckets\": […]}}}");
    /** {@code "values": {"/sched/goroutines:goroutines": …}}: not a Prometheus matrix's {@code "values": [[t, "v"], …]}. */
    private static final Pattern VALUES_OBJECT = Pattern.compile("\"values\"\\s*:\\s*\\{\\s*\"/");

    static final String KIND_BLANK = "blank";
    static final String KIND_BAD_JSON = "bad JSON";
    static final String KIND_NO_HISTOGRAMS = "JSON without histograms";
    static final String KIND_OTHER = "other text";
    static final String KIND_TOO_LONG = "line too long";
    static final String KIND_BINARY = "binary data";
    static final String KIND_DUPLICATE = "duplicate snapshot";

    /** A first line longer than this is a JSON line, not the first line of a pretty-printed document. */
    private static final int PRETTY_LINE_MAX = 4096;

    @Override
    public TraceFormat format() {
        return FORMAT;
    }

    @Override
    public Probe probe(TraceSample sample) {
        if (sample.looksBinary()) return Probe.NO;
        String t = sample.text();
        int i = 0;
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) i++;
        if (i == t.length() || (t.charAt(i) != '{' && t.charAt(i) != '[')) return Probe.NO;
        boolean counts = t.contains("\"counts\"");
        boolean buckets = t.contains("\"buckets\"");
        boolean histograms = t.contains("\"histograms\"");
        // {"t": 1.5, "values": {"/sched/goroutines:goroutines": 7}}: scalars only, named as runtime/metrics names them
        boolean values = VALUES_OBJECT.matcher(t).find();
        String evidence = String.format(Locale.ROOT, "JSON starting with '%c'%s%s%s%s", t.charAt(i),
                counts ? ", \"counts\"" : "", buckets ? ", \"buckets\"" : "", histograms ? ", \"histograms\"" : "",
                values ? ", \"values\" with runtime/metrics names" : "");
        if (counts && buckets) return new Probe(0.95, evidence);
        if (counts || buckets || histograms || values) return new Probe(0.8, evidence);
        return new Probe(0.1, evidence + " but no histogram keys");
    }

    @Override
    public ParseResult parse(DecodedInput in, ParseListener listener, ParseOptions options) throws IOException {
        ParseReport.Builder report = ParseReport.builder(in.name());
        SnapshotTables tables = new SnapshotTables(options, false);
        GoReleaseHints releases = new GoReleaseHints();
        boolean lines = isJsonLines(in.sample());
        long linesRead;
        if (lines) {
            JsonLines sink = new JsonLines(report, tables, releases);
            linesRead = new LineReader().read(in, sink, listener).lines();
        } else {
            JsonDocument document = new JsonDocument(report, tables, releases);
            linesRead = document.read(in, listener);
        }
        report.linesRead(linesRead);
        if (tables.snapshots() > 1) {
            report.note(tables.snapshots() + " snapshots (" + (lines ? "one per JSON line" : "JSON values") + ")");
        }
        tables.addNotes(report);
        if (!in.encoding().isEmpty()) report.note("input decoded from " + in.encoding());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("go_versions", releases.describe());
        attributes.put("snapshots", Integer.toString(tables.snapshots()));
        attributes.put("restarts", Integer.toString(tables.restarts().size()));
        attributes.put("shape", lines ? "json-lines" : "document");
        return new ParseResult(FORMAT, in.name(), tables.build(), report.build(), attributes);
    }

    /**
     * JSON lines when the first non-blank line is a whole object ({@code {…}} on one line) or longer
     * than a pretty-printed line would be; a document otherwise ({@code [}, or {@code {} alone).
     */
    static boolean isJsonLines(TraceSample sample) {
        byte[] b = sample.bytes();
        int i = 0;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) i++;
        if (i == b.length || b[i] != '{') return false;
        int e = i;
        while (e < b.length && b[e] != '\n' && b[e] != '\r') e++;
        if (e - i > PRETTY_LINE_MAX) return true;
        int last = e - 1;
        while (last > i && (b[last] == ' ' || b[last] == '\t')) last--;
        return last > i && b[last] == '}';
    }

    /** One snapshot per line. */
    private static final class JsonLines implements LineReader.Sink {
        private final ParseReport.Builder report;
        private final JsonHistograms histograms;
        private long currentLine;
        private int problems;
        private final PreviousLine previous = new PreviousLine();

        JsonLines(ParseReport.Builder report, SnapshotTables tables, GoReleaseHints releases) {
            this.report = report;
            this.histograms = new JsonHistograms(tables, releases, (line, reason) -> {
                problems++;
                report.issue(line, reason, "");
            });
        }

        @Override
        public void line(byte[] b, int s, int e, long lineNo) {
            currentLine = lineNo;
            int p = s;
            while (p < e && (b[p] == ' ' || b[p] == '\t')) p++;
            if (p == e || b[p] != '{' && b[p] != '[') previous.forget(); // only a copy right after its line is one
            if (p == e) {
                report.skipped(KIND_BLANK, lineNo, b, s, e);
                return;
            }
            if (b[p] != '{' && b[p] != '[') {
                if (hasControlBytes(b, p, e)) {
                    report.skipped(KIND_BINARY, lineNo, b, s, e);
                    report.issue(lineNo, "binary data, not a JSON line", Excerpt.of(b, s, e));
                } else {
                    report.skipped(KIND_OTHER, lineNo, b, s, e);
                }
                return;
            }
            if (previous.is(b, p, e)) {
                // Cumulative counts at one time (or, without a time, nothing new): a log shipped twice
                // (at-least-once shippers resend lines), whose copy would add an empty interval.
                report.skipped(KIND_DUPLICATE, lineNo, b, s, e);
                return;
            }
            previous.keep(b, p, e);
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(b, p, e - p);
            } catch (JsonProcessingException ex) {
                report.skipped(KIND_BAD_JSON, lineNo, b, s, e);
                report.issue(lineNo, "not valid JSON (" + jsonError(ex) + "); line skipped", Excerpt.of(b, s, e));
                return;
            } catch (IOException ex) {
                report.skipped(KIND_BAD_JSON, lineNo, b, s, e);
                report.issue(lineNo, "not valid JSON (" + ex.getMessage() + "); line skipped", Excerpt.of(b, s, e));
                return;
            }
            int found = node.isArray() ? array(node, lineNo) : histograms.snapshot(node, lineNo);
            if (found > 0) {
                report.used();
            } else {
                report.skipped(KIND_NO_HISTOGRAMS, lineNo, b, s, e);
            }
        }

        private int array(JsonNode node, long lineNo) {
            int found = 0;
            for (JsonNode e : node) found += histograms.arrayElement(e, lineNo);
            histograms.endSnapshot();
            return found;
        }

        @Override
        public void overlongLine(byte[] head, long lineNo, long length) {
            report.skipped(KIND_TOO_LONG, lineNo, head, 0, head.length);
            report.issue(lineNo, LineReader.overlongReason(length), Excerpt.of(head, 0, head.length));
        }

        @Override
        public void damagedInput(long lineNo, String reason) {
            report.damage(lineNo, reason);
        }
    }

    static boolean hasControlBytes(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if ((c >= 0 && c < 0x20 && c != '\t') || c == 0x7f) return true;
        }
        return false;
    }

    /** Jackson's message without its source excerpt, plus the column. */
    static String jsonError(JsonProcessingException ex) {
        String m = ex.getOriginalMessage();
        if (m == null) m = "unreadable";
        int nl = m.indexOf('\n');
        if (nl >= 0) m = m.substring(0, nl);
        if (m.length() > 160) m = m.substring(0, 160) + "…";
        var loc = ex.getLocation();
        return loc == null || loc.getColumnNr() < 1 ? m : m + " at column " + loc.getColumnNr();
    }

    /**
     * Jackson's mappers, built on first use: building them loads some 400 classes (a third of a
     * second), which every other format's parse (and detection) would otherwise pay, since every
     * parser is registered up front.
     */
    static final class Json {
        /** Tolerant where dumps are sloppy (Python's json writes Infinity/NaN; hand edits leave trailing commas). */
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();

        /** Reads one value at the streaming parser's position, leaving the rest of the document to it. */
        static final ObjectReader VALUE_READER = MAPPER.readerFor(JsonNode.class)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

        private Json() {}
    }

    /**
     * A streaming parser for {@link JsonDocument}; it leaves {@code in} open, which is drained to count lines.
     * The text is UTF-8 by now ({@link dev.gcscope.parsers.DecodedInput} has turned UTF-16/32 with a byte
     * order mark into UTF-8), so it is read as UTF-8: Jackson's own guess from the first four bytes
     * took a document starting with NULs for UTF-32 and failed with an IO error instead of a JSON one
     * (found by ParserFuzzTest).
     */
    static JsonParser parser(InputStream in) throws IOException {
        return Json.MAPPER.createParser(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
