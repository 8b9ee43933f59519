package dev.gcscope.parsers;

import java.io.IOException;

/**
 * An input that cannot be read or recognised. The message is one line, starts with the input's
 * name and says what to do, so the CLI prints it as it is and the app shows it as it is.
 */
public class TraceInputException extends IOException {
    private static final long serialVersionUID = 1L;

    public TraceInputException(String message) {
        super(message);
    }

    public TraceInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
