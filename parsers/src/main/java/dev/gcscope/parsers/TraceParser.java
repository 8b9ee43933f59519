package dev.gcscope.parsers;

import java.io.IOException;

/**
 * One input format: a cheap probe that says how sure it is that a sample is in this format, and a
 * parse that turns the whole input into tables plus a report of everything it skipped.
 *
 * <p>Implementations never throw on malformed content; they count and report it (damaged
 * compressed data included). They only throw {@link IOException} when the bytes cannot be read, and
 * {@link ParseCancelledException} when the listener asked to stop.
 */
public interface TraceParser {

    TraceFormat format();

    /** How sure this parser is that {@code sample} (the first bytes of the input) is its format. */
    Probe probe(TraceSample sample);

    /**
     * Parses {@code in} from its first byte to its end, in one pass: a pipe cannot be read twice.
     * The main table has the columns {@code options} asks for, in their usual order.
     */
    ParseResult parse(DecodedInput in, ParseListener listener, ParseOptions options) throws IOException;

    /** Opens {@code source} once and parses it. */
    default ParseResult parse(TraceSource source, ParseListener listener, ParseOptions options) throws IOException {
        try (DecodedInput in = source.open(listener)) {
            return parse(in, listener, options);
        }
    }

    default ParseResult parse(TraceSource source, ParseListener listener) throws IOException {
        return parse(source, listener, ParseOptions.ALL);
    }

    default ParseResult parse(TraceSource source) throws IOException {
        return parse(source, ParseListener.NONE, ParseOptions.ALL);
    }
}
