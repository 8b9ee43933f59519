package dev.gcscope.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.analysis.MetricsSummary;
import dev.gcscope.analysis.sched.HistogramHistory;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.parsers.metrics.MetricsColumns;
import dev.gcscope.parsers.metrics.MetricsJsonParser;
import dev.gcscope.parsers.metrics.PrometheusRangeParser;
import dev.gcscope.parsers.metrics.PrometheusTextParser;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * runtime/metrics histograms, {@code prometheus} and {@code metrics-json} alike. Their histograms
 * are what {@code compare} sets a gctrace's pauses against. The summary figures:
 * {@code snapshots}; {@code histograms}, each {@code {name, count, p50, p90, p99}} in the metric's
 * unit from its latest snapshot; {@code summaries}, each {@code {name, count, quantiles}} with
 * {@code quantiles} an object from the quantile as a plain number ({@code "0"}, {@code "0.25"},
 * {@code "1"} — OpenMetrics' {@code "0.0"} becomes {@code "0"}) to the value, in ascending order.
 * A series with labels is named {@code metric{k="v"}}.
 */
public final class MetricsSupport implements FormatSupport {
    /** Significant digits of the text report's figures: histogram buckets are coarse, more is noise. */
    private static final int TEXT_DIGITS = 3;

    @Override
    public List<TraceFormat> formats() {
        return List.of(PrometheusTextParser.FORMAT, MetricsJsonParser.FORMAT, PrometheusRangeParser.FORMAT);
    }

    @Override
    public Optional<Table> histograms(ParseResult result) {
        return Optional.ofNullable(result.tables().get(MetricsColumns.BUCKETS_TABLE));
    }

    @Override
    public ParseOptions summaryOptions() {
        Set<String> columns = new HashSet<>(MetricsSummary.BUCKET_COLUMNS);
        columns.addAll(List.of(MetricsColumns.LOWER, MetricsColumns.TIME_S)); // for the intervals
        return ParseOptions.columns(columns);
    }

    private static MetricsSummary summarize(ParseResult r) {
        return MetricsSummary.of(r.table(MetricsColumns.BUCKETS_TABLE), r.table(MetricsColumns.SERIES_TABLE),
                r.table(MetricsColumns.SUMMARIES_TABLE));
    }

    static int snapshots(ParseResult r) {
        String s = r.attributes().get("snapshots");
        return s == null ? 0 : Integer.parseInt(s);
    }

    @Override
    public void addSummaryJson(ParseResult result, AnalysisOptions options, ObjectNode file) {
        MetricsSummary s = summarize(result);
        file.put("snapshots", snapshots(result));
        ArrayNode histograms = file.putArray("histograms");
        for (MetricsSummary.Histogram h : s.histograms()) {
            ObjectNode o = histograms.addObject();
            o.put("name", h.name());
            o.put("count", PlainNumbers.decimal(h.count()));
            JsonNumbers.put(o, "p50", h.p50());
            JsonNumbers.put(o, "p90", h.p90());
            JsonNumbers.put(o, "p99", h.p99());
        }
        ArrayNode intervals = file.putArray("intervals");
        for (HistogramHistory h : HistogramHistory.of(result.table(MetricsColumns.BUCKETS_TABLE))) {
            if (h.intervals().isEmpty()) continue;
            ObjectNode o = intervals.addObject();
            o.put("name", h.name());
            ArrayNode per = o.putArray("per_interval");
            for (HistogramHistory.Interval iv : h.intervals()) {
                ObjectNode i = per.addObject();
                i.put("from_snapshot", iv.fromSnapshot());
                i.put("to_snapshot", iv.toSnapshot());
                JsonNumbers.put(i, "start_s", iv.startS());
                JsonNumbers.put(i, "end_s", iv.endS());
                i.put("count", PlainNumbers.decimal(iv.total()));
                i.put("restart", iv.restart());
                JsonNumbers.put(i, "p50", iv.p50());
                JsonNumbers.put(i, "p90", iv.p90());
                JsonNumbers.put(i, "p99", iv.p99());
            }
        }
        ArrayNode summaries = file.putArray("summaries");
        for (MetricsSummary.Summary m : s.summaries()) {
            ObjectNode o = summaries.addObject();
            o.put("name", m.name());
            o.put("count", PlainNumbers.decimal(m.count()));
            ObjectNode q = o.putObject("quantiles");
            for (Map.Entry<Double, Double> e : m.quantiles().entrySet()) {
                q.put(PlainNumbers.plain(e.getKey()), PlainNumbers.decimal(e.getValue()));
            }
        }
    }

    @Override
    public void addSummaryText(ParseResult result, AnalysisOptions options, TextReport out) {
        MetricsSummary s = summarize(result);
        out.row("snapshots", Integer.toString(snapshots(result)));
        if (s.histograms().isEmpty()) {
            out.row("histograms", "none");
        } else {
            boolean first = true;
            for (MetricsSummary.Histogram h : s.histograms()) {
                String unit = unitOf(h.name());
                String line = String.format(Locale.ROOT, "%s  count %s  p50 %s  p90 %s  p99 %s", h.name(),
                        PlainNumbers.rounded(h.count(), 0), value(h.p50(), unit), value(h.p90(), unit), value(h.p99(), unit));
                if (first) out.row("histograms", line); else out.more(line);
                first = false;
            }
        }
        if (!s.summaries().isEmpty()) {
            boolean first = true;
            for (MetricsSummary.Summary m : s.summaries()) {
                String unit = unitOf(m.name());
                StringBuilder sb = new StringBuilder(m.name());
                sb.append("  count ").append(Double.isNaN(m.count()) ? "n/a" : PlainNumbers.rounded(m.count(), 0));
                for (Map.Entry<Double, Double> e : m.quantiles().entrySet()) {
                    sb.append("  q").append(PlainNumbers.plain(e.getKey())).append(' ').append(value(e.getValue(), unit));
                }
                if (first) out.row("summaries", sb.toString()); else out.more(sb.toString());
                first = false;
            }
        }
    }

    /** The unit of a runtime/metrics name ({@code :seconds}) or a Prometheus name ({@code _seconds}). */
    public static String unitOf(String name) {
        String n = name.contains("{") ? name.substring(0, name.indexOf('{')) : name;
        if (n.endsWith(":seconds") || n.endsWith("_seconds") || n.endsWith("_seconds_total")) return "seconds";
        if (n.endsWith(":bytes") || n.endsWith("_bytes") || n.endsWith("_bytes_total")) return "bytes";
        return "";
    }

    /** Seconds as ns/µs/ms/s, bytes as B, anything else plain; 3 significant digits; "n/a" for NaN. */
    public static String value(double v, String unit) {
        if (Double.isNaN(v)) return "n/a";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        return switch (unit) {
            case "seconds" -> {
                double a = Math.abs(v);
                if (a == 0) yield "0 s";
                if (a < 1e-6) yield significant(v * 1e9) + " ns";
                if (a < 1e-3) yield significant(v * 1e6) + " µs";
                if (a < 1) yield significant(v * 1e3) + " ms";
                yield significant(v) + " s";
            }
            case "bytes" -> significant(v) + " B";
            default -> significant(v);
        };
    }

    private static String significant(double v) {
        if (v == 0) return "0";
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(TEXT_DIGITS));
        if (d.abs().compareTo(java.math.BigDecimal.valueOf(1000)) >= 0) d = d.setScale(0, java.math.RoundingMode.HALF_EVEN);
        return d.stripTrailingZeros().toPlainString();
    }
}
