package dev.gcscope.parsers.cgroup;

import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.Probe;
import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.TraceSample;
import dev.gcscope.parsers.io.LineReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A cgroup's CPU bandwidth counters sampled over time: timestamped dumps of {@code cpu.stat}, cgroup v1
 * ({@code nr_periods}, {@code nr_throttled}, {@code throttled_time} in ns) or v2 ({@code usage_usec},
 * {@code nr_periods}, {@code nr_throttled}, {@code throttled_usec}), into one row per dump with the
 * per-interval periods, throttled periods and throttled time ({@link CpuStatColumns}).
 */
public final class CpuStatLogParser implements TraceParser {
    public static final TraceFormat FORMAT = new TraceFormat("cgroup-cpu-stat", "cgroup cpu.stat sampled over time",
            "sample the cgroup's cpu.stat with a timestamp before each dump: while sleep 0.1; do date +%s.%N;"
                    + " cat /sys/fs/cgroup/cpu.stat; done > cpu.log (cgroup v1: /sys/fs/cgroup/cpu/GROUP/cpu.stat)");

    @Override
    public TraceFormat format() {
        return FORMAT;
    }

    /**
     * Sure on the kernel's own field names at the start of lines ({@code nr_periods} with
     * {@code nr_throttled}, or v2's {@code usage_usec} with {@code user_usec}); surer with timestamp
     * lines between them.
     */
    @Override
    public Probe probe(TraceSample sample) {
        if (sample.looksBinary()) return Probe.NO;
        int periods = 0, throttled = 0, usage = 0, user = 0, times = 0, lines = 0;
        List<String> stripped = new ArrayList<>();
        for (String line : sample.lines()) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            lines++;
            stripped.add(t);
            if (t.startsWith("nr_periods ") || t.contains(" nr_periods ")) periods++;
            if (t.startsWith("nr_throttled ") || t.contains(" nr_throttled ")) throttled++;
            if (t.startsWith("usage_usec ") || t.contains(" usage_usec ")) usage++;
            if (t.startsWith("user_usec ") || t.contains(" user_usec ")) user++;
        }
        boolean bandwidth = periods > 0 && throttled > 0, v2Usage = usage > 0 && user > 0;
        if (!bandwidth && !v2Usage) return Probe.NO;
        // Timestamps only once the field names said cpu.stat: every other format's detection (a gctrace
        // summary's included) would pay two regular expressions and a split per line for nothing.
        for (String t : stripped) {
            if (DumpTime.parse(t) != null || DumpTime.parse(t.split("\\s+", 2)[0]) != null) times++;
        }
        String evidence = String.format(Locale.ROOT, "%d nr_periods, %d nr_throttled and %d usage_usec lines, %d timestamp lines in %d lines",
                periods, throttled, usage, times, lines);
        return new Probe(times > 0 ? 0.97 : 0.8, evidence);
    }

    @Override
    public ParseResult parse(DecodedInput in, ParseListener listener, ParseOptions options) throws IOException {
        ParseReport.Builder report = ParseReport.builder(in.name());
        CpuStatTable table = new CpuStatTable();
        CpuStatRun run = new CpuStatRun(report, table);
        LineReader.Outcome outcome = new LineReader().read(in, run, listener);
        String encoding = in.encoding();
        run.finish();
        report.linesRead(outcome.lines());
        if (!encoding.isEmpty()) report.note("input decoded from " + encoding);
        Table t = table.build();
        table.addNotes(report);
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put(CpuStatColumns.TABLE, t);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("cgroup_version", run.cgroupVersion());
        attributes.put("samples", Integer.toString(table.size()));
        return new ParseResult(FORMAT, in.name(), tables, report.build(), attributes);
    }
}
