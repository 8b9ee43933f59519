package dev.gcscope.ui.sched;

import dev.gcscope.analysis.MetricsSummary;
import dev.gcscope.export.table.TextTable;
import dev.gcscope.format.FormatSupport;
import dev.gcscope.format.MetricsSupport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.metrics.MetricsColumns;
import dev.gcscope.ui.summary.Formats;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.view.FormatViews;
import dev.gcscope.ui.view.KeyFigure;
import dev.gcscope.ui.view.TraceView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * runtime/metrics ({@code prometheus}, {@code metrics-json}) in the window: the figures
 * {@code gcscope summary} reports (the GC pause percentiles when the file has them), one line per
 * histogram, and the histogram views.
 */
public final class MetricsViews implements FormatViews {
    private final FormatSupport support = new MetricsSupport();

    @Override
    public FormatSupport support() {
        return support;
    }

    @Override
    public List<KeyFigure> keyFigures(ParseResult r) {
        MetricsSummary s = summarize(r);
        String snapshots = r.attributes().getOrDefault("snapshots", "0");
        List<KeyFigure> out = new ArrayList<>();
        out.add(new KeyFigure("snapshots", "Snapshots", snapshots));
        out.add(new KeyFigure("histograms", "Histograms", Formats.count(s.histograms().size())));
        out.add(new KeyFigure("summaries", "Summaries", Formats.count(s.summaries().size())));
        // The GC pause histogram is the one a gcscope user opens a metrics file for.
        s.histograms().stream().filter(h -> isGcPauses(h.name())).findFirst().ifPresent(h -> {
            out.add(new KeyFigure("gc-pause-p50", "GC pause p50", SchedFigures.seconds(h.p50())));
            out.add(new KeyFigure("gc-pause-p99", "p99", SchedFigures.seconds(h.p99())));
        });
        return List.copyOf(out);
    }

    /** Every histogram's latest snapshot, one row each: name, count, P50, P90, P99 (seconds as ns/µs/ms/s). */
    @Override
    public TextTable details(ParseResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (MetricsSummary.Histogram h : summarize(r).histograms()) {
            // Seconds as the scheduler views write them; other units (runtime/metrics ":bytes", Prometheus
            // "_bytes") as the CLI writes them, so a byte histogram never shows a bare number.
            boolean secs = h.name().contains("seconds");
            String unit = MetricsSupport.unitOf(h.name());
            rows.add(List.of(h.name(), Double.isNaN(h.count()) ? Formats.MISSING : Formats.count(Math.round(h.count())),
                    secs ? SchedFigures.seconds(h.p50()) : withUnit(h.p50(), unit),
                    secs ? SchedFigures.seconds(h.p90()) : withUnit(h.p90(), unit),
                    secs ? SchedFigures.seconds(h.p99()) : withUnit(h.p99(), unit)));
        }
        return new TextTable(List.of("Histogram", "Count", "P50", "P90", "P99"), rows);
    }

    @Override
    public List<TraceView> views(ParseResult result, BackgroundRunner runner) {
        return SchedViews.metricsViews(result, runner);
    }

    private static String withUnit(double v, String unit) {
        return Double.isNaN(v) ? Formats.MISSING : MetricsSupport.value(v, unit);
    }

    private static MetricsSummary summarize(ParseResult r) {
        return MetricsSummary.of(r.table(MetricsColumns.BUCKETS_TABLE), r.table(MetricsColumns.SERIES_TABLE),
                r.table(MetricsColumns.SUMMARIES_TABLE));
    }

    private static boolean isGcPauses(String name) {
        return name.startsWith("/gc/pauses:seconds") || name.startsWith("/sched/pauses/total/gc:seconds")
                || name.startsWith("go_gc_pauses_seconds") || name.startsWith("go_sched_pauses_total_gc_seconds");
    }
}
