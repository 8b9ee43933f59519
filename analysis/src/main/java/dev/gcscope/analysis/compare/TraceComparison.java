package dev.gcscope.analysis.compare;

import dev.gcscope.analysis.GcTraceAnalysis;
import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.analysis.stats.SortedSample;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Did the change (a Go upgrade, a GOGC change) change the pauses? Two traces' stop-the-world
 * pauses side by side: percentiles with the ratio b/a and its distribution-free interval;
 * Mann–Whitney U (is one typically longer?) and two-sample Kolmogorov–Smirnov (do the
 * distributions differ anywhere?) p-values that hold with Go's tied values ({@link MannWhitney},
 * {@link TwoSampleKs}); the Hodges–Lehmann shift with its interval; the regimes both traces share,
 * matched by their labels; and a verdict decided by a rule fixed in advance ({@link ComparisonVerdict}).
 *
 * <p>The ratio's interval: each trace's percentile gets an order-statistic interval at confidence
 * √0.95 ({@link PercentileInterval}); the traces are independent, so both hold together with
 * probability at least 0.95, and then the ratio lies between low_b/high_a and high_b/low_a. Where a
 * trace has too few pauses for an end, the ratio's end is open.
 */
public final class TraceComparison {
    /** The rank-based tests need enough pauses per side to mean anything. */
    public static final int MIN_PAUSES = 8;
    public static final double CONFIDENCE = PercentileInterval.CONFIDENCE;

    /**
     * One percentile in both traces: a, b, b/a with the {@link #CONFIDENCE} interval of the ratio
     * (an open end is ±∞; NaN for the maximum, which has none).
     */
    public record Row(String name, double a, double b, double ratio, double ratioLow, double ratioHigh) {}

    /** A regime both traces show (same labels), with its pause figures on each side. */
    public record RegimeRow(String label, Regime a, Regime b) {}

    /**
     * @param mannWhitneyP two-sided, unadjusted
     * @param ksP two-sample KS p-value, unadjusted
     * @param shift Hodges–Lehmann shift b − a in ms
     */
    public record Result(List<Row> percentiles, double mannWhitneyP, double ksP, HodgesLehmann.Shift shift,
                         List<RegimeRow> regimes, ComparisonVerdict.Verdict decision) {
        public String verdict() {
            return decision.text();
        }
    }

    private TraceComparison() {}

    public static Result of(Table a, Table b) {
        GcTraceAnalysis left = GcTraceAnalysis.of(a), right = GcTraceAnalysis.of(b);
        Result pauses = of(SortedSample.of(a.doubleColumn("stw_ms")), SortedSample.of(b.doubleColumn("stw_ms")));
        List<RegimeRow> regimes = new ArrayList<>();
        for (Regime ra : left.regimes().regimes()) {
            for (Regime rb : right.regimes().regimes()) {
                if (ra.labels().equals(rb.labels()) && regimes.stream().noneMatch(r -> r.b() == rb)) {
                    regimes.add(new RegimeRow(ra.label(), ra, rb));
                    break;
                }
            }
        }
        return new Result(pauses.percentiles(), pauses.mannWhitneyP(), pauses.ksP(), pauses.shift(), List.copyOf(regimes),
                pauses.decision());
    }

    /** The pauses alone (no regimes): what the verdict is decided on. */
    public static Result of(SortedSample x, SortedSample y) {
        List<Row> rows = new ArrayList<>();
        for (double p : new double[] {50, 90, 99}) rows.add(row("p" + (int) p, x, y, p));
        rows.add(new Row("max", x.max(), y.max(), y.max() / x.max(), Double.NaN, Double.NaN));
        double[] xs = values(x), ys = values(y);
        double mw = Double.NaN, ks = Double.NaN;
        HodgesLehmann.Shift shift = new HodgesLehmann.Shift(Double.NaN, Double.NaN, Double.NaN);
        if (xs.length >= MIN_PAUSES && ys.length >= MIN_PAUSES) {
            mw = MannWhitney.p(xs, ys);
            ks = TwoSampleKs.p(xs, ys);
            shift = HodgesLehmann.of(xs, ys, CONFIDENCE);
        }
        return new Result(List.copyOf(rows), mw, ks, shift, List.of(), ComparisonVerdict.of(rows, mw, ks, shift, MIN_PAUSES));
    }

    private static Row row(String name, SortedSample x, SortedSample y, double p) {
        double a = x.percentile(p), b = y.percentile(p);
        if (x.size() == 0 || y.size() == 0) return new Row(name, a, b, b / a, Double.NaN, Double.NaN);
        double each = Math.sqrt(CONFIDENCE);
        PercentileInterval.Estimate ea = PercentileInterval.percentile(x, p, each), eb = PercentileInterval.percentile(y, p, each);
        double low = eb.hasLow() && ea.hasHigh() && ea.high() > 0 ? eb.low() / ea.high() : Double.NEGATIVE_INFINITY;
        double high = eb.hasHigh() && ea.hasLow() && ea.low() > 0 ? eb.high() / ea.low() : Double.POSITIVE_INFINITY;
        return new Row(name, a, b, b / a, low, high);
    }

    private static double[] values(SortedSample s) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) v[i] = s.get(i);
        return v;
    }
}
