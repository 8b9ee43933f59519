package dev.gcscope.analysis.sched;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.analysis.HistogramQuantile;
import dev.gcscope.analysis.Percentiles;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * gctrace's stop-the-world pauses next to runtime/metrics' GC pause histogram of the same process
 * (issue 4, "Scheduler"): the gctrace pauses are put into the metric's own buckets, so counts and
 * {@code histogram_quantile} percentiles compare like for like.
 *
 * <p>What is counted: Go records <em>each</em> stop-the-world pause separately, two per cycle. In
 * Go 1.24's runtime, {@code startTheWorldWithSema} records {@code now - w.startedStopping} into
 * {@code sched.stwTotalTimeGC} for both the sweep-termination and the mark-termination stop
 * ({@code src/runtime/proc.go}), and {@code /gc/pauses:seconds} is "identical to
 * /sched/pauses/total/gc:seconds" ({@code src/runtime/metrics.go}; see {@code ../shared/formats.md}
 * §3.1). gctrace's wall-clock fields bracket the same two stops: sweep termination is
 * {@code tMark - tSweepTerm}, mark termination {@code tEnd - tMarkTerm} ({@code src/runtime/mgc.go}).
 * So the like-for-like sample is gctrace's {@code sweep_term_ms} and {@code mark_term_ms} as two
 * pauses per cycle, not the per-cycle sum {@code stw_ms}; the sum's count (cycles) is reported too, so
 * the factor of two is visible. gctrace prints whole microseconds, so a pause may land one 64 ns
 * bucket lower than the runtime's own measurement: compare percentiles, not single buckets.
 *
 * @param metric the histogram compared ({@code /sched/pauses/total/gc:seconds} when the file has it)
 * @param cycles gctrace cycles
 * @param gctracePauses pauses from gctrace: two per cycle that has both phases
 * @param metricPauses observations in the metric's last snapshot
 * @param gctraceCounts gctrace pauses per metric bucket
 * @param metricCounts the metric's counts in its last snapshot
 * @param gctraceMs exact R-7 percentiles (P50, P90, P99) and max of the gctrace pauses, in ms
 * @param gctraceBinnedMs histogram_quantile P50, P90, P99 of {@code gctraceCounts}, in ms
 * @param metricMs histogram_quantile P50, P90, P99 of {@code metricCounts}, in ms
 */
public record GcPauseComparison(String metric, int cycles, long gctracePauses, double metricPauses, double[] upper,
                                double[] gctraceCounts, double[] metricCounts, double[] gctraceMs,
                                double[] gctraceBinnedMs, double[] metricMs) {

    /** Preferred first: the current name, then the one deprecated since Go 1.22. */
    public static final List<String> PAUSE_METRICS = List.of("/sched/pauses/total/gc:seconds", "/gc/pauses:seconds");
    public static final double[] QUANTILES = {0.5, 0.9, 0.99};
    private static final double MS_PER_S = 1000;

    /** The pause histogram to compare with, if the metrics document has one. */
    public static Optional<HistogramHistory> pauseMetric(List<HistogramHistory> histories) {
        for (String name : PAUSE_METRICS) {
            for (HistogramHistory h : histories) if (h.name().equals(name) && !h.isEmpty()) return Optional.of(h);
        }
        return Optional.empty();
    }

    public static GcPauseComparison of(Table gcCycles, HistogramHistory metric) {
        DoubleColumn sweep = gcCycles.doubleColumn(SWEEP_TERM_MS), markTerm = gcCycles.doubleColumn(MARK_TERM_MS);
        int n = gcCycles.rowCount();
        double[] pauses = new double[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!sweep.isMissing(i)) pauses[k++] = sweep.getDouble(i);
            if (!markTerm.isMissing(i)) pauses[k++] = markTerm.getDouble(i);
        }
        pauses = java.util.Arrays.copyOf(pauses, k);
        double[] lower = metric.lower(), upper = metric.upper();
        double[] binned = new double[upper.length];
        for (double ms : pauses) {
            int b = bucketOf(ms / MS_PER_S, lower, upper);
            if (b >= 0) binned[b]++;
        }
        HistogramHistory.Snapshot last = metric.last();
        Percentiles exact = Percentiles.of(pauses);
        double[] gExact = {exact.at(50), exact.at(90), exact.at(99), exact.max()};
        double[] gBinned = new double[QUANTILES.length], mQ = new double[QUANTILES.length];
        for (int q = 0; q < QUANTILES.length; q++) {
            gBinned[q] = HistogramQuantile.ofBuckets(QUANTILES[q], upper, binned) * MS_PER_S;
            mQ[q] = last.quantile(QUANTILES[q], upper) * MS_PER_S;
        }
        return new GcPauseComparison(metric.name(), n, k, last.total(), upper, binned, last.counts().clone(), gExact, gBinned, mQ);
    }

    /** runtime/metrics buckets are {@code [lower, upper)}; -1 when no bucket holds the value. */
    static int bucketOf(double v, double[] lower, double[] upper) {
        int lo = 0, hi = upper.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (v >= upper[mid]) lo = mid + 1;
            else if (v < lower[mid]) hi = mid - 1;
            else return mid;
        }
        return -1;
    }
}
