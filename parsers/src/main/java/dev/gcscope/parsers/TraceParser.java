package dev.gcscope.parsers;

import java.io.IOException;

/**
 * One input format: a cheap probe that says how sure it is that a sample is in this format, and a
 * parse that turns the whole input into tables plus a report of everything it skipped.
 *
 * <p>Implementations never throw on malformed content; they count and report it. They only throw
 * {@link IOException} when the bytes cannot be read, and {@link ParseCancelledException} when the
 * listener asked to stop.
 */
public interface TraceParser {

    TraceFormat format();

    /** How sure this parser is that {@code sample} (the first bytes of the input) is its format. */
    Probe probe(TraceSample sample);

    /** Parses {@code source}; the main table has the columns {@code options} asks for, in their usual order. */
    ParseResult parse(TraceSource source, ParseListener listener, ParseOptions options) throws IOException;

    default ParseResult parse(TraceSource source, ParseListener listener) throws IOException {
        return parse(source, listener, ParseOptions.ALL);
    }

    default ParseResult parse(TraceSource source) throws IOException {
        return parse(source, ParseListener.NONE, ParseOptions.ALL);
    }
}
