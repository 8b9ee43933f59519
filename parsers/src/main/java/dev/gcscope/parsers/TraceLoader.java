package dev.gcscope.parsers;

import java.io.IOException;

/** Detects an input's format (or takes the one given) and parses it: what the CLI and the app both do. */
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
        return parserFor(source, formatId).parse(source, listener, options);
    }

    /** The parser for {@code source}: the one named by {@code formatId}, or detected by content when null. */
    public TraceParser parserFor(TraceSource source, String formatId) throws IOException {
        return formatId == null ? parsers.detect(source) : parsers.require(formatId);
    }
}
