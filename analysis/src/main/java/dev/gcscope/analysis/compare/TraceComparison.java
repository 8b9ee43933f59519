package dev.gcscope.analysis.compare;

import dev.gcscope.analysis.GcTraceAnalysis;
import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.analysis.stats.SortedSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import tech.tablesaw.api.Table;

/**
 * Did the change (a Go upgrade, a GOGC change) change the pauses? Two traces' stop-the-world
 * pauses side by side: percentiles with the ratio b/a and its distribution-free interval; Mann–Whitney U
 * (is one typically longer?) and two-sample Kolmogorov–Smirnov (do the distributions differ
 * anywhere?) p-values, both from commons-math3; the Hodges–Lehmann shift with its interval; the
 * regimes both traces share, matched by their labels; and a sentence saying what changed and how
 * sure we are.
 */
public final class TraceComparison {
    /** Differences with p below this are called significant. */
    public static final double SIGNIFICANT_P = 0.05;
    /** A change smaller than this share of the baseline median is called negligible, however certain. */
    public static final double NEGLIGIBLE_SHIFT = 0.05;
    /** The rank-based tests need enough pauses per side to mean anything. */
    public static final int MIN_PAUSES = 8;
    public static final double CONFIDENCE = PercentileInterval.CONFIDENCE;

    /**
     * One percentile in both traces: a, b, b/a with the {@link #CONFIDENCE} interval of the ratio
     * (an open end is ±∞; NaN for the maximum, which has none). Each trace's percentile gets an
     * order-statistic interval at confidence √0.95 ({@link PercentileInterval}); the traces are
     * independent, so both hold together with probability at least 0.95, and then the ratio lies
     * between low_b/high_a and high_b/low_a.
     */
    public record Row(String name, double a, double b, double ratio, double ratioLow, double ratioHigh) {}

    /** A regime both traces show (same labels), with its pause figures on each side. */
    public record RegimeRow(String label, Regime a, Regime b) {}

    /**
     * @param mannWhitneyP two-sided
     * @param ksP two-sample KS p-value
     * @param shift Hodges–Lehmann shift b − a in ms
     */
    public record Result(List<Row> percentiles, double mannWhitneyP, double ksP, HodgesLehmann.Shift shift,
                         List<RegimeRow> regimes, String verdict) {}

    private TraceComparison() {}

    public static Result of(Table a, Table b) {
        GcTraceAnalysis left = GcTraceAnalysis.of(a), right = GcTraceAnalysis.of(b);
        SortedSample x = SortedSample.of(a.doubleColumn("stw_ms")), y = SortedSample.of(b.doubleColumn("stw_ms"));
        List<Row> rows = new ArrayList<>();
        for (double p : new double[] {50, 90, 99}) rows.add(row("p" + (int) p, x, y, p));
        rows.add(new Row("max", x.max(), y.max(), y.max() / x.max(), Double.NaN, Double.NaN));
        double[] xs = values(x), ys = values(y);
        double mw = Double.NaN, ks = Double.NaN;
        HodgesLehmann.Shift shift = new HodgesLehmann.Shift(Double.NaN, Double.NaN, Double.NaN);
        if (xs.length >= MIN_PAUSES && ys.length >= MIN_PAUSES) {
            mw = new MannWhitneyUTest().mannWhitneyUTest(xs, ys);
            ks = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(xs, ys);
            shift = HodgesLehmann.of(xs, ys, CONFIDENCE);
        }
        List<RegimeRow> regimes = new ArrayList<>();
        for (Regime ra : left.regimes().regimes()) {
            for (Regime rb : right.regimes().regimes()) {
                if (ra.labels().equals(rb.labels()) && regimes.stream().noneMatch(r -> r.b() == rb)) {
                    regimes.add(new RegimeRow(ra.label(), ra, rb));
                    break;
                }
            }
        }
        return new Result(List.copyOf(rows), mw, ks, shift, List.copyOf(regimes), verdict(rows, mw, ks, shift));
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

    static String verdict(List<Row> rows, double mw, double ks, HodgesLehmann.Shift shift) {
        Row median = rows.get(0), p99 = rows.get(2);
        if (Double.isNaN(mw)) {
            return "too few pauses to compare (at least " + MIN_PAUSES + " on each side are needed)";
        }
        String figures = String.format(Locale.ROOT, "median %s → %s ms (%s), P99 %s → %s ms (%s)", num(median.a()),
                num(median.b()), change(median.ratio()), num(p99.a()), num(p99.b()), change(p99.ratio()));
        boolean significant = mw < SIGNIFICANT_P || ks < SIGNIFICANT_P;
        if (!significant) {
            return String.format(Locale.ROOT, "no significant change in pause times (Mann–Whitney p %s, KS p %s): %s",
                    p(mw), p(ks), figures);
        }
        boolean negligible = Math.abs(shift.estimate()) < NEGLIGIBLE_SHIFT * median.a()
                && Math.abs(median.ratio() - 1) < NEGLIGIBLE_SHIFT && Math.abs(p99.ratio() - 1) < 2 * NEGLIGIBLE_SHIFT;
        if (negligible) {
            return String.format(Locale.ROOT, "pauses differ measurably but negligibly (Mann–Whitney p %s): %s", p(mw), figures);
        }
        String direction;
        if (mw < SIGNIFICANT_P && shift.estimate() != 0) {
            direction = shift.estimate() < 0 ? "typical pauses got shorter" : "typical pauses got longer";
        } else {
            direction = "the pause distribution changed shape";
        }
        return String.format(Locale.ROOT, "%s: %s; typical shift %s ms (95%% CI %s to %s); Mann–Whitney p %s, KS p %s",
                direction, figures, signed(shift.estimate()), signed(shift.low()), signed(shift.high()), p(mw), p(ks));
    }

    private static double[] values(SortedSample s) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) v[i] = s.get(i);
        return v;
    }

    private static String change(double ratio) {
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) return "n/a";
        return String.format(Locale.ROOT, "%+.0f%%", (ratio - 1) * 100);
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "n/a" : (v > 0 ? "∞" : "−∞");
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String signed(double v) {
        return (v > 0 ? "+" : "") + num(v);
    }

    /** "= 0.012" or "< 0.001". */
    private static String p(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
    }
}
