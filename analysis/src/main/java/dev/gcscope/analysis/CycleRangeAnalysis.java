package dev.gcscope.analysis;

import static dev.gcscope.parsers.gctrace.GcColumns.FORCED;
import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;

import dev.gcscope.analysis.stats.Convergence;
import dev.gcscope.analysis.stats.MutatorUtilization;
import dev.gcscope.analysis.stats.PauseFits;
import dev.gcscope.analysis.stats.PauseStatistics;
import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.analysis.stats.SerialDependence;
import dev.gcscope.analysis.stats.SloStreak;
import dev.gcscope.analysis.stats.SortedSample;
import dev.gcscope.analysis.work.Work;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Every statistic the desktop views show, for one contiguous range of cycles (the whole trace, or
 * the time range a user dragged out). Regimes are not re-found for a range: they come from the
 * whole trace, so a regime keeps its id and colour whatever is selected, and the range gets each
 * regime's own pause percentiles.
 *
 * @param fromRow first row of the range in the cycles table (inclusive)
 * @param toRow end of the range (exclusive)
 * @param stwSorted the range's STW pauses, sorted (what the histogram bins)
 * @param regimes one entry per regime that has cycles in the range, in regime id order; forced GCs
 *                and noise (regime −1) are left out
 */
public record CycleRangeAnalysis(int fromRow, int toRow, GcSummary summary, PauseStatistics pauses,
                                 SortedSample stwSorted, Convergence.Result convergence, PauseFits.Result fits,
                                 List<MutatorUtilization.Point> mmu, SloStreak slo, List<RegimePauses> regimes) {

    /**
     * A regime's pauses inside the range.
     *
     * @param p50 the median with its 95% interval (open where the regime has too few cycles in the range)
     * @param p99 likewise
     */
    public record RegimePauses(int regime, int cycles, double p50Ms, double p99Ms, double maxMs,
                               PercentileInterval.Estimate p50, PercentileInterval.Estimate p99) {}

    /**
     * @param regimeOfRow the whole trace's regime of each row ({@code RegimeAnalysis.Result#regimeOfRow()})
     * @param sloMs the pause threshold of the SLO streak
     */
    public static CycleRangeAnalysis of(Table cycles, int[] regimeOfRow, int fromRow, int toRow, double sloMs) {
        return of(cycles, regimeOfRow, fromRow, toRow, sloMs, Work.parallel());
    }

    /**
     * The MMU curve and the convergence (the two that take seconds on a million cycles) are parts of
     * their own, beside the sort, the percentiles and the fits; each part computes exactly what it
     * would alone.
     *
     * @throws java.util.concurrent.CancellationException when {@code work} is cancelled meanwhile
     */
    public static CycleRangeAnalysis of(Table cycles, int[] regimeOfRow, int fromRow, int toRow, double sloMs, Work work) {
        if (fromRow < 0 || toRow > cycles.rowCount() || fromRow > toRow) {
            throw new IllegalArgumentException("rows [" + fromRow + ", " + toRow + ") outside 0.." + cycles.rowCount());
        }
        Table range = fromRow == 0 && toRow == cycles.rowCount() ? cycles : cycles.inRange(fromRow, toRow);
        double[] stwInOrder = range.doubleColumn(STW_MS).asDoubleArray();
        Work.Part<List<MutatorUtilization.Point>> mmu = work.fork(() -> MutatorUtilization.curve(range, work));
        Work.Part<Convergence.Result> convergence = work.fork(() -> Convergence.of(stwInOrder, work));
        SortedSample sorted = SortedSample.of(stwInOrder);
        work.checkCancelled();
        GcSummary summary = GcSummary.of(range, sorted);
        PauseStatistics pauses = PauseStatistics.of(sorted, SerialDependence.of(stwInOrder, 0, stwInOrder.length, sorted.size()));
        work.checkCancelled();
        PauseFits.Result fits = PauseFits.of(sorted);
        SloStreak slo = SloStreak.of(stwInOrder, sloMs);
        List<RegimePauses> regimes = regimePauses(cycles, regimeOfRow, fromRow, toRow);
        return new CycleRangeAnalysis(fromRow, toRow, summary, pauses, sorted, convergence.join(), fits, mmu.join(),
                slo, regimes);
    }

    public int cycles() {
        return toRow - fromRow;
    }

    private static List<RegimePauses> regimePauses(Table cycles, int[] regimeOfRow, int from, int to) {
        int k = 0;
        for (int i = from; i < to; i++) k = Math.max(k, regimeOfRow[i] + 1);
        int[] counts = new int[k];
        for (int i = from; i < to; i++) if (regimeOfRow[i] >= 0) counts[regimeOfRow[i]]++;
        double[][] pauses = new double[k][];
        for (int r = 0; r < k; r++) pauses[r] = new double[counts[r]];
        int[] filled = new int[k];
        DoubleColumn stw = cycles.doubleColumn(STW_MS);
        BooleanColumn forced = cycles.booleanColumn(FORCED);
        for (int i = from; i < to; i++) {
            int r = regimeOfRow[i];
            if (r >= 0 && !forced.get(i)) pauses[r][filled[r]++] = stw.getDouble(i);
        }
        List<RegimePauses> out = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            if (filled[r] == 0) continue;
            SortedSample s = SortedSample.of(java.util.Arrays.copyOf(pauses[r], filled[r]));
            if (s.size() == 0) continue;
            SerialDependence inOrder = SerialDependence.of(pauses[r], 0, filled[r]);
            double c = PercentileInterval.CONFIDENCE;
            PercentileInterval.Estimate p50 = PercentileInterval.percentile(s, 50, c, inOrder);
            PercentileInterval.Estimate p99 = PercentileInterval.percentile(s, 99, c, inOrder);
            out.add(new RegimePauses(r, filled[r], p50.value(), p99.value(), s.max(), p50, p99));
        }
        return List.copyOf(out);
    }
}
