package dev.gcscope.analysis.stats;

import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.AnalysisSamples;
import dev.gcscope.analysis.work.CancelAfter;
import dev.gcscope.analysis.work.Work;
import java.util.concurrent.CancellationException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConvergenceTest {

    @Test
    void runningPercentilesAreThoseOfEachPrefix() {
        double[] stw = AnalysisSamples.cycles("gctrace/go1.24-phases.log").doubleColumn(STW_MS).asDoubleArray();
        Convergence.Result r = Convergence.of(stw);
        assertTrue(r.points().size() > 20);
        double[] known = Arrays.stream(stw).filter(x -> !Double.isNaN(x)).toArray();
        int last = 0;
        for (Convergence.Point p : r.points()) {
            assertTrue(p.cycles() > last);
            last = p.cycles();
            double[] prefix = Arrays.copyOf(known, p.cycles());
            SortedSample s = SortedSample.of(prefix);
            assertEquals(s.percentile(50), p.p50().value(), 1e-12, "P50 after " + p.cycles());
            assertEquals(s.percentile(99), p.p99().value(), 1e-12, "P99 after " + p.cycles());
            assertTrue(p.p99().low() <= p.p99().value() && p.p99().value() <= p.p99().high());
        }
        assertEquals(known.length, last, "the last checkpoint is the whole trace");
    }

    /**
     * A program whose medians follow its phases: 2,116 pauses, but the count below the median varies
     * 12 times as much as independent pauses' would, so the interval never narrows to ±10 %.
     */
    @Test
    void aMedianThatDriftsWithThePhasesDoesNotSettle() {
        double[] stw = AnalysisSamples.cycles("gctrace/go1.24-phases-cri.log").doubleColumn(STW_MS).asDoubleArray();
        Convergence.Result r = Convergence.of(stw);
        assertEquals(-1, r.stableAfterP50(), r.points().get(r.points().size() - 1).toString());
        assertTrue(r.points().get(r.points().size() - 1).p50().inflation() > 4, r.points().get(r.points().size() - 1).toString());
    }

    @Test
    void stableAfterIsWhereTheIntervalStaysNarrow() {
        double[] stw = AnalysisSamples.cycles("steady/go1.19-steady.log").doubleColumn(STW_MS).asDoubleArray();
        Convergence.Result r = Convergence.of(stw);
        int stable = r.stableAfterP50();
        assertTrue(stable > 0, "the median of a steady program's 1,590 pauses settles");
        for (Convergence.Point p : r.points()) {
            boolean narrow = p.p50().reach() < Convergence.STABLE_REACH * p.p50().value();
            if (p.cycles() >= stable) assertTrue(narrow, "stays stable at " + p.cycles());
        }
        Convergence.Point before = r.points().stream().filter(p -> p.cycles() < stable).reduce((a, b) -> b).orElse(null);
        if (before != null) {
            assertFalse(before.p50().reach() < Convergence.STABLE_REACH * before.p50().value(),
                    "the checkpoint before is not stable");
        }
    }

    @Test
    void aCancelledConvergenceStopsAtTheNextCheckpoint() {
        double[] stw = AnalysisSamples.cycles("gctrace/go1.24-phases.log").doubleColumn(STW_MS).asDoubleArray();
        CancelAfter counting = CancelAfter.never();
        int checkpoints = Convergence.of(stw, Work.on(Runnable::run, counting)).points().size();
        assertEquals(checkpoints, counting.polls(), "one poll per checkpoint");
        CancelAfter third = new CancelAfter(3);
        assertThrows(CancellationException.class, () -> Convergence.of(stw, Work.on(Runnable::run, third)));
        assertEquals(3, third.polls(), "no checkpoint after the cancel");
    }
}
