package dev.gcscope.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gcscope.analysis.compare.TraceComparison;
import dev.gcscope.analysis.sched.DelayComparison;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The change column of the delay table, percentile by percentile, for a task called longer. No
 * bundled pair reaches "negligible" since the intervals allow for bursts (the quota pair's P50 1 →
 * 8 µs now has an interval through 1), so the rule is pinned here on rows built for it.
 */
class SchedChangeLabelTest {
    private static final DelayComparison.Figures ANY = new DelayComparison.Figures("phases", List.of(1), 1, 100, 0, 0, 0, 0);

    private static String label(DelayComparison.Change call, TraceComparison.Row r) {
        DelayComparison.TaskRow task = new DelayComparison.TaskRow("phases", ANY, ANY, List.of(r), 0.001, 0.001, 0.002, 0.002,
                0.001, 0.001, call, "");
        return SchedComparisonViewModel.change(task, r);
    }

    @Test
    void aMoveUnderTenMicrosecondsIsNegligibleHoweverCertain() {
        // 1 → 8 µs, interval wholly above 1: certain, but under perf's 10 µs
        assertEquals(SchedComparisonViewModel.NEGLIGIBLE, label(DelayComparison.Change.LONGER,
                new TraceComparison.Row("p50", 0.001, 0.008, 8, 2, 10)));
        // 2.76 → 4.82 ms with an interval above 1: the change itself
        assertEquals("longer", label(DelayComparison.Change.LONGER, new TraceComparison.Row("p99", 2.76, 4.82, 1.75, 1.02, 5.19)));
        // an interval through 1 is no clear change, whatever the move
        assertEquals("no clear change", label(DelayComparison.Change.LONGER, new TraceComparison.Row("p90", 0.025, 0.065, 2.6, 0.69, 11.2)));
        // a task not called changes none of its rows; the maximum has no interval and is not tested
        assertEquals("no clear change", label(DelayComparison.Change.NO_CLEAR_CHANGE,
                new TraceComparison.Row("p99", 2.76, 4.82, 1.75, 1.02, 5.19)));
        assertEquals("", label(DelayComparison.Change.LONGER, new TraceComparison.Row("max", 72.4, 63.9, 0.88, Double.NaN, Double.NaN)));
    }
}
