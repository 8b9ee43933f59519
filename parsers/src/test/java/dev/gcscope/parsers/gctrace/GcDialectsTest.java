package dev.gcscope.parsers.gctrace;

import static dev.gcscope.parsers.gctrace.GcColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * One real line of every gc line layout Go has printed, read field by field. The expected values are
 * the numbers printed in the quoted line; the mapping to columns follows formats.md §1.3.
 */
class GcDialectsTest {

    static Table cycles(String text) throws IOException {
        return result(text).table(CYCLES_TABLE);
    }

    static ParseResult result(String text) throws IOException {
        return new GcTraceParser(2026).parse(TraceSource.of("t", text.getBytes(StandardCharsets.UTF_8)));
    }

    static Table sample(String path) throws IOException {
        return new GcTraceParser(2026).parse(TraceSource.of(path, SampleTraces.get(path).bytes())).table(CYCLES_TABLE);
    }

    /** The layouts a sample's lines were in, as the parse result's {@code dialects} attribute lists them. */
    static String dialects(String path) throws IOException {
        return new GcTraceParser(2026).parse(TraceSource.of(path, SampleTraces.get(path).bytes())).attributes().get("dialects");
    }

    static Row row(Table t, int gc) {
        for (Row r : t) {
            if (r.getInt(GC) == gc) return r;
        }
        throw new AssertionError("no gc " + gc);
    }

    @Test
    void go1_18PlusWithStacksAndGlobals() throws IOException {
        // go1.19-devel (golang/go#52515): a forced cycle at 8 P
        Row r = row(sample("gctrace/quoted/go1.19-devel-golang-go-52515-forced.txt"), 1);
        assertEquals(0.124, r.getDouble(START_S));
        assertEquals(16, r.getInt(GC_CPU_PCT));
        assertEquals(0.040, r.getDouble(SWEEP_TERM_MS));
        assertEquals(242, r.getDouble(MARK_MS));
        assertEquals(0.002, r.getDouble(MARK_TERM_MS));
        assertEquals(0.042, r.getDouble(STW_MS), 1e-12);
        assertEquals(0.32, r.getDouble(SWEEP_TERM_CPU_MS));
        assertEquals(0.11, r.getDouble(ASSIST_CPU_MS));
        assertEquals(484, r.getDouble(BACKGROUND_CPU_MS));
        assertEquals(1447, r.getDouble(IDLE_CPU_MS));
        assertEquals(0.020, r.getDouble(MARK_TERM_CPU_MS));
        assertEquals(1526, r.getInt(HEAP_START_MB));
        assertEquals(1526, r.getInt(HEAP_END_MB));
        assertEquals(1525, r.getInt(HEAP_LIVE_MB));
        assertEquals(1526, r.getInt(HEAP_GOAL_MB));
        assertEquals(0, r.getInt(STACKS_MB));
        assertEquals(0, r.getInt(GLOBALS_MB));
        assertEquals(8, r.getInt(PROCS));
        assertTrue(r.getBoolean(FORCED));
        assertEquals(TRIGGER_USER, r.getString(TRIGGER));
        assertEquals("go1.18+", dialects("gctrace/quoted/go1.19-devel-golang-go-52515-forced.txt"));
        assertFalse(row(sample("gctrace/quoted/go1.19-devel-golang-go-52515-forced.txt"), 2).getBoolean(FORCED));
    }

    @Test
    void go1_6To1_17ThreePhases() throws IOException {
        Table t = sample("gctrace/quoted/go1.7-golang-go-18896-two-runs.txt");
        Row r = row(t, 2);
        assertEquals(0.031, r.getDouble(START_S));
        assertEquals(0.076 + 0.28, r.getDouble(STW_MS), 1e-12);
        assertEquals(22, r.getDouble(MARK_MS));
        assertEquals(14, r.getDouble(ASSIST_CPU_MS));
        assertEquals(9.4, r.getDouble(BACKGROUND_CPU_MS));
        assertEquals(15, r.getDouble(IDLE_CPU_MS));
        assertEquals(31, r.getInt(HEAP_LIVE_MB));
        assertEquals(32, r.getInt(HEAP_GOAL_MB));
        assertTrue(r.isMissing(STACKS_MB), "no stacks before Go 1.18");
        assertEquals(40, r.getInt(PROCS));
        assertEquals("go1.6-1.17", dialects("gctrace/quoted/go1.7-golang-go-18896-two-runs.txt"));
        assertEquals(2, t.intColumn(RUN).max(), "numbering restarts: a second run");
    }

    @Test
    void go1_5FivePhasesCountTheWriteBarrierInstallAsStopTheWorld() throws IOException {
        // gc 49 @4.380s 0%: 4.8+5.2+0.54+0.35+0.60 ms clock, 19+5.2+0+4.5/0.006/7.2+2.4 ms cpu, 124->125->58 MB, 130 MB goal, 32 P
        Row r = row(sample("gctrace/quoted/go1.5.3-golang-go-15068-forced.txt"), 49);
        assertEquals(4.8, r.getDouble(SWEEP_TERM_MS));
        assertEquals(5.2 + 0.35, r.getDouble(MARK_MS), 1e-12);
        assertEquals(0.54, r.getDouble(INSTALL_WB_MS));
        assertEquals(0.60, r.getDouble(MARK_TERM_MS));
        assertEquals(4.8 + 0.54 + 0.60, r.getDouble(STW_MS), 1e-12);
        assertEquals(19, r.getDouble(SWEEP_TERM_CPU_MS));
        assertEquals(4.5, r.getDouble(ASSIST_CPU_MS));
        assertEquals(5.2 + 0.006, r.getDouble(BACKGROUND_CPU_MS), 1e-12);
        assertEquals(7.2, r.getDouble(IDLE_CPU_MS));
        assertEquals(2.4, r.getDouble(MARK_TERM_CPU_MS));
        assertEquals(58, r.getInt(HEAP_LIVE_MB));
        assertEquals(130, r.getInt(HEAP_GOAL_MB));
        assertEquals(32, r.getInt(PROCS));
        assertEquals("go1.5", dialects("gctrace/quoted/go1.5.3-golang-go-15068-forced.txt"));
    }

    @Test
    void go1_3To1_4MicrosecondsAllStopTheWorld() throws IOException {
        // gc117(8): 1000+0+31001+0 us, 185 -> 370 MB, 3920148 (53804305-49884157) objects, 31 goroutines, …
        Row r = row(sample("gctrace/quoted/go1.4-golang-go-12228-8p.txt"), 117);
        assertEquals(32.001, r.getDouble(STW_MS), 1e-12);
        assertEquals(31.001, r.getDouble(MARK_MS), 1e-12);
        assertEquals(185, r.getInt(HEAP_START_MB));
        assertEquals(370, r.getInt(HEAP_END_MB));
        assertEquals(8, r.getInt(PROCS));
        assertTrue(r.isMissing(START_S), "no @ time before Go 1.5");
        assertEquals("go1.3-1.4", dialects("gctrace/quoted/go1.4-golang-go-12228-8p.txt"));
    }

    @Test
    void go1_1To1_2Milliseconds() throws IOException {
        // gc32(1): 2+0+0 ms, 61 -> 30 MB 15457 -> 3198 (357463-354265) objects, …
        Row r = row(sample("gctrace/quoted/go1.2rc5-shenfeng-blog-go12-gc-map-improve.txt"), 32);
        assertEquals(2, r.getDouble(STW_MS));
        assertEquals(2, r.getDouble(MARK_MS));
        assertEquals(61, r.getInt(HEAP_START_MB));
        assertEquals(30, r.getInt(HEAP_END_MB));
        assertEquals("go1.0-1.2", dialects("gctrace/quoted/go1.2rc5-shenfeng-blog-go12-gc-map-improve.txt"));
        assertEquals(3, sample("gctrace/quoted/go1.1-shenfeng-blog-go-gc-optimize-map.txt").rowCount());
    }

    @Test
    void go1_26GoroutineLeakCheck() throws IOException {
        // The suffix as 8c68a1c1ab prints it (formats.md §1.3), on a real Go 1.24 line: no 1.26 toolchain here.
        ParseResult result = result("gc 7 @0.412s 3% (checking for goroutine leaks): 0.051+0.63+0.002 ms clock, "
                + "0.10+0.11/0.16/0.12+0.005 ms cpu, 4->4->4 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n");
        Row r = result.table(CYCLES_TABLE).row(0);
        assertTrue(r.getBoolean(LEAK_CHECK));
        assertEquals(3, r.getInt(GC_CPU_PCT));
        assertEquals(0.053, r.getDouble(STW_MS), 1e-12);
        assertEquals("go1.26+", result.attributes().get("dialects"));
        assertEquals("Go 1.26+", result.attributes().get("go_versions"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\t", "> ", ">> ", "// ", "# ", "  ", "/* ",
            "pod-7f9c api | ", "[api-7f9c] ", "2024-06-12T01:02:03.123456789Z stderr F ", "Jun 12 01:02:03 host api[7]: "})
    void aGcLineCanStartAnywhereInALine(String prefix) throws IOException {
        String line = "gc 12 @3.456s 4%: 0.012+1.5+0.003 ms clock, 0.048+0.40/1.2/0.29+0.012 ms cpu, "
                + "4->4->2 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 4 P";
        ParseResult r = result(prefix + line + "\n" + prefix + line.replace("gc 12 @3.456s", "gc 13 @3.500s") + "\n");
        Table t = r.table(CYCLES_TABLE);
        assertEquals(2, t.rowCount(), prefix);
        assertEquals(0.015, t.doubleColumn(STW_MS).getDouble(0), 1e-12);
        assertEquals(13, t.intColumn(GC).getInt(1));
        assertEquals(0, r.report().issueCount());
        assertEquals(r.report().linesRead(), r.report().linesUsed());
    }

    @Test
    void prefixTimestampBecomesWallTime() throws IOException {
        Row r = row(sample("gctrace/quoted/go1.16-golang-go-44554-timestamps.txt"), 2);
        assertEquals(LocalDateTime.of(2026, 2, 26, 13, 30, 20, 88_000_000), r.getDateTime(WALL_TIME));
        assertEquals(1.1 + 0.046, r.getDouble(STW_MS), 1e-12);
    }

    @Test
    void periodicGcIsMarkedByTheGcForcedLineBeforeIt() throws IOException {
        Table t = sample("gctrace/go1.24-idle-periodic.log");
        long periodic = t.stringColumn(TRIGGER).countOccurrences(TRIGGER_PERIODIC);
        String raw = new String(SampleTraces.get("gctrace/go1.24-idle-periodic.log").bytes(), StandardCharsets.UTF_8);
        long announced = raw.lines().filter(l -> l.trim().equals("GC forced")).count();
        assertTrue(announced >= 1);
        assertEquals(announced, periodic);
        for (Row r : t) {
            if (r.getString(TRIGGER).equals(TRIGGER_PERIODIC)) assertTrue(r.getBoolean(FORCED));
        }
    }

    @Test
    void unknownFieldsFromAFutureGoAreSkippedNotFatal() throws IOException {
        ParseResult r = result("gc 7 @0.412s 3%: 0.051+0.63+0.002 ms clock, 0.10+0.11/0.16/0.12+0.005 ms cpu, "
                + "4->4->4 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 12 MB arenas, 2 P\n");
        Row row = r.table(CYCLES_TABLE).row(0);
        assertEquals(2, row.getInt(PROCS));
        assertEquals(0, row.getInt(GLOBALS_MB));
        assertEquals(0, r.report().issueCount());
        assertTrue(r.report().notes().stream().anyMatch(n -> n.contains("12 MB arenas")), r.report().notes()::toString);
    }

    @Test
    void scavengerLinesOfEveryLayout() throws IOException {
        ParseResult r = result(String.join("\n",
                "scvg1: 0 MB released",
                "scvg1: inuse: 0, idle: 0, sys: 1, released: 0, consumed: 0 (MB)",
                "scvg-1: inuse: 3 idle: 58 sys: 61 released: 57 consumed: 4 (MB)",
                "forced scvg: 12 MB released",
                "scvg: 42 KB released",
                "scav 8 KiB work, 1648 KiB total, 91% util",
                "scav 5 8 KiB work, 1648 KiB total, 91% util (forced)",
                "scav 0 KiB work (bg), 24 KiB work (eager), 3024 KiB now, 95% util [controller reset]",
                ""));
        Table s = r.table(SCAVENGER_TABLE);
        assertEquals(0, r.report().issueCount());
        assertEquals(7, s.rowCount());
        assertEquals(1, s.intColumn(SEQ).getInt(0));
        assertEquals(0.0, s.doubleColumn(RELEASED_MB).getDouble(0));
        assertEquals(1.0, s.doubleColumn(SYS_MB).getDouble(0));
        assertEquals(-1, s.intColumn(SEQ).getInt(1));
        assertEquals(57 * 1024.0, s.doubleColumn(RELEASED_TOTAL_KIB).getDouble(1));
        assertEquals(12.0, s.doubleColumn(RELEASED_MB).getDouble(2));
        assertTrue(s.booleanColumn(FORCED).get(2));
        assertEquals(42 / 1024.0, s.doubleColumn(RELEASED_MB).getDouble(3), 1e-12);
        assertEquals(1648.0, s.doubleColumn(RELEASED_TOTAL_KIB).getDouble(4));
        assertEquals(5, s.intColumn(GEN).getInt(5));
        assertTrue(s.booleanColumn(FORCED).get(5));
        assertEquals(24.0, s.doubleColumn(WORK_EAGER_KIB).getDouble(6));
        assertEquals(3024.0, s.doubleColumn(RELEASED_TOTAL_KIB).getDouble(6));
        assertTrue(s.booleanColumn(CONTROLLER_RESET).get(6));
    }

    @Test
    void sideLinesOfNewerGoAreRecognised() throws IOException {
        // gctrace=2 scan lines (Go 1.25+) and the redesigned pacer's line (Go 1.18+), formats.md §1.6-1.7
        ParseResult r = result(String.join("\n",
                "pacer: 25% CPU (25 exp.) for 100+200+300 B work (400 B exp.) in 4194304 B -> 4194304 B (∆goal 12, cons/mark +1.2e-001)",
                "scan: total 1234 objs",
                "scan: class 16B 1000 objs",
                "SCHED 1004ms: gomaxprocs=4 idleprocs=4 threads=6 spinningthreads=0 idlethreads=2 runqueue=0 [0 0 0 0]",
                "GC forced",
                "gc 9 @120.500s 0%: 0.018+1.2+0.003 ms clock, 0.072+0.12/0.98/0.51+0.014 ms cpu, 4->4->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 4 P",
                ""));
        assertEquals(1, r.report().skippedByKind().get("pacer"));
        assertEquals(2, r.report().skippedByKind().get("scan"));
        assertEquals(1, r.report().skippedByKind().get("schedtrace"));
        assertEquals(0, r.report().issueCount());
        assertEquals(TRIGGER_PERIODIC, r.table(CYCLES_TABLE).row(0).getString(TRIGGER));
    }
}
