package dev.gcscope.parsers;

import java.io.IOException;

/**
 * Detects an input's format (or takes the one given) and parses it: what the CLI and the app both
 * do. The input is opened once; detection reads the first bytes of that one stream.
 */
public final class TraceLoader {
    private final TraceParsers parsers;

    public TraceLoader(TraceParsers parsers) {
        this.parsers = parsers;
    }

    public static TraceLoader standard() {
        return new TraceLoader(TraceParsers.standard());
    }

    public TraceParsers parsers() {
        return parsers;
    }

    /**
     * @param formatId a format id to use instead of detection, or null to detect by content
     * @throws TraceInputException with a one-line message when the input cannot be read or recognised
     */
    public ParseResult load(TraceSource source, String formatId, ParseListener listener) throws IOException {
        return load(source, formatId, listener, ParseOptions.ALL);
    }

    /** As {@link #load(TraceSource, String, ParseListener)}, building only what {@code options} asks for. */
    public ParseResult load(TraceSource source, String formatId, ParseListener listener, ParseOptions options)
            throws IOException {
        try (DecodedInput in = source.open(listener)) {
            return parserFor(in, formatId).parse(in, listener, options);
        }
    }

    /**
     * The parser for {@code source}: the one named by {@code formatId}, or detected by content when
     * null (which opens the source: for a stream source, use {@link #parserFor(DecodedInput, String)}).
     */
    public TraceParser parserFor(TraceSource source, String formatId) throws IOException {
        if (formatId != null) return parsers.require(formatId);
        try (DecodedInput in = source.open()) {
            return parsers.detect(in);
        }
    }

    /** The parser for an opened input, from its sample; reading it then starts at its first byte. */
    public TraceParser parserFor(DecodedInput in, String formatId) throws IOException {
        return formatId == null ? parsers.detect(in) : parsers.require(formatId);
    }
}
