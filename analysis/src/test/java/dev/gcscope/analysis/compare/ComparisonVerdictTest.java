package dev.gcscope.analysis.compare;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.SyntheticPauses;
import dev.gcscope.analysis.compare.VerdictSimulation.Rate;
import dev.gcscope.analysis.compare.VerdictSimulation.Scenario;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The verdict's error rates by simulation ({@link VerdictSimulation}), and the tests under it
 * against brute force: the KS p-value with ties against random relabellings, the exact
 * Mann–Whitney null distribution against enumeration.
 */
class ComparisonVerdictTest {
    static final long SEED = 20261127L;

    static double threeSd(double p, int pairs) {
        return 3 * Math.sqrt(p * (1 - p) / pairs);
    }

    /** Calling a change when either raw p was under 0.05 did so in 7.8% of 20-pause pairs and 8.0% of 50-pause pairs. */
    @ParameterizedTest
    @CsvSource({"20, 1000", "50, 1000", "200, 400"})
    void sameDistributionPairsAreCalledDifferentAtMostFivePercentOfTheTime(int n, int pairs) {
        Rate r = VerdictSimulation.run(VerdictSimulation.CURRENT, Scenario.NULL, n, pairs, SEED);
        assertTrue(r.rate() <= ComparisonVerdict.FAMILY_ALPHA + threeSd(ComparisonVerdict.FAMILY_ALPHA, pairs), r.toString());
    }

    @Test
    void realChangesAreCalled() {
        Rate longer = VerdictSimulation.run(VerdictSimulation.CURRENT, Scenario.LONGER, 200, 200, SEED);
        Rate tail = VerdictSimulation.run(VerdictSimulation.CURRENT, Scenario.HEAVIER_TAIL, 200, 200, SEED);
        // well above the false-alarm rate (at most 5%): 35% and 17% in the full simulation, less three standard errors
        assertTrue(longer.rate() > 0.2, longer.toString());
        assertTrue(tail.rate() > 0.08, tail.toString());
    }

    @Test
    void ksPValuesWithTiesAreThePermutationPValues() {
        int permutations = 5_000;
        for (VerdictSimulation.KsCheck c : VerdictSimulation.ksWithTies(VerdictSimulation.CURRENT_KS, permutations, SEED)) {
            double sd = Math.sqrt(c.permutationP() * (1 - c.permutationP()) / permutations);
            assertEquals(c.permutationP(), c.p(), 4 * sd + 1e-3, c.toString());
        }
    }

    /** Above n·m = 10⁷ the p-value is the large-sample limit given the ties; here both are computed for the same samples. */
    @Test
    void largeSampleKsAgreesWithTheExactCountWithTies() {
        Well19937c random = new Well19937c(SEED);
        SyntheticPauses real = new SyntheticPauses(random, false);
        for (double scale : new double[] {1.0, 1.03, 1.06}) {
            double[] a = new double[1500], b = new double[1500];
            for (int i = 0; i < a.length; i++) a[i] = SyntheticPauses.goMs(real.next());
            for (int i = 0; i < b.length; i++) b[i] = SyntheticPauses.goMs(real.next() * scale);
            Arrays.sort(a);
            Arrays.sort(b);
            double exact = TwoSampleKs.p(a, b), limit = TwoSampleKs.p(a, b, 0);
            assertEquals(exact, limit, 0.02, "scale " + scale);
        }
    }

    @Test
    void exactMannWhitneyNullDistributionIsTheCountOfAllLabellings() {
        int n = 5, m = 7;
        double[] cdf = MannWhitney.nullCdf(n, m);
        long[] counts = new long[n * m + 1];
        // every choice of which 5 of the 12 ranks are the first sample's
        for (int mask = 0; mask < 1 << (n + m); mask++) {
            if (Integer.bitCount(mask) != n) continue;
            int u = 0, seenB = 0;
            for (int rank = 0; rank < n + m; rank++) {
                if ((mask >> rank & 1) == 1) u += seenB; // this a beats every b below it
                else seenB++;
            }
            counts[u]++;
        }
        double total = CombinatoricsUtils.binomialCoefficientDouble(n + m, n), cumulative = 0;
        for (int u = 0; u <= n * m; u++) {
            cumulative += counts[u] / total;
            assertEquals(cumulative, cdf[u], 1e-12, "P(U ≤ " + u + ")");
        }
    }

    /** Published tables: for 10 and 10 values the two-sided 5% critical U is 23, so the interval runs from the 24th difference. */
    @Test
    void hodgesLehmannIntervalUsesTheExactCriticalValueForSmallSamples() {
        assertEquals(24, HodgesLehmann.k(10, 10, 0.95));
        assertEquals(0, HodgesLehmann.k(3, 3, 0.95), "3 and 3 values cannot bound the shift at 95%");
        HodgesLehmann.Shift s = HodgesLehmann.of(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.95);
        assertTrue(Double.isInfinite(s.low()) && Double.isInfinite(s.high()), s.toString());
    }

    @Test
    void theVerdictQuotesOnlyWhatSupportsIt() {
        List<TraceComparison.Row> rows = List.of(
                new TraceComparison.Row("p50", 1, 1.2, 1.2, 1.1, 1.3),
                new TraceComparison.Row("p90", 2, 2.1, 1.05, 0.9, 1.2),
                new TraceComparison.Row("p99", 5, 3.5, 0.7, 0.5, 0.8),
                new TraceComparison.Row("max", 9, 8, 8.0 / 9, Double.NaN, Double.NaN));
        ComparisonVerdict.Verdict v = ComparisonVerdict.of(rows, 0.001, 0.2, new HodgesLehmann.Shift(0.2, 0.1, 0.3), 8);
        assertEquals(ComparisonVerdict.Call.LONGER, v.call());
        assertTrue(v.text().contains("median 1 → 1.2 ms"), v.text());
        assertFalse(v.text().contains("P90") || v.text().contains("P99"), "P90 is not evidence, P99 went the other way: " + v.text());
        assertFalse(v.text().contains("KS"), "KS was not significant: " + v.text());
        // Holm: the smaller p doubled, the larger never below it
        assertEquals(0.002, v.mannWhitneyAdjusted(), 1e-12);
        assertEquals(0.2, v.ksAdjusted(), 1e-12);

        ComparisonVerdict.Verdict none = ComparisonVerdict.of(rows, 0.03, 0.04, new HodgesLehmann.Shift(0.2, -0.1, 0.3), 8);
        assertEquals(ComparisonVerdict.Call.NO_CHANGE, none.call(), "0.03 is 0.06 after adjusting for two tests: " + none.text());

        assertTrue(v.text().startsWith("typical pauses got longer: typical shift +0.2 ms"), v.text());

        // Mann–Whitney calls a shift that the interval widened for alike neighbours does not: both said
        ComparisonVerdict.Verdict unsure = ComparisonVerdict.of(rows, 0.001, 0.2, new HodgesLehmann.Shift(0.2, -0.05, 0.45), 8);
        assertEquals(ComparisonVerdict.Call.LONGER, unsure.call());
        assertTrue(unsure.text().startsWith("typical pauses longer by Mann–Whitney, which takes every cycle as independent, but"
                + " allowing for neighbouring cycles being alike the shift's interval holds 0: typical shift +0.2 ms (95% CI -0.05"),
                unsure.text());

        ComparisonVerdict.Verdict shape = ComparisonVerdict.of(rows, 0.3, 0.001, new HodgesLehmann.Shift(0.01, -0.1, 0.1), 8);
        assertEquals(ComparisonVerdict.Call.SHAPE, shape.call());
        assertTrue(shape.text().contains("median") && shape.text().contains("P99") && !shape.text().contains("P90"), shape.text());
    }
}
