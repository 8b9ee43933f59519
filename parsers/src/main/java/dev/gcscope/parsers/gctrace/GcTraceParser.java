package dev.gcscope.parsers.gctrace;

import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.ParseCancelledException;
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
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * {@code GODEBUG=gctrace=1} output of every Go release (1.0 to 1.26), with whatever log collectors
 * and pastes wrap around it, into a cycles table (one row per GC cycle, {@link GcColumns}) and a
 * scavenger table.
 */
public final class GcTraceParser implements TraceParser {
    public static final TraceFormat FORMAT = new TraceFormat("gctrace", "Go GC trace (GODEBUG=gctrace=1)",
            "run the program with GODEBUG=gctrace=1 and keep its stderr: GODEBUG=gctrace=1 ./app 2> gc.log");

    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final int MIN_EXPECTED_ROWS = 1024;

    private final int referenceYear;
    private final ChunkedGcParse.Settings chunks;

    public GcTraceParser() {
        this(java.time.Year.now(ZoneOffset.UTC).getValue());
    }

    /** @param referenceYear the year assumed for syslog timestamps, which carry none */
    public GcTraceParser(int referenceYear) {
        this(referenceYear, ChunkedGcParse.Settings.defaults());
    }

    /** With its own rule for splitting a large file across threads (tests split small ones). */
    GcTraceParser(int referenceYear, ChunkedGcParse.Settings chunks) {
        this.referenceYear = referenceYear;
        this.chunks = chunks;
    }

    @Override
    public TraceFormat format() {
        return FORMAT;
    }

    @Override
    public Probe probe(TraceSample sample) {
        GcLineParser parser = new GcLineParser();
        GcLine line = new GcLine();
        SideLineClassifier sides = new SideLineClassifier();
        byte[] b = sample.bytes();
        int complete = 0, started = 0, side = 0, lines = 0;
        String example = null;
        int s = 0;
        for (int i = 0; i <= b.length; i++) {
            if (i < b.length && b[i] != '\n' && b[i] != '\r') continue;
            if (i > s) {
                lines++;
                int anchor = GcTraceRun.findAnchor(b, s, i);
                if (anchor >= 0) {
                    started++;
                    // the fast path first, as GcTraceRun reads lines: it takes nearly every line of a real trace
                    if (FastGcLine.parse(b, anchor, i, line) || parser.parse(b, anchor, i, false, line) == GcLineParser.COMPLETE) {
                        complete++;
                        if (example == null) example = new String(b, anchor, Math.min(i - anchor, 60), StandardCharsets.ISO_8859_1);
                    }
                } else {
                    SideLine kind = sides.classify(b, s, i);
                    if (kind == SideLine.SCAVENGER || kind == SideLine.PACER || kind == SideLine.GC_FORCED) side++;
                }
            }
            s = i + 1;
        }
        if (complete > 0) {
            double c = Math.min(1.0, 0.75 + 0.05 * complete);
            return new Probe(c, String.format(Locale.ROOT, "%d of %d lines are gc lines, like '%s…'", complete, lines, example));
        }
        if (started > 0 || side > 0) {
            return new Probe(0.4, String.format(Locale.ROOT,
                    "%d gc line starts and %d scavenger/pacer lines, but no complete gc line", started, side));
        }
        return Probe.NO;
    }

    @Override
    public ParseResult parse(DecodedInput in, ParseListener listener, ParseOptions options) throws IOException {
        long size = in.storedSize();
        if (in.plainFile().isPresent() && chunks.splits(size)) {
            ParseReport.Builder report = ParseReport.builder(in.name());
            GcTraceRun run = new GcTraceRun(report, expectedRows(in), referenceYear, options);
            long lines = ChunkedGcParse.parse(in.plainFile().get(), size, in.name(), run, listener, chunks);
            if (lines >= 0) return result(in, run, report, lines);
        }
        ParseReport.Builder report = ParseReport.builder(in.name());
        GcTraceRun run = new GcTraceRun(report, expectedRows(in), referenceYear, options);
        ParseListener lines = withSnapshots(listener, in, run, report);
        // A followed input waits for its writer inside a read: between lines, so the listener is heard then too.
        in.whileWaiting(() -> {
            if (!lines.progress(in.storedBytesRead(), in.storedSize())) throw new ParseCancelledException(in.name());
        });
        LineReader.Outcome outcome = new LineReader().read(in, run, lines);
        return result(in, run, report, outcome.lines());
    }

    private static ParseResult result(DecodedInput in, GcTraceRun run, ParseReport.Builder report, long lines) {
        run.finish();
        run.cycles().trim();
        run.addNotes();
        report.linesRead(lines);
        if (!in.encoding().isEmpty()) report.note("input decoded from " + in.encoding());
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put(GcColumns.CYCLES_TABLE, run.cycles().build(GcColumns.CYCLES_TABLE));
        tables.put(GcColumns.SCAVENGER_TABLE, run.scavenger().build(GcColumns.SCAVENGER_TABLE));
        return new ParseResult(FORMAT, in.name(), tables, report.build(), attributes(run));
    }

    /**
     * The listener the line reader calls after each read (and a followed input while it waits):
     * {@code listener}, and, when it wants them, the cycles so far. The reader calls it before it
     * splits the bytes just read, with every line before them handed to {@code run}: the state is
     * whole then.
     */
    private static ParseListener withSnapshots(ParseListener listener, DecodedInput in, GcTraceRun run,
                                               ParseReport.Builder report) {
        return new ParseListener() {
            /** The lines the last parse handed out had: only a parse with more lines is news. */
            private long linesShown;

            @Override
            public boolean progress(long bytesDone, long bytesTotal) {
                if (!listener.progress(bytesDone, bytesTotal)) return false;
                if (run.linesSeen() != linesShown && listener.snapshotDue()) {
                    linesShown = run.linesSeen();
                    listener.snapshot(soFar(in, run, report));
                }
                return true;
            }

            @Override
            public void waiting(String message) {
                listener.waiting(message);
            }
        };
    }

    /** The parse so far; the builders go on untouched (the cycles table shares their buffers up to its size). */
    private static ParseResult soFar(DecodedInput in, GcTraceRun run, ParseReport.Builder report) {
        java.util.List<String> notes = new java.util.ArrayList<>(run.notes());
        if (!in.encoding().isEmpty()) notes.add("input decoded from " + in.encoding());
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put(GcColumns.CYCLES_TABLE, run.cycles().build(GcColumns.CYCLES_TABLE));
        tables.put(GcColumns.SCAVENGER_TABLE, run.scavenger().snapshot(GcColumns.SCAVENGER_TABLE));
        return new ParseResult(FORMAT, in.name(), tables, report.snapshot(run.linesSeen(), notes), attributes(run));
    }

    private static Map<String, String> attributes(GcTraceRun run) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Set<GcDialect> dialects = run.dialects();
        attributes.put("dialects", dialects.stream().map(GcDialect::label).collect(Collectors.joining(",")));
        attributes.put("go_versions", goVersions(dialects));
        return attributes;
    }

    /** The Go releases the dialects seen imply, e.g. {@code Go 1.18+} or {@code Go 1.6–1.17}. */
    static String goVersions(Set<GcDialect> dialects) {
        if (dialects.isEmpty()) return "";
        GcDialect first = dialects.iterator().next();
        GcDialect last = first;
        for (GcDialect d : dialects) last = d;
        String from = first.firstRelease();
        String to = last.lastRelease();
        if (to == null) return "Go " + from + "+";
        return from.equals(to) ? "Go " + from : "Go " + from + "–" + to;
    }

    /**
     * Rows to allocate up front, from the density of gc lines in the first 64 KiB, so a big file
     * does not pay for repeated array growth (each growth briefly doubles the buffers).
     */
    private static int expectedRows(DecodedInput in) throws IOException {
        long size = in.storedSize();
        if (size <= SAMPLE_BYTES) return MIN_EXPECTED_ROWS;
        TraceSample sample = in.sample();
        byte[] b = sample.bytes();
        if (b.length == 0 || !sample.encoding().isEmpty()) return MIN_EXPECTED_ROWS;
        int gcLines = 0;
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] == 'g' && b[i + 1] == 'c' && (b[i + 2] == ' ' || GcLineParser.isDigit(b[i + 2]))
                    && (i == 0 || b[i - 1] == '\n' || b[i - 1] == ' ')) {
                gcLines++;
            }
        }
        double perByte = (double) gcLines / b.length;
        long expected = (long) (size * perByte * 1.05) + MIN_EXPECTED_ROWS;
        return (int) Math.min(expected, 1 << 26);
    }
}
