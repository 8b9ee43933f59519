package dev.gcscope.parsers.metrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * runtime/metrics names and the Prometheus names client_golang's Go collector gives them.
 *
 * <p>The forward direction is client_golang's {@code internal.RuntimeMetricsToProm}: {@code go_} +
 * the path with {@code /} and {@code -} turned into {@code _} + {@code _} + the unit, and
 * {@code _total} for cumulative metrics — for histograms too in v1.12.x
 * ({@code go_gc_pauses_seconds_total}), for counters only from v1.13. The inverse is ambiguous
 * ({@code _} may have been {@code /}, {@code -} or {@code _}: {@code allocs-by-size}), so names are
 * mapped back only through the known list below (Go's {@code src/runtime/metrics/description.go},
 * 1.16 to master) or through the {@code Sourced from <name>} client_golang ≥1.20 writes into HELP.
 */
public final class RuntimeMetricNames {
    private RuntimeMetricNames() {}

    public static final String ALLOCS_BY_SIZE = "/gc/heap/allocs-by-size:bytes";
    public static final String FREES_BY_SIZE = "/gc/heap/frees-by-size:bytes";
    public static final String GC_PAUSES = "/gc/pauses:seconds";
    public static final String SCHED_LATENCIES = "/sched/latencies:seconds";
    public static final String STOPPING_GC = "/sched/pauses/stopping/gc:seconds";
    public static final String STOPPING_OTHER = "/sched/pauses/stopping/other:seconds";
    public static final String TOTAL_GC = "/sched/pauses/total/gc:seconds";
    public static final String TOTAL_OTHER = "/sched/pauses/total/other:seconds";

    /** Every {@code KindFloat64Histogram} metric up to Go master (formats.md §3.1). */
    public static final List<String> HISTOGRAMS = List.of(ALLOCS_BY_SIZE, FREES_BY_SIZE, GC_PAUSES, SCHED_LATENCIES,
            STOPPING_GC, STOPPING_OTHER, TOTAL_GC, TOTAL_OTHER);

    /** The histogram metrics each Go release exports, by first release of a set (formats.md §3.1). */
    public static final Map<String, Set<String>> HISTOGRAMS_SINCE = orderedMap(
            "1.16", Set.of(ALLOCS_BY_SIZE, FREES_BY_SIZE, GC_PAUSES),
            "1.17", Set.of(ALLOCS_BY_SIZE, FREES_BY_SIZE, GC_PAUSES, SCHED_LATENCIES),
            "1.22", Set.copyOf(HISTOGRAMS));

    /** Non-histogram metrics (description.go); {@code true} = cumulative, which gives counters {@code _total}. */
    private static final Map<String, Boolean> SCALARS = scalars(
            "/cgo/go-to-c-calls:calls", true,
            "/cpu/classes/gc/mark/assist:cpu-seconds", true,
            "/cpu/classes/gc/mark/dedicated:cpu-seconds", true,
            "/cpu/classes/gc/mark/idle:cpu-seconds", true,
            "/cpu/classes/gc/pause:cpu-seconds", true,
            "/cpu/classes/gc/total:cpu-seconds", true,
            "/cpu/classes/idle:cpu-seconds", true,
            "/cpu/classes/scavenge/assist:cpu-seconds", true,
            "/cpu/classes/scavenge/background:cpu-seconds", true,
            "/cpu/classes/scavenge/total:cpu-seconds", true,
            "/cpu/classes/total:cpu-seconds", true,
            "/cpu/classes/user:cpu-seconds", true,
            "/gc/cleanups/executed:cleanups", true,
            "/gc/cleanups/queued:cleanups", true,
            "/gc/cycles/automatic:gc-cycles", true,
            "/gc/cycles/forced:gc-cycles", true,
            "/gc/cycles/total:gc-cycles", true,
            "/gc/finalizers/executed:finalizers", true,
            "/gc/finalizers/queued:finalizers", true,
            "/gc/gogc:percent", false,
            "/gc/gomemlimit:bytes", false,
            "/gc/heap/allocs:bytes", true,
            "/gc/heap/allocs:objects", true,
            "/gc/heap/frees:bytes", true,
            "/gc/heap/frees:objects", true,
            "/gc/heap/goal:bytes", false,
            "/gc/heap/live:bytes", false,
            "/gc/heap/objects:objects", false,
            "/gc/heap/tiny/allocs:objects", true,
            "/gc/limiter/last-enabled:gc-cycle", false,
            "/gc/scan/globals:bytes", false,
            "/gc/scan/heap:bytes", false,
            "/gc/scan/stack:bytes", false,
            "/gc/scan/total:bytes", false,
            "/gc/stack/starting-size:bytes", false,
            "/memory/classes/heap/free:bytes", false,
            "/memory/classes/heap/objects:bytes", false,
            "/memory/classes/heap/released:bytes", false,
            "/memory/classes/heap/stacks:bytes", false,
            "/memory/classes/heap/unused:bytes", false,
            "/memory/classes/metadata/mcache/free:bytes", false,
            "/memory/classes/metadata/mcache/inuse:bytes", false,
            "/memory/classes/metadata/mspan/free:bytes", false,
            "/memory/classes/metadata/mspan/inuse:bytes", false,
            "/memory/classes/metadata/other:bytes", false,
            "/memory/classes/os-stacks:bytes", false,
            "/memory/classes/other:bytes", false,
            "/memory/classes/profiling/buckets:bytes", false,
            "/memory/classes/total:bytes", false,
            "/sched/gomaxprocs:threads", false,
            "/sched/goroutines:goroutines", false,
            "/sync/mutex/wait/total:seconds", true);

    /** {@code /godebug/non-default-behavior/<setting>:events} (Go 1.21+): one counter per GODEBUG setting. */
    private static final String GODEBUG_PROM_PREFIX = "go_godebug_non_default_behavior_";
    private static final String GODEBUG_PROM_SUFFIX = "_events_total";

    private static final Map<String, String> FROM_PROMETHEUS = inverse();

    /**
     * Whether a non-histogram runtime/metrics metric is cumulative (a counter: {@code /gc/cycles/total:gc-cycles},
     * every {@code /cpu/classes/…}); false for gauges and names this list does not know.
     */
    public static boolean isCumulative(String runtimeName) {
        return Boolean.TRUE.equals(SCALARS.get(runtimeName)) || runtimeName.startsWith("/godebug/non-default-behavior/");
    }

    /**
     * The Prometheus name client_golang gives {@code runtimeName}.
     *
     * @param cumulative the metric's {@code Cumulative} flag
     * @param histogram whether it is a {@code KindFloat64Histogram}
     * @param v112 client_golang v1.12.x, which added {@code _total} to cumulative histograms too
     */
    public static String toPrometheus(String runtimeName, boolean cumulative, boolean histogram, boolean v112) {
        int colon = runtimeName.indexOf(':');
        String key = runtimeName.substring(1, colon);
        String unit = runtimeName.substring(colon + 1).replace("-", "_").replace("*", "_").replace("/", "_per_");
        StringBuilder sb = new StringBuilder("go_");
        sb.append(key.replace('/', '_').replace('-', '_')).append('_').append(unit);
        if (cumulative && (!histogram || v112)) sb.append("_total");
        return sb.toString();
    }

    /**
     * The runtime/metrics name of a Prometheus family or sample name ({@code go_sched_latencies_seconds},
     * {@code go_gc_pauses_seconds_total}, or a counter's OpenMetrics family name without
     * {@code _total}), or null when it is not a known Go collector metric.
     */
    public static String fromPrometheus(String promName) {
        String known = FROM_PROMETHEUS.get(promName);
        if (known != null) return known;
        if (promName.startsWith(GODEBUG_PROM_PREFIX) && promName.length() > GODEBUG_PROM_PREFIX.length() + GODEBUG_PROM_SUFFIX.length()) {
            String rest = promName.substring(GODEBUG_PROM_PREFIX.length());
            String setting = rest.endsWith(GODEBUG_PROM_SUFFIX) ? rest.substring(0, rest.length() - GODEBUG_PROM_SUFFIX.length())
                    : rest.endsWith("_events") ? rest.substring(0, rest.length() - "_events".length()) : null;
            if (setting != null && !setting.isEmpty()) return "/godebug/non-default-behavior/" + setting + ":events";
        }
        return null;
    }

    /** Whether {@code name} has the form of a runtime/metrics name ({@code /path:unit}). */
    public static boolean isRuntimeName(String name) {
        int colon = name.indexOf(':');
        return name.length() > 3 && name.charAt(0) == '/' && colon > 1 && colon < name.length() - 1
                && name.indexOf(':', colon + 1) < 0;
    }

    /** Whether {@code runtimeName} is one of the known histogram metrics. */
    public static boolean isKnownHistogram(String runtimeName) {
        return HISTOGRAMS.contains(runtimeName);
    }

    /**
     * The unit of a metric: after the colon of a runtime/metrics name, else the Prometheus base-unit
     * suffix ({@code _seconds}, {@code _bytes}, optionally before {@code _total}); empty when unknown.
     */
    public static String unit(String metric) {
        if (isRuntimeName(metric)) return metric.substring(metric.indexOf(':') + 1);
        String n = metric.endsWith("_total") ? metric.substring(0, metric.length() - "_total".length()) : metric;
        if (n.endsWith("_seconds")) return "seconds";
        if (n.endsWith("_bytes")) return "bytes";
        return "";
    }

    private static Map<String, String> inverse() {
        Map<String, String> m = new HashMap<>();
        for (String h : HISTOGRAMS) {
            m.put(toPrometheus(h, true, true, false), h);
            m.put(toPrometheus(h, true, true, true), h);
        }
        for (Map.Entry<String, Boolean> e : SCALARS.entrySet()) {
            m.put(toPrometheus(e.getKey(), e.getValue(), false, false), e.getKey());
            // OpenMetrics names a counter's family without _total (# TYPE go_gc_cycles_total_gc_cycles counter).
            if (e.getValue()) m.put(toPrometheus(e.getKey(), false, false, false), e.getKey());
        }
        return Map.copyOf(m);
    }

    private static Map<String, Boolean> scalars(Object... pairs) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (Boolean) pairs[i + 1]);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> orderedMap(Object... pairs) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (V) pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
