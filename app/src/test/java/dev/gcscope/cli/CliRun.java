package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.TraceLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One in-process run of the CLI with its stdout, stderr and exit status captured. */
record CliRun(int status, String out, String err) {

    static CliRun of(String... args) {
        return of(TraceLoader.standard(), false, args);
    }

    static CliRun of(TraceLoader loader, boolean debug, String... args) {
        return withStdin(new ByteArrayInputStream(new byte[0]), loader, debug, args);
    }

    /** A run whose standard input (the FILE {@code -}) holds {@code stdin}. */
    static CliRun withStdin(byte[] stdin, String... args) {
        return withStdin(new ByteArrayInputStream(stdin), TraceLoader.standard(), false, args);
    }

    static CliRun withStdin(InputStream stdin, TraceLoader loader, boolean debug, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new GcscopeCli(o, e, debug, loader, stdin).execute(args);
        }
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /** The contract for every failure: one line on stderr, prefixed, no exception or stack trace. */
    void assertOneLineError(int expectedStatus, String mentions) {
        assertEquals(expectedStatus, status, () -> "exit status; stderr: " + err);
        assertEquals(1, errLines().size(), () -> "exactly one line on stderr, got: " + err);
        String line = errLines().get(0);
        assertTrue(line.startsWith("gcscope: "), line);
        assertTrue(line.contains(mentions), () -> "'" + line + "' should mention " + mentions);
        assertNoStackTrace();
    }

    void assertNoStackTrace() {
        for (String text : List.of(out, err)) {
            assertFalse(text.contains("Exception"), text);
            assertFalse(text.contains("at dev."), text);
            assertFalse(text.contains("\tat "), text);
        }
    }
}
