package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.samples.SampleTraces;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code summary --follow -}: a pipe read as a program writes to it ({@code kubectl logs -f POD |
 * gcscope summary --follow -}) prints updates while it stays open and, when it closes, a final
 * summary with exactly the figures of a one-shot {@code summary} of everything written.
 */
class FollowSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPipeFollowedToItsEndEndsWithTheOneShotSummaryOfWhatWasWritten() throws Exception {
        byte[] all = SampleTraces.get("gctrace/go1.22-phases-restart.log").bytes();
        String[] lines = new String(all, StandardCharsets.UTF_8).split("(?<=\n)");
        PipedInputStream stdin = new PipedInputStream(256 * 1024);
        PipedOutputStream writer = new PipedOutputStream(stdin);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> new GcscopeCli(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false,
                TraceLoader.standard(), stdin).execute("summary", "--follow", "--json", "-"));
        // Half of the log, then wait until an update shows it, then the rest: a program still running.
        int half = lines.length / 2;
        for (int i = 0; i < half; i++) writer.write(lines[i].getBytes(StandardCharsets.UTF_8));
        writer.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (updates(out).isEmpty() || updates(out).get(updates(out).size() - 1).get("lines").asInt() < half) {
            assertTrue(System.nanoTime() < deadline, "no update showing the first half: " + out);
            Thread.sleep(20);
        }
        for (int i = half; i < lines.length; i++) writer.write(lines[i].getBytes(StandardCharsets.UTF_8));
        writer.close();
        assertEquals(ExitStatus.OK, run.get(60, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));

        List<JsonNode> updates = updates(out);
        JsonNode last = updates.get(updates.size() - 1);
        assertTrue(last.get("follow").get("final").asBoolean());
        assertEquals(all.length, last.get("follow").get("bytes").asLong());
        JsonNode firstHalf = updates.get(0);
        assertFalse(firstHalf.get("follow").get("final").asBoolean());
        assertTrue(firstHalf.get("cycles").asInt() < last.get("cycles").asInt(), "an update while the pipe was open");

        Path file = dir.resolve("whole.log");
        Files.write(file, all);
        CliRun oneShot = CliRun.of("summary", "--json", file.toString());
        assertEquals(0, oneShot.status(), oneShot.err());
        ObjectNode expected = (ObjectNode) JSON.readTree(oneShot.out()).get(0);
        ObjectNode actual = ((ObjectNode) last).deepCopy();
        actual.remove("follow");
        expected.remove("file");
        actual.remove("file");
        assertEquals(expected, actual, "the final summary is the one-shot summary: no cycle lost or counted twice");
        assertTrue(expected.get("runs").asInt() == 2, "a log with a restart: runs are counted across the follow too");
    }

    @Test
    void followNamesOneFileAndOnlyGctrace() {
        CliRun.of("summary", "--follow", "a.log", "b.log").assertOneLineError(ExitStatus.USAGE, "--follow reads one FILE");
        CliRun.of("summary", "--follow", "--format", "perf-sched-latency", "a.log")
                .assertOneLineError(ExitStatus.USAGE, "cannot be followed");
        CliRun.of("summary", "--follow", dir.resolve("missing.log").toString()).assertOneLineError(ExitStatus.INPUT, "no such file");
    }

    /** {@code gcscope summary gc.log | head -3}: head closes the pipe early; that is no error. */
    @Test
    void aReaderThatClosesStandardOutputEarlyEndsTheRunQuietly() throws IOException {
        OutputStream pipeClosedByHead = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 200) throw new IOException("Broken pipe");
            }
        };
        StdoutWatch watch = new StdoutWatch(pipeClosedByHead);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String sample = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir).toString();
        int status = new GcscopeCli(new PrintStream(watch), new PrintStream(err, true, StandardCharsets.UTF_8), false,
                TraceLoader.standard(), java.io.InputStream.nullInputStream(), watch).execute("summary", sample, sample);
        assertEquals(ExitStatus.BROKEN_PIPE, status);
        assertEquals("", err.toString(StandardCharsets.UTF_8), "nothing to say: head has what it asked for");
    }

    private static List<JsonNode> updates(ByteArrayOutputStream out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        String text = out.toString(StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) return nodes;
        for (String line : text.substring(0, end).split("\n")) nodes.add(JSON.readTree(line));
        return nodes;
    }
}
