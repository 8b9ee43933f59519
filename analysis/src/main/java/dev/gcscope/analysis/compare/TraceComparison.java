package dev.gcscope.analysis.compare;

import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.analysis.stats.SerialDependence;
import dev.gcscope.analysis.stats.SortedSample;
import java.util.ArrayList;
import java.util.List;

/**
 * Did the change (a Go upgrade, a GOGC change) change the pauses? Two traces' stop-the-world
 * pauses side by side: percentiles with the ratio b/a and its distribution-free interval;
 * Mann–Whitney U (is one typically longer?) and two-sample Kolmogorov–Smirnov (do the
 * distributions differ anywhere?) p-values that hold with Go's tied values ({@link MannWhitney},
 * {@link TwoSampleKs}); the Hodges–Lehmann shift with its interval; and a verdict decided by a rule
 * fixed in advance ({@link ComparisonVerdict}). Every other GC cost, the regimes and more than two
 * traces are {@link GcComparison}'s.
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

    /**
     * @param mannWhitneyP two-sided, unadjusted
     * @param ksP two-sample KS p-value, unadjusted
     * @param shift Hodges–Lehmann shift b − a in ms
     */
    public record Result(List<Row> percentiles, double mannWhitneyP, double ksP, HodgesLehmann.Shift shift,
                         ComparisonVerdict.Verdict decision) {
        public String verdict() {
            return decision.text();
        }

        /**
         * The pause family's p-value: the smaller Holm-adjusted one of the two tests (a change is
         * called when it is under {@link ComparisonVerdict#FAMILY_ALPHA}); NaN with too few pauses.
         */
        public double familyP() {
            return Math.min(decision.mannWhitneyAdjusted(), decision.ksAdjusted());
        }
    }

    private TraceComparison() {}

    /** Two traces' pauses, their order unknown: every interval takes them as independent. */
    public static Result of(SortedSample x, SortedSample y) {
        return of(x, y, null, null);
    }

    /**
     * As {@link #of(SortedSample, SortedSample)}, with the same pauses in the order of their cycles
     * (NaN-free; null: unknown): each side's percentile intervals and the shift's interval are
     * widened for neighbouring cycles being alike ({@link SerialDependence}, {@link HodgesLehmann}).
     */
    public static Result of(SortedSample x, SortedSample y, double[] inOrderX, double[] inOrderY) {
        PercentileInterval.Widening wx = inOrderX == null ? PercentileInterval.Widening.NONE : SerialDependence.of(inOrderX);
        PercentileInterval.Widening wy = inOrderY == null ? PercentileInterval.Widening.NONE : SerialDependence.of(inOrderY);
        List<Row> rows = new ArrayList<>();
        for (double p : new double[] {50, 90, 99}) rows.add(percentileRow("p" + (int) p, x, y, p, wx, wy));
        rows.add(new Row("max", x.max(), y.max(), y.max() / x.max(), Double.NaN, Double.NaN));
        double[] xs = values(x), ys = values(y);
        double mw = Double.NaN, ks = Double.NaN;
        HodgesLehmann.Shift shift = new HodgesLehmann.Shift(Double.NaN, Double.NaN, Double.NaN);
        if (xs.length >= MIN_PAUSES && ys.length >= MIN_PAUSES) {
            mw = MannWhitney.p(xs, ys);
            ks = TwoSampleKs.p(xs, ys);
            shift = HodgesLehmann.of(xs, ys, CONFIDENCE, inOrderX, inOrderY);
        }
        return new Result(List.copyOf(rows), mw, ks, shift, ComparisonVerdict.of(rows, mw, ks, shift, MIN_PAUSES));
    }

    /** Percentile {@code p} of both with the ratio's interval (each side's at √{@link #CONFIDENCE}). */
    static Row percentileRow(String name, SortedSample x, SortedSample y, double p, PercentileInterval.Widening wx,
                             PercentileInterval.Widening wy) {
        double a = x.percentile(p), b = y.percentile(p);
        if (x.size() == 0 || y.size() == 0) return new Row(name, a, b, b / a, Double.NaN, Double.NaN);
        double each = Math.sqrt(CONFIDENCE);
        PercentileInterval.Estimate ea = PercentileInterval.percentile(x, p, each, wx);
        PercentileInterval.Estimate eb = PercentileInterval.percentile(y, p, each, wy);
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
