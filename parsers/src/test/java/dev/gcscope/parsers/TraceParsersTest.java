package dev.gcscope.parsers;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceParsersTest {
    @TempDir
    Path dir;

    @Test
    void detectionIgnoresTheFileName() throws IOException {
        Path misleading = dir.resolve("metrics.prom");
        Files.write(misleading, SampleTraces.get("gctrace/go1.24-phases.log").bytes());
        assertEquals("gctrace", TraceParsers.standard().detect(TraceSource.of(misleading)).format().id());
    }

    @Test
    void unknownTextSaysWhatWasFoundAndWhatIsRead() throws IOException {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "hello world\nthis is not a trace\n");
        TraceInputException e = assertThrows(TraceInputException.class, () -> TraceParsers.standard().detect(TraceSource.of(f)));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("hello world"), e.getMessage());
        assertTrue(e.getMessage().contains("GODEBUG=gctrace=1"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void binaryAndEmptyFilesAreNamedAsSuch() throws IOException {
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        junk[0] = 0x7f;
        TraceInputException bin = assertThrows(TraceInputException.class,
                () -> TraceParsers.standard().detect(TraceSource.of("blob", junk)));
        assertTrue(bin.getMessage().contains("binary data"), bin.getMessage());
        TraceInputException empty = assertThrows(TraceInputException.class,
                () -> TraceParsers.standard().detect(TraceSource.of("empty", new byte[0])));
        assertTrue(empty.getMessage().contains("is empty"), empty.getMessage());
    }

    @Test
    void otherCompressionsAreNamedWithTheCommandToUndoThem() {
        byte[] xz = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0, 1, 2};
        TraceInputException e = assertThrows(TraceInputException.class,
                () -> TraceParsers.standard().detect(TraceSource.of("gc.log.xz", xz)));
        assertTrue(e.getMessage().contains("xz-compressed") && e.getMessage().contains("xz -d"), e.getMessage());
    }

    @Test
    void missingFilesAndDirectoriesAreOneLineMessages() {
        TraceInputException missing = assertThrows(TraceInputException.class, () -> TraceSource.of(dir.resolve("nope.log")));
        assertTrue(missing.getMessage().endsWith("no such file"), missing.getMessage());
        TraceInputException directory = assertThrows(TraceInputException.class, () -> TraceSource.of(dir));
        assertTrue(directory.getMessage().contains("is a directory"), directory.getMessage());
    }

    @Test
    void formatOverrideByIdAndUnknownIdsListTheKnownOnes() throws IOException {
        TraceLoader loader = TraceLoader.standard();
        ParseResult r = loader.load(TraceSource.of("x", "not detected as anything\n".getBytes(StandardCharsets.UTF_8)),
                "gctrace", ParseListener.NONE);
        assertEquals(0, r.mainTable().rowCount());
        assertEquals(1, r.report().skippedByKind().get("other text"));
        TraceInputException e = assertThrows(TraceInputException.class, () -> loader.parsers().require("nope"));
        assertTrue(e.getMessage().contains("gctrace"));
    }

    @Test
    void cancellingStopsTheParse() {
        byte[] big = SampleTraces.get("gctrace/go1.24-phases-app-log.log").bytes();
        TraceSource source = TraceSource.of("big", big);
        assertThrows(ParseCancelledException.class,
                () -> TraceParsers.standard().detect(source).parse(source, (done, total) -> false));
    }

    @Test
    void progressReportsStoredBytes() throws IOException {
        byte[] b = SampleTraces.get("gctrace/go1.24-phases.log").bytes();
        long[] last = {0, 0};
        TraceParsers.standard().detect(TraceSource.of("x", b)).parse(TraceSource.of("x", b), (done, total) -> {
            last[0] = done;
            last[1] = total;
            return true;
        });
        assertEquals(b.length, last[0]);
        assertEquals(b.length, last[1]);
    }

    /** A real `perf sched map` rendering of a bundled recording: not read, but named, with the command that is. */
    @Test
    void perfSchedMapIsNamedWithTheCommandsGcscopeReads() throws IOException {
        Path f = dir.resolve("sched.txt");
        Files.write(f, SampleTraces.get("perf/go1.24-gmp4-quota50-map.txt").bytes());
        TraceInputException e = assertThrows(TraceInputException.class, () -> TraceParsers.standard().detect(TraceSource.of(f)));
        assertTrue(e.getMessage().contains("perf sched map output"), e.getMessage());
        assertTrue(e.getMessage().contains("perf sched timehist"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void perfDataAndGoExecutionTracesSayHowToGetAReadableFile() throws IOException {
        byte[] perfData = new byte[4096];
        new Random(7).nextBytes(perfData);
        System.arraycopy("PERFILE2".getBytes(StandardCharsets.US_ASCII), 0, perfData, 0, 8);
        Path p = dir.resolve("perf.data");
        Files.write(p, perfData);
        String m = assertThrows(TraceInputException.class, () -> TraceParsers.standard().detect(TraceSource.of(p))).getMessage();
        assertTrue(m.contains("perf.data recording") && m.contains("perf sched latency -i perf.data"), m);

        byte[] goTrace = new byte[4096];
        System.arraycopy("go 1.22 trace\0\0\0".getBytes(StandardCharsets.US_ASCII), 0, goTrace, 0, 16);
        Path g = dir.resolve("trace.out");
        Files.write(g, goTrace);
        m = assertThrows(TraceInputException.class, () -> TraceParsers.standard().detect(TraceSource.of(g))).getMessage();
        assertTrue(m.contains("Go execution trace") && m.contains("GODEBUG=gctrace=1"), m);
    }

    @Test
    void schedtraceLinesAreNamed() throws IOException {
        Path f = dir.resolve("sched.log");
        Files.writeString(f, "SCHED 1004ms: gomaxprocs=4 idleprocs=4 threads=8 spinningthreads=0 idlethreads=3 runqueue=0 [0 0 0 0]\n");
        String m = assertThrows(TraceInputException.class, () -> TraceParsers.standard().detect(TraceSource.of(f))).getMessage();
        assertTrue(m.contains("GODEBUG=schedtrace"), m);
    }
}
