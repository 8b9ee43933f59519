package dev.gcscope.analysis.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Selection in place must give commons-math's R-7 on the range (to rounding of the interpolation), and leave the rest alone. */
class RangeSelectionTest {
    static Stream<double[]> shapes() {
        Random r = new Random(7);
        double[] random = r.doubles(5_000).toArray();
        double[] ties = r.ints(5_000, 0, 4).asDoubleStream().toArray(); // gctrace pauses repeat a lot
        double[] sorted = random.clone();
        Arrays.sort(sorted);
        double[] reversed = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) reversed[i] = sorted[sorted.length - 1 - i];
        double[] equal = new double[1_000];
        Arrays.fill(equal, 0.25);
        double[] organPipe = new double[4_001];
        for (int i = 0; i < organPipe.length; i++) organPipe[i] = Math.min(i, organPipe.length - i);
        return Stream.of(random, ties, sorted, reversed, equal, organPipe, new double[] {3}, new double[] {2, 1},
                r.doubles(17).toArray(), r.doubles(40).toArray());
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void sameAsCommonsMathR7OnEveryRange(double[] values) {
        Percentile reference = new Percentile().withEstimationType(EstimationType.R_7);
        int n = values.length;
        int[][] ranges = {{0, n}, {n / 3, n}, {0, Math.max(1, n / 2)}, {n / 4, Math.max(n / 4 + 1, 3 * n / 4)}};
        for (int[] range : ranges) {
            for (double p : new double[] {0.1, 1, 25, 50, 90, 99, 99.9, 100}) {
                double[] work = new double[n + 2];
                work[0] = -1e300; // outside the range: must not move
                work[n + 1] = 1e300;
                System.arraycopy(values, 0, work, 1, n);
                double expected = reference.evaluate(values, range[0], range[1] - range[0], p);
                double got = RangeSelection.percentile(work, range[0] + 1, range[1] + 1, p);
                assertEquals(expected, got, 4 * Math.ulp(expected), "p" + p + " of [" + range[0] + ", " + range[1] + ")");
                assertEquals(-1e300, work[0]);
                assertEquals(1e300, work[n + 1]);
                double[] before = Arrays.copyOfRange(values, range[0], range[1]);
                double[] after = Arrays.copyOfRange(work, range[0] + 1, range[1] + 1);
                Arrays.sort(before);
                Arrays.sort(after);
                assertArrayEquals(before, after, "the range holds the same values, reordered");
            }
        }
    }

    @Test
    void emptyRangeIsNaN() {
        assertTrue(Double.isNaN(RangeSelection.percentile(new double[] {1, 2}, 1, 1, 50)));
    }

    @Test
    void selectPartitionsAroundTheRank() {
        double[] a = new Random(3).doubles(1_000).toArray();
        double[] sorted = a.clone();
        Arrays.sort(sorted);
        double v = RangeSelection.select(a, 0, a.length, 321);
        assertEquals(sorted[321], v);
        for (int i = 0; i < 321; i++) assertTrue(a[i] <= v);
        for (int i = 322; i < a.length; i++) assertTrue(a[i] >= v);
    }
}
