package dev.gcscope.cli;

import dev.gcscope.parsers.TraceInputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Turns every failure into one line on stderr that starts with {@code gcscope: } and into an exit
 * status. A stack trace follows only when {@code GCSCOPE_DEBUG=1}: users of a command-line tool act on
 * the message, and a trace would bury it.
 */
final class ErrorReporter {
    static final String PREFIX = "gcscope: ";
    static final String DEBUG_VARIABLE = "GCSCOPE_DEBUG";
    private static final String REPORT_HINT = "this is a bug in gcscope; please report it with the command line"
            + " (set " + DEBUG_VARIABLE + "=1 to see the stack trace)";

    private final PrintWriter err;
    private final boolean debug;

    ErrorReporter(PrintWriter err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    /** A usage error: the message as it is, with where to read more. */
    int usage(String message, String commandName) {
        String text = oneLine(message);
        if (text.endsWith(".")) text = text.substring(0, text.length() - 1); // picocli ends some with a period
        err.println(PREFIX + text + " (see 'gcscope help" + (commandName.isEmpty() ? "" : " " + commandName) + "')");
        err.flush();
        return ExitStatus.USAGE;
    }

    /** An input or output problem whose message already names the file and says what is wrong. */
    int input(String message) {
        err.println(PREFIX + oneLine(message));
        err.flush();
        return ExitStatus.INPUT;
    }

    /** A remark that is not a failure, e.g. that an exported file had lines gcscope could not use. */
    void note(String message) {
        err.println(PREFIX + oneLine(message));
        err.flush();
    }

    /** Any throwable: input problems by their message, everything else as an internal error. */
    int report(Throwable t) {
        err.println(PREFIX + message(t));
        if (debug) t.printStackTrace(err);
        err.flush();
        return status(t);
    }

    /** The one line {@link #report} prints for {@code t}, without the {@code gcscope: } prefix. */
    static String message(Throwable t) {
        if (t instanceof TraceInputException) return oneLine(t.getMessage());
        if (t instanceof UncheckedIOException u && u.getCause() instanceof TraceInputException cause) return oneLine(cause.getMessage());
        if (outOfMemory(t)) {
            long maxMb = Runtime.getRuntime().maxMemory() >> 20;
            return String.format(Locale.ROOT, "out of memory (the Java heap limit is %d MB); run it with a larger one,"
                    + " e.g. java -Xmx8g -jar gcscope.jar ...", maxMb);
        }
        String what = t.getClass().getSimpleName();
        String message = t.getMessage() == null ? "" : ": " + oneLine(t.getMessage());
        return "internal error (" + what + message + "); " + REPORT_HINT;
    }

    /** The exit status for {@code t}: {@link ExitStatus#INPUT} for input and memory problems, else internal. */
    static int status(Throwable t) {
        if (t instanceof TraceInputException || outOfMemory(t)
                || t instanceof UncheckedIOException u && u.getCause() instanceof TraceInputException) {
            return ExitStatus.INPUT;
        }
        return ExitStatus.INTERNAL;
    }

    /** Out of memory, also when a worker thread ran out and the error arrives wrapped. */
    static boolean outOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError) return true;
        }
        return false;
    }

    static String oneLine(String message) {
        if (message == null) return "";
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }
}
