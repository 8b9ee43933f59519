package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.dist.ShippedJar;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar gcscope.jar} where no window can open (an SSH session, a container): DISPLAY and
 * WAYLAND_DISPLAY unset, no Monocle. One line each, never the toolkit's stack trace.
 */
class NoDisplayIT {
    @TempDir
    static Path dir;

    @BeforeAll
    static void extract() throws Exception {
        ShippedJar.extractDemoSamples(dir);
    }

    @Test
    void aFileWithoutADisplaySaysSoAndNamesTheHeadlessCommands() throws Exception {
        ShippedJar.Run run = ShippedJar.runWithoutDisplay(dir, dir.resolve("go1.24-phases.log").toString());
        assertEquals(1, run.status(), run.err());
        assertEquals("", run.out());
        String line = run.err().strip();
        assertFalse(line.contains("\n"), "one line: " + run.err());
        assertTrue(line.startsWith("gcscope: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set);"), line);
        assertTrue(line.contains("gcscope summary"), line);
        assertFalse(line.contains("Exception"), line);
    }

    @Test
    void aMistypedCommandIsAnUnknownCommandWithTheNearestSuggested() throws Exception {
        ShippedJar.Run run = ShippedJar.runWithoutDisplay(dir, "sumary", "go1.24-phases.log");
        assertEquals(2, run.status(), run.err());
        String line = run.err().strip();
        assertFalse(line.contains("\n"), "one line: " + run.err());
        assertTrue(line.startsWith("gcscope: unknown command 'sumary'; did you mean 'summary'?"), line);
    }
}
