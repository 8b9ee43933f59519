package dev.gcscope.parsers;

/**
 * One line gcscope could not use as it stood.
 *
 * @param line 1-based line number in the (decompressed) input
 * @param reason why, in words a user can act on
 * @param excerpt the start of the line, control characters and invalid bytes made visible
 */
public record ParseIssue(long line, String reason, String excerpt) {
    /** {@code file:line: reason: excerpt}, the form compilers use, so editors can jump to it. */
    public String describe(String sourceName) {
        return sourceName + ":" + line + ": " + reason + (excerpt.isEmpty() ? "" : ": " + excerpt);
    }
}
