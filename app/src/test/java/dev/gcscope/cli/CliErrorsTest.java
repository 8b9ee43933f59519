package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.GctraceParserWith;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceParsers;
import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure is one {@code gcscope: } line on stderr and a non-zero status, never a stack trace. */
class CliErrorsTest {
    @TempDir
    Path dir;

    private Path sample() throws IOException {
        return SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
    }

    @Test
    void missingFile() {
        String missing = dir.resolve("nope.log").toString();
        CliRun.of("summary", missing).assertOneLineError(ExitStatus.INPUT, missing);
        CliRun.of("summary", "--json", missing).assertOneLineError(ExitStatus.INPUT, missing);
        CliRun.of("export", "--csv", "-", missing).assertOneLineError(ExitStatus.INPUT, missing);
    }

    @Test
    void directory() {
        CliRun.of("summary", dir.toString()).assertOneLineError(ExitStatus.INPUT, "directory");
        CliRun.of("export", "--csv", "-", dir.toString()).assertOneLineError(ExitStatus.INPUT, "directory");
    }

    /**
     * A file that is there but that nobody can read, root included: a socket, which open(2) refuses
     * (a file without read permission would do only for other users, and CI may run as root). Opening
     * it fails at once, where a FIFO would block.
     */
    @Test
    void unreadableFile() throws IOException {
        Path socket = dir.resolve("gc.log");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            for (CliRun run : List.of(CliRun.of("summary", socket.toString()), CliRun.of("export", "--csv", "-", socket.toString()))) {
                run.assertOneLineError(ExitStatus.INPUT, socket + ": cannot be read (");
                String line = run.errLines().get(0);
                assertTrue(line.matches(".*cannot be read \\([^()]+\\)$"), "says why: " + line);
            }
        }
    }

    @Test
    void binaryBytesAreNotATrace() throws IOException {
        byte[] noise = new byte[4096];
        new Random(20261127).nextBytes(noise);
        Path file = dir.resolve("core.bin");
        Files.write(file, noise);
        CliRun.of("summary", file.toString()).assertOneLineError(ExitStatus.INPUT, "binary");
        CliRun.of("export", "--csv", "-", file.toString()).assertOneLineError(ExitStatus.INPUT, "binary");
    }

    @Test
    void plainTextIsNotATrace() throws IOException {
        // The provenance notes of the samples: real text, and no GC trace in it.
        Path file = dir.resolve("README.txt");
        Files.writeString(file, "# Provenance of the sample traces\n\nEvery file under src/main/resources is either\n");
        CliRun run = CliRun.of("summary", file.toString());
        run.assertOneLineError(ExitStatus.INPUT, "not a format gcscope reads");
        assertTrue(run.err().contains("# Provenance"), "says what the file looks like: " + run.err());
    }

    @Test
    void unknownOptionIsAUsageError() throws IOException {
        String file = sample().toString();
        CliRun.of("summary", "--jsn", file).assertOneLineError(ExitStatus.USAGE, "--jsn");
        CliRun.of("--bogus").assertOneLineError(ExitStatus.USAGE, "--bogus");
        CliRun.of("export", "--csv").assertOneLineError(ExitStatus.USAGE, "--csv");
        CliRun.of("summary").assertOneLineError(ExitStatus.USAGE, "FILE");
        CliRun.of("help", "nosuch").assertOneLineError(ExitStatus.USAGE, "nosuch");
    }

    @Test
    void unknownFormatIdIsAUsageErrorBeforeAnyFileIsRead() {
        CliRun run = CliRun.of("summary", "--format", "perf-sched", dir.resolve("missing.log").toString());
        run.assertOneLineError(ExitStatus.USAGE, "unknown format 'perf-sched'");
        assertTrue(run.err().contains("gctrace"), "lists the known formats: " + run.err());
        CliRun.of("export", "--csv", "-", "--format", "x", "y").assertOneLineError(ExitStatus.USAGE, "unknown format 'x'");
    }

    @Test
    void badFilesAreReportedAndTheOthersStillSummarised() throws IOException {
        Path good = sample();
        Path missing = dir.resolve("gone.log");
        Path folder = Files.createDirectory(dir.resolve("logs"));
        CliRun run = CliRun.of("summary", "--json", good.toString(), missing.toString(), folder.toString(), good.toString());
        assertEquals(ExitStatus.INPUT, run.status());
        List<String> err = run.errLines();
        assertEquals(2, err.size(), run.err());
        assertTrue(err.get(0).startsWith("gcscope: " + missing), err.get(0));
        assertTrue(err.get(1).startsWith("gcscope: " + folder), err.get(1));
        run.assertNoStackTrace();
        JsonNode array = new ObjectMapper().readTree(run.out());
        assertEquals(4, array.size(), "every file has its entry, in order: " + array);
        assertEquals("gctrace", array.get(0).get("format").asText());
        assertEquals(missing.toString(), array.get(1).get("file").asText());
        assertEquals(err.get(0), "gcscope: " + array.get(1).get("error").asText(), "the error is the line on stderr");
        assertEquals(err.get(1), "gcscope: " + array.get(2).get("error").asText());
        assertEquals(array.get(0), array.get(3), "both good files are in the output");

        CliRun text = CliRun.of("summary", missing.toString(), good.toString());
        assertEquals(ExitStatus.INPUT, text.status());
        assertTrue(text.out().contains("cycles"), text.out());
    }

    @Test
    void anUnexpectedExceptionIsOneLineWithAReportHint() throws IOException {
        Path file = sample();
        CliRun run = CliRun.of(loaderWithCrashingParser(), false, "summary", file.toString());
        assertEquals(ExitStatus.INTERNAL, run.status());
        assertEquals(1, run.errLines().size(), run.err());
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("gcscope: internal error"), line);
        assertTrue(line.contains("report") && line.contains("GCSCOPE_DEBUG=1"), line);
        assertTrue(!run.err().contains("\tat "), run.err());

        CliRun debug = CliRun.of(loaderWithCrashingParser(), true, "summary", file.toString());
        assertEquals(ExitStatus.INTERNAL, debug.status());
        assertTrue(debug.err().contains("\tat "), "GCSCOPE_DEBUG=1 shows the stack trace: " + debug.err());
    }

    /**
     * Issue 14: under {@code --json} a file the heap was too small for still gets an entry, with the
     * error line stderr got, and the output stays one valid JSON document with the other files.
     */
    @Test
    void underJsonAFileThatRanOutOfMemoryGetsAnErrorEntry() throws IOException {
        Path good = sample();
        Path huge = Files.copy(good, dir.resolve("huge.log"));
        CliRun run = CliRun.of(loaderRunningOutOfMemoryOn("huge.log"), false, "summary", "--json", good.toString(), huge.toString(),
                good.toString());
        assertEquals(ExitStatus.INPUT, run.status());
        run.assertNoStackTrace();
        JsonNode array = new ObjectMapper().readTree(run.out());
        assertEquals(3, array.size(), "every file has its entry: " + array);
        assertEquals(huge.toString(), array.get(1).get("file").asText());
        assertTrue(array.get(1).get("error").asText().startsWith("out of memory"), array.get(1).toString());
        assertEquals(List.of("gcscope: " + array.get(1).get("error").asText()), run.errLines());
        assertEquals("gctrace", array.get(0).get("format").asText());
        assertEquals(array.get(0), array.get(2), "the file after it is summarised as the one before");
    }

    /** The real gctrace parser, except that it runs out of memory on the file named {@code name}. */
    private static TraceLoader loaderRunningOutOfMemoryOn(String name) {
        return new TraceLoader(new TraceParsers(List.of(new GctraceParserWith((real, in, listener, options) -> {
            if (in.name().endsWith(name)) throw new OutOfMemoryError("Java heap space");
            return real.parse(in, listener, options);
        }))));
    }

    /** The real gctrace parser, except that it fails the way a bug would, after probing the real file. */
    private static TraceLoader loaderWithCrashingParser() {
        return new TraceLoader(new TraceParsers(List.of(new GctraceParserWith((real, in, listener, options) -> {
            throw new IllegalStateException("cursor ran past the buffer");
        }))));
    }
}
