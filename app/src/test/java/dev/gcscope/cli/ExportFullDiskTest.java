package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} onto a disk that fills up while it writes: one line saying so, a non-zero exit, and
 * neither a half-written OUT nor its temporary file left behind. A real full disk, not a mock: a
 * 32 KiB tmpfs, which only root can mount (on Linux); elsewhere the test is skipped and says why.
 * (The CSV of the bundled sample is about 190 KB, so it cannot fit.)
 */
class ExportFullDiskTest {
    @TempDir
    Path dir;

    @Test
    void exportOntoAFullDiskSaysSoAndLeavesNothingBehind() throws Exception {
        Path input = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        Path disk = Files.createDirectory(dir.resolve("tiny-disk"));
        assumeTrue(mount(disk), "needs root on Linux to mount a 32 KiB tmpfs (a real full disk); not available here");
        try {
            Path out = disk.resolve("cycles.csv");
            CliRun run = CliRun.of("export", "--csv", out.toString(), input.toString());
            run.assertOneLineError(ExitStatus.INPUT, out.toString());
            assertTrue(run.err().contains("No space left on device"), run.err());
            try (Stream<Path> left = Files.list(disk)) {
                assertEquals(List.of(), left.toList(), "no half-written file nor temporary file stays on the full disk");
            }
        } finally {
            run("umount", disk.toString());
        }
    }

    private static boolean mount(Path at) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) return false;
        if (!"root".equals(System.getProperty("user.name"))) return false;
        return run("mount", "-t", "tmpfs", "-o", "size=32k", "tmpfs", at.toString());
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
