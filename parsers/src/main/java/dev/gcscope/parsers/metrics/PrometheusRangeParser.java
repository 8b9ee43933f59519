package dev.gcscope.parsers.metrics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prometheus {@code /api/v1/query_range} responses as exported for an incident — one response, several
 * one per line ({@code curl … >> incident.json; echo >> incident.json}), or a JSON array of them:
 *
 * <pre>
 * {"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"container_cpu_cfs_throttled_periods_total",
 *   "id":"/kubepods/…"},"values":[[1796198078.5,"1520"],[1796198079.5,"1529"]]}]}}
 * </pre>
 *
 * Into the runtime/metrics tables ({@link MetricsColumns}): every timestamp is a snapshot whose wall
 * clock is that timestamp; classic histograms ({@code _bucket} series with {@code le}, as client_golang's
 * Go collector exports {@code go_sched_latencies_seconds}) become per-bucket counts, so their
 * per-interval percentiles come out as for scrapes; every other series (cAdvisor's
 * {@code container_cpu_cfs_*}, {@code go_sched_goroutines_goroutines}) is a value. Instant queries
 * ({@code resultType} vector) are read as one snapshot. Native histograms are counted, not read.
 */
public final class PrometheusRangeParser implements TraceParser {
    public static final TraceFormat FORMAT = new TraceFormat("prometheus-range",
            "Prometheus query_range responses (JSON)",
            "export the series with curl -sG PROMETHEUS/api/v1/query_range --data-urlencode 'query=NAME' -d start=… -d end=… -d step=1s"
                    + " >> incident.json; echo >> incident.json (one response per line)");

    static final String KIND_BLANK = "blank";
    static final String KIND_BAD_JSON = "bad JSON";
    static final String KIND_NOT_RESPONSE = "JSON that is not a query response";
    static final String KIND_FAILED = "failed query";
    static final String KIND_OTHER = "other text";
    static final String KIND_TOO_LONG = "line too long";

    @Override
    public TraceFormat format() {
        return FORMAT;
    }

    /** Sure on a JSON value holding {@code "resultType"} with a matrix or a vector. */
    @Override
    public Probe probe(TraceSample sample) {
        if (sample.looksBinary()) return Probe.NO;
        String t = sample.text().stripLeading();
        if (t.isEmpty() || (t.charAt(0) != '{' && t.charAt(0) != '[')) return Probe.NO;
        boolean resultType = t.contains("\"resultType\"");
        boolean matrix = t.contains("\"matrix\"") || t.contains("\"vector\"");
        if (resultType && matrix) return new Probe(0.97, "JSON with \"resultType\" and a matrix or vector result");
        if (resultType) return new Probe(0.6, "JSON with \"resultType\"");
        return Probe.NO;
    }

    @Override
    public ParseResult parse(DecodedInput in, ParseListener listener, ParseOptions options) throws IOException {
        ParseReport.Builder report = ParseReport.builder(in.name());
        Responses responses = new Responses(report);
        boolean lines = MetricsJsonParser.isJsonLines(in.sample());
        String encoding = in.encoding();
        long linesRead = lines ? new LineReader().read(in, responses, listener).lines()
                : responses.document(in, listener, in.storedSize(), in.name());
        report.linesRead(linesRead);
        SnapshotTables tables = new SnapshotTables(options, true);
        GoReleaseHints releases = new GoReleaseHints();
        Set<String> reported = new HashSet<>();
        responses.series.replay(tables, releases, (line, reason) -> {
            if (reported.add(reason)) report.issue(line, reason, "");
        });
        tables.addNotes(report);
        if (responses.natives > 0) {
            report.note(responses.natives + " native histogram series (\"histograms\" points) not read: export classic"
                    + " _bucket series, or query histogram_quantile() and read it as a value");
        }
        if (!encoding.isEmpty()) report.note("input decoded from " + encoding);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("go_versions", releases.describe());
        attributes.put("snapshots", Integer.toString(tables.snapshots()));
        attributes.put("restarts", Integer.toString(tables.restarts().size()));
        attributes.put("shape", lines ? "json-lines" : "document");
        attributes.put("responses", Integer.toString(responses.responses));
        attributes.put("series", Integer.toString(responses.series.seriesCount()));
        attributes.put("points", Long.toString(responses.series.points()));
        double step = responses.series.medianStepS();
        attributes.put("step_s", Double.isNaN(step) ? "" : String.format(Locale.ROOT, "%s", step));
        Map<String, tech.tablesaw.api.Table> built = tables.build();
        if (!built.containsKey(MetricsColumns.SNAPSHOTS_TABLE)) {
            // No point at all: still the same tables as a file with points.
            built.put(MetricsColumns.SNAPSHOTS_TABLE, tech.tablesaw.api.Table.create(MetricsColumns.SNAPSHOTS_TABLE,
                    tech.tablesaw.api.IntColumn.create(MetricsColumns.SNAPSHOT), tech.tablesaw.api.DoubleColumn.create(MetricsColumns.TIME_S),
                    tech.tablesaw.api.DoubleColumn.create(MetricsColumns.WALL_S)));
        }
        return new ParseResult(FORMAT, in.name(), built, report.build(), attributes);
    }

    /** The responses of the file: each line one (JSON lines), or a stream of JSON values. */
    private static final class Responses implements LineReader.Sink {
        final ParseReport.Builder report;
        final RangeSeries series = new RangeSeries();
        int responses;
        long natives;

        Responses(ParseReport.Builder report) {
            this.report = report;
        }

        @Override
        public void line(byte[] b, int s, int e, long lineNo) {
            int p = s;
            while (p < e && (b[p] == ' ' || b[p] == '\t')) p++;
            if (p == e) {
                report.skipped(KIND_BLANK);
                return;
            }
            if (b[p] != '{' && b[p] != '[') {
                report.skipped(KIND_OTHER);
                if (MetricsJsonParser.hasControlBytes(b, p, e)) report.issue(lineNo, "binary data, not a JSON line", Excerpt.of(b, s, e));
                return;
            }
            JsonNode node;
            try {
                node = MetricsJsonParser.Json.MAPPER.readTree(b, p, e - p);
            } catch (JsonProcessingException ex) {
                report.skipped(KIND_BAD_JSON);
                report.issue(lineNo, "not valid JSON (" + MetricsJsonParser.jsonError(ex) + "); line skipped", Excerpt.of(b, s, e));
                return;
            } catch (IOException ex) {
                report.skipped(KIND_BAD_JSON);
                report.issue(lineNo, "not valid JSON; line skipped", Excerpt.of(b, s, e));
                return;
            }
            String kind = value(node, lineNo);
            if (kind == null) report.used(); else report.skipped(kind);
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

        /**
         * A document, or several one after another (pretty-printed responses concatenated with {@code cat}).
         * An export is small, so it is read whole; each line is then counted by the value it belongs to:
         * used when that value was a response, skipped by kind otherwise, and from where the JSON breaks
         * to the end as bad JSON (a parser cannot resynchronise inside a document).
         */
        long document(DecodedInput in, ParseListener listener, long storedSize, String name) throws IOException {
            byte[] bytes = in.readAllBytes();
            if (!listener.progress(in.storedBytesRead(), storedSize)) throw new dev.gcscope.parsers.ParseCancelledException(name);
            String[] kinds = new String[lineCount(bytes) + 1]; // 1-based; null = not part of any value yet
            int last = kinds.length - 1;
            try (JsonParser p = MetricsJsonParser.parser(new java.io.ByteArrayInputStream(bytes))) {
                while (p.nextToken() != null) {
                    int start = (int) p.currentTokenLocation().getLineNr();
                    JsonNode node = MetricsJsonParser.Json.VALUE_READER.readValue(p);
                    int end = (int) Math.min(last, p.currentLocation().getLineNr());
                    String kind = value(node, start);
                    for (int i = Math.max(1, start); i <= end; i++) kinds[i] = kind == null ? "" : kind;
                }
            } catch (JsonProcessingException ex) {
                int at = ex.getLocation() == null ? 1 : (int) Math.max(1, Math.min(last, ex.getLocation().getLineNr()));
                report.issue(at, "not valid JSON (" + MetricsJsonParser.jsonError(ex) + "); the rest of the document was not read", "");
                int from = at;
                while (from > 1 && kinds[from - 1] == null) from--;
                for (int i = from; i <= last; i++) kinds[i] = KIND_BAD_JSON;
            }
            int i = 0, line = 1, lineStart = 0;
            while (line <= last) {
                int e = i;
                while (e < bytes.length && bytes[e] != '\n' && bytes[e] != '\r') e++;
                boolean blank = true;
                for (int k = lineStart; k < e && blank; k++) blank = bytes[k] == ' ' || bytes[k] == '\t';
                String kind = kinds[line];
                if (blank && (kind == null || kind.isEmpty())) report.skipped(KIND_BLANK);
                else if (kind == null) report.skipped(KIND_OTHER);
                else if (kind.isEmpty()) report.used();
                else report.skipped(kind);
                if (e < bytes.length && bytes[e] == '\r' && e + 1 < bytes.length && bytes[e + 1] == '\n') e++;
                i = e + 1;
                lineStart = i;
                line++;
            }
            return last;
        }

        /** Lines as the line reader counts them: LF, CRLF and CR end one; a last line without an end counts. */
        private static int lineCount(byte[] b) {
            int n = 0;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == '\n' || b[i] == '\r') {
                    n++;
                    if (b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n') i++;
                }
            }
            if (b.length > 0 && b[b.length - 1] != '\n' && b[b.length - 1] != '\r') n++;
            return n;
        }

        /** One JSON value: a response, or an array of them. Returns null when used, else the skip kind. */
        String value(JsonNode node, long line) {
            if (node.isArray()) {
                boolean any = false;
                for (JsonNode e : node) any |= value(e, line) == null;
                return any ? null : KIND_NOT_RESPONSE;
            }
            if (!node.isObject()) return KIND_NOT_RESPONSE;
            JsonNode status = node.get("status");
            if (status != null && "error".equals(status.asText())) {
                report.issue(line, "the query failed: " + text(node.get("errorType")) + ": " + text(node.get("error")), "");
                return KIND_FAILED;
            }
            JsonNode data = node.has("data") ? node.get("data") : node;
            JsonNode type = data.get("resultType");
            JsonNode result = data.get("result");
            if (type == null || result == null || !result.isArray()) return KIND_NOT_RESPONSE;
            JsonNode warnings = node.get("warnings");
            if (warnings != null && warnings.isArray()) {
                for (JsonNode w : warnings) report.note("Prometheus warned: " + w.asText());
            }
            String t = type.asText();
            if (!t.equals("matrix") && !t.equals("vector")) {
                report.issue(line, "a " + t + " result, not a series (query a metric, not an expression that gives a " + t + ")", "");
                return KIND_NOT_RESPONSE;
            }
            responses++;
            for (JsonNode element : result) {
                if (element.has("histograms") || element.has("histogram")) natives++;
                if (series.add(element, line) < 0) report.issue(line, "a result element without \"metric\"; left out", "");
            }
            return null;
        }

        private static String text(JsonNode n) {
            return n == null ? "?" : n.asText();
        }
    }
}
