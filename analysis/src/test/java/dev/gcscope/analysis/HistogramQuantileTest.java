package dev.gcscope.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link HistogramQuantile} against Prometheus's own expectations (promql/testdata/histograms.test,
 * prometheus/prometheus at 0d3012a60556), hand-checked cases, and an independent implementation
 * written from the {@code histogram_quantile} documentation on random histograms.
 */
class HistogramQuantileTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** testhistogram{start="positive"} at 50m: 0+5x10, 0+7x10, 0+11x10, 0+12x10 at le 0.1, .2, 1e0, +Inf. */
    private static final double[] POS_LE = {0.1, 0.2, 1, INF};
    private static final double[] POS_CUM = {50, 70, 110, 120};
    /** testhistogram{start="negative"}: 0+1x10, 0+2x10, 0+2x10, 0+3x10 at le -.2, -0.1, 0.3, +Inf. */
    private static final double[] NEG_LE = {-0.2, -0.1, 0.3, INF};
    private static final double[] NEG_CUM = {10, 20, 20, 30};

    @Test
    void prometheusTestdataPositiveLowestBucket() {
        assertEquals(Double.NEGATIVE_INFINITY, HistogramQuantile.ofCumulative(-0.1, POS_LE, POS_CUM));
        assertEquals(INF, HistogramQuantile.ofCumulative(1.01, POS_LE, POS_CUM));
        assertEquals(0, HistogramQuantile.ofCumulative(0, POS_LE, POS_CUM));
        assertEquals(1, HistogramQuantile.ofCumulative(1, POS_LE, POS_CUM), "in the +Inf bucket: the highest finite le");
        assertEquals(0.048, HistogramQuantile.ofCumulative(0.2, POS_LE, POS_CUM), 1e-12);
        assertEquals(0.15, HistogramQuantile.ofCumulative(0.5, POS_LE, POS_CUM), 1e-12);
        assertEquals(0.72, HistogramQuantile.ofCumulative(0.8, POS_LE, POS_CUM), 1e-12);
    }

    @Test
    void prometheusTestdataNegativeLowestBucket() {
        assertEquals(-0.2, HistogramQuantile.ofCumulative(0, NEG_LE, NEG_CUM), "a lowest le ≤ 0 is returned as is");
        assertEquals(0.3, HistogramQuantile.ofCumulative(1, NEG_LE, NEG_CUM));
        assertEquals(-0.2, HistogramQuantile.ofCumulative(0.2, NEG_LE, NEG_CUM));
        assertEquals(-0.15, HistogramQuantile.ofCumulative(0.5, NEG_LE, NEG_CUM), 1e-12);
        assertEquals(0.3, HistogramQuantile.ofCumulative(0.8, NEG_LE, NEG_CUM));
    }

    @Test
    void prometheusTestdataAggregated() {
        // sum by (le) of request_duration_seconds_bucket: 10, 19, 25 (×10 at 50m).
        double[] le = {0.1, 0.2, INF};
        double[] cum = {100, 190, 250};
        assertEquals(0.075, HistogramQuantile.ofCumulative(0.3, le, cum), 1e-12);
        assertEquals(0.1277777777777778, HistogramQuantile.ofCumulative(0.5, le, cum), 1e-12);
        // by (le, job) job2: 3+4, 4+7, 6+9
        assertEquals(0.0642857142857143, HistogramQuantile.ofCumulative(0.3, le, new double[] {70, 110, 150}), 1e-12);
        assertEquals(0.1125, HistogramQuantile.ofCumulative(0.5, le, new double[] {70, 110, 150}), 1e-12);
    }

    @Test
    void handCheckedGoCollectorBuckets() {
        // Go 1.20+ le set as client_golang exposes it, 100 observations: 40 | 30 | 20 | 9 | 1 (in +Inf).
        double[] le = {6.399999999999999e-08, 6.399999999999999e-07, 7.167999999999999e-06, 8.191999999999999e-05, INF};
        double[] per = {40, 30, 20, 9, 1};
        // p50: rank 50, bucket 2 (cum 70): 6.4e-8 + (6.4e-7 - 6.4e-8) * 10/30
        assertEquals(6.399999999999999e-08 + (6.399999999999999e-07 - 6.399999999999999e-08) / 3,
                HistogramQuantile.ofBuckets(0.5, le, per), 1e-20);
        // p90: rank 90, bucket 3 (cum 90): its upper bound exactly
        assertEquals(7.167999999999999e-06, HistogramQuantile.ofBuckets(0.9, le, per), 1e-18);
        // p99: rank 99, bucket 4 (cum 99): upper bound
        assertEquals(8.191999999999999e-05, HistogramQuantile.ofBuckets(0.99, le, per), 1e-18);
        // p99.5: in +Inf: the highest finite le
        assertEquals(8.191999999999999e-05, HistogramQuantile.ofBuckets(0.995, le, per));
        // p10: rank 10 in the first bucket, from a natural lower bound of 0: 6.4e-8 * 10/40
        assertEquals(1.6e-08, HistogramQuantile.ofBuckets(0.1, le, per), 1e-20);
    }

    @Test
    void specialCases() {
        assertTrue(Double.isNaN(HistogramQuantile.ofCumulative(Double.NaN, POS_LE, POS_CUM)));
        assertTrue(Double.isNaN(HistogramQuantile.ofCumulative(0.5, new double[] {0.1, 1}, new double[] {1, 2})), "no +Inf bucket");
        assertTrue(Double.isNaN(HistogramQuantile.ofCumulative(0.5, new double[] {INF}, new double[] {3})), "a single bucket");
        assertTrue(Double.isNaN(HistogramQuantile.ofCumulative(0.5, new double[] {1, INF}, new double[] {0, 0})), "no observations");
        assertTrue(Double.isNaN(HistogramQuantile.ofCumulative(0.5, new double[0], new double[0])));
        // rank 0 in an empty first bucket: 0/0, as in Prometheus
        assertTrue(Double.isNaN(HistogramQuantile.ofCumulative(0, new double[] {1, 2, INF}, new double[] {0, 5, 5})));
        // unsorted input and a duplicated bound are sorted and merged
        assertEquals(HistogramQuantile.ofCumulative(0.5, POS_LE, POS_CUM),
                HistogramQuantile.ofCumulative(0.5, new double[] {1, INF, 0.1, 0.2}, new double[] {110, 120, 50, 70}));
        // non-monotonic cumulative counts get their envelope: {50, 40→50, 110, 120}
        assertEquals(HistogramQuantile.ofCumulative(0.5, POS_LE, new double[] {50, 50, 110, 120}),
                HistogramQuantile.ofCumulative(0.5, POS_LE, new double[] {50, 40, 110, 120}));
    }

    @Test
    void agreesWithAnIndependentImplementationOnRandomHistograms() {
        Random r = new Random(7);
        double[] qs = {0, 0.01, 0.25, 0.5, 0.9, 0.99, 0.999, 1};
        for (int trial = 0; trial < 20_000; trial++) {
            int n = 1 + r.nextInt(12);
            List<Double> bounds = new ArrayList<>();
            double b = r.nextBoolean() ? -r.nextDouble() * 10 : r.nextDouble() * 1e-6;
            for (int i = 0; i < n; i++) {
                bounds.add(b);
                b += 1e-9 + r.nextDouble() * Math.abs(b + 1);
            }
            bounds.add(INF);
            double[] le = bounds.stream().mapToDouble(Double::doubleValue).toArray();
            double[] per = new double[le.length];
            for (int i = 0; i < per.length; i++) per[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(1000);
            for (double q : qs) {
                double expected = ReferenceQuantile.of(q, le, per);
                double actual = HistogramQuantile.ofBuckets(q, le, per);
                String at = "q=" + q + " le=" + java.util.Arrays.toString(le) + " counts=" + java.util.Arrays.toString(per);
                if (Double.isNaN(expected)) {
                    assertTrue(Double.isNaN(actual), at + " → " + actual);
                } else {
                    assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), at);
                }
            }
        }
    }
}
