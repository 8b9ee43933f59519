package dev.gcscope.analysis.regime;

import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.AnalysisSamples;
import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.analysis.stats.SerialDependence;
import dev.gcscope.analysis.stats.SortedSample;
import dev.gcscope.samples.SampleTraces;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Percentiles of a range of pauses, by bucket counts, must be exactly those of the range sorted
 * (values and both ends of the interval widened for the pauses' order, bit for bit), on the pauses of every gctrace recording
 * together: as Go printed them (whole microseconds), nudged off the microsecond (every bucket holds
 * several values) and stretched past the last bucket.
 */
class RegimePercentilesTest {
    static final double[] PS = {0, 1, 50, 90, 99, 99.9, 100};

    private static double[] pauses;

    /**
     * Every recording's pauses, one after another, twice over: as many as a regime of a long trace,
     * which is counted rather than selected. A copy: the checks change them.
     */
    private static synchronized double[] allPauses() {
        if (pauses == null) pauses = java.util.stream.Stream.of(1, 2).flatMap(twice -> SampleTraces.ofFormat("gctrace").stream()
                .map(s -> s.path()))
                .flatMapToDouble(path -> Arrays.stream(AnalysisSamples.cycles(path).doubleColumn(STW_MS).asDoubleArray()))
                .filter(x -> !Double.isNaN(x)).toArray();
        return pauses.clone();
    }

    @Test
    void countedPercentilesAreThoseOfTheSortedPauses() {
        assertCountedMatchesSorted(allPauses(), x -> x);
    }

    @Test
    void countedPercentilesAreExactWhenBucketsHoldSeveralValues() {
        double[] pauses = allPauses();
        for (int i = 0; i < pauses.length; i++) pauses[i] += (i % 7) * 1e-7;
        assertCountedMatchesSorted(pauses, x -> x);
    }

    @Test
    void countedPercentilesAreExactPastTheLastBucket() {
        assertCountedMatchesSorted(allPauses(), x -> x * 1000);
    }

    private static void assertCountedMatchesSorted(double[] pauses, DoubleUnaryOperator change) {
        for (int i = 0; i < pauses.length; i++) pauses[i] = change.applyAsDouble(pauses[i]);
        assertTrue(pauses.length > RegimePercentiles.COUNTING_FROM, "the recordings hold " + pauses.length + " pauses");
        int n = pauses.length;
        int[][] ranges = {{0, n}, {1, n - 1}, {n / 3, n / 3 + 2}, {n / 2, n / 2 + 1}, {7, 4_007}, {n - 33_000 > 0 ? n - 33_000 : 0, n}};
        for (int countingFrom : new int[] {1, RegimePercentiles.COUNTING_FROM}) {
            RegimePercentiles percentiles = new RegimePercentiles(countingFrom);
            for (int[] range : ranges) {
                double[] work = pauses.clone();
                PercentileInterval.Estimate[] got = percentiles.of(work, range[0], range[1], PercentileInterval.CONFIDENCE, PS);
                SortedSample sorted = SortedSample.of(Arrays.copyOfRange(pauses, range[0], range[1]));
                for (int i = 0; i < PS.length; i++) {
                    String what = "P" + PS[i] + " of [" + range[0] + ", " + range[1] + ") counting from " + countingFrom;
                    // widened as the pauses in order say, read before the counting or selection reorders them
                    assertEquals(PercentileInterval.percentile(sorted, PS[i], PercentileInterval.CONFIDENCE,
                            SerialDependence.of(pauses, range[0], range[1])), got[i], what);
                }
            }
        }
    }
}
