package dev.gcscope.parsers.metrics;

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
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prometheus text exposition (0.0.4) and OpenMetrics scrapes of a Go program, typically of
 * client_golang's Go collector: runtime/metrics histograms ({@code go_sched_latencies_seconds},
 * {@code go_gc_pauses_seconds[_total]}, …), the {@code go_gc_duration_seconds} summary, counters and
 * gauges. One scrape or many appended to one file; pasted and quoted copies too. See
 * {@link MetricsColumns} for the tables.
 */
public final class PrometheusTextParser implements TraceParser {
    public static final TraceFormat FORMAT = new TraceFormat("prometheus",
            "Prometheus/OpenMetrics scrape of a Go program",
            "save the program's metrics endpoint, once or repeatedly:"
                    + " while sleep 10; do curl -s localhost:2112/metrics; done >> scrapes.txt");

    @Override
    public TraceFormat format() {
        return FORMAT;
    }

    @Override
    public Probe probe(TraceSample sample) {
        if (sample.looksBinary()) return Probe.NO;
        byte[] b = sample.bytes();
        ExpositionLine x = new ExpositionLine();
        int meta = 0, eof = 0, buckets = 0, samples = 0, lines = 0, bareNumbers = 0;
        String example = null;
        int s = 0;
        for (int i = 0; i <= b.length; i++) {
            if (i < b.length && b[i] != '\n' && b[i] != '\r') continue;
            int p = ExpositionLineKinds.skipQuotePrefix(b, s, i);
            int e = i;
            while (e > p && (b[e - 1] == ' ' || b[e - 1] == '\t')) e--;
            if (e > p) {
                lines++;
                String head = new String(b, p, Math.min(e - p, 7), StandardCharsets.ISO_8859_1);
                if (head.startsWith("# HELP ") || head.startsWith("# TYPE ")) {
                    meta++;
                    if (example == null) example = new String(b, p, Math.min(e - p, 60), StandardCharsets.ISO_8859_1);
                } else if (head.equals("# EOF")) {
                    eof++;
                } else if (isBareNumber(b, p, e)) {
                    bareNumbers++;
                } else if (b[p] != '#' && x.parse(b, p, e) && x.lookedLikeSample) {
                    samples++;
                    if (x.name.endsWith("_bucket") && x.label("le") != null) buckets++;
                    if (example == null) example = new String(b, p, Math.min(e - p, 60), StandardCharsets.ISO_8859_1);
                }
            }
            s = i + 1;
        }
        String evidence = String.format(Locale.ROOT, "%d HELP/TYPE lines, %d samples (%d histogram buckets) in %d lines%s",
                meta, samples, buckets, lines, example == null ? "" : ", like '" + example + "'");
        if (meta > 0 && samples > 0) return new Probe(Math.min(1.0, 0.9 + 0.01 * samples), evidence);
        if (buckets >= 2 || (eof > 0 && samples > 0)) return new Probe(0.9, evidence);
        // A line holding only a number is never exposition text, but is a log of dumps stamped by date +%s.%N (cgroup cpu.stat).
        if (samples >= 3 && samples * 2 >= lines) return new Probe(bareNumbers > 0 ? 0.2 : 0.6, evidence);
        if (meta > 0 || buckets > 0) return new Probe(0.45, evidence);
        if (samples > 0) return new Probe(0.2, evidence);
        return Probe.NO;
    }

    @Override
    public ParseResult parse(DecodedInput in, ParseListener listener, ParseOptions options) throws IOException {
        ParseReport.Builder report = ParseReport.builder(in.name());
        PrometheusRun run = new PrometheusRun(report, options);
        LineReader.Outcome outcome = new LineReader().read(in, run, listener);
        run.finish();
        run.addNotes();
        report.linesRead(outcome.lines());
        if (!in.encoding().isEmpty()) report.note("input decoded from " + in.encoding());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("go_versions", run.releases().describe());
        attributes.put("snapshots", Integer.toString(run.tables().snapshots()));
        attributes.put("restarts", Integer.toString(run.tables().restarts().size()));
        attributes.put("client_golang", run.clientHints());
        return new ParseResult(FORMAT, in.name(), run.tables().build(), report.build(), attributes);
    }

    private static boolean isBareNumber(byte[] b, int from, int to) {
        boolean digit = false;
        for (int i = from; i < to; i++) {
            if (b[i] >= '0' && b[i] <= '9') digit = true;
            else if (b[i] != '.') return false;
        }
        return digit;
    }
}
