package dev.gcscope.parsers.gctrace;

import static dev.gcscope.parsers.gctrace.GcColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * A projection builds only the parsed columns asked for, each identical to the same column of a full
 * parse. The derived columns are the analysis module's (its {@code DerivedColumnsTest}): the parser
 * never builds them.
 */
class ProjectionTest {
    private static final List<String> PATHS = List.of("gctrace/go1.22-phases-restart.log", "gctrace/go1.24-phases-cri.log",
            "gctrace/quoted/go1.4-golang-go-12228-8p.txt");
    private static final Set<String> DERIVED = Set.of(INTERVAL_S, ALLOC_MB, ALLOC_RATE_MB_S, SURVIVAL);

    static List<Set<String>> projections() {
        return List.of(Set.of(STW_MS), Set.of(RUN, START_S, GC_CPU_PCT, STW_MS, HEAP_START_MB, HEAP_END_MB, FORCED),
                Set.of(HEAP_LIVE_MB, GC), Set.of(SURVIVAL, TRIGGER), Set.of(INTERVAL_S, WALL_TIME), Set.of(LINE, PARTIAL),
                Set.of(LEAK_CHECK, INSTALL_WB_MS, IDLE_CPU_MS));
    }

    @Test
    void aFullParseHasTheParsedColumnsInTableOrder() throws IOException {
        List<String> parsed = CycleColumn.parsed().stream().map(CycleColumn::columnName).toList();
        assertEquals(CYCLE_COLUMNS.stream().filter(c -> !DERIVED.contains(c)).toList(), parsed);
        Map<CycleColumn.Type, ColumnType> tablesaw = Map.of(CycleColumn.Type.INT, ColumnType.INTEGER,
                CycleColumn.Type.DOUBLE, ColumnType.DOUBLE, CycleColumn.Type.BOOLEAN, ColumnType.BOOLEAN,
                CycleColumn.Type.TEXT, ColumnType.STRING, CycleColumn.Type.DATE_TIME, ColumnType.LOCAL_DATE_TIME);
        for (String path : PATHS) {
            Table full = new GcTraceParser(2026).parse(TraceSource.of(path, SampleTraces.get(path).bytes())).table(CYCLES_TABLE);
            assertEquals(parsed, full.columnNames(), path);
            for (CycleColumn c : CycleColumn.parsed()) {
                assertEquals(tablesaw.get(c.type()), full.column(c.columnName()).type(), path + " " + c.columnName());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("projections")
    void projectedColumnsEqualTheFullParse(Set<String> columns) throws IOException {
        for (String path : PATHS) {
            byte[] bytes = SampleTraces.get(path).bytes();
            Table full = new GcTraceParser(2026).parse(TraceSource.of(path, bytes)).table(CYCLES_TABLE);
            Table some = new GcTraceParser(2026).parse(TraceSource.of(path, bytes), ParseListener.NONE,
                    ParseOptions.columns(columns)).table(CYCLES_TABLE);
            assertEquals(CYCLE_COLUMNS.stream().filter(c -> columns.contains(c) && !DERIVED.contains(c)).toList(),
                    some.columnNames(), path);
            for (String c : some.columnNames()) {
                for (int i = 0; i < full.rowCount(); i++) {
                    assertEquals(full.column(c).getString(i), some.column(c).getString(i), path + " " + c + " row " + i);
                }
            }
        }
    }
}
