package dev.gcscope.analysis.compare;

import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.AnalysisSamples;
import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.stats.LogHistogram;
import dev.gcscope.analysis.stats.SortedSample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The overlays' curves on the steady Go 1.19 / Go 1.24 recordings of one workload. */
class ComparisonCurvesTest {
    private static final List<String> STEADY = List.of(GcComparisonTest.STEADY_119, GcComparisonTest.STEADY_124);

    private static ComparisonCurves curves(List<String> paths) {
        List<ComparisonSide> sides = new ArrayList<>();
        for (String p : paths) sides.add(ComparisonSide.whole(p, AnalysisSamples.cycles(p)));
        return ComparisonCurves.of(GcComparison.of(sides).sides());
    }

    @Test
    void eachSidesMmuAndConvergenceAreItsSingleFileViews() {
        ComparisonCurves c = curves(STEADY);
        assertEquals(2, c.sides().size());
        for (int i = 0; i < 2; i++) {
            Table cycles = AnalysisSamples.cycles(STEADY.get(i));
            // what the MMU and Convergence views of the file alone show for the whole trace
            CycleRangeAnalysis alone = CycleRangeAnalysis.of(cycles, new int[cycles.rowCount()], 0, cycles.rowCount(), 0);
            ComparisonCurves.Side side = c.sides().get(i);
            assertEquals(STEADY.get(i), side.label());
            assertEquals(alone.mmu(), side.mmu());
            assertTrue(side.mmu().size() > 10, "a steady run of seconds has an MMU curve");
            assertEquals(alone.convergence(), side.convergence());
            assertEquals(alone.stwSorted().size(), side.pauses());
        }
    }

    @Test
    void theCcdfCountsThePausesAtLeastEachLength() {
        ComparisonCurves c = curves(STEADY);
        for (int i = 0; i < 2; i++) {
            double[] raw = AnalysisSamples.cycles(STEADY.get(i)).doubleColumn(STW_MS).asDoubleArray();
            ComparisonCurves.Side side = c.sides().get(i);
            assertEquals(raw.length, side.pauses());
            for (double x : new double[] {0.01, 0.05, 0.1, 0.2, 0.5, 1, side.ccdfMs()[side.ccdfMs().length - 1]}) {
                long atLeast = java.util.Arrays.stream(raw).filter(v -> v >= x).count();
                assertEquals(atLeast / (double) raw.length, side.shareAtLeast(x), 1e-15, "share >= " + x + " ms");
            }
            // the last point is the longest pause, once
            assertEquals(1.0 / raw.length, side.ccdfShare()[side.ccdfShare().length - 1], 1e-15);
            for (int k = 1; k < side.ccdfMs().length; k++) {
                assertTrue(side.ccdfMs()[k] > side.ccdfMs()[k - 1]);
                assertTrue(side.ccdfShare()[k] < side.ccdfShare()[k - 1]);
            }
        }
    }

    @Test
    void theHistogramsShareBinsMadeFromThePooledPauses() {
        ComparisonCurves c = curves(STEADY);
        List<Double> pooled = new ArrayList<>();
        for (String p : STEADY) for (double v : AnalysisSamples.cycles(p).doubleColumn(STW_MS).asDoubleArray()) pooled.add(v);
        LogHistogram both = LogHistogram.of(SortedSample.of(pooled.stream().mapToDouble(Double::doubleValue).toArray()));
        assertArrayEquals(both.edges(), c.histogramEdgesMs());
        long[] sum = new long[c.bins()];
        for (ComparisonCurves.Side s : c.sides()) {
            double share = 0;
            for (int b = 0; b < c.bins(); b++) {
                sum[b] += s.histogramCounts()[b];
                share += s.histogramShare(b);
            }
            // every pause of these recordings is positive, so every one is in a bin
            assertEquals(1, share, 1e-12, s.label());
        }
        assertArrayEquals(both.counts(), sum, "the sides' counts add up to the pooled histogram");
    }
}
