package dev.gcscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.analysis.compare.TraceComparison;
import dev.gcscope.analysis.sched.BucketPercentile;
import dev.gcscope.analysis.sched.DelayComparison;
import dev.gcscope.analysis.sched.MetricsComparison;
import dev.gcscope.format.ComparisonJson;
import dev.gcscope.format.JsonNumbers;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.format.TextReport;
import java.util.List;
import java.util.Locale;

/**
 * What {@code compare} prints for two {@code perf sched timehist} files ({@link DelayComparison}) or
 * two runtime/metrics files ({@link MetricsComparison}): the gctrace comparison's keys where they
 * mean the same ({@code a}, {@code b}, {@code mann_whitney_p}, {@code ks_p}, {@code verdict}), and
 * {@code per_task} / {@code metrics} for what is new.
 */
final class SchedCompareReport {
    static final String TIMEHIST_KIND = "perf-sched-timehist";
    static final String METRICS_KIND = "runtime-metrics";

    private SchedCompareReport() {}

    // ---------------------------------------------------------------- timehist

    static ObjectNode json(String a, String b, DelayComparison.Result r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("a", a);
        o.put("b", b);
        o.put("kind", TIMEHIST_KIND);
        ComparisonJson.putRows(o.putObject("sch_delay_ms"), r.overall());
        JsonNumbers.put(o, "mann_whitney_p", r.overallMannWhitneyP());
        JsonNumbers.put(o, "ks_p", r.overallKsP());
        ArrayNode tasks = o.putArray("per_task");
        for (DelayComparison.TaskRow t : r.tasks()) {
            ObjectNode row = tasks.addObject();
            row.put("task", t.task());
            figures(row.putObject("a"), t.a());
            figures(row.putObject("b"), t.b());
            ComparisonJson.putRows(row.putObject("sch_delay_ms"), t.rows());
            JsonNumbers.put(row, "mann_whitney_p", t.mannWhitneyP());
            JsonNumbers.put(row, "ks_p", t.ksP());
            JsonNumbers.put(row, "mann_whitney_p_adjusted", t.mannWhitneyAdjusted());
            JsonNumbers.put(row, "ks_p_adjusted", t.ksAdjusted());
            JsonNumbers.put(row, "in_order_p", t.inOrderP());
            JsonNumbers.put(row, "in_order_p_adjusted", t.inOrderAdjusted());
            row.put("change", t.change().name().toLowerCase(Locale.ROOT));
            row.put("verdict", t.sentence());
        }
        ArrayNode onlyA = o.putArray("tasks_only_a");
        r.onlyA().forEach(onlyA::add);
        ArrayNode onlyB = o.putArray("tasks_only_b");
        r.onlyB().forEach(onlyB::add);
        ArrayNode sides = o.putArray("sides");
        for (DelayComparison.Side s : List.of(r.a(), r.b())) {
            ObjectNode side = sides.addObject();
            side.put("label", s.label());
            side.put("events", s.switches());
            side.put("tasks", s.tasks());
            side.put("program", s.program());
        }
        o.put("verdict", r.verdict());
        return o;
    }

    /** A side's figures for a task, with {@code summary}'s per_task keys. */
    private static void figures(ObjectNode o, DelayComparison.Figures f) {
        ArrayNode pids = o.putArray("pids");
        f.pids().forEach(p -> { if (p >= 0) pids.add(p); });
        o.put("threads", f.threads());
        o.put("switches", f.switches());
        ObjectNode d = o.putObject("sch_delay_ms");
        JsonNumbers.put(d, "p50", f.p50Ms());
        JsonNumbers.put(d, "p90", f.p90Ms());
        JsonNumbers.put(d, "p99", f.p99Ms());
        JsonNumbers.put(d, "max", f.maxMs());
    }

    static void text(String a, String b, DelayComparison.Result r, TextReport out) {
        out.heading("A  " + a);
        out.heading("B  " + b);
        out.row("switches", r.a().switches() + " → " + r.b().switches());
        rowsText("all tasks", r.overall(), out);
        out.row("mann-whitney p", CompareCommand.pValue(r.overallMannWhitneyP()));
        out.row("ks p", CompareCommand.pValue(r.overallKsP()));
        for (DelayComparison.TaskRow t : r.tasks()) {
            out.blank();
            out.row("task", String.format(Locale.ROOT, "%s  (%d → %d switches)", t.task(), t.a().switches(), t.b().switches()));
            rowsText("", t.rows(), out);
            out.row("p adjusted", "mann-whitney " + CompareCommand.pValue(t.mannWhitneyAdjusted()) + ", ks "
                    + CompareCommand.pValue(t.ksAdjusted()) + ", in-order " + CompareCommand.pValue(t.inOrderAdjusted()));
            out.row("change", t.change().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (!r.onlyA().isEmpty()) out.row("only in A", String.join(", ", r.onlyA()));
        if (!r.onlyB().isEmpty()) out.row("only in B", String.join(", ", r.onlyB()));
        out.blank();
        out.row("verdict", r.verdict());
    }

    private static void rowsText(String title, List<TraceComparison.Row> rows, TextReport out) {
        for (TraceComparison.Row row : rows) {
            out.row((title.isEmpty() ? "" : title + " ") + "delay " + row.name(), String.format(Locale.ROOT, "%s → %s ms   B/A %s%s",
                    PlainNumbers.rounded(row.a(), 4), PlainNumbers.rounded(row.b(), 4), PlainNumbers.rounded(row.ratio(), 3),
                    Double.isNaN(row.ratioLow()) ? "" : "  (95% CI " + end(row.ratioLow()) + "–" + end(row.ratioHigh()) + ")"));
        }
    }

    private static String end(double v) {
        return Double.isFinite(v) ? PlainNumbers.rounded(v, 3) : "open";
    }

    // ---------------------------------------------------------------- runtime/metrics

    static ObjectNode json(String a, String b, MetricsComparison.Result r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("a", a);
        o.put("b", b);
        o.put("kind", METRICS_KIND);
        ArrayNode metrics = o.putArray("metrics");
        for (MetricsComparison.MetricRow m : r.metrics()) {
            ObjectNode row = metrics.addObject();
            row.put("metric", m.metric());
            row.put("series_a", m.seriesA());
            row.put("series_b", m.seriesB());
            row.put("count_a", PlainNumbers.decimal(m.countA()));
            row.put("count_b", PlainNumbers.decimal(m.countB()));
            ObjectNode ms = row.putObject("ms");
            for (MetricsComparison.Row q : m.rows()) {
                ObjectNode p = ms.putObject(q.name());
                JsonNumbers.put(p, "a", q.a().value());
                ci(p, "a_ci", q.a());
                JsonNumbers.put(p, "b", q.b().value());
                ci(p, "b_ci", q.b());
                JsonNumbers.put(p, "a_variance_inflation", q.a().inflation()); // null: taken as independent
                JsonNumbers.put(p, "b_variance_inflation", q.b().inflation());
                JsonNumbers.put(p, "ratio", q.ratio());
                if (q.hasInterval()) {
                    p.putArray("ratio_ci").add(PlainNumbers.figure(q.ratioLow())).add(PlainNumbers.figure(q.ratioHigh()));
                } else {
                    p.putNull("ratio_ci");
                    p.put("why_no_interval", "not enough data");
                }
                p.put("change", q.change().name().toLowerCase(Locale.ROOT));
            }
            row.put("verdict", m.sentence());
            row.put("intervals_a", m.intervalsA());
            row.put("intervals_b", m.intervalsB());
        }
        ArrayNode missing = o.putArray("missing");
        r.missing().forEach(missing::add);
        o.put("verdict", r.verdict());
        return o;
    }

    private static void ci(ObjectNode p, String key, BucketPercentile e) {
        if (!e.hasLow() && !e.hasHigh()) p.putNull(key);
        else p.putArray(key).add(PlainNumbers.figure(e.low())).add(PlainNumbers.figure(e.high()));
    }

    static void text(String a, String b, MetricsComparison.Result r, TextReport out) {
        out.heading("A  " + a);
        out.heading("B  " + b);
        for (MetricsComparison.MetricRow m : r.metrics()) {
            out.blank();
            out.row("metric", m.metric() + String.format(Locale.ROOT, "  (%s → %s observations)",
                    PlainNumbers.rounded(m.countA(), 0), PlainNumbers.rounded(m.countB(), 0)));
            for (MetricsComparison.Row q : m.rows()) {
                out.row(q.name(), String.format(Locale.ROOT, "%s → %s ms   B/A %s  %s", PlainNumbers.rounded(q.a().value(), 6),
                        PlainNumbers.rounded(q.b().value(), 6), PlainNumbers.rounded(q.ratio(), 3),
                        q.hasInterval() ? "(95% CI " + end(q.ratioLow()) + "–" + end(q.ratioHigh()) + ")  "
                                + q.change().name().toLowerCase(Locale.ROOT).replace('_', ' ') : "not enough data"));
            }
            out.row("intervals A", m.intervalsA());
            out.row("intervals B", m.intervalsB());
        }
        for (String m : r.missing()) out.row("missing", m);
        out.blank();
        out.row("verdict", r.verdict());
    }
}
