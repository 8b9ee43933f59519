package dev.gcscope.parsers.perfsched;

import static dev.gcscope.parsers.perfsched.TimehistColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/** A projection builds only the event columns asked for, each identical to the same column of a full parse. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimehistProjectionTest {
    /** Each sample's full parse, the reference every projection is compared with: made once, not once per projection. */
    private final Map<String, Table> fullParses = new HashMap<>();

    static List<Set<String>> projections() {
        return List.of(Set.of(SCH_DELAY_MS), Set.of(EVENT, TASK, TID, SCH_DELAY_MS), Set.of(NEXT, STATE, LINE),
                Set.of(TARGET, TARGET_PID, FROM_CPU, TO_CPU), Set.of(TIME_S, CPU, PRIO, CALLCHAIN));
    }

    private Table full(String path, byte[] bytes) throws IOException {
        Table t = fullParses.get(path);
        if (t == null) {
            t = new PerfSchedTimehistParser().parse(TraceSource.of(path, bytes)).table(EVENTS_TABLE);
            fullParses.put(path, t);
        }
        return t;
    }

    @ParameterizedTest
    @MethodSource("projections")
    void projectedColumnsEqualTheFullParse(Set<String> columns) throws IOException {
        for (String path : List.of("perf/go1.24-gmp4-quota50-timehist-wMVn-state.txt.gz", "perf/go1.24-gmp2-timehist.txt.gz",
                "perf/quoted/timehist-show-prio-snip-lkml-2024.txt")) {
            byte[] bytes = SampleTraces.get(path).bytes();
            Table full = full(path, bytes);
            Table some = new PerfSchedTimehistParser().parse(TraceSource.of(path, bytes), ParseListener.NONE,
                    ParseOptions.columns(columns)).table(EVENTS_TABLE);
            assertEquals(EVENT_COLUMNS.stream().filter(columns::contains).toList(), some.columnNames(), path);
            for (String c : columns) {
                for (int i = 0; i < full.rowCount(); i++) {
                    assertEquals(full.column(c).getString(i), some.column(c).getString(i), path + " " + c + " row " + i);
                }
            }
        }
    }
}
