package dev.gcscope.render.plot;

import java.util.Locale;

/**
 * What a log axis counts, so its labels read {@code 100 µs} or {@code 32 KiB} rather than
 * {@code 1e-4}. Values are in the base unit (seconds, bytes).
 */
public enum Quantity {
    SECONDS, BYTES, PLAIN;

    private static final String[] TIME_UNITS = {"ns", "µs", "ms", "s"};
    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    /**
     * From a runtime/metrics name, the unit after the colon ({@code /sched/latencies:seconds}), or a
     * Prometheus name, the unit in its suffix ({@code go_gc_heap_allocs_by_size_bytes},
     * {@code go_sched_latencies_seconds}; labels in braces ignored): without the suffix a byte
     * histogram's axis read "33" where it means 33 B (issue 15).
     */
    public static Quantity ofMetric(String name) {
        String n = name.contains("{") ? name.substring(0, name.indexOf('{')) : name;
        int colon = n.lastIndexOf(':');
        if (colon >= 0) {
            String unit = n.substring(colon + 1);
            if (unit.startsWith("seconds")) return SECONDS;
            if (unit.startsWith("bytes")) return BYTES;
            return PLAIN;
        }
        if (n.endsWith("_seconds") || n.endsWith("_seconds_total")) return SECONDS;
        if (n.endsWith("_bytes") || n.endsWith("_bytes_total")) return BYTES;
        return PLAIN;
    }

    public String format(double v) {
        if (Double.isNaN(v)) return "–";
        if (Double.isInfinite(v)) return v > 0 ? "+∞" : "−∞";
        if (v == 0) return "0";
        switch (this) {
            case SECONDS: {
                double ns = v * 1e9;
                int u = 0;
                while (u < TIME_UNITS.length - 1 && Math.abs(ns) >= 1000) {
                    ns /= 1000;
                    u++;
                }
                return number(ns) + " " + TIME_UNITS[u];
            }
            case BYTES: {
                double b = v;
                int u = 0;
                while (u < BYTE_UNITS.length - 1 && Math.abs(b) >= 1024) {
                    b /= 1024;
                    u++;
                }
                return number(b) + " " + BYTE_UNITS[u];
            }
            default:
                return number(v);
        }
    }

    /** Three significant digits at most, no trailing zeros: {@code 64}, {@code 1.5}, {@code 0.128}. */
    public static String number(double v) {
        double a = Math.abs(v);
        String s;
        if (a >= 100 || a == Math.rint(a)) s = String.format(Locale.ROOT, "%.0f", v);
        else if (a >= 10) s = String.format(Locale.ROOT, "%.1f", v);
        else if (a >= 1) s = String.format(Locale.ROOT, "%.2f", v);
        else s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }
}
