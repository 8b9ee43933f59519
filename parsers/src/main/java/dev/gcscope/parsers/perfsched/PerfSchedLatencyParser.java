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
 * {@code perf sched latency} output of every perf era (formats.md §2.1), as printed or pasted into
 * mails and commit messages, into a tasks table (one row per task, {@link LatencyColumns}) and a
 * totals table (the {@code TOTAL:} row of each table).
 */
public final class PerfSchedLatencyParser implements TraceParser {
    public static final TraceFormat FORMAT = new TraceFormat("perf-sched-latency", "perf sched latency",
            "record with 'perf sched record -- ./app' and save 'perf sched latency > latency.txt'");

    /** Rows of a sample that make a file certainly a latency table, with or without its header. */
    private static final int SURE_ROWS = 6;

    @Override
    public TraceFormat format() {
        return FORMAT;
    }

    /**
     * Decisive on either of perf's own markers: the header ({@code Task | Runtime ms | Switches|Count
     * | ...}) or rows of bar-separated fields with {@code avg:} and {@code max:} keys after an
     * {@code N ms} runtime.
     */
    @Override
    public Probe probe(TraceSample sample) {
        byte[] b = sample.bytes();
        LatencyRow row = new LatencyRow();
        int header = 0, rows = 0, lines = 0;
        int s = 0;
        for (int i = 0; i <= b.length; i++) {
            if (i < b.length && b[i] != '\n' && b[i] != '\r') continue;
            if (i > s) {
                lines++;
                int p = PasteText.textStart(b, s, i);
                int q = PasteText.trimEnd(b, p, i);
                if (LatencyLayout.isHeader(b, p, q)) {
                    header++;
                } else if (q > p && row.parse(b, p, q) && (row.has(LatencyRow.KEY_AVG) || row.has(LatencyRow.KEY_MAX))) {
                    rows++;
                }
            }
            s = i + 1;
        }
        if (header > 0) {
            return new Probe(Math.min(1.0, 0.9 + 0.02 * rows),
                    String.format(Locale.ROOT, "a 'Task | Runtime ms | ...' header and %d latency rows in %d lines", rows, lines));
        }
        if (rows > 0) {
            return new Probe(Math.min(0.95, 0.5 + 0.45 * rows / SURE_ROWS),
                    String.format(Locale.ROOT, "%d rows like 'task | N ms | N | avg: N ms | max: N ms' in %d lines", rows, lines));
        }
        return Probe.NO;
    }

    @Override
    public ParseResult parse(DecodedInput in, ParseListener listener, ParseOptions options) throws IOException {
        ParseReport.Builder report = ParseReport.builder(in.name());
        LatencyTableBuilder tables = new LatencyTableBuilder(options);
        LatencyRun run = new LatencyRun(report, tables);
        LineReader.Outcome outcome = new LineReader().read(in, run, listener);
        run.finish();
        run.addNotes();
        report.linesRead(outcome.lines());
        if (!in.encoding().isEmpty()) report.note("input decoded from " + in.encoding());
        Map<String, Table> result = new LinkedHashMap<>();
        result.put(LatencyColumns.TASKS_TABLE, tables.tasksTable());
        result.put(LatencyColumns.TOTALS_TABLE, tables.totalsTable());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("layout", run.layouts());
        return new ParseResult(FORMAT, in.name(), result, report.build(), attributes);
    }
}
