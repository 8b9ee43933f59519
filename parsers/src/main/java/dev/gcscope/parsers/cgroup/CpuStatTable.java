package dev.gcscope.parsers.cgroup;

import static dev.gcscope.parsers.cgroup.CpuStatColumns.*;

import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.table.Columns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/** The dumps of a {@code cgroup-cpu-stat} parse and the {@link CpuStatColumns} table made of them. */
final class CpuStatTable {
    private static final double NS_PER_MS = 1e6, US_PER_MS = 1e3;

    /** One dump: its time, where it starts, and its fields by key. */
    static final class Dump {
        final double timeS;
        final long line;
        private final Map<String, Double> fields = new HashMap<>();

        Dump(double timeS, long line) {
            this.timeS = timeS;
            this.line = line;
        }

        boolean has(String key) { return fields.containsKey(key); }
        void put(String key, double v) { fields.put(key, v); }

        double get(String key) {
            Double v = fields.get(key);
            return v == null ? Double.NaN : v;
        }

        /** Throttled time in ms: v1 {@code throttled_time} (ns), v2 {@code throttled_usec}. */
        double throttledMs() {
            double ns = get("throttled_time");
            return Double.isNaN(ns) ? get("throttled_usec") / US_PER_MS : ns / NS_PER_MS;
        }

        /** CPU used in ms: v2 {@code usage_usec}, or v1 {@code cpuacct.usage} (ns) when the loop dumped it too. */
        double usageMs() {
            double us = get("usage_usec");
            return Double.isNaN(us) ? get("cpuacct.usage") / NS_PER_MS : us / US_PER_MS;
        }

        boolean hasCounters() {
            return has("nr_periods") || has("nr_throttled") || has("usage_usec") || has("cpuacct.usage");
        }
    }

    private final List<Dump> dumps = new ArrayList<>();
    private int untimed, resets, withoutPeriods;
    private long firstReset = -1;

    void add(Dump d, ParseReport.Builder report) {
        if (!d.hasCounters()) {
            report.issue(d.line, "a dump without nr_periods, nr_throttled or usage_usec; not a cpu.stat dump, left out", "");
            return;
        }
        if (Double.isNaN(d.timeS)) untimed++;
        if (!d.has("nr_periods")) withoutPeriods++;
        dumps.add(d);
    }

    int size() { return dumps.size(); }
    int untimed() { return untimed; }

    Table build() {
        int n = dumps.size();
        int[] sample = new int[n], line = new int[n];
        double[] time = new double[n], periodsTotal = new double[n], throttledTotal = new double[n],
                throttledMsTotal = new double[n], usageTotal = new double[n], interval = new double[n],
                periods = new double[n], throttled = new double[n], share = new double[n], throttledMs = new double[n],
                usage = new double[n];
        for (int i = 0; i < n; i++) {
            Dump d = dumps.get(i);
            sample[i] = i + 1;
            line[i] = (int) Math.min(Integer.MAX_VALUE, d.line);
            time[i] = d.timeS;
            periodsTotal[i] = d.get("nr_periods");
            throttledTotal[i] = d.get("nr_throttled");
            throttledMsTotal[i] = d.throttledMs();
            usageTotal[i] = d.usageMs();
            interval[i] = periods[i] = throttled[i] = share[i] = throttledMs[i] = usage[i] = Double.NaN;
            if (i == 0) continue;
            double dt = time[i] - time[i - 1];
            if (!(dt > 0)) continue;
            double dp = periodsTotal[i] - periodsTotal[i - 1], dn = throttledTotal[i] - throttledTotal[i - 1];
            double dtm = throttledMsTotal[i] - throttledMsTotal[i - 1], du = usageTotal[i] - usageTotal[i - 1];
            if (dp < 0 || dn < 0 || dtm < 0 || du < 0) {
                // The kernel's counters only grow: the group was removed and made again (a container restart).
                if (resets++ == 0) firstReset = d.line;
                continue;
            }
            interval[i] = dt;
            periods[i] = dp;
            throttled[i] = dn;
            share[i] = dp > 0 ? dn / dp : Double.NaN;
            throttledMs[i] = dtm;
            usage[i] = du;
        }
        return Table.create(TABLE, Columns.ints(SAMPLE, sample, n), Columns.doubles(TIME_S, time, n),
                Columns.doubles(NR_PERIODS, periodsTotal, n), Columns.doubles(NR_THROTTLED, throttledTotal, n),
                Columns.doubles(THROTTLED_TOTAL_MS, throttledMsTotal, n), Columns.doubles(USAGE_TOTAL_MS, usageTotal, n),
                Columns.doubles(INTERVAL_S, interval, n), Columns.doubles(PERIODS, periods, n),
                Columns.doubles(THROTTLED_PERIODS, throttled, n), Columns.doubles(THROTTLED_SHARE, share, n),
                Columns.doubles(THROTTLED_MS, throttledMs, n), Columns.doubles(USAGE_MS, usage, n),
                Columns.ints(LINE, line, n));
    }

    void addNotes(ParseReport.Builder report) {
        if (resets > 0) {
            report.note(String.format(Locale.ROOT, "counters went down %d time(s), first at line %d: the cgroup was made anew"
                    + " (a restarted container); no interval figures there", resets, firstReset));
        }
        if (withoutPeriods > 0 && withoutPeriods == dumps.size()) {
            report.note("no nr_periods in any dump: the group has no CPU limit (cgroup v2 without the cpu controller),"
                    + " so there is no throttling to show, only CPU usage");
        }
    }
}
