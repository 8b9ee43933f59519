package dev.gcscope.parsers.perfsched;

import static dev.gcscope.parsers.perfsched.TimehistColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/** A projection builds only the event columns asked for, each identical to the same column of a full parse. */
class TimehistProjectionTest {

    static List<Set<String>> projections() {
        return List.of(Set.of(SCH_DELAY_MS), Set.of(EVENT, TASK, TID, SCH_DELAY_MS), Set.of(NEXT, STATE, LINE),
                Set.of(TARGET, TARGET_PID, FROM_CPU, TO_CPU), Set.of(TIME_S, CPU, PRIO, CALLCHAIN));
    }

    @ParameterizedTest
    @MethodSource("projections")
    void projectedColumnsEqualTheFullParse(Set<String> columns) throws IOException {
        for (String path : List.of("perf/go1.24-gmp4-quota50-timehist-wMVn-state.txt.gz", "perf/go1.24-gmp2-timehist.txt.gz",
                "perf/quoted/timehist-show-prio-snip-lkml-2024.txt")) {
            byte[] bytes = SampleTraces.get(path).bytes();
            Table full = new PerfSchedTimehistParser().parse(TraceSource.of(path, bytes)).table(EVENTS_TABLE);
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
