package dev.gcscope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.stats.PauseFits;
import dev.gcscope.analysis.work.CancelAfter;
import dev.gcscope.analysis.work.DaemonThreads;
import dev.gcscope.analysis.work.Work;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The whole-trace and range analyses split into parts: on a pool they compute exactly what they
 * compute on one thread, and a cancelled one ends with a {@link CancellationException}.
 */
class AnalysisPartsTest {
    private static final String SAMPLE = "gctrace/go1.22-phases-restart.log";
    private final ExecutorService pool = Executors.newFixedThreadPool(2, new DaemonThreads("parts-test-"));

    @AfterEach
    void close() {
        pool.shutdownNow();
    }

    @Test
    void aRangeAnalysedInPartsOnAPoolIsTheSerialOne() {
        Table cycles = AnalysisSamples.cycles(SAMPLE);
        int[] regimeOfRow = RegimeAnalysis.of(cycles).regimeOfRow();
        int from = cycles.rowCount() / 5, to = cycles.rowCount() - 3;
        CycleRangeAnalysis serial = CycleRangeAnalysis.of(cycles, regimeOfRow, from, to, 0.4, Work.serial());
        CycleRangeAnalysis parts = CycleRangeAnalysis.of(cycles, regimeOfRow, from, to, 0.4, Work.on(pool, () -> false));
        assertEquals(serial.summary(), parts.summary());
        assertEquals(serial.pauses(), parts.pauses());
        assertEquals(serial.stwSorted().size(), parts.stwSorted().size());
        for (int i = 0; i < serial.stwSorted().size(); i++) assertEquals(serial.stwSorted().get(i), parts.stwSorted().get(i));
        assertEquals(serial.convergence(), parts.convergence());
        assertEquals(serial.mmu(), parts.mmu());
        assertEquals(serial.slo(), parts.slo());
        assertEquals(serial.regimes(), parts.regimes());
        assertEquals(serial.fits().verdict(), parts.fits().verdict());
        for (int i = 0; i < serial.fits().fits().size(); i++) {
            PauseFits.Fit a = serial.fits().fits().get(i), b = parts.fits().fits().get(i);
            assertEquals(a.parameters(), b.parameters());
            assertEquals(a.ksP(), b.ksP());
        }
    }

    @Test
    void aWholeTraceAnalysedWithItsRegimesOnAPoolIsTheSerialOne() {
        Table cycles = AnalysisSamples.cycles(SAMPLE);
        GcTraceAnalysis serial = GcTraceAnalysis.of(cycles, RegimeAnalysis.Method.KMEANS, Work.serial());
        GcTraceAnalysis parts = GcTraceAnalysis.of(cycles, RegimeAnalysis.Method.KMEANS, Work.on(pool, () -> false));
        assertEquals(serial.summary(), parts.summary());
        assertEquals(serial.pauses(), parts.pauses());
        assertEquals(serial.regimes().regimes(), parts.regimes().regimes());
        assertArrayEquals(serial.regimes().regimeOfRow(), parts.regimes().regimeOfRow());
    }

    /** A heap too small for both at once gets the pauses first, then the regimes: the same analysis. */
    @Test
    void aWholeTraceAnalysedPausesFirstIsTheOneWithItsRegimesBeside() {
        Table cycles = AnalysisSamples.cycles(SAMPLE);
        GcTraceAnalysis together = GcTraceAnalysis.of(cycles, RegimeAnalysis.Method.KMEANS, Work.on(pool, () -> false), true);
        GcTraceAnalysis inTurn = GcTraceAnalysis.of(cycles, RegimeAnalysis.Method.KMEANS, Work.on(pool, () -> false), false);
        assertEquals(together.summary(), inTurn.summary());
        assertEquals(together.pauses(), inTurn.pauses());
        assertEquals(together.regimes().regimes(), inTurn.regimes().regimes());
        assertArrayEquals(together.regimes().regimeOfRow(), inTurn.regimes().regimeOfRow());
        assertEquals(true, GcTraceAnalysis.roomForBoth(cycles.rowCount()), "a sample has room for both");
    }

    /** Cancelled at its first poll, in the middle and at its last, wherever that poll happens to run. */
    @Test
    void aCancelledAnalysisEndsCancelledWhereverItsPartsRun() {
        Table cycles = AnalysisSamples.cycles(SAMPLE);
        int[] regimeOfRow = RegimeAnalysis.of(cycles).regimeOfRow();
        CancelAfter range = CancelAfter.never(), whole = CancelAfter.never();
        CycleRangeAnalysis.of(cycles, regimeOfRow, 0, cycles.rowCount(), 0.4, Work.on(pool, range));
        GcTraceAnalysis.of(cycles, RegimeAnalysis.Method.KMEANS, Work.on(pool, whole));
        for (int n : new int[] {1, range.polls() / 2, range.polls()}) {
            assertThrows(CancellationException.class, () -> CycleRangeAnalysis.of(cycles, regimeOfRow, 0, cycles.rowCount(), 0.4,
                    Work.on(pool, new CancelAfter(n))), "cancelled at poll " + n + " of " + range.polls());
        }
        for (int n : new int[] {1, whole.polls() / 2, whole.polls()}) {
            assertThrows(CancellationException.class, () -> GcTraceAnalysis.of(cycles, RegimeAnalysis.Method.KMEANS,
                    Work.on(pool, new CancelAfter(n))), "cancelled at poll " + n + " of " + whole.polls());
        }
    }
}
