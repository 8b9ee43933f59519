package dev.gcscope.cli;

import dev.gcscope.analysis.sched.GcPauseComparison;
import dev.gcscope.format.JsonNumbers;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.format.TextReport;
import java.util.Locale;
import tech.tablesaw.api.Table;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@code compare} prints for a gctrace file and a runtime/metrics file of the same process: the
 * GC pauses as each source saw them, in the runtime's own buckets (see {@link GcPauseComparison}).
 */
final class PauseSourcesReport {
    private static final String[] NAMES = {"p50", "p90", "p99"};
    /** Within this relative difference the two sources are said to agree (the buckets are ~7% wide at worst). */
    static final double AGREE = 0.15;

    private PauseSourcesReport() {}

    static ObjectNode json(String gctrace, String metrics, GcPauseComparison c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("gctrace", gctrace);
        o.put("metrics", metrics);
        o.put("metric", c.metric());
        o.put("cycles", c.cycles());
        o.put("gctrace_pauses", c.gctracePauses());
        JsonNumbers.put(o, "metric_pauses", c.metricPauses());
        ObjectNode pause = o.putObject("pause_ms");
        for (int q = 0; q < NAMES.length; q++) {
            ObjectNode p = pause.putObject(NAMES[q]);
            JsonNumbers.put(p, "gctrace", c.gctraceMs()[q]);
            JsonNumbers.put(p, "gctrace_binned", c.gctraceBinnedMs()[q]);
            JsonNumbers.put(p, "metric", c.metricMs()[q]);
        }
        JsonNumbers.put(o, "gctrace_max_ms", c.gctraceMs()[3]);
        o.put("verdict", verdict(c));
        return o;
    }

    static void text(String gctrace, String metrics, GcPauseComparison c, TextReport out) {
        out.row("gctrace", gctrace);
        out.row("metrics", metrics + "  (" + c.metric() + ")");
        out.row("pauses", String.format(Locale.ROOT, "%d in gctrace (2 per cycle, %d cycles), %s in the metric",
                c.gctracePauses(), c.cycles(), PlainNumbers.rounded(c.metricPauses(), 0)));
        for (int q = 0; q < NAMES.length; q++) {
            out.row("pause " + NAMES[q], String.format(Locale.ROOT, "gctrace %s ms (in the metric's buckets %s ms), metric %s ms",
                    PlainNumbers.rounded(c.gctraceMs()[q], 4), PlainNumbers.rounded(c.gctraceBinnedMs()[q], 4),
                    PlainNumbers.rounded(c.metricMs()[q], 4)));
        }
        out.row("verdict", verdict(c));
    }

    /** One sentence: do the two sources describe the same pauses? */
    static String verdict(GcPauseComparison c) {
        double countRatio = c.gctracePauses() == 0 ? Double.NaN : c.metricPauses() / c.gctracePauses();
        StringBuilder b = new StringBuilder();
        if (Double.isNaN(countRatio) || Math.abs(countRatio - 1) > AGREE) {
            b.append(String.format(Locale.ROOT, "the counts differ (metric/gctrace %.2f): probably not the same run or not the same time span", countRatio));
        } else {
            int agree = 0;
            for (int q = 0; q < NAMES.length; q++) {
                double g = c.gctraceBinnedMs()[q], m = c.metricMs()[q];
                if (g > 0 && m > 0 && Math.abs(m / g - 1) <= AGREE) agree++;
            }
            b.append(agree == NAMES.length
                    ? "the same pauses: counts and P50/P90/P99 agree within 15% in the runtime's buckets"
                    : "same number of pauses, but " + (NAMES.length - agree) + " of P50/P90/P99 differ by more than 15%");
        }
        return b.toString();
    }

    static boolean hasPhases(Table cycles) {
        return cycles.columnNames().contains(dev.gcscope.parsers.gctrace.GcColumns.SWEEP_TERM_MS);
    }
}
