package dev.gcscope.analysis.incident;

import static dev.gcscope.parsers.metrics.MetricsColumns.*;

import dev.gcscope.analysis.sched.HistogramHistory;
import dev.gcscope.parsers.ParseResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The runtime and cgroup series of a runtime/metrics parse ({@code metrics-json}, {@code prometheus},
 * {@code prometheus-range}): the Go runtime's scalars and histograms as a {@link RuntimeSource}, and
 * cAdvisor's CFS counters, when present, as a {@link QuotaSource}. A series exported under several
 * label sets (two pods) is read for its first one, and a note says so.
 */
record RuntimeMetrics(Optional<RuntimeSource> runtime, Optional<QuotaSource> quota, List<String> notes) {
    static final String GOROUTINES = "/sched/goroutines:goroutines";
    static final String RUNNABLE = "/sched/goroutines/runnable:goroutines";
    static final String GOMAXPROCS = "/sched/gomaxprocs:threads";
    static final String GC_CYCLES = "/gc/cycles/total:gc-cycles";
    static final String GC_CPU = "/cpu/classes/gc/total:cpu-seconds";
    static final String ASSIST_CPU = "/cpu/classes/gc/mark/assist:cpu-seconds";
    static final String TOTAL_CPU = "/cpu/classes/total:cpu-seconds";
    static final String IDLE_CPU = "/cpu/classes/idle:cpu-seconds";
    static final String LATENCIES = "/sched/latencies:seconds";
    static final String STW = "/sched/pauses/total/gc:seconds";
    static final String GC_PAUSES = "/gc/pauses:seconds";
    // cAdvisor (kubelet /metrics/cadvisor)
    static final String CFS_PERIODS = "container_cpu_cfs_periods_total";
    static final String CFS_THROTTLED = "container_cpu_cfs_throttled_periods_total";
    static final String CFS_THROTTLED_S = "container_cpu_cfs_throttled_seconds_total";
    static final String CPU_USAGE_S = "container_cpu_usage_seconds_total";

    static RuntimeMetrics read(ParseResult r, boolean unixClock) {
        String file = r.sourceName();
        int n = Integer.parseInt(r.attributes().getOrDefault("snapshots", "0"));
        double[] time = SourceReader.nanArray(n), wall = SourceReader.nanArray(n);
        Table snapshots = r.tables().get(SNAPSHOTS_TABLE);
        if (snapshots != null) {
            IntColumn s = snapshots.intColumn(SNAPSHOT);
            DoubleColumn t = snapshots.doubleColumn(TIME_S), w = snapshots.doubleColumn(WALL_S);
            for (int i = 0; i < snapshots.rowCount(); i++) {
                int k = s.getInt(i) - 1;
                if (k < 0 || k >= n) continue;
                time[k] = t.isMissing(i) ? Double.NaN : t.getDouble(i);
                wall[k] = w.isMissing(i) ? Double.NaN : w.getDouble(i);
            }
        }
        Table values = r.table(VALUES_TABLE);
        Map<String, double[]> scalars = new HashMap<>();
        Map<String, String> labelsSeen = new HashMap<>();
        List<String> notes = new ArrayList<>();
        IntColumn vs = values.intColumn(SNAPSHOT);
        DoubleColumn vt = values.doubleColumn(TIME_S), vv = values.doubleColumn(VALUE);
        StringColumn vm = values.stringColumn(METRIC), vl = values.stringColumn(LABELS);
        for (int i = 0; i < values.rowCount(); i++) {
            int k = vs.getInt(i) - 1;
            if (k < 0 || k >= n) continue;
            if (Double.isNaN(time[k]) && !vt.isMissing(i)) time[k] = vt.getDouble(i);
            String metric = canonical(vm.get(i));
            String prev = labelsSeen.putIfAbsent(metric, vl.get(i));
            if (prev != null && !prev.equals(vl.get(i))) {
                String note = file + ": " + metric + " has several series; the one with {" + prev + "} is used";
                if (!notes.contains(note)) notes.add(note);
                continue;
            }
            scalars.computeIfAbsent(metric, x -> SourceReader.nanArray(n))[k] = vv.isMissing(i) ? Double.NaN : vv.getDouble(i);
        }
        List<HistogramHistory> histories = HistogramHistory.of(r.table(BUCKETS_TABLE));
        for (HistogramHistory h : histories) {
            for (HistogramHistory.Snapshot s : h.snapshots()) {
                int k = s.number() - 1;
                if (k >= 0 && k < n && Double.isNaN(time[k])) time[k] = s.timeS();
            }
        }
        HistogramHistory latencies = SourceReader.first(histories, LATENCIES);
        HistogramHistory stw = SourceReader.first(histories, STW, GC_PAUSES);
        if (unixClock) {
            for (int k = 0; k < n; k++) if (Double.isNaN(wall[k])) wall[k] = time[k];
        }
        Optional<RuntimeSource> runtime = Optional.empty();
        boolean anyRuntime = latencies != null || scalars.containsKey(GOROUTINES) || scalars.containsKey(GC_CYCLES);
        if (anyRuntime && n > 1) {
            runtime = Optional.of(new RuntimeSource(file, time, wall, get(scalars, GOROUTINES, n), get(scalars, RUNNABLE, n),
                    get(scalars, GOMAXPROCS, n), get(scalars, GC_CYCLES, n), get(scalars, GC_CPU, n), get(scalars, ASSIST_CPU, n),
                    get(scalars, TOTAL_CPU, n), get(scalars, IDLE_CPU, n), latencies, stw, unixClock));
        }
        Optional<QuotaSource> quota = Optional.empty();
        if (scalars.containsKey(CFS_PERIODS) || scalars.containsKey(CFS_THROTTLED)) {
            double[] throttledMs = scale(get(scalars, CFS_THROTTLED_S, n), 1000), usageMs = scale(get(scalars, CPU_USAGE_S, n), 1000);
            double[] periods = get(scalars, CFS_PERIODS, n), throttled = get(scalars, CFS_THROTTLED, n);
            List<Integer> rows = new ArrayList<>();
            for (int k = 0; k < n; k++) if (!Double.isNaN(wall[k]) && !(Double.isNaN(periods[k]) && Double.isNaN(throttled[k]))) rows.add(k);
            if (rows.size() >= 2) {
                quota = Optional.of(new QuotaSource(file, pick(wall, rows), pick(periods, rows), pick(throttled, rows),
                        pick(throttledMs, rows), pick(usageMs, rows)));
            } else {
                notes.add(file + ": cAdvisor's CFS counters without two timed samples; left out");
            }
        }
        return new RuntimeMetrics(runtime, quota, notes);
    }

    /** client_golang's classic {@code go_goroutines} and {@code go_threads} under the runtime/metrics names. */
    private static String canonical(String metric) {
        return metric.equals("go_goroutines") ? GOROUTINES : metric;
    }

    private static double[] get(Map<String, double[]> scalars, String name, int n) {
        double[] a = scalars.get(name);
        return a != null ? a : SourceReader.nanArray(n);
    }

    private static double[] scale(double[] a, double f) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] * f;
        return out;
    }

    private static double[] pick(double[] a, List<Integer> rows) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) out[i] = a[rows.get(i)];
        return out;
    }
}
