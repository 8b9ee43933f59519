package dev.gcscope.analysis.sched;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.perfsched.TimehistColumns;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Log bins and delay-over-time buckets of the Go program's switches in a real timehist recording. */
class DelayBinsTest {
    private static final double FLOOR_MS = 0.001;

    private static TaskDelays.Task busiest(TaskDelays d) {
        return d.tasks().stream().max(java.util.Comparator.comparingInt(TaskDelays.Task::switches)).orElseThrow();
    }

    @Test
    void everyDelayIsInTheOneBinWhoseBoundsHoldIt() {
        Table events = SchedSamples.parse(SchedSamples.TIMEHIST).table(TimehistColumns.EVENTS_TABLE);
        TaskDelays d = TaskDelays.of(events);
        double[] delays = d.delaysOf(busiest(d));
        LogBins bins = LogBins.of(delays, FLOOR_MS);
        double[] expected = new double[bins.counts().length];
        for (double v : delays) {
            int hits = 0;
            for (int b = 0; b < expected.length; b++) {
                boolean last = b == expected.length - 1;
                if (v >= bins.lower()[b] && (v < bins.upper()[b] || (last && v <= bins.upper()[b]))) {
                    expected[b]++;
                    hits++;
                }
            }
            assertEquals(1, hits, "delay " + v);
        }
        assertArrayEquals(expected, bins.counts());
        for (int b = 2; b < expected.length; b++) {
            assertEquals(Math.pow(10, 1.0 / LogBins.BINS_PER_DECADE), bins.upper()[b] / bins.lower()[b], 1e-9, "log-spaced");
        }
        double max = java.util.Arrays.stream(delays).max().orElseThrow();
        assertTrue(bins.upper()[expected.length - 1] >= max && bins.lower()[expected.length - 1] <= max);
    }

    @Test
    void eachTimeBucketHasTheR7PercentilesOfItsOwnRows() {
        Table events = SchedSamples.parse(SchedSamples.TIMEHIST).table(TimehistColumns.EVENTS_TABLE);
        TaskDelays d = TaskDelays.of(events);
        TaskDelays.Task t = busiest(d);
        double[] time = new double[t.rows().length];
        for (int i = 0; i < time.length; i++) time[i] = d.timeS()[t.rows()[i]];
        double[] delay = d.delaysOf(t);
        DelayOverTime o = DelayOverTime.of(time, delay);
        int n = o.midS().length;
        assertEquals(DelayOverTime.BUCKETS, n);
        double t0 = java.util.Arrays.stream(time).min().orElseThrow(), t1 = java.util.Arrays.stream(time).max().orElseThrow();
        double width = (t1 - t0) / n;
        Percentile r7 = new Percentile().withEstimationType(EstimationType.R_7);
        int nonEmpty = 0;
        for (int b = 0; b < n; b++) {
            List<Double> in = new ArrayList<>();
            for (int i = 0; i < time.length; i++) {
                int at = Math.min(n - 1, (int) ((time[i] - t0) / width));
                if (at == b) in.add(delay[i]);
            }
            if (in.isEmpty()) {
                assertTrue(Double.isNaN(o.p99Ms()[b]));
                continue;
            }
            nonEmpty++;
            double[] v = in.stream().mapToDouble(Double::doubleValue).toArray();
            assertEquals(r7.evaluate(v, 50), o.p50Ms()[b], 1e-12);
            assertEquals(r7.evaluate(v, 99), o.p99Ms()[b], 1e-12);
            assertEquals(java.util.Arrays.stream(v).max().orElseThrow(), o.maxMs()[b], 0);
        }
        assertTrue(nonEmpty > n / 2);
        assertEquals(t.maxMs(), java.util.Arrays.stream(o.maxMs()).filter(x -> !Double.isNaN(x)).max().orElseThrow(), 0,
                "the largest delay survives the bucketing");
    }
}
