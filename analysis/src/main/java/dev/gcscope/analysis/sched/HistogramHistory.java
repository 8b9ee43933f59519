package dev.gcscope.analysis.sched;

import static dev.gcscope.parsers.metrics.MetricsColumns.*;

import dev.gcscope.analysis.HistogramQuantile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One runtime/metrics histogram series through the snapshots of a file (JSON lines written every
 * 250 ms, or Prometheus scrapes appended to one file), and its per-interval histograms: what was
 * observed between two consecutive snapshots (issue 4, "Scheduler").
 *
 * <p>The counts are since process start, so an interval's histogram is this snapshot's counts minus
 * the previous one's. When any bucket goes down the process restarted between them: as Prometheus's
 * {@code rate()} treats a counter reset, the new snapshot's whole count is that interval's, and the
 * interval says so ({@link Interval#restart()}). Snapshots whose buckets differ from the series' first
 * (another Go release behind the same name) are left out and counted in {@link #skippedSnapshots()}.
 * Percentiles follow {@code histogram_quantile} ({@link HistogramQuantile}); an interval without
 * observations has NaN percentiles.
 *
 * @param name the runtime/metrics name ({@code /sched/latencies:seconds}), with {@code {labels}} if any
 * @param lower each bucket's lower bound (may be -Inf), in the metric's unit
 * @param upper each bucket's upper bound (the last is +Inf)
 * @param snapshots the series' snapshots in file order
 * @param intervals one per pair of consecutive snapshots
 */
public record HistogramHistory(String name, double[] lower, double[] upper, List<Snapshot> snapshots,
                               List<Interval> intervals, int skippedSnapshots) {

    /** Quantiles reported per interval and per snapshot. */
    public static final double[] QUANTILES = {0.5, 0.9, 0.99};

    /**
     * @param number the 1-based snapshot number of the file
     * @param timeS its time, NaN when the input gives none
     * @param counts each bucket's count since process start
     */
    public record Snapshot(int number, double timeS, double[] counts, double total) {
        public double quantile(double q, double[] upper) {
            return HistogramQuantile.ofBuckets(q, upper, counts);
        }
    }

    /**
     * @param index 0-based position among the intervals
     * @param fromSnapshot the earlier snapshot's number
     * @param toSnapshot the later one's
     * @param startS the earlier snapshot's time (NaN when unknown)
     * @param endS the later one's
     * @param counts observations per bucket in the interval
     * @param restart whether a count went down (the whole later snapshot counted as the interval)
     */
    public record Interval(int index, int fromSnapshot, int toSnapshot, double startS, double endS, double[] counts,
                           double total, boolean restart, double p50, double p90, double p99) {}

    public boolean isEmpty() {
        return snapshots.isEmpty();
    }

    public Snapshot last() {
        return snapshots.get(snapshots.size() - 1);
    }

    /** Every histogram series of a {@code buckets} table, in first-seen order. */
    public static List<HistogramHistory> of(Table buckets) {
        IntColumn snap = buckets.intColumn(SNAPSHOT);
        StringColumn metric = buckets.stringColumn(METRIC), labels = buckets.stringColumn(LABELS);
        DoubleColumn lo = buckets.doubleColumn(LOWER), up = buckets.doubleColumn(UPPER), count = buckets.doubleColumn(COUNT);
        DoubleColumn time = buckets.columnNames().contains(TIME_S) ? buckets.doubleColumn(TIME_S) : null;
        Map<String, Builder> series = new LinkedHashMap<>();
        int n = buckets.rowCount();
        int from = 0;
        // A series' buckets of one snapshot are contiguous rows, as the parsers append them.
        for (int i = 1; i <= n; i++) {
            if (i < n && snap.getInt(i) == snap.getInt(from) && metric.get(i).equals(metric.get(from))
                    && labels.get(i).equals(labels.get(from))) continue;
            String l = labels.get(from);
            String name = l.isEmpty() ? metric.get(from) : metric.get(from) + "{" + l + "}";
            int len = i - from;
            double[] lower = new double[len], upper = new double[len], counts = new double[len];
            for (int k = 0; k < len; k++) {
                lower[k] = lo.getDouble(from + k);
                upper[k] = up.getDouble(from + k);
                counts[k] = count.getDouble(from + k);
            }
            double t = time == null || time.isMissing(from) ? Double.NaN : time.getDouble(from);
            series.computeIfAbsent(name, Builder::new).add(snap.getInt(from), t, lower, upper, counts);
            from = i;
        }
        List<HistogramHistory> out = new ArrayList<>();
        for (Builder b : series.values()) out.add(b.build());
        return out;
    }

    private static final class Builder {
        final String name;
        double[] lower, upper;
        final List<Snapshot> snapshots = new ArrayList<>();
        int skipped;

        Builder(String name) {
            this.name = name;
        }

        void add(int number, double timeS, double[] lo, double[] up, double[] counts) {
            if (upper == null) {
                lower = lo;
                upper = up;
            } else if (!Arrays.equals(upper, up)) {
                skipped++;
                return;
            }
            double total = 0;
            for (double c : counts) total += c;
            snapshots.add(new Snapshot(number, timeS, counts, total));
        }

        HistogramHistory build() {
            List<Interval> intervals = new ArrayList<>(Math.max(0, snapshots.size() - 1));
            for (int s = 1; s < snapshots.size(); s++) {
                Snapshot a = snapshots.get(s - 1), b = snapshots.get(s);
                double[] d = new double[upper.length];
                boolean down = false;
                double total = 0;
                for (int k = 0; k < d.length; k++) {
                    d[k] = b.counts()[k] - a.counts()[k];
                    if (d[k] < 0) down = true;
                }
                if (down) d = b.counts().clone();
                for (double c : d) total += c;
                intervals.add(new Interval(s - 1, a.number(), b.number(), a.timeS(), b.timeS(), d, total, down,
                        HistogramQuantile.ofBuckets(QUANTILES[0], upper, d), HistogramQuantile.ofBuckets(QUANTILES[1], upper, d),
                        HistogramQuantile.ofBuckets(QUANTILES[2], upper, d)));
            }
            return new HistogramHistory(name, lower == null ? new double[0] : lower, upper == null ? new double[0] : upper,
                    List.copyOf(snapshots), List.copyOf(intervals), skipped);
        }
    }
}
