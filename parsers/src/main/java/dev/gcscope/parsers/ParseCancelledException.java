package dev.gcscope.parsers;

import java.util.concurrent.CancellationException;

/** Thrown by a parse when its {@link ParseListener} asked to stop. */
public final class ParseCancelledException extends CancellationException {
    private static final long serialVersionUID = 1L;

    public ParseCancelledException(String sourceName) {
        super("parsing " + sourceName + " was cancelled");
    }
}
