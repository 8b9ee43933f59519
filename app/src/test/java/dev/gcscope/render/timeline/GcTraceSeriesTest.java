package dev.gcscope.render.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.render.plot.StwSeries;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class GcTraceSeriesTest {

    private static Table cycles(String sample) throws Exception {
        SampleTraces.Sample s = SampleTraces.get(sample);
        return TraceLoader.standard().load(TraceSource.of(s.fileName(), s.bytes()), null, ParseListener.NONE)
                .table(GcColumns.CYCLES_TABLE);
    }

    @Test
    void fromARealTraceWithARestart() throws Exception {
        Table t = cycles("gctrace/go1.22-phases-restart.log");
        StwSeries s = GcTraceSeries.of(t);
        assertEquals(t.rowCount(), s.size());
        int runs = t.intColumn(GcColumns.RUN).unique().size();
        assertEquals(runs, s.runCount());
        assertTrue(runs >= 2, "the sample holds a restart");
        assertTrue(s.xSorted(), "each run's cycles follow the previous run's");
        long forced = 0;
        for (boolean f : s.forced()) if (f) forced++;
        assertEquals(t.booleanColumn(GcColumns.FORCED).countTrue(), forced);
        assertEquals(t.doubleColumn(GcColumns.STW_MS).max(), s.yMax(), 0);
    }
}
