package dev.gcscope.analysis.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.compare.TraceComparison;
import dev.gcscope.parsers.perfsched.TimehistColumns;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two timehist recordings side by side on real files: the scheduler pair recorded for this (the phases
 * workload without and with a CPU quota of a fifth of a CPU, {@code record-quota-pair.sh}) and a file
 * against itself.
 */
class DelayComparisonTest {
    static final String FREE = "sched-pair/free-timehist.txt.gz";
    static final String QUOTA = "sched-pair/quota20-timehist.txt.gz";
    static final String STEADY = "sched-steady/go1.24-steady-timehist.txt.gz";

    static DelayComparison.Side side(String path) {
        return DelayComparison.Side.of(path, SchedSamples.parse(path).table(TimehistColumns.EVENTS_TABLE));
    }

    @Test
    void aFileAgainstItselfHasRatiosOfOnePValuesOfOneAndNoClearChange() {
        DelayComparison.Side s = side(FREE);
        DelayComparison.Result r = DelayComparison.of(s, s);
        assertEquals("phases", r.tasks().get(0).task());
        for (DelayComparison.TaskRow t : r.tasks()) {
            for (TraceComparison.Row row : t.rows()) {
                if (row.a() > 0) assertEquals(1.0, row.ratio(), 0, t.task() + " " + row.name());
                if (!Double.isNaN(row.ratioLow()) && row.a() > 0) {
                    assertTrue(row.ratioLow() <= 1 && row.ratioHigh() >= 1, t.task() + " " + row.name());
                }
            }
            assertEquals(1.0, t.mannWhitneyP(), 1e-12, t.task());
            assertEquals(1.0, t.ksP(), 0, t.task());
            assertEquals(DelayComparison.Change.NO_CLEAR_CHANGE, t.change(), t.task());
        }
        assertEquals(1.0, r.overallMannWhitneyP(), 1e-12);
        assertTrue(r.verdict().startsWith("phases: no clear change"), r.verdict());
        assertTrue(r.onlyA().isEmpty() && r.onlyB().isEmpty());
    }

    /**
     * The quota lengthens the program's delay tail (P99 2.76 → 4.82 ms) and the distributions differ
     * even allowing for neighbouring switches being alike, but one run of each, its delays in
     * bursts, leaves P99's ratio interval reaching 1: no change is called on a percentile the
     * intervals do not support, and the verdict says what was found instead.
     */
    @Test
    void theQuotaLengthensTheDelayTailButOneRunEachLeavesItsSizeOpen() {
        DelayComparison.Result r = DelayComparison.of(side(FREE), side(QUOTA));
        DelayComparison.TaskRow phases = r.tasks().get(0);
        assertEquals("phases", phases.task());
        TraceComparison.Row p99 = phases.rows().get(2);
        assertEquals("p99", p99.name());
        assertTrue(p99.ratio() > 1.5 && p99.ratioHigh() > 1.5 && p99.ratioLow() <= 1, p99.toString());
        assertTrue(phases.inOrderAdjusted() < 0.05, "the in-order test finds them different: " + phases.inOrderAdjusted());
        assertEquals(DelayComparison.Change.NO_CLEAR_CHANGE, phases.change());
        assertTrue(r.verdict().startsWith("phases: no clear change in scheduling delay (P99 2.76 → 4.82 ms; the distributions differ"),
                r.verdict());
        // and it quotes the interval that holds the call back
        assertTrue(r.verdict().endsWith(String.format(java.util.Locale.ROOT, "(P99 %+.0f%%, 95%% CI %+.0f%% to %+.0f%%))",
                100 * (p99.ratio() - 1), 100 * (p99.ratioLow() - 1), 100 * (p99.ratioHigh() - 1))), r.verdict());
    }

    /**
     * A known change on real delays: the second half of the steady recording with every delay three
     * times as long, against the first half. It is called longer, on P99 with its interval, and swapped
     * it reads shorter.
     */
    @Test
    void delaysMadeThreeTimesAsLongAreCalledLongerBothWays() {
        tech.tablesaw.api.Table events = SchedSamples.parse(STEADY).table(TimehistColumns.EVENTS_TABLE);
        int n = events.rowCount();
        tech.tablesaw.api.Table later = events.inRange(n / 2, n).copy();
        tech.tablesaw.api.DoubleColumn delay = later.doubleColumn(TimehistColumns.SCH_DELAY_MS);
        later.replaceColumn(TimehistColumns.SCH_DELAY_MS, delay.multiply(3).setName(TimehistColumns.SCH_DELAY_MS));
        DelayComparison.Side a = DelayComparison.Side.of("A", events.inRange(0, n / 2)), b = DelayComparison.Side.of("B", later);
        DelayComparison.Result r = DelayComparison.of(a, b);
        DelayComparison.TaskRow phases = r.tasks().get(0);
        assertEquals("phases", phases.task());
        assertEquals(DelayComparison.Change.LONGER, phases.change(), phases.rows().toString());
        TraceComparison.Row p99 = phases.rows().get(2);
        assertTrue(p99.ratioLow() > 1, "P99 ratio interval above 1: " + p99);
        assertTrue(r.verdict().startsWith("phases: scheduling delays longer: "), r.verdict());

        DelayComparison.TaskRow back = DelayComparison.of(b, a).tasks().get(0);
        assertEquals(DelayComparison.Change.SHORTER, back.change());
        assertEquals(1 / p99.ratio(), back.rows().get(2).ratio(), 1e-9);
    }

    /**
     * Parts of one steady recording ({@code record-steady-sched.sh}) are one distribution: compared, no
     * change is called. Mann–Whitney and KS, which take every switch as independent, call most of these
     * splits different at p < 0.001; the in-order test, which allows for neighbouring switches being
     * alike, does not, and the sentence says which test decided.
     */
    @Test
    void partsOfOneSteadyRecordingShowNoClearChange() {
        tech.tablesaw.api.Table events = SchedSamples.parse(STEADY).table(TimehistColumns.EVENTS_TABLE);
        int n = events.rowCount(), independentCalls = 0;
        int[][] splits = {{0, 50, 50, 100}, {0, 25, 25, 100}, {10, 55, 55, 100}, {20, 40, 60, 80}, {50, 75, 75, 100}, {30, 60, 60, 90}};
        for (int[] c : splits) {
            DelayComparison.Side a = DelayComparison.Side.of("A", events.inRange(n * c[0] / 100, n * c[1] / 100));
            DelayComparison.Side b = DelayComparison.Side.of("B", events.inRange(n * c[2] / 100, n * c[3] / 100));
            DelayComparison.Result r = DelayComparison.of(a, b);
            String split = java.util.Arrays.toString(c) + ": " + r.verdict();
            DelayComparison.TaskRow phases = r.tasks().get(0);
            assertEquals("phases", phases.task(), split);
            for (DelayComparison.TaskRow t : r.tasks()) assertEquals(DelayComparison.Change.NO_CLEAR_CHANGE, t.change(), split);
            assertTrue(phases.inOrderAdjusted() >= 0.05, split);
            if (Math.min(phases.mannWhitneyAdjusted(), phases.ksAdjusted()) < 0.001) {
                independentCalls++;
                assertTrue(r.verdict().contains("the in-order test gives p "), split);
            }
        }
        assertTrue(independentCalls >= 4, independentCalls + " of " + splits.length + " splits called by Mann–Whitney or KS alone");
    }

    @Test
    void eachSidesTaskFiguresAreTheTaskDelaysOfItsFile() {
        DelayComparison.Side free = side(FREE), quota = side(QUOTA);
        DelayComparison.Result r = DelayComparison.of(free, quota);
        for (DelayComparison.TaskRow t : r.tasks()) {
            for (var pair : List.of(List.of(t.a(), free), List.of(t.b(), quota))) {
                DelayComparison.Figures f = (DelayComparison.Figures) pair.get(0);
                DelayComparison.Side s = (DelayComparison.Side) pair.get(1);
                TaskDelays.Task own = s.delays().tasks().stream().filter(x -> x.name().equals(t.task())).findFirst().orElseThrow();
                assertEquals(own.switches(), f.switches());
                assertEquals(own.p99Ms(), f.p99Ms(), 0);
                assertEquals(own.maxMs(), f.maxMs(), 0);
            }
        }
    }

    @Test
    void theOverallDelaysAreEverySwitchInTheOrderItHappened() {
        // the overall interval's widening cuts them into stretches of time: grouped by task, a stretch would be a task
        tech.tablesaw.api.Table events = SchedSamples.parse(FREE).table(TimehistColumns.EVENTS_TABLE);
        tech.tablesaw.api.StringColumn event = events.stringColumn(TimehistColumns.EVENT), task = events.stringColumn(TimehistColumns.TASK);
        tech.tablesaw.api.DoubleColumn delay = events.doubleColumn(TimehistColumns.SCH_DELAY_MS);
        java.util.List<Double> expected = new java.util.ArrayList<>();
        for (int i = 0; i < events.rowCount(); i++) {
            if (event.get(i).equals(TimehistColumns.EVENT_SWITCH) && !task.get(i).equals("<idle>")) expected.add(delay.getDouble(i));
        }
        double[] overall = side(FREE).delaysMs();
        assertEquals(expected.size(), overall.length);
        for (int i = 0; i < overall.length; i++) assertEquals(expected.get(i), overall[i], 0, "switch " + i);
        // and that order is not the tasks' one after another (which this test would not tell apart otherwise)
        DelayComparison.Side s = side(FREE);
        double[] grouped = s.delays().tasks().stream().flatMapToInt(t -> java.util.Arrays.stream(t.rows()))
                .mapToDouble(r -> s.delays().delayMs()[r]).toArray();
        assertTrue(!java.util.Arrays.equals(grouped, overall), "the tasks' switches interleave");
    }
}
