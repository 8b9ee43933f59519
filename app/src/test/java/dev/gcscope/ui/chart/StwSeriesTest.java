package dev.gcscope.ui.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.samples.SampleTraces;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

class StwSeriesTest {

    private static Table cycles(String sample) throws Exception {
        SampleTraces.Sample s = SampleTraces.get(sample);
        return TraceLoader.standard().load(TraceSource.of(s.fileName(), s.bytes()), null, ParseListener.NONE)
                .table(GcColumns.CYCLES_TABLE);
    }

    @Test
    void runsAreLaidEndToEndWithAGapAndASeparatorEach() {
        double[] start = {0.1, 0.5, 1.0, 0.2, 0.8};
        double[] stw = {1, 2, 3, 4, 5};
        boolean[] forced = {false, true, false, false, false};
        int[] run = {1, 1, 1, 2, 2};
        int[] gc = {1, 2, 3, 1, 2};
        StwSeries s = StwSeries.of(start, stw, forced, run, gc);
        assertEquals(StwSeries.XKind.SECONDS, s.xKind());
        assertEquals(2, s.runCount());
        double gap = (1.0 + 0.8) * StwSeries.RUN_GAP_FRACTION;
        assertArrayEquals(new double[] {1.0 + gap}, s.runStartX(), 1e-12);
        assertArrayEquals(new double[] {0.1, 0.5, 1.0, 1.0 + gap + 0.2, 1.0 + gap + 0.8}, s.x(), 1e-12);
        assertTrue(s.xSorted());
        assertEquals(0.2, s.startS(3), 0, "the readout shows the run's own time");
        assertEquals(5, s.yMax(), 0);
    }

    @Test
    void withoutStartTimesXIsThePositionInTheFile() {
        double[] start = {Double.NaN, Double.NaN, Double.NaN};
        StwSeries s = StwSeries.of(start, new double[] {8, 8, 7}, new boolean[3], new int[] {1, 1, 1}, new int[] {1, 2, 3});
        assertEquals(StwSeries.XKind.CYCLE_INDEX, s.xKind());
        assertArrayEquals(new double[] {1, 2, 3}, s.x(), 0);
    }

    @Test
    void fromARealTraceWithARestart() throws Exception {
        Table t = cycles("gctrace/go1.22-phases-restart.log");
        StwSeries s = StwSeries.of(t);
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
