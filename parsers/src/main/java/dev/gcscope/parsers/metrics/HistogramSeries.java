package dev.gcscope.parsers.metrics;

import java.util.Arrays;

/**
 * One histogram series of a scrape as its lines arrive — cumulative {@code le} buckets, then
 * {@code _sum} and {@code _count} — and its conversion to per-bucket counts:
 *
 * <pre>
 * go_sched_latencies_seconds_bucket{le="6.399999999999999e-08"} 6428
 * go_sched_latencies_seconds_bucket{le="6.399999999999999e-07"} 305668     → bucket (6.4e-08, 6.4e-07]: 299240
 * …
 * go_sched_latencies_seconds_bucket{le="+Inf"} 311625
 * go_sched_latencies_seconds_sum 2.90831744
 * go_sched_latencies_seconds_count 311625
 * </pre>
 */
final class HistogramSeries {
    final MetricFamilies.Family family;
    final String labels;
    final long firstLine;
    double[] le = new double[16];
    double[] cumulative = new double[16];
    long[] lines = new long[16];
    int n;
    double sum = Double.NaN;
    double count = Double.NaN;
    long countLine;
    /** The first bucket line that was refused (its {@code le} unreadable), or 0. */
    long refusedLine;

    HistogramSeries(MetricFamilies.Family family, String labels, long firstLine) {
        this.family = family;
        this.labels = labels;
        this.firstLine = firstLine;
    }

    void bucket(double upper, double cum, long line) {
        if (n == le.length) {
            le = Arrays.copyOf(le, n * 2);
            cumulative = Arrays.copyOf(cumulative, n * 2);
            lines = Arrays.copyOf(lines, n * 2);
        }
        le[n] = upper;
        cumulative[n] = cum;
        lines[n] = line;
        n++;
    }

    /** The line to cite for the series as a whole: its {@code _count}, else its first line. */
    long seriesLine() {
        return countLine > 0 ? countLine : firstLine;
    }

    /**
     * Per-bucket counts of a histogram with at least one bucket, with what was wrong with it.
     *
     * @param incomplete no {@code le="+Inf"} bucket, so no percentiles (and none could be made)
     * @param infFromCount no {@code le="+Inf"} bucket, made from {@code _count}
     * @param negative some cumulative count goes down
     */
    record Buckets(double[] lower, double[] upper, double[] counts, long[] lines, int n, double total,
                   boolean incomplete, boolean infFromCount, boolean negative) {}

    /**
     * Bucket i covers {@code (le[i-1], le[i]]}; the first starts at 0 when its {@code le} is positive
     * (Prometheus's own "natural lower bound", promql/quantile.go) and at -Inf otherwise
     * ({@code le="-5e-324"} of client_golang v1.12). A missing {@code +Inf} bucket (a paste cut
     * short) is made from {@code _count} when there is one: expfmt always writes {@code +Inf} equal to it.
     */
    Buckets buckets() {
        sortByLe();
        boolean infFromCount = false;
        boolean incomplete = false;
        if (le[n - 1] != Double.POSITIVE_INFINITY) {
            if (!Double.isNaN(count) && count >= cumulative[n - 1]) {
                bucket(Double.POSITIVE_INFINITY, count, countLine);
                infFromCount = true;
            } else {
                incomplete = true;
            }
        }
        double[] lower = new double[n];
        double[] per = new double[n];
        boolean negative = false;
        for (int i = 0; i < n; i++) {
            lower[i] = i == 0 ? (le[0] > 0 ? 0 : Double.NEGATIVE_INFINITY) : le[i - 1];
            per[i] = i == 0 ? cumulative[0] : cumulative[i] - cumulative[i - 1];
            if (per[i] < 0) negative = true;
        }
        double total = !Double.isNaN(count) ? count : incomplete ? Double.NaN : cumulative[n - 1];
        return new Buckets(lower, Arrays.copyOf(le, n), per, Arrays.copyOf(lines, n), n, total, incomplete, infFromCount, negative);
    }

    /**
     * Why this histogram's figures would be impossible (null when they are not): a bucket refused,
     * a count that is negative, not a number or goes down, two buckets with one bound, or a bound
     * below zero for a metric of seconds or bytes. Checked on {@code b}, the sorted buckets.
     */
    String impossible(Buckets b) {
        if (refusedLine > 0) return "its bucket at line " + refusedLine + " was refused";
        if (!Double.isNaN(count) && (count < 0 || Double.isInfinite(count))) return "its _count is " + num(count);
        for (int i = 0; i < b.n(); i++) {
            if (!(b.counts()[i] >= 0)) {
                return "cumulative counts " + (Double.isNaN(b.counts()[i]) ? "are not numbers" : "go down") + " at line " + b.lines()[i]
                        + " (per-bucket counts would be negative)";
            }
            if (i > 0 && b.upper()[i] == b.upper()[i - 1]) return "two buckets have le=\"" + num(b.upper()[i]) + "\"";
        }
        // le="-5e-324" is client_golang v1.12's way of writing the runtime's -Inf bucket, not a value.
        String metric = family.metric();
        boolean unsigned = metric != null && (metric.endsWith(":seconds") || metric.endsWith(":bytes"));
        if (unsigned && b.n() > 0 && b.upper()[0] <= -Double.MIN_NORMAL) {
            return "le=\"" + num(b.upper()[0]) + "\" at line " + b.lines()[0] + " is below zero, which "
                    + metric.substring(metric.lastIndexOf(':') + 1) + " cannot be";
        }
        return null;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The collector writes ascending {@code le}; a hand-assembled paste may not. */
    private void sortByLe() {
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) sorted = le[i - 1] < le[i];
        if (sorted) return;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(le[a], le[b]));
        double[] l = new double[le.length], c = new double[le.length];
        long[] ln = new long[le.length];
        for (int i = 0; i < n; i++) {
            l[i] = le[idx[i]];
            c[i] = cumulative[idx[i]];
            ln[i] = lines[idx[i]];
        }
        le = l;
        cumulative = c;
        lines = ln;
    }
}
