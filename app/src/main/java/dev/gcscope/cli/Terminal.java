package dev.gcscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard output is a terminal, for output that redraws itself in place. */
final class Terminal {
    private Terminal() {}

    /**
     * {@code System.console()} alone is not enough: it is null whenever standard input is not a
     * terminal, and {@code kubectl logs -f POD | gcscope summary --follow -} pipes its input while
     * its output is on screen. On Linux, where standard output points says it exactly.
     */
    static boolean isStdout() {
        if ("dumb".equals(System.getenv("TERM"))) return false;
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
