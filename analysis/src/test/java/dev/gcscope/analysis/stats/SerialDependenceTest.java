package dev.gcscope.analysis.stats;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.SyntheticPauses;
import dev.gcscope.parsers.table.Columns;
import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The inflation against what theory gives for pauses of known dependence, and the bookkeeping:
 * missing pauses, columns against arrays, too few pauses.
 */
class SerialDependenceTest {
    /**
     * Independent pauses: the batch-means variance is unbiased, so the inflation averages 1 over
     * many traces (each alone varies as χ²₉/9).
     */
    @Test
    void independentPausesAverageAnInflationOfOne() {
        SyntheticPauses source = new SyntheticPauses(new Well19937c(1), false);
        double sum = 0;
        int traces = 400;
        for (int t = 0; t < traces; t++) {
            double[] x = source.sample(2_000);
            sum += SerialDependence.of(x).inflation(source.percentile(50), 0.5);
        }
        // χ²₉/9 has standard deviation √(2/9) = 0.47: the mean of 400 within 3 of its standard errors
        assertEquals(1, sum / traces, 3 * Math.sqrt(2.0 / 9 / traces));
    }

    /**
     * The AR(1) drift of {@link SyntheticPauses#correlated}: the normal scores of neighbours k apart
     * correlate r_k = s·φᵏ, so the indicators of being below the median correlate (2/π)·asin(r_k)
     * (Sheppard's formula), and the count's variance is 1 + 2·Σ of those times the binomial one.
     */
    @Test
    void pausesThatDriftGiveTheInflationTheoryGives() {
        double s = 0.3, phi = 0.9;
        double truth = 1;
        for (int k = 1; k < 2_000; k++) truth += 2 * (2 / Math.PI) * Math.asin(s * Math.pow(phi, k));
        SyntheticPauses source = SyntheticPauses.correlated(new Well19937c(2), false, s, phi);
        double sum = 0;
        int traces = 300;
        for (int t = 0; t < traces; t++) {
            double[] x = source.sample(20_000);
            sum += SerialDependence.of(x).inflation(source.percentile(50), 0.5);
        }
        double mean = sum / traces;
        assertTrue(truth > 4, "the drift makes a real difference: " + truth);
        // batch means of 2,000 pauses against a correlation time of about 10: a bias of about 1 %
        assertEquals(truth, mean, 0.1 * truth, "mean inflation " + mean + " against " + truth);
    }

    @Test
    void missingPausesAreSkippedAndBatchesCutAmongThePresentOnes() {
        double[] x = SyntheticPauses.correlated(new Well19937c(3), true, 0.3, 0.9).sample(1_000);
        double[] holes = new double[x.length * 2];
        Arrays.fill(holes, Double.NaN);
        for (int i = 0; i < x.length; i++) holes[i < 300 ? 2 * i : i + 300] = x[i]; // the missing ones bunched at the start
        double[] values = {0.1, 0.3, 1.0}, qs = {0.5, 0.5, 0.9};
        assertArrayEquals(SerialDependence.of(x).inflations(values, qs), SerialDependence.of(holes).inflations(values, qs));
        assertArrayEquals(SerialDependence.of(x).inflations(values, qs),
                SerialDependence.of(Columns.compactDoubles("stw", holes, holes.length)).inflations(values, qs));
    }

    @Test
    void tooFewPausesOrNoPercentileLeaveTheIntervalAlone() {
        double[] few = new double[SerialDependence.MIN_VALUES - 1];
        for (int i = 0; i < few.length; i++) few[i] = i < 10 ? 1 : 2; // as alike as can be
        assertEquals(Double.NaN, SerialDependence.of(few).inflation(1.5, 0.5));
        double[] enough = Arrays.copyOf(few, SerialDependence.MIN_VALUES);
        enough[enough.length - 1] = 2;
        assertTrue(SerialDependence.of(enough).inflation(1.5, 0.5) > 1);
        assertEquals(Double.NaN, SerialDependence.of(enough).inflation(Double.NaN, 0.5));
        assertEquals(Double.NaN, SerialDependence.of(enough).inflation(1.5, 1.0));
    }

    @Test
    void batchesAllAlikeGiveAnInflationOfZeroNotUnknown() {
        // Go prints two digits: a run of identical pauses ties every batch at the same share
        double[] pauses = new double[100];
        Arrays.fill(pauses, 0.1);
        for (double p : new double[] {50, 90}) {
            PercentileInterval.Estimate e = PercentileInterval.percentile(SortedSample.of(pauses), p, 0.95, SerialDependence.of(pauses));
            assertEquals(0, e.inflation(), 1e-12, "P" + p);
            PercentileInterval.Estimate iid = PercentileInterval.percentile(SortedSample.of(pauses), p, 0.95);
            assertEquals(iid.low(), e.low());
            assertEquals(iid.high(), e.high());
        }
    }
}
