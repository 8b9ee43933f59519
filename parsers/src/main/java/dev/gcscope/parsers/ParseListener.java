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
}
