package dev.gcscope.analysis.stats;

import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.AnalysisSamples;
import dev.gcscope.analysis.stats.QuantileBootstrap.Estimate;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The order-statistic bootstrap must be the ordinary bootstrap, only faster: compared with brute
 * force resampling on real pauses, and its intervals must cover the true percentile about 95% of
 * the time on data from a known distribution.
 */
class QuantileBootstrapTest {

    /** The textbook bootstrap: resample n values, sort, R-7. */
    static double[] bruteForce(double[] sorted, double p, int resamples, long seed) {
        Random random = new Random(seed);
        int n = sorted.length;
        double[] out = new double[resamples];
        double[] r = new double[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) r[i] = sorted[random.nextInt(n)];
            Arrays.sort(r);
            double h = (n - 1) * p / 100;
            int lo = (int) Math.floor(h);
            out[b] = lo >= n - 1 ? r[n - 1] : r[lo] + (h - lo) * (r[lo + 1] - r[lo]);
        }
        Arrays.sort(out);
        return new double[] {out[(int) (0.025 * resamples)], out[(int) (0.975 * resamples)]};
    }

    @ParameterizedTest
    @ValueSource(doubles = {50, 90, 99})
    void agreesWithResamplingOnRealPauses(double p) {
        SortedSample pauses = SortedSample.of(AnalysisSamples.cycles("gctrace/go1.24-phases.log").doubleColumn(STW_MS));
        Estimate fast = QuantileBootstrap.percentile(pauses, p);
        double[] slow = bruteForce(pauses.values(), p, 4000, 7);
        double width = slow[1] - slow[0];
        assertTrue(width > 0);
        // Monte Carlo noise of two independent bootstraps: the ends agree to a fraction of the width
        assertEquals(slow[0], fast.low(), 0.25 * width, "low end of P" + p);
        assertEquals(slow[1], fast.high(), 0.25 * width, "high end of P" + p);
        assertTrue(fast.low() <= fast.value() && fast.value() <= fast.high());
    }

    @ParameterizedTest
    @ValueSource(doubles = {50, 90})
    void coversTheTruePercentileNinetyFivePercentOfTheTime(double p) {
        ExponentialDistribution pauses = new ExponentialDistribution(new Well19937c(11), 0.3);
        double truth = pauses.inverseCumulativeProbability(p / 100);
        int trials = 400, covered = 0;
        for (int t = 0; t < trials; t++) {
            double[] x = pauses.sample(400);
            Estimate e = QuantileBootstrap.percentile(SortedSample.of(x), p);
            if (e.low() <= truth && truth <= e.high()) covered++;
        }
        double coverage = (double) covered / trials;
        // percentile-bootstrap intervals for quantiles run a little narrow; 95% ± sampling error
        assertTrue(coverage > 0.89 && coverage < 0.99, "coverage " + coverage);
    }
}
