package dev.gcscope.parsers.perfsched;

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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * {@code perf sched timehist} output (Linux 4.10+, formats.md §2.2) with any of its options
 * ({@code -w -M -V -n --state --show-prio -P -g}) and its summaries ({@code -s}, {@code -S}, {@code -I}),
 * into an events table (one row per printed event, {@link TimehistColumns}), a summary table, the
 * idle stats per CPU and the summary totals.
 */
public final class PerfSchedTimehistParser implements TraceParser {
    public static final TraceFormat FORMAT = new TraceFormat("perf-sched-timehist", "perf sched timehist",
            "record with 'perf sched record -- ./app' and save 'perf sched timehist > timehist.txt'");

    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final int MIN_EXPECTED_ROWS = 1024;
    /** Event rows of a sample that make a file certainly timehist output, with or without its header. */
    private static final int SURE_ROWS = 8;

    @Override
    public TraceFormat format() {
        return FORMAT;
    }

    /**
     * Decisive on perf's own markers: the header ({@code time cpu task name wait time sch delay run
     * time}), event rows ({@code 12345.678901 [0001]  comm[12/12]  0.000  0.002  0.123}) or a summary
     * title with its column header ({@code Runtime summary} / {@code comm parent sched-in}).
     */
    @Override
    public Probe probe(TraceSample sample) {
        byte[] b = sample.bytes();
        TimehistLine row = new TimehistLine();
        int header = 0, rows = 0, summary = 0, lines = 0;
        int s = 0;
        for (int i = 0; i <= b.length; i++) {
            if (i < b.length && b[i] != '\n' && b[i] != '\r') continue;
            if (i > s) {
                lines++;
                int p = PasteText.textStart(b, s, i);
                int q = PasteText.trimEnd(b, p, i);
                if (TimehistRun.isHeader(b, p, q)) {
                    header++;
                } else if (row.parse(b, p, q) >= 0) {
                    rows++;
                } else if (PasteText.startsWith(b, p, q, "Runtime summary") || PasteText.startsWith(b, p, q, "Wait-time summary")
                        || PasteText.startsWith(b, p, q, "Idle-time summary")
                        || PasteText.startsWith(b, p, q, "comm ") && PasteText.contains(b, p, q, "parent")
                                && (PasteText.contains(b, p, q, "sched-in") || PasteText.contains(b, p, q, "sched-out"))
                        || PasteText.startsWith(b, p, q, "Total number of context switches:")) {
                    summary++;
                }
            }
            s = i + 1;
        }
        if (header > 0) {
            return new Probe(Math.min(1.0, 0.9 + 0.01 * rows), String.format(Locale.ROOT,
                    "a 'time cpu task name wait time sch delay run time' header and %d event rows in %d lines", rows, lines));
        }
        if (summary >= 2) {
            return new Probe(Math.min(1.0, 0.85 + 0.01 * rows), String.format(Locale.ROOT,
                    "a timehist summary ('Runtime summary', 'comm parent sched-in ...') and %d event rows in %d lines", rows, lines));
        }
        if (rows > 0) {
            return new Probe(Math.min(0.95, 0.5 + 0.45 * rows / SURE_ROWS), String.format(Locale.ROOT,
                    "%d rows like '12345.678901 [0001]  comm[12/12]  0.000  0.002  0.123' in %d lines", rows, lines));
        }
        return summary > 0 ? new Probe(0.4, "a line of a timehist summary, no events") : Probe.NO;
    }

    @Override
    public ParseResult parse(DecodedInput in, ParseListener listener, ParseOptions options) throws IOException {
        ParseReport.Builder report = ParseReport.builder(in.name());
        TimehistTableBuilder events = new TimehistTableBuilder(expectedRows(in), options);
        TimehistRun run = new TimehistRun(report, events);
        LineReader.Outcome outcome = new LineReader().read(in, run, listener);
        run.addNotes();
        report.linesRead(outcome.lines());
        if (!in.encoding().isEmpty()) report.note("input decoded from " + in.encoding());
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put(TimehistColumns.EVENTS_TABLE, events.build());
        TimehistSummaryReader summary = run.summary();
        tables.put(TimehistColumns.SUMMARY_TABLE, summary.summaryTable());
        tables.put(TimehistColumns.IDLE_TABLE, summary.idleTable());
        tables.put(TimehistColumns.TOTALS_TABLE, summary.totalsTable());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("options", run.options());
        attributes.putAll(run.perfHeader().attributes());
        if (run.perfHeader().attributes().containsKey(TimehistColumns.ATTR_CAPTURED_ON_S)) {
            report.note("perf header: 'captured on' read as UTC (perf prints the recording machine's local time)");
        }
        return new ParseResult(FORMAT, in.name(), tables, report.build(), attributes);
    }

    /**
     * Rows to allocate up front, from the density of lines in the first 64 KiB, so a big file does
     * not pay for repeated growth (each growth briefly doubles the buffers).
     */
    private static int expectedRows(DecodedInput in) throws IOException {
        long size = in.storedSize();
        if (size <= SAMPLE_BYTES) return MIN_EXPECTED_ROWS;
        TraceSample sample = in.sample();
        byte[] b = sample.bytes();
        if (b.length == 0 || !sample.encoding().isEmpty()) return MIN_EXPECTED_ROWS;
        int lines = 0;
        for (byte c : b) {
            if (c == '\n') lines++;
        }
        double perByte = (double) lines / b.length;
        long expected = (long) (size * perByte * 1.02) + MIN_EXPECTED_ROWS;
        return (int) Math.min(expected, 1 << 26);
    }
}
