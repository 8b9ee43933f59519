package dev.gcscope.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The per-format summary sections, keyed by format id. */
final class SummarySections {
    private final Map<String, SummarySection> byFormat = new LinkedHashMap<>();

    SummarySections(List<SummarySection> sections) {
        for (SummarySection s : sections) {
            if (byFormat.putIfAbsent(s.formatId(), s) != null) {
                throw new IllegalArgumentException("two summary sections for format " + s.formatId());
            }
        }
    }

    static SummarySections standard() {
        return standard(dev.gcscope.analysis.regime.RegimeAnalysis.Method.KMEANS);
    }

    static SummarySections standard(dev.gcscope.analysis.regime.RegimeAnalysis.Method regimeMethod) {
        List<SummarySection> all = new java.util.ArrayList<>();
        all.add(new GcTraceSummarySection(regimeMethod));
        // perf sched: perf-sched-latency, perf-sched-timehist
        all.add(new SchedLatencySummarySection());
        all.add(new TimehistSummarySection());
        // runtime/metrics: prometheus, metrics-json
        all.add(new MetricsSummarySection(dev.gcscope.parsers.metrics.PrometheusTextParser.FORMAT.id()));
        all.add(new MetricsSummarySection(dev.gcscope.parsers.metrics.MetricsJsonParser.FORMAT.id()));
        return new SummarySections(all);
    }

    Optional<SummarySection> forFormat(String formatId) {
        return Optional.ofNullable(byFormat.get(formatId));
    }
}
