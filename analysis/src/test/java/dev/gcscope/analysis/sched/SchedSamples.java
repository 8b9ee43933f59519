package dev.gcscope.analysis.sched;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** Parsed samples and their raw text, for the scheduler analysis and view tests. */
public final class SchedSamples {
    public static final String TIMEHIST = "perf/go1.24-gmp2-timehist.txt.gz";
    public static final String LATENCY_P = "perf/go1.24-gmp4-quota50-latency-p.txt";
    public static final String METRICS_LINES = "metrics/go1.24-phases-histograms.jsonl";
    public static final String METRICS_LIST = "metrics/go1.24-phases-histograms-list.json";
    public static final String SCRAPES = "metrics/go1.24-client_golang-1.21.1-scrapes.txt";
    public static final String PAIRED_GCTRACE = "paired/go1.24-phases-gctrace.log";
    public static final String PAIRED_METRICS = "paired/go1.24-phases-histograms.jsonl";

    private SchedSamples() {}

    public static ParseResult parse(String path) {
        return parse(path, SampleTraces.get(path).bytes());
    }

    public static ParseResult parse(String name, byte[] bytes) {
        try {
            return TraceLoader.standard().load(TraceSource.of(name, bytes), null, ParseListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        byte[] b = SampleTraces.get(path).bytes();
        try {
            if (path.endsWith(".gz")) b = new GZIPInputStream(new ByteArrayInputStream(b)).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
