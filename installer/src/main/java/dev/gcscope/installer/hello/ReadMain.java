package dev.gcscope.installer.hello;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor under any summary: a JVM that reads the trace front to back, counts its lines and
 * prints the count, and ends. What {@code gcscope summary} costs beyond this is parsing, statistics
 * and its own start; the benchmark prints both against the bare hello.
 */
public final class ReadMain {
    private ReadMain() {}

    public static void main(String[] args) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) if (buffer[i] == '\n') lines++;
            }
        }
        System.out.println(lines + " lines");
    }
}
