package dev.gcscope.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output, remembering whether a write failed because its reader went away
 * ({@code gcscope summary gc.log | head -3}): {@code PrintStream} keeps the reason to itself, and a
 * closed pipe is no error to report, unlike a full disk ({@code > /dev/full}). The JVM ignores
 * SIGPIPE, so the write fails with EPIPE instead of ending the process as it ends a C program.
 */
final class StdoutWatch extends FilterOutputStream {
    private volatile boolean readerGone;

    StdoutWatch(OutputStream out) {
        super(out);
    }

    /** Whether a write failed because nothing reads the output any more. */
    boolean readerGone() {
        return readerGone;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw seen(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw seen(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw seen(e);
        }
    }

    private IOException seen(IOException e) {
        if (isBrokenPipe(e)) readerGone = true;
        return e;
    }

    /** EPIPE as Java reports it: "Broken pipe" on Linux and macOS, "The pipe is being closed" on Windows. */
    static boolean isBrokenPipe(IOException e) {
        String m = e.getMessage();
        return m != null && (m.contains("Broken pipe") || m.contains("pipe is being closed") || m.contains("pipe has been ended"));
    }
}
