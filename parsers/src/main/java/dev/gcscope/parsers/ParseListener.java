package dev.gcscope.parsers;

/**
 * Progress of a parse, in bytes of the input as stored (compressed bytes for a gzip file). Returning
 * {@code false} asks the parser to stop; it then throws {@link ParseCancelledException}. Called from
 * the parsing thread, at most once per read buffer, so an implementation must be cheap and must hop
 * to its own thread for UI work.
 */
@FunctionalInterface
public interface ParseListener {
    ParseListener NONE = (done, total) -> true;

    /**
     * @param bytesDone bytes of the stored input consumed so far
     * @param bytesTotal total stored size, or -1 when unknown
     * @return {@code true} to go on, {@code false} to cancel
     */
    boolean progress(long bytesDone, long bytesTotal);

    /**
     * The parse waits for something outside it, e.g. a FIFO that no program has opened for writing
     * yet; {@code message} is one line naming the input. Called once per wait, after a few seconds.
     */
    default void waiting(String message) {}

    /**
     * For a followed input ({@link FollowedSource}): whether to hand out what has been parsed so far
     * now, through {@link #snapshot}. Asked on the parsing thread between reads, and only when lines
     * were parsed since the last one; an implementation decides how often (a few times a second at
     * most) and must be cheap. Formats that cannot hand
     * out a partial parse never ask.
     */
    default boolean snapshotDue() {
        return false;
    }

    /**
     * What has been parsed so far, built without disturbing the parse: its tables share the parser's
     * buffers up to their current size (rows are only ever added after them), so the result stays
     * valid on any thread while the parse goes on. A line held to be joined with the next is not in it yet.
     */
    default void snapshot(ParseResult soFar) {}
}
