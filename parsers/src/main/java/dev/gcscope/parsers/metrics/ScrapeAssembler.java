package dev.gcscope.parsers.metrics;

import dev.gcscope.parsers.ParseReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts one scrape's samples together by what they are in their family: histogram buckets,
 * {@code _sum} and {@code _count} into whole histograms, summary quantiles with their
 * {@code _sum}/{@code _count}, counters and gauges as values; at the end of the scrape, each
 * histogram and summary goes to the tables, with what was wrong with it reported.
 */
final class ScrapeAssembler {
    /** A summary series' {@code _sum}/{@code _count}; its quantiles go to the tables as they come. */
    private static final class SummarySeries {
        final MetricFamilies.Family family;
        final String labels;
        double sum = Double.NaN;
        double count = Double.NaN;
        long line;

        SummarySeries(MetricFamilies.Family family, String labels, long line) {
            this.family = family;
            this.labels = labels;
            this.line = line;
        }
    }

    private final ParseReport.Builder report;
    private final SnapshotTables tables;
    private final GoReleaseHints releases;
    private final ClientGolangHints clients;
    private final Map<String, HistogramSeries> histograms = new LinkedHashMap<>();
    private final Map<String, SummarySeries> summaries = new LinkedHashMap<>();
    private boolean histogramTotalNames;
    private boolean negativeZeroBucket;

    ScrapeAssembler(ParseReport.Builder report, SnapshotTables tables, GoReleaseHints releases, ClientGolangHints clients) {
        this.report = report;
        this.tables = tables;
        this.releases = releases;
        this.clients = clients;
    }

    /** A histogram family's TYPE names it with {@code _total} (client_golang v1.12). */
    void histogramTypedWithTotal() {
        histogramTotalNames = true;
    }

    /** Some histogram name ended in {@code _total}, or a bucket had {@code le="-5e-324"}: client_golang v1.12. */
    boolean looksLikeClientGolang112() {
        return histogramTotalNames || negativeZeroBucket;
    }

    /**
     * Sample {@code x}, whose role in family {@code f} is {@code role}, into the scrape.
     *
     * @return false when it was skipped (counted in the report by kind, with an issue if malformed)
     */
    boolean add(ExpositionLine x, MetricFamilies.Role role, MetricFamilies.Family f, long lineNo) {
        switch (role) {
            case BUCKET -> {
                String le = x.label("le");
                if (le == null) {
                    report.skipped(PrometheusRun.KIND_MALFORMED);
                    report.issue(lineNo, "histogram bucket without an le label", x.name);
                    return false;
                }
                double upper = ExpositionLine.parseFloat(le);
                if (Double.isNaN(upper)) {
                    report.skipped(PrometheusRun.KIND_MALFORMED);
                    report.issue(lineNo, "le=\"" + le + "\" is not a number", x.name);
                    HistogramSeries h = histogram(f, x.canonicalLabels("le", null), lineNo);
                    if (h.refusedLine == 0) h.refusedLine = lineNo;
                    return false;
                }
                // go_gc_pauses_seconds_total_bucket{le="-5e-324"} 0: v1.12 kept the runtime's -Inf bucket.
                if (upper < 0 && upper > -Double.MIN_NORMAL) {
                    negativeZeroBucket = true;
                    clients.negativeZeroBucket();
                }
                histogram(f, x.canonicalLabels("le", null), lineNo).bucket(upper, x.value, lineNo);
            }
            case HIST_SUM -> histogram(f, x.canonicalLabels(null, null), lineNo).sum = x.value;
            case HIST_COUNT -> {
                HistogramSeries h = histogram(f, x.canonicalLabels(null, null), lineNo);
                h.count = x.value;
                h.countLine = lineNo;
            }
            case QUANTILE -> {
                double q = ExpositionLine.parseFloat(x.label("quantile"));
                String labels = x.canonicalLabels("quantile", null);
                summary(f, labels, lineNo);
                tables.quantile(f.metric(), f.name, labels, q, x.value, lineNo);
            }
            case SUMMARY_SUM -> summary(f, x.canonicalLabels(null, null), lineNo).sum = x.value;
            case SUMMARY_COUNT -> summary(f, x.canonicalLabels(null, null), lineNo).count = x.value;
            case CREATED -> {
                report.skipped(PrometheusRun.KIND_CREATED);
                return false;
            }
            case VALUE -> {
                String type = f.type == null ? "untyped" : f.type;
                // Counters keep their sample name (with _total) in both formats; OpenMetrics only drops it from the family.
                String prom = x.name;
                String runtime = f.runtimeName != null && !f.runtimeName.isEmpty() ? f.runtimeName : RuntimeMetricNames.fromPrometheus(prom);
                tables.value(runtime != null ? runtime : prom, prom, x.canonicalLabels(null, null), type, x.value, lineNo);
            }
        }
        return true;
    }

    private HistogramSeries histogram(MetricFamilies.Family f, String labels, long lineNo) {
        return histograms.computeIfAbsent(f.name + '\u0000' + labels, k -> new HistogramSeries(f, labels, lineNo));
    }

    private SummarySeries summary(MetricFamilies.Family f, String labels, long lineNo) {
        return summaries.computeIfAbsent(f.name + '\u0000' + labels, k -> new SummarySeries(f, labels, lineNo));
    }

    /** The scrape ends: its histograms and summaries go to the tables. */
    void endScrape() {
        for (HistogramSeries h : histograms.values()) flushHistogram(h);
        for (SummarySeries s : summaries.values()) {
            tables.summarySeries(s.family.metric(), s.family.name, s.labels, s.sum, s.count, s.line);
        }
        histograms.clear();
        summaries.clear();
    }

    /** One histogram of the scrape that ends, into the tables, with what was wrong with it reported. */
    private void flushHistogram(HistogramSeries h) {
        String metric = h.family.metric();
        String name = h.family.name;
        if (h.n == 0) {
            // Only _sum/_count survived (a paste cut the buckets off).
            tables.summarySeries(metric, name, h.labels, h.sum, h.count, h.seriesLine());
            return;
        }
        HistogramSeries.Buckets b = h.buckets();
        if (b.infFromCount()) {
            report.issue(b.lines()[b.n() - 2], "histogram " + name + " has no le=\"+Inf\" bucket (cut off?); took its count from _count", "");
        } else if (b.incomplete()) {
            report.issue(b.lines()[b.n() - 1], "histogram " + name + " ends without its le=\"+Inf\" bucket (cut off?);"
                    + " percentiles of it are undefined", "");
        }
        String impossible = h.impossible(b);
        if (impossible != null) {
            // Percentiles of such buckets are impossible figures (a P50 of -1 s, a count of -390):
            // the histogram is left out, and only the issue says it was there.
            report.issue(h.seriesLine(), "histogram " + name + (h.labels.isEmpty() ? "" : "{" + h.labels + "}")
                    + " gives no figures: " + impossible, "");
            return;
        }
        // client_golang v1.12 added _total to cumulative histograms (go_gc_pauses_seconds_total), TYPE or not.
        if (RuntimeMetricNames.isKnownHistogram(metric)) {
            clients.runtimeHistogram(name);
            if (name.endsWith("_total")) histogramTotalNames = true;
        }
        releases.histogram(metric);
        releases.timeBoundaries(metric, b.upper(), b.n(), false);
        tables.histogram(metric, name, h.labels, b.lower(), b.upper(), b.counts(), b.lines(), b.n(), h.sum, b.total(), h.seriesLine());
    }
}
