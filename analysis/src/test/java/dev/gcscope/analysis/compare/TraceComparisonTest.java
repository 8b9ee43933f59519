package dev.gcscope.analysis.compare;

import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.AnalysisSamples;
import dev.gcscope.analysis.stats.SortedSample;
import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The comparison's statistics against computations written out here, on real traces of two Go versions. */
class TraceComparisonTest {
    static final String GO119 = "gctrace/go1.19-phases.log";
    static final String GO124 = "gctrace/go1.24-phases.log";

    static double[] pauses(String path) {
        return Arrays.stream(AnalysisSamples.cycles(path).doubleColumn(STW_MS).asDoubleArray()).filter(x -> !Double.isNaN(x)).sorted().toArray();
    }

    @Test
    void hodgesLehmannIsTheMedianOfAllPairwiseDifferences() {
        double[] a = pauses(GO119), b = pauses(GO124);
        double[] diffs = new double[a.length * b.length];
        int k = 0;
        for (double x : a) for (double y : b) diffs[k++] = y - x;
        Arrays.sort(diffs);
        int n = diffs.length;
        double median = n % 2 == 1 ? diffs[n / 2] : (diffs[n / 2 - 1] + diffs[n / 2]) / 2;
        HodgesLehmann.Shift s = HodgesLehmann.of(a, b, 0.95);
        assertEquals(median, s.estimate(), 1e-12);
        // Lehmann's interval: the K-th smallest and K-th largest differences
        double z = new NormalDistribution().inverseCumulativeProbability(0.975);
        long m = (long) a.length * b.length;
        int kk = (int) Math.floor(m / 2.0 - z * Math.sqrt(m * (a.length + b.length + 1) / 12.0));
        assertEquals(diffs[kk - 1], s.low(), 1e-12);
        assertEquals(diffs[n - kk], s.high(), 1e-12);
    }

    @Test
    void pValuesMatchTheTextbookFormulas() {
        double[] a = pauses(GO119), b = pauses(GO124);
        TraceComparison.Result r = of(AnalysisSamples.cycles(GO119), AnalysisSamples.cycles(GO124));
        // Mann–Whitney: U from average ranks, normal approximation with the tie-corrected variance and a
        // continuity correction (Lehmann 1975, §1.4), as R's wilcox.test(correct = TRUE) computes it
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        double rankSumA = 0;
        for (double x : a) {
            int lo = lowerBound(sorted, x), hi = upperBound(sorted, x);
            rankSumA += (lo + 1 + hi) / 2.0;
        }
        double ties = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = upperBound(sorted, sorted[i]);
            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }
        double big = a.length + b.length;
        double u1 = rankSumA - a.length * (a.length + 1) / 2.0;
        double mean = a.length * (double) b.length / 2;
        double sd = Math.sqrt(a.length * (double) b.length / 12 * ((big + 1) - ties / (big * (big - 1))));
        double p = 2 * new NormalDistribution().cumulativeProbability(-(Math.abs(u1 - mean) - 0.5) / sd);
        assertEquals(p, r.mannWhitneyP(), 1e-9 + 1e-6 * p);
        // two-sample KS statistic D: the largest gap between the empirical CDFs
        double d = 0;
        for (double x : sorted) d = Math.max(d, Math.abs(upperBound(a, x) / (double) a.length - upperBound(b, x) / (double) b.length));
        assertTrue(d > 0.1, "the two Go versions' pauses differ visibly: D = " + d);
        assertTrue(r.ksP() < 1e-3, "KS p " + r.ksP());
    }

    @Test
    void ratiosAndTheirIntervals() {
        Table a = AnalysisSamples.cycles(GO119), b = AnalysisSamples.cycles(GO124);
        TraceComparison.Result r = of(a, b);
        SortedSample x = SortedSample.of(a.doubleColumn(STW_MS)), y = SortedSample.of(b.doubleColumn(STW_MS));
        TraceComparison.Row p50 = r.percentiles().get(0);
        assertEquals("p50", p50.name());
        assertEquals(x.percentile(50), p50.a(), 1e-12);
        assertEquals(y.percentile(50), p50.b(), 1e-12);
        assertEquals(p50.b() / p50.a(), p50.ratio(), 1e-12);
        assertTrue(p50.ratioLow() <= p50.ratio() && p50.ratio() <= p50.ratioHigh(), p50.toString());
        assertEquals(y.max() / x.max(), r.percentiles().get(3).ratio(), 1e-12);
        assertTrue(r.verdict().contains("median"), r.verdict());
    }

    @Test
    void aTraceComparedWithItselfHasNoSignificantChange() {
        Table a = AnalysisSamples.cycles(GO124);
        TraceComparison.Result r = of(a, a);
        assertEquals(0, r.shift().estimate(), 1e-12);
        assertTrue(r.mannWhitneyP() > 0.9, "p " + r.mannWhitneyP());
        assertTrue(r.verdict().startsWith("no significant change"), r.verdict());
        for (TraceComparison.Row row : r.percentiles()) assertEquals(1, row.ratio(), 1e-12);
    }

    private static TraceComparison.Result of(Table a, Table b) {
        return TraceComparison.of(SortedSample.of(a.doubleColumn(STW_MS)), SortedSample.of(b.doubleColumn(STW_MS)));
    }

    static int lowerBound(double[] s, double x) {
        int lo = 0, hi = s.length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (s[mid] < x) lo = mid + 1; else hi = mid; }
        return lo;
    }

    static int upperBound(double[] s, double x) {
        int lo = 0, hi = s.length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (s[mid] <= x) lo = mid + 1; else hi = mid; }
        return lo;
    }
}
