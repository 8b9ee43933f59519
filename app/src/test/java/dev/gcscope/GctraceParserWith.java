package dev.gcscope;

import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.Probe;
import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.TraceSample;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import java.io.IOException;

/**
 * The gctrace parser as the loader sees it (its format and probe), parsing the test's way: one that
 * runs out of memory on cue, crashes, or is held at its start.
 */
public final class GctraceParserWith implements TraceParser {
    /** A parse, given the real parser to hand the input to when it wants to. */
    @FunctionalInterface
    public interface Parse {
        ParseResult parse(GcTraceParser real, DecodedInput in, ParseListener listener, ParseOptions options) throws IOException;
    }

    private final GcTraceParser real = new GcTraceParser();
    private final Parse parse;

    public GctraceParserWith(Parse parse) {
        this.parse = parse;
    }

    @Override
    public TraceFormat format() {
        return real.format();
    }

    @Override
    public Probe probe(TraceSample sample) {
        return real.probe(sample);
    }

    @Override
    public ParseResult parse(DecodedInput in, ParseListener listener, ParseOptions options) throws IOException {
        return parse.parse(real, in, listener, options);
    }
}
