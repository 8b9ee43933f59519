package dev.gcscope.parsers.metrics;

/**
 * Which prometheus/client_golang releases wrote a scrape, from what changed between them
 * (formats.md §3.3): the {@code go_gc_duration_seconds} HELP text (three wordings), the
 * {@code Sourced from} suffix (v1.20 without a period, v1.21 with one), and {@code _total} on
 * runtime/metrics histogram names (v1.12 only). The result, e.g. {@code v1.4–v1.19}, is the
 * {@code client_golang} attribute.
 */
final class ClientGolangHints {
    private static final int V0_5 = 5;
    private static final int V1_3 = 103;
    private static final int V1_4 = 104;
    private static final int V1_12 = 112;
    private static final int V1_13 = 113;
    private static final int V1_19 = 119;
    private static final int V1_20 = 120;
    private static final int V1_21 = 121;

    private int min = 0;
    private int max = Integer.MAX_VALUE;

    private void between(int from, int to) {
        min = Math.max(min, from);
        max = Math.min(max, to);
    }

    /** The HELP text of a family. */
    void help(String family, String help) {
        if (family.equals("go_gc_duration_seconds")) {
            // # HELP go_gc_duration_seconds A summary of the GC invocation durations.  (v0.5.0–v1.3.x)
            if (help.startsWith("A summary of the GC invocation durations")) between(V0_5, V1_3);
            // … A summary of the pause duration of garbage collection cycles.  (v1.4.0–v1.19.x, 2be4bb40)
            else if (help.startsWith("A summary of the pause duration of garbage collection cycles")) between(V1_4, V1_19);
            // … A summary of the wall-time pause (stop-the-world) duration in garbage collection cycles.  (v1.20.0+, 0ce6d719)
            else if (help.startsWith("A summary of the wall-time pause")) between(V1_20, Integer.MAX_VALUE);
        }
        int at = help.lastIndexOf(" Sourced from /");
        if (at >= 0) {
            // "Sourced from /gc/gogc:percent" (v1.20.x, 7ce50898) / "…:percent." (v1.21.0+, 8514bd76)
            if (help.strip().endsWith(".")) between(V1_21, Integer.MAX_VALUE); else between(V1_20, V1_20);
        }
    }

    /** A runtime/metrics histogram (cumulative, every one of them) exposed under {@code promName}. */
    void runtimeHistogram(String promName) {
        if (promName.endsWith("_total")) between(V1_12, V1_12); else between(V1_13, Integer.MAX_VALUE);
    }

    /** A bucket {@code le="-5e-324"}: v1.12 kept the runtime's -Inf boundary (v1.13 dropped it). */
    void negativeZeroBucket() {
        between(V1_12, V1_12);
    }

    /** {@code v1.12}, {@code v1.4–v1.19}, {@code v1.21+}; empty when nothing is known or the hints disagree. */
    String describe() {
        if (min == 0 && max == Integer.MAX_VALUE) return "";
        if (min > max) return "";
        if (max == Integer.MAX_VALUE) return name(min) + "+";
        if (min == 0) return "≤" + name(max);
        return min == max ? name(min) : name(min) + "–" + name(max);
    }

    private static String name(int v) {
        return "v" + v / 100 + "." + v % 100;
    }
}
