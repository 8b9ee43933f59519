package dev.gcscope.analysis.cycles;

import static dev.gcscope.parsers.gctrace.GcColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.CycleColumn;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.parsers.metrics.PrometheusTextParser;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The derived cycle columns on real traces, each figure recomputed here from the printed columns of
 * the same row and the one before, and on hand-made pre-Go 1.5 lines whose figures are worked out
 * by hand.
 */
class DerivedColumnsTest {

    static Stream<Sample> recordings() {
        return SampleTraces.ofFormat("gctrace").stream().filter(s -> !s.has("quoted"));
    }

    private static ParseResult parsed(String path) throws IOException {
        return new GcTraceParser(2026).parse(TraceSource.of(path, SampleTraces.get(path).bytes()));
    }

    private static Table cycles(String path) throws IOException {
        return DerivedColumns.addTo(parsed(path)).table(CYCLES_TABLE);
    }

    private static Table cyclesOf(String text) throws IOException {
        return DerivedColumns.addTo(new GcTraceParser(2026).parse(TraceSource.of("t", text.getBytes(StandardCharsets.UTF_8))))
                .table(CYCLES_TABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void derivedColumnsFollowFromTheRawOnes(Sample s) throws IOException {
        Table t = cycles(s.path());
        int checked = 0;
        for (int i = 1; i < t.rowCount(); i++) {
            if (t.intColumn(RUN).getInt(i) != t.intColumn(RUN).getInt(i - 1)) continue;
            if (t.booleanColumn(PARTIAL).get(i) || t.booleanColumn(PARTIAL).get(i - 1)) continue;
            double interval = t.doubleColumn(START_S).getDouble(i) - t.doubleColumn(START_S).getDouble(i - 1);
            assertEquals(interval, t.doubleColumn(INTERVAL_S).getDouble(i), 1e-9);
            int prevEnd = t.intColumn(HEAP_END_MB).getInt(i - 1), prevStart = t.intColumn(HEAP_START_MB).getInt(i - 1);
            int prevLive = t.intColumn(HEAP_LIVE_MB).getInt(i - 1), start = t.intColumn(HEAP_START_MB).getInt(i);
            double alloc = Math.max(0, (prevEnd - prevStart) + (start - prevLive));
            assertEquals(alloc, t.doubleColumn(ALLOC_MB).getDouble(i), 1e-9);
            if (interval > 0) assertEquals(alloc / interval, t.doubleColumn(ALLOC_RATE_MB_S).getDouble(i), 1e-6);
            int end = t.intColumn(HEAP_END_MB).getInt(i);
            if (end > 0) {
                assertEquals((double) t.intColumn(HEAP_LIVE_MB).getInt(i) / end, t.doubleColumn(SURVIVAL).getDouble(i), 1e-12);
            }
            checked++;
        }
        assertTrue(checked > 0, "no consecutive whole cycles");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void aProcessesFirstCycleCountsFromStartUp(Sample s) throws IOException {
        Table t = cycles(s.path());
        for (Row r : t) {
            if (r.getInt(GC) != 1) continue;
            assertEquals(r.getDouble(START_S), r.getDouble(INTERVAL_S), r::toString);
            assertEquals(r.getInt(HEAP_START_MB), r.getDouble(ALLOC_MB), r::toString);
        }
    }

    @Test
    void thePeriodicGcComesAfterTwoIdleMinutes() throws IOException {
        Table t = cycles("gctrace/go1.24-idle-periodic.log");
        long periodic = 0;
        for (Row r : t) {
            if (!r.getString(TRIGGER).equals(TRIGGER_PERIODIC)) continue;
            periodic++;
            assertTrue(r.getDouble(INTERVAL_S) >= 120, r::toString);
        }
        assertTrue(periodic > 0);
    }

    @Test
    void beforeGo15SurvivalIsTheHeapAfterOverTheHeapBefore() throws IOException {
        // gc32(1): 2+0+0 ms, 61 -> 30 MB 15457 -> 3198 (357463-354265) objects, …
        Table t = cycles("gctrace/quoted/go1.2rc5-shenfeng-blog-go12-gc-map-improve.txt");
        for (Row r : t) assertEquals(30.0 / 61, r.getDouble(SURVIVAL), 1e-12);
        assertEquals(61 - 30, t.doubleColumn(ALLOC_MB).getDouble(1), "this start - the previous end");
    }

    @Test
    void beforeGo15TheLogTimestampsGiveTheInterval() throws IOException {
        // Go 1.2 lines (no @ time) behind RFC 3339 log timestamps, 2.5 s apart across midnight
        String tail = " 2+0+0 ms, 61 -> 30 MB 15457 -> 3198 (357463-354265) objects, 0(0) handoff, 0(0) steal, 0/0/0 yields\n";
        Table t = cyclesOf("2024-06-12T23:59:58.900Z gc32(1):" + tail + "2024-06-13T00:00:01.400Z gc33(1):" + tail);
        assertEquals(2, t.rowCount());
        assertTrue(t.doubleColumn(START_S).isMissing(1));
        assertTrue(t.doubleColumn(INTERVAL_S).isMissing(0), "gc 32 is not a process's first cycle");
        assertEquals(2.5, t.doubleColumn(INTERVAL_S).getDouble(1));
        assertEquals(31, t.doubleColumn(ALLOC_MB).getDouble(1));
        assertEquals(31 / 2.5, t.doubleColumn(ALLOC_RATE_MB_S).getDouble(1), 1e-12);
        assertEquals(30.0 / 61, t.doubleColumn(SURVIVAL).getDouble(1), 1e-12);
    }

    @Test
    void aStepBackInTimeIsNoInterval() throws IOException {
        // two processes' lines interleaved into one run: gc 8 is printed before gc 9 but started later
        String line = " 4%: 0.012+1.5+0.003 ms clock, 0.048+0.40/1.2/0.29+0.012 ms cpu, 4->4->2 MB, 5 MB goal, 4 P\n";
        Table t = cyclesOf("gc 8 @3.500s" + line + "gc 9 @3.456s" + line);
        assertEquals(1, t.intColumn(RUN).getInt(1));
        assertTrue(t.doubleColumn(INTERVAL_S).isMissing(1));
        assertTrue(t.doubleColumn(ALLOC_RATE_MB_S).isMissing(1));
        assertEquals(4 - 4 + 4 - 2, t.doubleColumn(ALLOC_MB).getDouble(1));
    }

    @Test
    void theTableHasEveryColumnInTableOrder() throws IOException {
        Table t = cycles("gctrace/go1.22-phases-restart.log");
        assertEquals(CYCLE_COLUMNS, t.columnNames());
        for (CycleColumn c : CycleColumn.all()) {
            if (c.origin() == CycleColumn.Origin.DERIVED) assertEquals(ColumnType.DOUBLE, t.column(c.columnName()).type());
        }
        assertEquals(CYCLE_COLUMNS, DerivedColumns.addTo(t, ParseOptions.ALL).columnNames(), "adding them again changes nothing");
    }

    static List<Set<String>> projections() {
        return List.of(Set.of(ALLOC_RATE_MB_S), Set.of(SURVIVAL, TRIGGER), Set.of(INTERVAL_S, WALL_TIME),
                Set.of(ALLOC_MB, GC, STW_MS), Set.of(STW_MS));
    }

    /** A summary asks for a few columns: it gets exactly those, each equal to the whole table's. */
    @ParameterizedTest
    @MethodSource("projections")
    void aProjectedParseHoldsExactlyTheColumnsAskedFor(Set<String> columns) throws IOException {
        for (String path : List.of("gctrace/go1.22-phases-restart.log", "gctrace/go1.24-phases-cri.log",
                "gctrace/quoted/go1.4-golang-go-12228-8p.txt")) {
            byte[] bytes = SampleTraces.get(path).bytes();
            Table full = cycles(path);
            Table some = DerivedColumns.parse(new GcTraceParser(2026), TraceSource.of(path, bytes), ParseListener.NONE,
                    ParseOptions.columns(columns)).table(CYCLES_TABLE);
            assertEquals(CYCLE_COLUMNS.stream().filter(columns::contains).toList(), some.columnNames(), path);
            assertEquals(full.rowCount(), some.rowCount(), path);
            for (String c : columns) {
                for (int i = 0; i < full.rowCount(); i++) {
                    assertEquals(full.column(c).getString(i), some.column(c).getString(i), path + " " + c + " row " + i);
                }
            }
        }
    }

    @Test
    void otherFormatsPassThroughUnchanged() throws IOException {
        String path = SampleTraces.ofFormat("prometheus").get(0).path();
        ParseResult r = new PrometheusTextParser().parse(TraceSource.of(path, SampleTraces.get(path).bytes()));
        assertSame(r, DerivedColumns.addTo(r));
    }
}
