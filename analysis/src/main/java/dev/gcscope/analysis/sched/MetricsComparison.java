package dev.gcscope.analysis.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Two runtime/metrics recordings of a Go program (Prometheus text, OpenMetrics or JSON lines) side by
 * side (issue 11): the goroutine scheduling latency {@code /sched/latencies:seconds} and the GC
 * stop-the-world time {@code /sched/pauses/total/gc:seconds} ({@code /gc/pauses:seconds} before Go
 * 1.22), each side's P50/P90/P99/P99.9 of its last snapshot — the whole run up to it, as {@code summary}
 * reports it — with B/A and a 95 % interval of the ratio where the counts support one
 * ({@link BucketPercentile} at √0.95 per side: both hold together with probability about 0.95),
 * else "not enough data". Each side's interval is widened for bursts where its snapshots tell when
 * the observations came ({@link SnapshotStretches}), and takes them as independent where they do not
 * (one scrape), which {@link MetricRow#intervalsA()} and the verdict say. A percentile is called
 * longer or shorter only when its ratio interval excludes 1; otherwise "no clear change".
 */
public final class MetricsComparison {
    public static final String LATENCIES = "/sched/latencies:seconds";
    public static final double CONFIDENCE = 0.95;
    /** {@code summary}'s three, and P99.9: the goroutine latency's tail under a quota parts from the other there. */
    static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999};
    static final String[] NAMES = {"p50", "p90", "p99", "p999"};
    private static final double MS_PER_S = 1000;

    public enum Change { LONGER, SHORTER, NO_CLEAR_CHANGE, NOT_ENOUGH_DATA }

    /** A percentile of both sides, in ms: each side's interval and the ratio's (±∞ for an open end). */
    public record Row(String name, BucketPercentile a, BucketPercentile b, double ratio, double ratioLow, double ratioHigh,
                      Change change) {
        public boolean hasInterval() {
            return Double.isFinite(ratioLow) || Double.isFinite(ratioHigh);
        }
    }

    /**
     * One metric in both files.
     *
     * @param seriesA, seriesB the series compared (with labels, as the file names it)
     * @param countA, countB observations in the last snapshot
     */
    public record MetricRow(String metric, String seriesA, String seriesB, double countA, double countB, List<Row> rows,
                            Ccdf ccdfA, Ccdf ccdfB, String sentence, String intervalsA, String intervalsB) {}

    /** The metrics found in both; {@code missing} names those absent from a side and why. */
    public record Result(List<MetricRow> metrics, List<String> missing, String verdict) {}

    private MetricsComparison() {}

    public static Result of(List<HistogramHistory> a, List<HistogramHistory> b) {
        List<MetricRow> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        compare("scheduling latency", List.of(LATENCIES), a, b, rows, missing);
        compare("GC pauses", GcPauseComparison.PAUSE_METRICS, a, b, rows, missing);
        List<String> parts = new ArrayList<>();
        for (MetricRow m : rows) parts.add(m.sentence());
        if (parts.isEmpty()) parts.add("neither " + LATENCIES + " nor a GC pause histogram is in both files: nothing to compare");
        if (rows.stream().anyMatch(m -> heldBackByBursts(m.rows()))) parts.add(SEVERAL_RUNS);
        return new Result(List.copyOf(rows), List.copyOf(missing), String.join("; ", parts));
    }

    private static void compare(String what, List<String> names, List<HistogramHistory> a, List<HistogramHistory> b,
                                List<MetricRow> out, List<String> missing) {
        Optional<HistogramHistory> ha = find(names, a), hb = find(names, b);
        if (ha.isEmpty() || hb.isEmpty()) {
            missing.add(names.get(0) + ": not in " + (ha.isEmpty() && hb.isEmpty() ? "either file" : ha.isEmpty() ? "A" : "B"));
            return;
        }
        out.add(row(what, ha.get(), hb.get()));
    }

    /** The first series of the first name that has one: exactly the name, or the name with labels. */
    public static Optional<HistogramHistory> find(List<String> names, List<HistogramHistory> histories) {
        for (String name : names) {
            for (HistogramHistory h : histories) {
                if (!h.isEmpty() && (h.name().equals(name) || h.name().startsWith(name + "{"))) return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    static MetricRow row(String what, HistogramHistory a, HistogramHistory b) {
        double each = Math.sqrt(CONFIDENCE);
        double[] ca = a.last().counts(), cb = b.last().counts();
        SnapshotStretches sa = SnapshotStretches.of(a), sb = SnapshotStretches.of(b);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < QUANTILES.length; i++) {
            BucketPercentile pa = ms(BucketPercentile.of(QUANTILES[i], a, sa, each));
            BucketPercentile pb = ms(BucketPercentile.of(QUANTILES[i], b, sb, each));
            double ratio = pb.value() / pa.value();
            double low = pb.hasLow() && pa.hasHigh() && pa.high() > 0 ? pb.low() / pa.high() : Double.NEGATIVE_INFINITY;
            double high = pb.hasHigh() && pa.hasLow() && pa.low() > 0 ? pb.high() / pa.low() : Double.POSITIVE_INFINITY;
            Change c = Double.isNaN(ratio) || !(Double.isFinite(low) || Double.isFinite(high)) ? Change.NOT_ENOUGH_DATA
                    : low > 1 ? Change.LONGER : high < 1 ? Change.SHORTER : Change.NO_CLEAR_CHANGE;
            rows.add(new Row(NAMES[i], pa, pb, ratio, low, high, c));
        }
        String metric = a.name().contains("{") ? a.name().substring(0, a.name().indexOf('{')) : a.name();
        return new MetricRow(metric, a.name(), b.name(), a.last().total(), b.last().total(), List.copyOf(rows),
                Ccdf.ofHistogram(a.lower(), ca, MS_PER_S), Ccdf.ofHistogram(b.lower(), cb, MS_PER_S), sentence(what, rows),
                intervals(a, rows.stream().map(Row::a).toList()), intervals(b, rows.stream().map(Row::b).toList()));
    }

    /**
     * What a side's intervals rest on: "56 snapshots: widened for bursts (variance inflation ×284 at
     * P50, …)", or why the observations were taken as independent.
     */
    static String intervals(HistogramHistory h, List<BucketPercentile> side) {
        int snapshots = h.snapshots().size();
        List<String> inflations = new ArrayList<>();
        for (int i = 0; i < side.size(); i++) {
            if (side.get(i).allowsForBursts()) {
                inflations.add(times(side.get(i).inflation()) + " at " + NAMES[i].toUpperCase(Locale.ROOT));
            }
        }
        if (!inflations.isEmpty()) {
            return snapshots + " snapshots: widened for bursts (variance inflation " + String.join(", ", inflations) + ")";
        }
        if (snapshots == 1) {
            return "1 snapshot: observations taken as independent (one histogram keeps no order; scrapes appended to one"
                    + " file, say every 15 s, let the intervals allow for bursts)";
        }
        return snapshots + " snapshots, too few or too uneven to tell bursts: observations taken as independent";
    }

    private static String times(double v) {
        return "×" + (v >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : DelayComparison.num(v));
    }

    /**
     * A variance inflation from which a file's intervals are mostly its bursts: the same program run
     * twice varied ×10–5,000 (phases), a steady load ×0.09–4.8.
     */
    static final double BURSTS = 10;

    /**
     * "scheduling latency: P99 longer 0.75 → 0.07 ms (…)"; the tail leads, as in the gctrace verdict.
     * Without a call, and with observations in bursts, it says what would give a tighter answer.
     */
    static String sentence(String what, List<Row> rows) {
        List<String> changed = new ArrayList<>();
        boolean anyInterval = false;
        for (int i = rows.size() - 1; i >= 0; i--) {
            Row r = rows.get(i);
            if (r.change() != Change.NOT_ENOUGH_DATA) anyInterval = true;
            if (r.change() != Change.LONGER && r.change() != Change.SHORTER) continue;
            boolean independent = !r.a().allowsForBursts() || !r.b().allowsForBursts();
            changed.add(String.format(Locale.ROOT, "%s %s %s → %s ms (%s, 95%% CI %s%s)", r.name().toUpperCase(Locale.ROOT),
                    r.change() == Change.LONGER ? "longer" : "shorter", DelayComparison.num(r.a().value()),
                    DelayComparison.num(r.b().value()), DelayComparison.pct(r.ratio()),
                    DelayComparison.ci(r.ratioLow(), r.ratioHigh()), independent ? ", taking observations as independent" : ""));
        }
        Row p99 = rows.get(2);
        if (!changed.isEmpty()) return what + ": " + String.join(", ", changed);
        return String.format(Locale.ROOT, "%s: %s (P99 %s → %s ms%s)", what, anyInterval ? "no clear change"
                : "not enough data for an interval", DelayComparison.num(p99.a().value()), DelayComparison.num(p99.b().value()),
                heldBackByBursts(rows) ? "; in bursts: variance inflation up to " + times(mostInflation(rows)) : "");
    }

    /** Closes a verdict with a metric whose intervals its bursts left too wide for a call. */
    static final String SEVERAL_RUNS = "several runs, or a steady load, would narrow intervals widened for bursts";

    /** No call, with intervals widened for bursts of at least {@link #BURSTS}. */
    private static boolean heldBackByBursts(List<Row> rows) {
        for (Row r : rows) if (r.change() == Change.LONGER || r.change() == Change.SHORTER) return false;
        return mostInflation(rows) >= BURSTS;
    }

    private static double mostInflation(List<Row> rows) {
        double most = 0;
        for (Row r : rows) {
            for (BucketPercentile side : List.of(r.a(), r.b())) {
                if (side.allowsForBursts()) most = Math.max(most, side.inflation());
            }
        }
        return most;
    }

    private static BucketPercentile ms(BucketPercentile p) {
        return new BucketPercentile(p.value() * MS_PER_S, p.low() * MS_PER_S, p.high() * MS_PER_S, p.coverage(), p.inflation());
    }
}
