package dev.gcscope.analysis.incident;

import dev.gcscope.analysis.sched.HistogramHistory;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.cgroup.CpuStatColumns;
import dev.gcscope.parsers.cgroup.CpuStatLogParser;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.parsers.metrics.MetricsJsonParser;
import dev.gcscope.parsers.metrics.PrometheusRangeParser;
import dev.gcscope.parsers.metrics.PrometheusTextParser;
import dev.gcscope.parsers.perfsched.PerfSchedTimehistParser;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Turns parsed files into the {@link IncidentSources} of an incident. Files of formats that say
 * nothing about waiting (perf sched latency's per-task totals) are named in a note and left out.
 */
public final class SourceReader {
    private final String program;

    /** @param program the comm of the Go program in perf's output, or null to take the busiest process */
    public SourceReader(String program) {
        this.program = program;
    }

    public IncidentSources read(List<ParseResult> results) {
        List<GcCycleSource> gc = new ArrayList<>();
        List<ThreadDelaySource> kernel = new ArrayList<>();
        List<RuntimeSource> runtime = new ArrayList<>();
        List<QuotaSource> quota = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ParseResult r : results) {
            String id = r.format().id();
            String file = r.sourceName();
            if (id.equals(GcTraceParser.FORMAT.id())) {
                GcCycleSource s = gcCycles(r.table(GcColumns.CYCLES_TABLE), file);
                if (s.size() == 0) notes.add(file + ": no GC cycles; left out");
                else gc.add(s);
                if (s.runs() > 1) notes.add(String.format(Locale.ROOT, "%s: %d process runs; the last one is used", file, s.runs()));
            } else if (id.equals(PerfSchedTimehistParser.FORMAT.id())) {
                KernelDelays.read(r, program).ifPresentOrElse(kernel::add,
                        () -> notes.add(file + ": no context switches of a user process; left out"));
            } else if (id.equals(CpuStatLogParser.FORMAT.id())) {
                QuotaSource q = quota(r.table(CpuStatColumns.TABLE), file);
                if (q.size() < 2) notes.add(file + ": fewer than two timed cpu.stat dumps; left out");
                else quota.add(q);
            } else if (id.equals(MetricsJsonParser.FORMAT.id()) || id.equals(PrometheusTextParser.FORMAT.id())
                    || id.equals(PrometheusRangeParser.FORMAT.id())) {
                RuntimeMetrics m = RuntimeMetrics.read(r, id.equals(PrometheusRangeParser.FORMAT.id()));
                m.runtime().ifPresent(runtime::add);
                m.quota().ifPresent(quota::add);
                if (m.runtime().isEmpty() && m.quota().isEmpty()) notes.add(file + ": no Go runtime or cgroup CPU series; left out");
                notes.addAll(m.notes());
            } else {
                notes.add(file + ": " + id + " says nothing about when threads or goroutines waited; left out"
                        + (id.equals("perf-sched-latency") ? " (render the recording with perf sched timehist instead)" : ""));
            }
        }
        return new IncidentSources(gc, kernel, runtime, quota, notes);
    }

    /** The cycles of the last run of a gctrace cycles table. */
    static GcCycleSource gcCycles(Table t, String file) {
        IntColumn run = t.intColumn(GcColumns.RUN), gcNo = t.intColumn(GcColumns.GC);
        int n = t.rowCount(), last = 0, runs = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || run.getInt(i) != run.getInt(i - 1)) runs++;
            last = Math.max(last, run.getInt(i));
        }
        int from = 0;
        while (from < n && run.getInt(from) != last) from++;
        int m = n - from;
        int[] gc = new int[m];
        double[] start = new double[m], end = new double[m], sweep = new double[m], markTerm = new double[m], stw = new double[m],
                cpu = new double[m], assist = new double[m], procs = new double[m], wall = new double[m];
        DoubleColumn startS = t.doubleColumn(GcColumns.START_S);
        DateTimeColumn wallTime = t.columnNames().contains(GcColumns.WALL_TIME) ? t.dateTimeColumn(GcColumns.WALL_TIME) : null;
        for (int k = 0; k < m; k++) {
            int i = from + k;
            gc[k] = gcNo.getInt(i);
            start[k] = startS.getDouble(i);
            sweep[k] = zero(t, GcColumns.SWEEP_TERM_MS, i);
            markTerm[k] = zero(t, GcColumns.MARK_TERM_MS, i);
            end[k] = start[k] + (sweep[k] + zero(t, GcColumns.MARK_MS, i) + markTerm[k]) / 1000;
            stw[k] = zero(t, GcColumns.STW_MS, i);
            assist[k] = zero(t, GcColumns.ASSIST_CPU_MS, i);
            cpu[k] = assist[k] + zero(t, GcColumns.BACKGROUND_CPU_MS, i);
            procs[k] = value(t, GcColumns.PROCS, i);
            LocalDateTime w = wallTime == null || wallTime.isMissing(i) ? null : wallTime.get(i);
            wall[k] = w == null ? Double.NaN : w.toEpochSecond(ZoneOffset.UTC) + w.getNano() / 1e9;
        }
        return new GcCycleSource(file, gc, start, end, sweep, markTerm, stw, cpu, assist, procs, wall, runs);
    }

    static QuotaSource quota(Table t, String file) {
        DoubleColumn time = t.doubleColumn(CpuStatColumns.TIME_S);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) if (!time.isMissing(i)) rows.add(i);
        int n = rows.size();
        double[] ts = new double[n], periods = new double[n], throttled = new double[n], throttledMs = new double[n], usage = new double[n];
        for (int k = 0; k < n; k++) {
            int i = rows.get(k);
            ts[k] = time.getDouble(i);
            periods[k] = value(t, CpuStatColumns.NR_PERIODS, i);
            throttled[k] = value(t, CpuStatColumns.NR_THROTTLED, i);
            throttledMs[k] = value(t, CpuStatColumns.THROTTLED_TOTAL_MS, i);
            usage[k] = value(t, CpuStatColumns.USAGE_TOTAL_MS, i);
        }
        return new QuotaSource(file, ts, periods, throttled, throttledMs, usage);
    }

    private static double value(Table t, String column, int row) {
        if (!t.columnNames().contains(column)) return Double.NaN;
        NumericColumn<?> c = (NumericColumn<?>) t.column(column);
        return c.isMissing(row) ? Double.NaN : c.getDouble(row);
    }

    private static double zero(Table t, String column, int row) {
        double v = value(t, column, row);
        return Double.isNaN(v) ? 0 : v;
    }

    static double[] nanArray(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    static HistogramHistory first(List<HistogramHistory> histories, String... names) {
        for (String name : names) {
            for (HistogramHistory h : histories) {
                if ((h.name().equals(name) || h.name().startsWith(name + "{")) && !h.isEmpty()) return h;
            }
        }
        return null;
    }
}
