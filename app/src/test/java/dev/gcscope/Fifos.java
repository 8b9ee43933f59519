package dev.gcscope;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named pipes for the tests of input read once and output that must not be written through. Java
 * cannot make one, so this runs {@code mkfifo}; where there is none (Windows) a test that needs a
 * FIFO is skipped rather than failed.
 */
public final class Fifos {
    private Fifos() {}

    /** Makes a FIFO at {@code at}; false when this machine cannot. */
    public static boolean tryMake(Path at) {
        try {
            return new ProcessBuilder("mkfifo", at.toString()).inheritIO().start().waitFor() == 0 && Files.exists(at);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Makes a FIFO at {@code at}, or skips the calling test when this machine cannot. */
    public static Path make(Path at) {
        assumeTrue(tryMake(at), "no mkfifo here: cannot make " + at);
        return at;
    }
}
