package dev.gcscope.parsers.metrics;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which Go releases produced a metrics input, from what it shows: {@code go_info{version="go1.21.5"}}
 * names the release exactly; otherwise the histogram set, the time histograms' bucket boundaries and
 * HELP texts narrow it down (formats.md §3.1–3.3). The result is what {@code summary} prints as
 * {@code go_versions}, in the form gctrace uses: {@code Go 1.21.5}, {@code Go 1.20+}, {@code Go 1.18–1.19}.
 */
final class GoReleaseHints {
    /** runtime/metrics appeared in Go 1.16. */
    private static final int FIRST_MINOR = 16;

    private final Set<String> exact = new TreeSet<>();
    private int min = 0;
    private int max = Integer.MAX_VALUE;

    /** {@code go1.21.5} or {@code devel go1.23-abc…} as {@code go_info} and {@code runtime.Version()} give it. */
    void exactVersion(String version) {
        String v = version.trim();
        int go = v.indexOf("go1.");
        if (go < 0) return;
        int end = go + 2;
        while (end < v.length() && (Character.isDigit(v.charAt(end)) || v.charAt(end) == '.' || Character.isLetter(v.charAt(end)))) end++;
        exact.add(v.substring(go + 2, end));
    }

    private void atLeast(int minor) {
        min = Math.max(min, minor);
    }

    private void atMost(int minor) {
        max = Math.min(max, minor);
    }

    /** A runtime/metrics histogram is present. */
    void histogram(String runtimeName) {
        if (!RuntimeMetricNames.isKnownHistogram(runtimeName)) return;
        atLeast(FIRST_MINOR);
        if (runtimeName.equals(RuntimeMetricNames.SCHED_LATENCIES)) atLeast(17);
        if (runtimeName.startsWith("/sched/pauses/")) atLeast(22);
    }

    /**
     * Boundaries of a time histogram ({@code :seconds}) as runtime/metrics gives them ({@code exact}:
     * {@code 6.4e-08}), or its {@code le} values as client_golang exposes them (one ulp lower).
     * Go 1.16–1.19 have 722 boundaries, Go 1.20+ 163 (87eda2a782); Go 1.18 fixed the 1.16/1.17
     * off-by-one in the spacing, which gives 1e-07 where 1.16/1.17 have none (2e9dcb5086).
     * client_golang ≥1.12.1 rebuckets to about ten {@code le} values, whose sets differ the same way
     * (formats.md §3.3).
     */
    void timeBoundaries(String runtimeName, double[] bounds, int n, boolean exact) {
        if (!RuntimeMetricNames.isKnownHistogram(runtimeName) || !runtimeName.endsWith(":seconds")) return;
        boolean has1e7 = contains(bounds, n, 1e-07) || contains(bounds, n, Math.nextDown(1e-07));
        if (exact || n > REBUCKETED_MAX) {
            // All of the runtime's buckets (runtime/metrics itself, or client_golang v1.12.0).
            if (n > HDR16_MIN_BOUNDS) {
                atMost(19);
                if (has1e7) atLeast(18); else atMost(17);
            } else {
                atLeast(20);
            }
        } else if (contains(bounds, n, Math.nextDown(6.4e-08))) {
            atLeast(20);
        } else if (contains(bounds, n, Math.nextDown(1.024e-06))) {
            atLeast(18);
            atMost(19);
        } else if (contains(bounds, n, Math.nextDown(1.28e-07))) {
            atMost(17);
        }
    }

    /** client_golang's rebucketed time histograms have at most 11 {@code le} values. */
    private static final int REBUCKETED_MAX = 40;
    /** Go 1.16–1.19 time histograms: 722 boundaries; Go 1.20+: 163. */
    private static final int HDR16_MIN_BOUNDS = 400;

    /** A HELP text (Prometheus) or description. */
    void help(String text) {
        // Go 1.21 (14f833f117) added this sentence to every histogram description.
        if (text.contains("Bucket counts increase monotonically.")) atLeast(21);
    }

    boolean known() {
        return !exact.isEmpty() || min > 0 || max < Integer.MAX_VALUE;
    }

    /** {@code Go 1.21.5}, {@code Go 1.20+}, {@code Go 1.18–1.19}, {@code Go 1.17}; empty when nothing is known. */
    String describe() {
        if (!exact.isEmpty()) return "Go " + String.join(", ", exact);
        if (!known()) return "";
        int from = Math.max(min, FIRST_MINOR);
        if (max == Integer.MAX_VALUE) return "Go 1." + from + "+";
        if (max < from) return ""; // contradictory hints (two processes in one file): claim nothing
        return from == max ? "Go 1." + from : "Go 1." + from + "–1." + max;
    }

    private static boolean contains(double[] b, int n, double v) {
        for (int i = 0; i < n; i++) if (b[i] == v) return true;
        return false;
    }
}
