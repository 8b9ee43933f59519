package dev.gcscope.parsers;

import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The parse results of bundled samples, each sample parsed once. A sample test class runs several
 * checks over every sample; parsing the same bytes again for each check only costs time (the perf
 * sched timehist tests parsed every sample eight times). Hold one in an instance field of a
 * {@code @TestInstance(PER_CLASS)} test class, so the results live as long as that class runs.
 * The checks only read the tables.
 */
public final class ParsedSamples {
    /** How the test class parses one sample. */
    @FunctionalInterface
    public interface Parse {
        ParseResult parse(Sample sample) throws IOException;
    }

    private final Parse parse;
    private final Map<String, ParseResult> results = new HashMap<>();

    public ParsedSamples(Parse parse) {
        this.parse = parse;
    }

    public ParseResult of(Sample sample) {
        ParseResult r = results.get(sample.path());
        if (r == null) {
            try {
                r = parse.parse(sample);
            } catch (IOException e) {
                throw new UncheckedIOException(sample.path(), e);
            }
            results.put(sample.path(), r);
        }
        return r;
    }
}
