package dev.gcscope.parsers.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The series of the Prometheus {@code query_range} responses in one file, gathered by name and labels,
 * and then replayed one timestamp at a time into the {@link SnapshotTables}: each distinct timestamp is
 * a snapshot, a {@code _bucket} family with its {@code le} series is a histogram of that snapshot (its
 * {@code _sum} and {@code _count} go with it), and every other series is a value (a counter when its
 * name ends in {@code _total}).
 */
final class RangeSeries {
    /** One series' points, with the line of the response it came from. */
    private static final class Series {
        final String name;
        final String labels;
        final double le;
        final long line;
        final TreeMap<Double, Double> points = new TreeMap<>();

        Series(String name, String labels, double le, long line) {
            this.name = name;
            this.labels = labels;
            this.le = le;
            this.line = line;
        }
    }

    private final Map<String, Series> series = new TreeMap<>();
    private final TreeSet<Double> times = new TreeSet<>();
    private long points;

    /** One matrix (or vector) result element; returns the points it held, or -1 when it is not one. */
    int add(JsonNode element, long line) {
        JsonNode metric = element.get("metric");
        if (metric == null || !metric.isObject()) return -1;
        JsonNode nameNode = metric.get("__name__");
        String name = nameNode == null ? "" : nameNode.asText();
        JsonNode leNode = metric.get("le");
        double le = leNode != null && name.endsWith("_bucket") ? JsonHistograms.bound(leNode) : Double.NaN;
        String labels = labels(metric, Double.isNaN(le) ? "__name__" : "le");
        Series s = series.computeIfAbsent(name + '\u0000' + labels + '\u0000' + le, k -> new Series(name, labels, le, line));
        int n = 0;
        JsonNode values = element.get("values");
        if (values != null && values.isArray()) {
            for (JsonNode pair : values) n += point(s, pair);
        }
        JsonNode value = element.get("value");
        if (value != null && value.isArray()) n += point(s, value);
        return n;
    }

    /** {@code [1796198078.5, "12"]}: the time in Unix seconds and the value as a string ("NaN", "+Inf" too). */
    private int point(Series s, JsonNode pair) {
        if (pair.size() != 2 || !pair.get(0).isNumber()) return 0;
        double t = pair.get(0).doubleValue();
        double v = JsonHistograms.bound(pair.get(1));
        if (Double.isNaN(v) && !"NaN".equalsIgnoreCase(pair.get(1).asText())) return 0;
        s.points.put(t, v);
        times.add(t);
        points++;
        return 1;
    }

    /** The labels in canonical form {@code k="v",…} sorted by key, without {@code __name__} and {@code skip}. */
    private static String labels(JsonNode metric, String skip) {
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__name__") || e.getKey().equals(skip)) continue;
            sorted.put(e.getKey(), e.getValue().asText());
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (sb.length() > 0) sb.append(',');
            sb.append(e.getKey()).append("=\"");
            ExpositionLine.escape(sb, e.getValue());
            sb.append('"');
        }
        return sb.toString();
    }

    int seriesCount() { return series.size(); }
    long points() { return points; }
    int timestamps() { return times.size(); }

    /** The median step between timestamps, in seconds; NaN with fewer than two. */
    double medianStepS() {
        List<Double> steps = new ArrayList<>();
        Double prev = null;
        for (Double t : times) {
            if (prev != null) steps.add(t - prev);
            prev = t;
        }
        if (steps.isEmpty()) return Double.NaN;
        steps.sort(null);
        return steps.get(steps.size() / 2);
    }

    /**
     * Every timestamp as a snapshot (time and wall clock both the Prometheus timestamp), its histograms
     * and values, in time order.
     */
    void replay(SnapshotTables tables, GoReleaseHints releases, Problems problems) {
        Map<String, List<Series>> histograms = new TreeMap<>();
        Map<String, Series> sums = new TreeMap<>(), counts = new TreeMap<>();
        List<Series> values = new ArrayList<>();
        for (Series s : series.values()) {
            if (!Double.isNaN(s.le)) {
                histograms.computeIfAbsent(family(s.name, "_bucket") + '\u0000' + s.labels, k -> new ArrayList<>()).add(s);
            } else {
                values.add(s);
            }
        }
        // _sum and _count series of a histogram family go with it, not to the values.
        for (Iterator<Series> it = values.iterator(); it.hasNext(); ) {
            Series s = it.next();
            for (String suffix : new String[] {"_sum", "_count"}) {
                String key = family(s.name, suffix) + '\u0000' + s.labels;
                if (s.name.endsWith(suffix) && histograms.containsKey(key)) {
                    (suffix.equals("_sum") ? sums : counts).put(key, s);
                    it.remove();
                }
            }
        }
        for (double t : times) {
            tables.startSnapshot(t);
            tables.wall(t);
            for (Map.Entry<String, List<Series>> h : histograms.entrySet()) histogram(h.getKey(), h.getValue(), t, sums, counts, tables, releases, problems);
            for (Series s : values) {
                Double v = s.points.get(t);
                if (v == null) continue;
                String runtime = RuntimeMetricNames.fromPrometheus(s.name);
                String type = s.name.endsWith("_total") ? "counter" : "gauge";
                tables.value(runtime != null ? runtime : s.name, s.name, s.labels, type, v, s.line);
            }
        }
    }

    private static void histogram(String key, List<Series> buckets, double t, Map<String, Series> sums, Map<String, Series> counts,
                                  SnapshotTables tables, GoReleaseHints releases, Problems problems) {
        String name = key.substring(0, key.indexOf('\u0000'));
        Series first = buckets.get(0);
        HistogramSeries h = new HistogramSeries(new MetricFamilies.Family(name), first.labels, first.line);
        for (Series b : buckets) {
            Double v = b.points.get(t);
            if (v != null) h.bucket(b.le, v, b.line);
        }
        if (h.n == 0) return;
        Series sum = sums.get(key), count = counts.get(key);
        if (sum != null && sum.points.containsKey(t)) h.sum = sum.points.get(t);
        if (count != null && count.points.containsKey(t)) {
            h.count = count.points.get(t);
            h.countLine = count.line;
        }
        HistogramSeries.Buckets b = h.buckets();
        if (b.incomplete()) problems.problem(first.line, "histogram " + name + " has no le=\"+Inf\" series at some times; percentiles of it are undefined there");
        if (b.negative()) problems.problem(first.line, "cumulative bucket counts of " + name + " go down at some times; per-bucket counts are negative there");
        String metric = h.family.metric();
        releases.histogram(metric);
        releases.timeBoundaries(metric, b.upper(), b.n(), false);
        tables.histogram(metric, name, h.labels, b.lower(), b.upper(), b.counts(), b.lines(), b.n(), h.sum, b.total(), h.seriesLine());
    }

    /** {@code go_sched_latencies_seconds_bucket} → {@code go_sched_latencies_seconds}. */
    private static String family(String name, String suffix) {
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }

    /** Where something could not be used; the parser turns these into report issues. */
    interface Problems {
        void problem(long line, String reason);
    }
}
