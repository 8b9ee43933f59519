package dev.gcscope.parsers.gctrace;

import static dev.gcscope.parsers.gctrace.GcColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.ParsedSamples;
import dev.gcscope.parsers.TraceParsers;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/** Every bundled gctrace recording, checked against an independent reading of the same bytes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleTracesTest {
    private static final Pattern CRI_PREFIX = Pattern.compile("(?m)^\\S+ (?:stdout|stderr) [FP] ");
    private static final Pattern KUBECTL_PREFIX = Pattern.compile("(?m)^\\d{4}-\\d\\d-\\d\\dT\\S+Z ");
    private static final Pattern SYSLOG_PREFIX = Pattern.compile(
            "(?m)^(?:[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?|\\d{4}-\\d\\d-\\d\\dT\\S+) \\S+ [^ :]+: ");
    private static final Pattern GO_LOG_START = Pattern.compile("^\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2} ");

    static Stream<Sample> recordings() {
        return SampleTraces.ofFormat("gctrace").stream().filter(s -> !s.has("quoted"));
    }

    static Stream<Sample> all() {
        return SampleTraces.ofFormat("gctrace").stream();
    }

    private final ParsedSamples parsed = new ParsedSamples(
            s -> new GcTraceParser(2026).parse(TraceSource.of(s.path(), s.bytes()), ParseListener.NONE));

    ParseResult parse(Sample s) {
        return parsed.of(s);
    }

    /** The sample's physical lines with the collector's prefix (CRI, kubectl, syslog, journald) removed. */
    static String withoutCollectorPrefixes(Sample s) throws IOException {
        byte[] b = s.bytes();
        if (s.has("gzip")) b = gunzip(b);
        String text = GcTraceOracle.text(b).replace("\r\n", "\n");
        if (s.has("cri")) text = CRI_PREFIX.matcher(text).replaceAll("");
        if (s.has("kubectl")) text = KUBECTL_PREFIX.matcher(text).replaceAll("");
        if (s.has("syslog") || s.has("journald")) text = SYSLOG_PREFIX.matcher(text).replaceAll("");
        return text;
    }

    /**
     * The sample's text as the runtime wrote it: gunzipped, collector prefixes removed, and the
     * program's own log lines (the workloads log with Go's log package) cut out wherever they landed,
     * which also re-joins gc lines they split.
     */
    static String runtimeStream(Sample s) throws IOException {
        return GcTraceOracle.withoutGoLogLines(withoutCollectorPrefixes(s));
    }

    /** Rows that are partial: allowed only as the last cycle of a run, cut off when the process exited. */
    static void assertPartialOnlyAtEndOfRun(Table t) {
        for (int i = 0; i < t.rowCount(); i++) {
            if (!t.booleanColumn(PARTIAL).get(i)) continue;
            boolean lastOfRun = i + 1 == t.rowCount() || t.intColumn(RUN).getInt(i + 1) != t.intColumn(RUN).getInt(i);
            assertTrue(lastOfRun, "partial row " + i + " is not the last of its run");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void detectedAsGctraceByContent(Sample s) throws IOException {
        // A neutral name: detection must not look at it.
        TraceSource source = TraceSource.of("input", s.bytes());
        assertEquals("gctrace", TraceParsers.standard().detect(source).format().id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void everyLineIsCountedOnce(Sample s) throws IOException {
        ParseReport r = parse(s).report();
        assertTrue(r.linesRead() > 0);
        assertEquals(r.linesRead(), r.linesUsed() + r.linesSkipped(), () -> "read != used + skipped: " + r.skippedByKind());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void cyclesMatchAnIndependentReadingOfTheSameBytes(Sample s) throws IOException {
        ParseResult result = parse(s);
        Table all = result.table(CYCLES_TABLE);
        assertPartialOnlyAtEndOfRun(all);
        Table t = all.where(all.booleanColumn(PARTIAL).isFalse());
        List<GcTraceOracle.Cycle> expected = GcTraceOracle.cycles(runtimeStream(s));
        assertFalse(expected.isEmpty(), "the oracle found no gc lines");
        assertEquals(expected.size(), t.rowCount(), "complete cycles");
        for (int i = 0; i < expected.size(); i++) {
            GcTraceOracle.Cycle c = expected.get(i);
            int row = i;
            String at = s.path() + " row " + i + " (line " + t.intColumn(LINE).getInt(i) + ")";
            assertEquals(c.gc(), t.intColumn(GC).getInt(row), at);
            assertEquals(c.startS(), t.doubleColumn(START_S).getDouble(row), 1e-9, at);
            assertEquals(c.pct(), t.intColumn(GC_CPU_PCT).getInt(row), at);
            assertEquals(c.stwMs(), t.doubleColumn(STW_MS).getDouble(row), 1e-9, at);
            assertEquals(c.sweepTermMs(), t.doubleColumn(SWEEP_TERM_MS).getDouble(row), 1e-9, at);
            assertEquals(c.markTermMs(), t.doubleColumn(MARK_TERM_MS).getDouble(row), 1e-9, at);
            assertEquals(c.assistCpuMs(), t.doubleColumn(ASSIST_CPU_MS).getDouble(row), 1e-9, at);
            assertEquals(c.heapStart(), t.intColumn(HEAP_START_MB).getInt(row), at);
            assertEquals(c.heapEnd(), t.intColumn(HEAP_END_MB).getInt(row), at);
            assertEquals(c.heapLive(), t.intColumn(HEAP_LIVE_MB).getInt(row), at);
            assertEquals(c.goal(), t.intColumn(HEAP_GOAL_MB).getInt(row), at);
            assertEquals(c.stacks(), t.intColumn(STACKS_MB).isMissing(row) ? null : t.intColumn(STACKS_MB).getInt(row), at);
            assertEquals(c.procs(), t.intColumn(PROCS).getInt(row), at);
            assertEquals(c.forced(), t.stringColumn(TRIGGER).get(row).equals(TRIGGER_USER), at);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void realRecordingsHaveNoIssuesButAGcLineCutOffWhenTheProcessExited(Sample s) throws IOException {
        ParseResult result = parse(s);
        ParseReport r = result.report();
        Table t = result.table(CYCLES_TABLE);
        assertPartialOnlyAtEndOfRun(t);
        long partial = t.booleanColumn(PARTIAL).countTrue();
        assertEquals(partial, r.issueCount(), () -> String.join("\n", r.issues().stream().map(i -> i.describe(s.path())).toList()));
        for (var issue : r.issues()) {
            assertTrue(issue.reason().contains("cut off") || issue.reason().contains("ends early"), issue.reason());
        }
        assertEquals(0, r.skippedByKind().getOrDefault(GcTraceRun.KIND_MALFORMED, 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void runsFollowGcNumbering(Sample s) throws IOException {
        Table t = parse(s).table(CYCLES_TABLE);
        int runs = 1;
        for (int i = 1; i < t.rowCount(); i++) {
            int prev = t.intColumn(GC).getInt(i - 1), gc = t.intColumn(GC).getInt(i);
            if (gc <= prev) {
                runs++;
                assertEquals(1, gc, "a new run starts at gc 1");
            } else {
                assertEquals(prev + 1, gc, "gc numbers of one run are consecutive (row " + i + ")");
            }
            assertEquals(runs, t.intColumn(RUN).getInt(i));
        }
        assertEquals(s.has("restart") ? 2 : 1, runs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void collectorTimestampsBecomeWallTime(Sample s) throws IOException {
        Table t = parse(s).table(CYCLES_TABLE);
        boolean prefixed = s.has("cri") || s.has("kubectl") || s.has("syslog") || s.has("journald");
        for (int i = 0; i < t.rowCount(); i++) {
            assertEquals(prefixed, !t.dateTimeColumn(WALL_TIME).isMissing(i), "row " + i);
            if (prefixed && i > 0) {
                assertFalse(t.dateTimeColumn(WALL_TIME).get(i).isBefore(t.dateTimeColumn(WALL_TIME).get(i - 1)),
                        "wall time runs forward (row " + i + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void sideLinesAreRecognisedNotReportedAsGarbage(Sample s) throws IOException {
        ParseResult result = parse(s);
        String text = runtimeStream(s);
        long pacer = text.lines().filter(l -> l.contains("pacer: ")).count();
        long scav = text.lines().filter(l -> l.matches(".*\\bscav \\d.*")).count();
        ParseReport r = result.report();
        assertEquals(pacer, r.skippedByKind().getOrDefault("pacer", 0L));
        assertEquals(scav, result.table(SCAVENGER_TABLE).rowCount());
        if (s.has("pacer")) assertTrue(pacer > 0);
        if (s.has("scav")) assertTrue(scav > 0);
    }

    /**
     * The analysis tells a cycle of Go 1.4 or older (the whole collection a pause, no live heap) by
     * its missing start time: Go printed {@code @…s} from 1.5 on, and a 1.5+ line is kept only with it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void exactlyTheCyclesBeforeGo15LackAStartTime(Sample s) throws IOException {
        ParseResult r = parse(s);
        Table t = r.table(CYCLES_TABLE);
        List<String> dialects = List.of(r.attributes().get("dialects").split(","));
        List<String> legacy = List.of(GcDialect.GO1_0_TO_1_2.label(), GcDialect.GO1_3_TO_1_4.label());
        long missing = t.doubleColumn(START_S).countMissing();
        if (dialects.stream().noneMatch(legacy::contains)) assertEquals(0, missing);
        if (legacy.containsAll(dialects)) {
            assertEquals(t.rowCount(), missing);
            assertEquals(t.rowCount(), t.intColumn(HEAP_LIVE_MB).countMissing(), "no live heap before Go 1.5");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void programLogLinesAreOtherTextNotIssues(Sample s) throws IOException {
        String text = withoutCollectorPrefixes(s);
        if (s.has("phases")) {
            assertTrue(text.lines().filter(l -> l.contains("phase=") && l.contains(" start t=")).count() >= 4,
                    "the workload logs each phase start");
        }
        long logLines = text.lines().filter(l -> GO_LOG_START.matcher(l).find()).count();
        assertEquals(logLines, parse(s).report().skippedByKind().getOrDefault("other text", 0L));
    }

    static byte[] gunzip(byte[] b) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }
}
