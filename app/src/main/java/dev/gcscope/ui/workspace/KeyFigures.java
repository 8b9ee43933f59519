package dev.gcscope.ui.workspace;

import dev.gcscope.analysis.MetricsSummary;
import dev.gcscope.analysis.Percentiles;
import dev.gcscope.analysis.SchedLatencySummary;
import dev.gcscope.analysis.TimehistSummary;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.metrics.MetricsColumns;
import dev.gcscope.parsers.metrics.MetricsJsonParser;
import dev.gcscope.parsers.metrics.PrometheusTextParser;
import dev.gcscope.parsers.perfsched.LatencyColumns;
import dev.gcscope.parsers.perfsched.PerfSchedLatencyParser;
import dev.gcscope.parsers.perfsched.PerfSchedTimehistParser;
import dev.gcscope.parsers.perfsched.TimehistColumns;
import dev.gcscope.ui.summary.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The summary of a document that is not a gctrace: the figures every format has (format, lines,
 * skipped lines, issues, rows of the main table) and the same key figures {@code gcscope summary}
 * prints for the format, computed by the same analysis classes. Runs on the loading thread.
 */
public final class KeyFigures {
    private KeyFigures() {}

    /** The figures every format has. */
    public static List<KeyFigure> common(ParseResult result) {
        ParseReport report = result.report();
        List<KeyFigure> out = new ArrayList<>();
        out.add(new KeyFigure("format", "Format", result.format().title()));
        out.add(new KeyFigure("go-versions", "Go", Formats.text(result.attributes().get("go_versions"))));
        out.add(new KeyFigure("lines-read", "Lines read", Formats.count(report.linesRead())));
        out.add(new KeyFigure("lines-skipped", "Skipped", Formats.count(report.linesSkipped())));
        out.add(new KeyFigure("issues", "Issues", Formats.count(report.issueCount())));
        out.add(new KeyFigure("rows", "Rows (" + result.mainTable().name() + ")", Formats.count(result.mainTable().rowCount())));
        return List.copyOf(out);
    }

    /** The format's own figures, as {@code gcscope summary} reports them; empty for a format without any. */
    public static List<KeyFigure> ofFormat(ParseResult result) {
        String id = result.format().id();
        if (id.equals(PerfSchedLatencyParser.FORMAT.id())) return latency(result);
        if (id.equals(PerfSchedTimehistParser.FORMAT.id())) return timehist(result);
        if (id.equals(PrometheusTextParser.FORMAT.id()) || id.equals(MetricsJsonParser.FORMAT.id())) return metrics(result);
        return List.of();
    }

    private static List<KeyFigure> latency(ParseResult r) {
        SchedLatencySummary s = SchedLatencySummary.of(r.table(LatencyColumns.TASKS_TABLE), r.table(LatencyColumns.TOTALS_TABLE));
        return List.of(
                new KeyFigure("tasks", "Tasks", Formats.count(s.tasks())),
                new KeyFigure("total-runtime", "Total runtime", msOrMissing(s.totalRuntimeMs())),
                new KeyFigure("total-switches", "Switches", s.totalSwitches() < 0 ? Formats.MISSING : Formats.count(s.totalSwitches())),
                new KeyFigure("worst-delay", "Worst delay", s.worstTask() == null ? Formats.MISSING
                        : msOrMissing(s.worstMaxDelayMs()) + "  " + s.worstTask()));
    }

    private static List<KeyFigure> timehist(ParseResult r) {
        TimehistSummary s = TimehistSummary.of(r.table(TimehistColumns.EVENTS_TABLE), r.table(TimehistColumns.SUMMARY_TABLE));
        Percentiles d = s.schDelayMs();
        boolean any = d.count() > 0;
        return List.of(
                new KeyFigure("events", "Context switches", Formats.count(s.events())),
                new KeyFigure("tasks", "Tasks", Formats.count(s.tasks())),
                new KeyFigure("sch-delay-p50", "Sched delay p50", any ? msOrMissing(d.at(50)) : Formats.MISSING),
                new KeyFigure("sch-delay-p99", "p99", any ? msOrMissing(d.at(99)) : Formats.MISSING),
                new KeyFigure("sch-delay-max", "max", any ? msOrMissing(d.max()) : Formats.MISSING));
    }

    private static List<KeyFigure> metrics(ParseResult r) {
        MetricsSummary s = MetricsSummary.of(r.table(MetricsColumns.BUCKETS_TABLE), r.table(MetricsColumns.SERIES_TABLE),
                r.table(MetricsColumns.SUMMARIES_TABLE));
        String snapshots = r.attributes().getOrDefault("snapshots", "0");
        List<KeyFigure> out = new ArrayList<>();
        out.add(new KeyFigure("snapshots", "Snapshots", snapshots));
        out.add(new KeyFigure("histograms", "Histograms", Formats.count(s.histograms().size())));
        out.add(new KeyFigure("summaries", "Summaries", Formats.count(s.summaries().size())));
        // The GC pause histogram is the one a gcscope user opens a metrics file for.
        s.histograms().stream().filter(h -> isGcPauses(h.name())).findFirst().ifPresent(h -> {
            out.add(new KeyFigure("gc-pause-p50", "GC pause p50", seconds(h.p50())));
            out.add(new KeyFigure("gc-pause-p99", "p99", seconds(h.p99())));
        });
        return List.copyOf(out);
    }

    /**
     * Every histogram's latest snapshot in one line each ("name · count 1,234 · p50 … p90 … p99 …"),
     * for the summary's detail list.
     */
    public static List<String> histogramLines(ParseResult r) {
        String id = r.format().id();
        if (!id.equals(PrometheusTextParser.FORMAT.id()) && !id.equals(MetricsJsonParser.FORMAT.id())) return List.of();
        MetricsSummary s = MetricsSummary.of(r.table(MetricsColumns.BUCKETS_TABLE), r.table(MetricsColumns.SERIES_TABLE),
                r.table(MetricsColumns.SUMMARIES_TABLE));
        List<String> out = new ArrayList<>();
        for (MetricsSummary.Histogram h : s.histograms()) {
            boolean secs = h.name().contains("seconds");
            out.add(String.format(Locale.ROOT, "%s · count %s · p50 %s · p90 %s · p99 %s", h.name(),
                    Double.isNaN(h.count()) ? Formats.MISSING : Formats.count(Math.round(h.count())),
                    secs ? seconds(h.p50()) : plain(h.p50()), secs ? seconds(h.p90()) : plain(h.p90()),
                    secs ? seconds(h.p99()) : plain(h.p99())));
        }
        return out;
    }

    private static boolean isGcPauses(String name) {
        return name.startsWith("/gc/pauses:seconds") || name.startsWith("/sched/pauses/total/gc:seconds")
                || name.startsWith("go_gc_pauses_seconds") || name.startsWith("go_sched_pauses_total_gc_seconds");
    }

    private static String msOrMissing(double ms) {
        return Double.isNaN(ms) ? Formats.MISSING : Formats.ms(ms) + " ms";
    }

    /** Seconds in the unit that keeps them readable: ns, µs, ms or s, three significant digits. */
    static String seconds(double s) {
        if (Double.isNaN(s)) return Formats.MISSING;
        if (Double.isInfinite(s)) return s > 0 ? "+Inf" : "-Inf";
        double a = Math.abs(s);
        if (a == 0) return "0 s";
        if (a < 1e-6) return plain(s * 1e9) + " ns";
        if (a < 1e-3) return plain(s * 1e6) + " µs";
        if (a < 1) return plain(s * 1e3) + " ms";
        return plain(s) + " s";
    }

    private static String plain(double v) {
        if (Double.isNaN(v)) return Formats.MISSING;
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
