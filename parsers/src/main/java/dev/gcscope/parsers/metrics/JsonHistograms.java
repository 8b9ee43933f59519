package dev.gcscope.parsers.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Finds runtime/metrics histograms (and plain values) in one JSON value of a {@code metrics-json}
 * input and hands them to the {@link SnapshotTables}. There is no standard schema (formats.md §3.5),
 * so shapes are recognised by key, never by position:
 *
 * <pre>
 * {"t": 12.5, "histograms": {"/sched/latencies:seconds": {"counts": [0, 3, …], "buckets": ["-Inf", 0, 6.4e-08, …, "+Inf"]}}}
 * {"t": 12.5, "wall": 1764660000.25, "histograms": {…}, "values": {"/sched/goroutines:goroutines": 412, "/gc/cycles/total:gc-cycles": 118}}
 * [{"name": "/gc/pauses:seconds", "kind": "histogram", "counts": [0, 2, …], "buckets": [null, 0, 6.4e-08, …, null]},
 *  {"name": "/sched/goroutines:goroutines", "kind": "uint64", "value": 7}]
 * </pre>
 *
 * A snapshot is a JSON object with a {@code histograms} (or other) field, or a top-level array of
 * named histograms. Infinite boundaries may be strings ({@code "+Inf"}, {@code "-Inf"},
 * {@code "Inf"}, {@code "inf"}, {@code "Infinity"}), {@code null} (first = -Inf, last = +Inf) or
 * bare {@code Infinity} tokens. A snapshot's {@code wall} (Unix seconds) goes to the snapshots table,
 * and the numbers of its top-level {@code values} object become values (counters where
 * runtime/metrics calls the metric cumulative); other keys are ignored, so files without them read as before.
 */
final class JsonHistograms {
    /** Keys a snapshot's time may have, in seconds. */
    private static final String[] TIME_KEYS = {"t", "time_s", "time", "ts", "timestamp", "seconds"};

    private final SnapshotTables tables;
    private final GoReleaseHints releases;
    private final Problems problems;
    private boolean snapshotOpen;
    private double pendingTime = Double.NaN;
    private double pendingWall = Double.NaN;
    private int found;

    /** Where a histogram could not be used; the parser turns these into report issues. */
    interface Problems {
        void problem(long line, String reason);
    }

    JsonHistograms(SnapshotTables tables, GoReleaseHints releases, Problems problems) {
        this.tables = tables;
        this.releases = releases;
        this.problems = problems;
    }

    /** Whether {@code node} holds a histogram or value by itself ({@code {"name", "counts", "buckets"}}). */
    static boolean isMetricObject(JsonNode node) {
        return node.isObject() && (node.has("counts") || node.has("buckets")
                || (node.has("name") && node.has("value")));
    }

    /**
     * One root value (a JSON line, or a document) that is a snapshot by itself.
     *
     * @return how many histograms and values it held
     */
    int snapshot(JsonNode node, long line) {
        beginSnapshot(timeOf(node));
        JsonNode wall = node.isObject() ? node.get("wall") : null;
        if (wall != null && wall.isNumber()) pendingWall = wall.doubleValue();
        int n = found;
        collect(node, line, 0);
        endSnapshot();
        return found - n;
    }

    /**
     * An element of a top-level array: a named histogram, which joins the array's snapshot, or a
     * snapshot object of its own.
     */
    int arrayElement(JsonNode node, long line) {
        int n = found;
        if (isMetricObject(node)) {
            if (!snapshotOpen) beginSnapshot(Double.NaN);
            metric(node, null, line);
        } else {
            endSnapshot();
            snapshot(node, line);
        }
        return found - n;
    }

    /** Ends the snapshot an array's histograms share. */
    void endSnapshot() {
        snapshotOpen = false;
        pendingTime = Double.NaN;
        pendingWall = Double.NaN;
    }

    private void beginSnapshot(double time) {
        snapshotOpen = false;
        pendingTime = time;
        pendingWall = Double.NaN;
    }

    /** The snapshot starts lazily, so JSON without histograms does not count as one. */
    private void open() {
        if (snapshotOpen) return;
        tables.startSnapshot(pendingTime);
        tables.wall(pendingWall);
        snapshotOpen = true;
    }

    private void collect(JsonNode node, long line, int depth) {
        if (depth > 8) return;
        if (isMetricObject(node)) {
            metric(node, null, line);
            return;
        }
        if (node.isArray()) {
            for (JsonNode e : node) {
                if (isMetricObject(e)) metric(e, null, line);
                else if (e.isContainerNode()) collect(e, line, depth + 1);
            }
            return;
        }
        if (!node.isObject()) return;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (depth == 0 && "values".equals(f.getKey()) && v.isObject() && !isMetricObject(v)) {
                scalars(v, line);
            } else if (isMetricObject(v) && !v.has("name")) {
                // {"/gc/pauses:seconds": {"counts": […], "buckets": […]}}: the key is the name.
                metric(v, f.getKey(), line);
            } else if (v.isContainerNode()) {
                collect(v, line, depth + 1);
            }
        }
    }

    private void metric(JsonNode node, String key, long line) {
        String name = key != null ? key : text(node.get("name"));
        if (name == null || name.isEmpty()) {
            problems.problem(line, "histogram object without a name");
            return;
        }
        String metric = metricName(name);
        if (!node.has("counts") && !node.has("buckets")) {
            JsonNode v = node.get("value");
            double d = number(v);
            if (Double.isNaN(d) && !(v != null && v.isNumber())) {
                problems.problem(line, name + ": value is not a number");
                return;
            }
            open();
            String kind = text(node.get("kind"));
            tables.value(metric, null, "", kind == null ? "" : kind.toLowerCase(Locale.ROOT), d, line);
            found++;
            return;
        }
        Normalized h = normalize(node.get("counts"), node.get("buckets"));
        if (h.error != null) {
            problems.problem(line, name + ": " + h.error);
            return;
        }
        open();
        int n = h.counts.length;
        double[] lower = new double[n], upper = new double[n];
        long[] lines = new long[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            lower[i] = h.bounds[i];
            upper[i] = h.bounds[i + 1];
            lines[i] = line;
            total += h.counts[i];
        }
        releases.histogram(metric);
        releases.timeBoundaries(metric, h.bounds, h.bounds.length, true);
        tables.histogram(metric, null, "", lower, upper, h.counts, lines, n, Double.NaN, total, line);
        found++;
    }

    /** {@code "values": {"/sched/goroutines:goroutines": 412, …}}: each number a value of the snapshot. */
    private void scalars(JsonNode values, long line) {
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            double d = number(f.getValue());
            if (Double.isNaN(d) && !f.getValue().isNumber()) {
                problems.problem(line, "values." + f.getKey() + " is not a number");
                continue;
            }
            open();
            String metric = metricName(f.getKey());
            String type = RuntimeMetricNames.isRuntimeName(metric)
                    ? (RuntimeMetricNames.isCumulative(metric) ? "counter" : "gauge") : "";
            tables.value(metric, null, "", type, d, line);
            found++;
        }
    }

    /** A runtime/metrics name as it is; a Prometheus name of a Go collector metric mapped back. */
    private static String metricName(String name) {
        if (RuntimeMetricNames.isRuntimeName(name)) return name;
        String mapped = RuntimeMetricNames.fromPrometheus(name);
        return mapped != null ? mapped : name;
    }

    /** Counts and the boundaries around them ({@code bounds.length == counts.length + 1}), or an error. */
    record Normalized(double[] counts, double[] bounds, String error) {
        static Normalized error(String why) {
            return new Normalized(null, null, why);
        }
    }

    static Normalized normalize(JsonNode countsNode, JsonNode bucketsNode) {
        if (countsNode == null || !countsNode.isArray()) return Normalized.error("no \"counts\" array");
        if (bucketsNode == null || !bucketsNode.isArray()) return Normalized.error("no \"buckets\" array");
        int n = countsNode.size();
        if (n == 0) return Normalized.error("empty \"counts\"");
        double[] counts = new double[n];
        for (int i = 0; i < n; i++) {
            double c = number(countsNode.get(i));
            if (!(c >= 0) || Double.isInfinite(c)) return Normalized.error("counts[" + i + "] is not a count: " + countsNode.get(i));
            counts[i] = c;
        }
        int m = bucketsNode.size();
        double[] b;
        if (m == n + 1) {
            b = new double[m];
            for (int i = 0; i < m; i++) {
                JsonNode x = bucketsNode.get(i);
                if (x.isNull()) {
                    // encoding/json cannot write ±Inf; dumps write null instead: only ever at the ends.
                    if (i == 0) b[i] = Double.NEGATIVE_INFINITY;
                    else if (i == m - 1) b[i] = Double.POSITIVE_INFINITY;
                    else return Normalized.error("buckets[" + i + "] is null in the middle");
                } else {
                    b[i] = bound(x);
                }
            }
        } else if (m == n - 1) {
            // The first and last boundary dropped (encoding/json cannot write them, and runtime/metrics
            // before ae97717133 had them implicit): the first count is below buckets[0] (-Inf), the last
            // at or above buckets[m-1] (+Inf).
            b = new double[n + 1];
            b[0] = Double.NEGATIVE_INFINITY;
            b[n] = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                if (bucketsNode.get(i).isNull()) return Normalized.error("buckets[" + i + "] is null in the middle");
                b[i + 1] = bound(bucketsNode.get(i));
            }
        } else {
            return Normalized.error(String.format(Locale.ROOT, "%d counts need %d bucket boundaries, got %d", n, n + 1, m));
        }
        for (int i = 0; i < b.length; i++) {
            if (Double.isNaN(b[i])) return Normalized.error("bucket boundary " + i + " is not a number");
            if (i > 0 && !(b[i] > b[i - 1])) return Normalized.error("bucket boundaries do not increase at " + i);
        }
        return new Normalized(counts, b, null);
    }

    /** A boundary: a number, or an infinity spelled as a string. NaN when it is neither. */
    static double bound(JsonNode x) {
        if (x.isNumber()) return x.doubleValue();
        if (!x.isTextual()) return Double.NaN;
        String s = x.asText().trim();
        switch (s.toLowerCase(Locale.ROOT)) {
            case "+inf", "inf", "infinity", "+infinity" -> { return Double.POSITIVE_INFINITY; }
            case "-inf", "-infinity" -> { return Double.NEGATIVE_INFINITY; }
            default -> { return ExpositionLine.parseFloat(s); }
        }
    }

    /** A number, or a number in a string; NaN otherwise. */
    private static double number(JsonNode x) {
        if (x == null) return Double.NaN;
        if (x.isNumber()) return x.doubleValue();
        if (x.isTextual()) return ExpositionLine.parseFloat(x.asText().trim());
        return Double.NaN;
    }

    private static String text(JsonNode x) {
        return x == null || !x.isValueNode() || x.isNull() ? null : x.asText();
    }

    private static double timeOf(JsonNode node) {
        if (!node.isObject()) return Double.NaN;
        for (String k : TIME_KEYS) {
            JsonNode t = node.get(k);
            if (t != null && t.isNumber()) return t.doubleValue();
        }
        return Double.NaN;
    }
}
