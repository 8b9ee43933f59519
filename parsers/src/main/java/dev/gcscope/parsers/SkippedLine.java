package dev.gcscope.parsers;

/**
 * One line a parse skipped, as the parse report lists it.
 *
 * @param line 1-based line number in the (decompressed) input
 * @param kind why it was skipped, one of the report's kinds ("other text", "blank", "malformed", …)
 * @param excerpt the start of the line, control characters and invalid bytes made visible
 */
public record SkippedLine(long line, String kind, String excerpt) {
    /** {@code file:line: kind: excerpt}, as {@link ParseIssue#describe} writes an issue. */
    public String describe(String sourceName) {
        return sourceName + ":" + line + ": " + kind + (excerpt.isEmpty() ? "" : ": " + excerpt);
    }
}
