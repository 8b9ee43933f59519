package dev.gcscope.analysis.compare;

import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;

import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.regime.RegimeScatterPoints;
import dev.gcscope.analysis.stats.Convergence;
import dev.gcscope.analysis.stats.LogHistogram;
import dev.gcscope.analysis.stats.MutatorUtilization;
import dev.gcscope.analysis.stats.SortedSample;
import dev.gcscope.analysis.work.Work;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * What a comparison's overlays draw, one curve per side over shared axes: the pauses' complementary
 * CDF (the share of pauses at least x long, the view for tails), their histogram over one set of
 * log bins made from the pooled pauses (as a share of each side's pauses, so sides of different
 * lengths compare), the MMU curve, the running P50/P99, and each cycle where the regime scatter
 * places it. Each side's curve is the one its own single-file view computes for the same rows
 * ({@link MutatorUtilization#curve}, {@link Convergence#of}, {@link RegimeScatterPoints#of}), and the pauses are exactly the ones the costs table's percentiles are read from
 * ({@link SideFigures#pauses()}).
 *
 * @param sides in the comparison's order
 * @param histogramEdgesMs the shared bins' edges, ascending; empty when no side has a positive pause
 */
public record ComparisonCurves(List<Side> sides, double[] histogramEdgesMs) {

    /**
     * One side's curves.
     *
     * @param pauses every pause of the rows compared (zeros included: a CCDF share is of all of them)
     * @param ccdfMs the distinct positive pause lengths, ascending
     * @param ccdfShare for each, the share of {@code pauses} at least that long (1 at the shortest when no pause is 0)
     * @param histogramCounts pauses per shared bin
     * @param mmu the MMU curve; empty when the rows span too little time
     * @param convergence the running P50 and P99 with their intervals
     * @param scatter each cycle of the whole trace where the regime scatter places it (the side's own
     *                Regimes view); the rows compared are {@code fromRow..toRow}
     * @param regimes the side's regimes (found on its whole trace), whose centres the scatter marks
     */
    public record Side(String label, int pauses, double[] ccdfMs, double[] ccdfShare, long[] histogramCounts,
                       List<MutatorUtilization.Point> mmu, Convergence.Result convergence, RegimeScatterPoints scatter,
                       int fromRow, int toRow, List<Regime> regimes) {

        public Side withLabel(String newLabel) {
            return new Side(newLabel, pauses, ccdfMs, ccdfShare, histogramCounts, mmu, convergence, scatter, fromRow, toRow,
                    regimes);
        }

        /** The share (0–1) of the side's pauses in shared bin {@code bin}; NaN without pauses. */
        public double histogramShare(int bin) {
            return pauses == 0 ? Double.NaN : histogramCounts[bin] / (double) pauses;
        }

        /** The share of pauses at least {@code ms} long, read off the curve (a step function); NaN without pauses. */
        public double shareAtLeast(double ms) {
            if (pauses == 0) return Double.NaN;
            int i = Arrays.binarySearch(ccdfMs, ms);
            int first = i >= 0 ? i : -i - 1;
            return first < ccdfMs.length ? ccdfShare[first] : 0;
        }
    }

    public static ComparisonCurves of(List<SideFigures> sides) {
        return of(sides, Work.parallel());
    }

    /** @throws java.util.concurrent.CancellationException when {@code work} is cancelled meanwhile */
    public static ComparisonCurves of(List<SideFigures> sides, Work work) {
        List<Work.Part<List<MutatorUtilization.Point>>> mmu = new ArrayList<>();
        List<Work.Part<Convergence.Result>> convergence = new ArrayList<>();
        List<Work.Part<RegimeScatterPoints>> scatter = new ArrayList<>();
        for (SideFigures s : sides) {
            ComparisonSide side = s.side();
            Table range = side.isWhole() ? side.cycles() : side.cycles().inRange(side.fromRow(), side.toRow());
            // the same calls as the single-file analysis of these rows (CycleRangeAnalysis), so the
            // overlay shows each side's own MMU and convergence views
            mmu.add(work.fork(() -> MutatorUtilization.curve(range, work)));
            double[] inOrder = range.doubleColumn(STW_MS).asDoubleArray();
            convergence.add(work.fork(() -> Convergence.of(inOrder, work)));
            scatter.add(work.fork(() -> RegimeScatterPoints.of(side.cycles())));
        }
        double[] pooled = sides.stream().flatMapToDouble(s -> Arrays.stream(values(s.pauses()))).toArray();
        LogHistogram bins = LogHistogram.of(SortedSample.of(pooled));
        List<Side> out = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            work.checkCancelled();
            SideFigures s = sides.get(i);
            double[] sorted = values(s.pauses());
            int n = sorted.length;
            List<double[]> steps = ccdf(sorted);
            out.add(new Side(s.label(), n, steps.get(0), steps.get(1), bins.countsOf(s.pauses()), mmu.get(i).join(),
                    convergence.get(i).join(), scatter.get(i).join(), s.side().fromRow(), s.side().toRow(),
                    s.regimes().regimes()));
        }
        return new ComparisonCurves(List.copyOf(out), bins.edges());
    }

    /** {distinct positive values, share of all values at least each}, from sorted values. */
    static List<double[]> ccdf(double[] sorted) {
        int n = sorted.length;
        double[] xs = new double[n], shares = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!(sorted[i] > 0) || (i > 0 && sorted[i] == sorted[i - 1])) continue;
            xs[m] = sorted[i];
            // i values are shorter; ties start at their first index
            shares[m++] = (n - i) / (double) n;
        }
        return List.of(Arrays.copyOf(xs, m), Arrays.copyOf(shares, m));
    }

    private static double[] values(SortedSample s) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) v[i] = s.get(i);
        return v;
    }

    /** The same curves with the sides in another order and under other labels: {@code order[i]} is the side shown i-th. */
    public ComparisonCurves arranged(int[] order, List<String> labels) {
        List<Side> out = new ArrayList<>();
        for (int i = 0; i < order.length; i++) out.add(sides.get(order[i]).withLabel(labels.get(i)));
        return new ComparisonCurves(List.copyOf(out), histogramEdgesMs);
    }

    /** The number of shared histogram bins. */
    public int bins() {
        return Math.max(0, histogramEdgesMs.length - 1);
    }
}
