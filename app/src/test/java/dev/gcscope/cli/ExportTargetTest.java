package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gcscope.Fifos;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.samples.SampleTraces;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --csv OUT} never harms what OUT names: only a regular file is replaced (atomically),
 * a FIFO or device is refused in one line, a symbolic link is written through, and no temporary
 * file is left behind, not even one from a run that was killed.
 */
class ExportTargetTest {
    @TempDir
    Path dir;

    private Path input;
    private String expectedCsv;

    @BeforeEach
    void exportOnce() throws IOException {
        input = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        CliRun run = CliRun.of("export", "--csv", "-", input.toString());
        assertEquals(0, run.status(), run.err());
        expectedCsv = run.out();
    }

    @Test
    void aFifoIsRefusedAndStaysAFifo() throws Exception {
        Path fifo = Fifos.make(dir.resolve("out.fifo"));
        CliRun.of("export", "--csv", fifo.toString(), input.toString())
                .assertOneLineError(ExitStatus.INPUT, fifo + ": is a FIFO (named pipe), not a regular file");
        assertTrue(isOther(fifo), "still a FIFO");
        assertNoTemporaryFiles();
    }

    @Test
    void aLinkToAFifoIsRefusedNamingWhatItPointsTo() throws Exception {
        Path fifo = Fifos.make(dir.resolve("out.fifo"));
        Path link = symlink("out.csv", fifo);
        CliRun.of("export", "--csv", link.toString(), input.toString())
                .assertOneLineError(ExitStatus.INPUT, "is a FIFO (named pipe) (" + fifo + ")");
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(isOther(fifo));
    }

    @Test
    void aCharacterDeviceIsRefused() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "no /dev/null here");
        // Refused before anything is written, so this cannot replace the device even when run as root.
        CliRun.of("export", "--csv", devNull.toString(), input.toString())
                .assertOneLineError(ExitStatus.INPUT, "/dev/null: is a character device, not a regular file");
        assertFalse(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old content\n");
        Path link = symlink("link.csv", real);
        CliRun run = CliRun.of("export", "--csv", link.toString(), input.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.isSymbolicLink(link), "the link is not replaced");
        assertEquals(real, dir.resolve(Files.readSymbolicLink(link)));
        assertEquals(expectedCsv, Files.readString(real, StandardCharsets.UTF_8));
        assertNoTemporaryFiles();
    }

    @Test
    void aTemporaryFileOfAKilledRunIsRemovedAndOneInUseIsKept() throws Exception {
        Path out = dir.resolve("cycles.csv");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = dir.resolve(AtomicFileWriter.TempFiles.nameFor(out, gone.pid()));
        Files.writeString(stale, "half an export\n");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
        Process alive = new ProcessBuilder("sleep", "600").start();
        try {
            Path inUse = dir.resolve(AtomicFileWriter.TempFiles.nameFor(out, alive.pid()));
            Files.writeString(inUse, "another run is writing this\n");
            CliRun run = CliRun.of("export", "--csv", out.toString(), input.toString());
            assertEquals(0, run.status(), run.err());
            assertFalse(Files.exists(stale), "left by a process that is gone");
            assertTrue(Files.exists(inUse), "its process still runs");
            assertEquals(expectedCsv, Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            alive.destroy();
        }
    }

    @Test
    void aWriteErrorOnStandardOutputIsReportedWithANonZeroExit() {
        OutputStream full = new OutputStream() { // what > /dev/full gives
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new GcscopeCli(new PrintStream(full), new PrintStream(err, true, StandardCharsets.UTF_8), false,
                TraceLoader.standard(), InputStream.nullInputStream()).execute("export", "--csv", "-", input.toString());
        CliRun run = new CliRun(status, "", err.toString(StandardCharsets.UTF_8));
        run.assertOneLineError(ExitStatus.INPUT, "standard output: cannot be written");
    }

    private static boolean isOther(Path p) throws IOException {
        return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }


    private Path symlink(String name, Path target) {
        Path link = dir.resolve(name);
        try {
            return Files.createSymbolicLink(link, target.getFileName());
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
            return link;
        }
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> temps = files.filter(p -> p.getFileName().toString().contains(".gcscope-tmp-")).toList();
            assertEquals(List.of(), temps);
        }
    }
}
