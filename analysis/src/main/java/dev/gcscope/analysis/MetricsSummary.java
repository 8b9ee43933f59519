package dev.gcscope.analysis;

import static dev.gcscope.parsers.metrics.MetricsColumns.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The figures {@code summary} reports for a runtime/metrics input (prometheus, metrics-json): for
 * each histogram series its count and p50/p90/p99 ({@link HistogramQuantile}, Prometheus's rules)
 * in its latest snapshot, and each summary series' quantiles and count in its latest snapshot.
 * "Latest" is per series, so a scrape cut off at the end of a file does not hide the series it
 * lost; in a complete file it is the last snapshot.
 */
public final class MetricsSummary {
    /** Columns of the buckets table this reads. */
    public static final Set<String> BUCKET_COLUMNS = Set.of(SNAPSHOT, METRIC, LABELS, UPPER, COUNT);

    /**
     * @param name runtime/metrics name (or Prometheus name), with {@code {labels}} when the series has labels
     * @param count observations (the sum of the bucket counts)
     */
    public record Histogram(String name, int snapshot, double count, double p50, double p90, double p99) {}

    /** @param quantiles quantile → value, ascending; count NaN when the scrape had no {@code _count} */
    public record Summary(String name, int snapshot, double count, Map<Double, Double> quantiles) {}

    private final List<Histogram> histograms;
    private final List<Summary> summaries;

    private MetricsSummary(List<Histogram> histograms, List<Summary> summaries) {
        this.histograms = histograms;
        this.summaries = summaries;
    }

    public List<Histogram> histograms() { return histograms; }
    public List<Summary> summaries() { return summaries; }

    /**
     * @param buckets the {@code buckets} table (at least {@link #BUCKET_COLUMNS})
     * @param series the {@code series} table (snapshot, metric, labels, count)
     * @param quantiles the {@code summaries} table (snapshot, metric, labels, quantile, value)
     */
    public static MetricsSummary of(Table buckets, Table series, Table quantiles) {
        return new MetricsSummary(histograms(buckets), summaries(series, quantiles));
    }

    /** A series' rows in its latest snapshot: they are contiguous, as the parsers append them. */
    private static final class Latest {
        int snapshot = -1;
        int from;
        int to;
    }

    private static List<Histogram> histograms(Table t) {
        IntColumn snap = t.intColumn(SNAPSHOT);
        StringColumn metric = t.stringColumn(METRIC), labels = t.stringColumn(LABELS);
        DoubleColumn upper = t.doubleColumn(UPPER), count = t.doubleColumn(COUNT);
        Map<String, Latest> latest = new LinkedHashMap<>();
        String prevKey = null;
        Latest cur = null;
        for (int i = 0; i < t.rowCount(); i++) {
            String key = name(metric.get(i), labels.get(i));
            int s = snap.getInt(i);
            if (!key.equals(prevKey) || cur == null || cur.snapshot != s) {
                cur = latest.computeIfAbsent(key, k -> new Latest());
                if (s != cur.snapshot) {
                    cur.snapshot = s;
                    cur.from = i;
                }
                prevKey = key;
            }
            cur.to = i + 1;
        }
        List<Histogram> out = new ArrayList<>();
        for (Map.Entry<String, Latest> e : latest.entrySet()) {
            Latest l = e.getValue();
            int n = l.to - l.from;
            double[] up = new double[n], c = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                up[i] = upper.getDouble(l.from + i);
                c[i] = count.getDouble(l.from + i);
                total += c[i];
            }
            out.add(new Histogram(e.getKey(), l.snapshot, total, HistogramQuantile.ofBuckets(0.5, up, c),
                    HistogramQuantile.ofBuckets(0.9, up, c), HistogramQuantile.ofBuckets(0.99, up, c)));
        }
        return out;
    }

    private static List<Summary> summaries(Table series, Table quantiles) {
        IntColumn snap = quantiles.intColumn(SNAPSHOT);
        StringColumn metric = quantiles.stringColumn(METRIC), labels = quantiles.stringColumn(LABELS);
        DoubleColumn q = quantiles.doubleColumn(QUANTILE), v = quantiles.doubleColumn(VALUE);
        Map<String, Integer> latestSnapshot = new LinkedHashMap<>();
        Map<String, TreeMap<Double, Double>> values = new LinkedHashMap<>();
        for (int i = 0; i < quantiles.rowCount(); i++) {
            String key = name(metric.get(i), labels.get(i));
            int s = snap.getInt(i);
            Integer known = latestSnapshot.get(key);
            if (known == null || s > known) {
                latestSnapshot.put(key, s);
                values.put(key, new TreeMap<>());
            } else if (s < known) {
                continue;
            }
            values.get(key).put(q.getDouble(i), v.getDouble(i));
        }
        Map<String, Double> counts = new LinkedHashMap<>();
        IntColumn ss = series.intColumn(SNAPSHOT);
        StringColumn sm = series.stringColumn(METRIC), sl = series.stringColumn(LABELS);
        DoubleColumn sc = series.doubleColumn(COUNT);
        for (int i = 0; i < series.rowCount(); i++) {
            String key = name(sm.get(i), sl.get(i));
            Integer s = latestSnapshot.get(key);
            if (s != null && s == ss.getInt(i)) counts.put(key, sc.getDouble(i));
        }
        List<Summary> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : latestSnapshot.entrySet()) {
            out.add(new Summary(e.getKey(), e.getValue(), counts.getOrDefault(e.getKey(), Double.NaN),
                    Collections.unmodifiableMap(values.get(e.getKey()))));
        }
        return out;
    }

    /** {@code metric} or {@code metric{labels}}. */
    static String name(String metric, String labels) {
        return labels.isEmpty() ? metric : metric + "{" + labels + "}";
    }
}
