package dev.gcscope.analysis.compare;

import dev.gcscope.analysis.compare.TraceComparison.Row;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentence {@code compare} ends with, decided by a rule fixed in advance so that two traces of
 * the same program and settings are called different about 5 % of the time, not more.
 *
 * <p>Two tests are asked — Mann–Whitney (is one trace's pause typically longer?) and
 * Kolmogorov–Smirnov (do the distributions differ anywhere, e.g. only in the tail?) — so their
 * p-values are adjusted by Holm's step-down method (Holm 1979): the smaller p is doubled, the larger
 * kept but never below the adjusted smaller one, and a test counts when its adjusted p is under
 * {@value #FAMILY_ALPHA}. The chance that either is called by chance is then at most
 * {@value #FAMILY_ALPHA}; calling a change when either raw p was under 0.05 called it in 6–8 % of
 * same-distribution pairs (issue 13).
 *
 * <p>The sentence quotes only what supports it: for a shift, the Hodges–Lehmann shift with its
 * interval and the percentiles whose ratio interval lies on the side of the shift; for a change of
 * shape, the percentiles whose ratio interval excludes 1; for no change, the adjusted p-values and
 * the shift interval that contains 0.
 */
public final class ComparisonVerdict {
    /** The chance of calling a change between two traces of one distribution, at most. */
    public static final double FAMILY_ALPHA = 0.05;
    /** A change smaller than this share of the baseline median is called negligible, however certain. */
    public static final double NEGLIGIBLE_SHIFT = 0.05;

    public enum Call {
        TOO_FEW, NO_CHANGE, NEGLIGIBLE, SHORTER, LONGER, SHAPE;

        /** Whether this verdict says the pauses differ. */
        public boolean changed() {
            return this != TOO_FEW && this != NO_CHANGE;
        }
    }

    /**
     * @param mannWhitneyAdjusted, ksAdjusted Holm-adjusted p-values
     */
    public record Verdict(Call call, double mannWhitneyAdjusted, double ksAdjusted, String text) {}

    private ComparisonVerdict() {}

    /** @param rows p50, p90, p99, max, as {@link TraceComparison} builds them */
    static Verdict of(List<Row> rows, double mw, double ks, HodgesLehmann.Shift shift, int minPauses) {
        if (Double.isNaN(mw) || Double.isNaN(ks)) {
            return new Verdict(Call.TOO_FEW, Double.NaN, Double.NaN,
                    "too few pauses to compare (at least " + minPauses + " on each side are needed)");
        }
        double mwAdj, ksAdj;
        if (mw <= ks) {
            mwAdj = Math.min(1, 2 * mw);
            ksAdj = Math.max(mwAdj, ks);
        } else {
            ksAdj = Math.min(1, 2 * ks);
            mwAdj = Math.max(ksAdj, mw);
        }
        boolean mwSig = mwAdj < FAMILY_ALPHA, ksSig = ksAdj < FAMILY_ALPHA;
        Row median = rows.get(0), p99 = rows.get(2);
        String shiftText = String.format(Locale.ROOT, "typical shift %s ms (95%% CI %s to %s)", signed(shift.estimate()),
                signed(shift.low()), signed(shift.high()));
        if (!mwSig && !ksSig) {
            return new Verdict(Call.NO_CHANGE, mwAdj, ksAdj, String.format(Locale.ROOT,
                    "no significant change in pause times (Holm-adjusted p: Mann–Whitney %s, KS %s); %s; median %s → %s ms, P99 %s → %s ms",
                    p(mwAdj), p(ksAdj), shiftText, num(median.a()), num(median.b()), num(p99.a()), num(p99.b())));
        }
        String evidence = evidence(mwSig, mw, mwAdj, ksSig, ks, ksAdj);
        boolean negligible = Math.abs(shift.estimate()) < NEGLIGIBLE_SHIFT * median.a()
                && Math.abs(median.ratio() - 1) < NEGLIGIBLE_SHIFT && Math.abs(p99.ratio() - 1) < 2 * NEGLIGIBLE_SHIFT;
        if (negligible) {
            return new Verdict(Call.NEGLIGIBLE, mwAdj, ksAdj, String.format(Locale.ROOT,
                    "pauses differ measurably but negligibly (%s): %s, under %.0f%% of the median %s ms", evidence, shiftText,
                    100 * NEGLIGIBLE_SHIFT, num(median.a())));
        }
        if (mwSig && shift.estimate() != 0) {
            boolean longer = shift.estimate() > 0;
            List<String> support = percentiles(rows, longer ? 1 : -1);
            // a shift interval widened for neighbouring cycles being alike may hold 0 where Mann–Whitney,
            // taking every cycle as independent, calls a shift: say both rather than contradict the interval
            boolean holdsZero = shift.low() <= 0 && 0 <= shift.high();
            String head = !holdsZero ? (longer ? "typical pauses got longer" : "typical pauses got shorter")
                    : (longer ? "typical pauses longer" : "typical pauses shorter") + " by Mann–Whitney, which takes every"
                    + " cycle as independent, but allowing for neighbouring cycles being alike the shift's interval holds 0";
            return new Verdict(longer ? Call.LONGER : Call.SHORTER, mwAdj, ksAdj, String.format(Locale.ROOT, "%s: %s%s; %s",
                    head, shiftText, support.isEmpty() ? "" : "; " + String.join(", ", support), evidence));
        }
        List<String> support = percentiles(rows, 0);
        return new Verdict(Call.SHAPE, mwAdj, ksAdj, String.format(Locale.ROOT,
                "the pause distribution changed shape, typical pauses did not shift significantly%s; %s",
                support.isEmpty() ? "" : ": " + String.join(", ", support), evidence));
    }

    /** The significant tests' p-values, raw and adjusted. */
    private static String evidence(boolean mwSig, double mw, double mwAdj, boolean ksSig, double ks, double ksAdj) {
        List<String> parts = new ArrayList<>();
        if (mwSig) parts.add(String.format(Locale.ROOT, "Mann–Whitney p %s, Holm-adjusted %s", p(mw), p(mwAdj)));
        if (ksSig) parts.add(String.format(Locale.ROOT, "KS p %s, Holm-adjusted %s", p(ks), p(ksAdj)));
        return String.join("; ", parts);
    }

    /**
     * The percentiles (not the maximum, which has no interval) whose ratio interval lies wholly above
     * 1 ({@code side} 1), below it (−1), or either (0), as "P99 1.1 → 2.3 ms (+109%, 95% CI +40% to +200%)".
     */
    private static List<String> percentiles(List<Row> rows, int side) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            boolean above = r.ratioLow() > 1, below = r.ratioHigh() < 1;
            if (!(side > 0 ? above : side < 0 ? below : above || below)) continue;
            String name = r.name().equals("p50") ? "median" : r.name().toUpperCase(Locale.ROOT);
            String ci = !Double.isFinite(r.ratioHigh()) ? "95% CI from " + change(r.ratioLow())
                    : r.ratioLow() <= 0 || !Double.isFinite(r.ratioLow()) ? "95% CI up to " + change(r.ratioHigh())
                    : "95% CI " + change(r.ratioLow()) + " to " + change(r.ratioHigh());
            out.add(String.format(Locale.ROOT, "%s %s → %s ms (%s, %s)", name, num(r.a()), num(r.b()), change(r.ratio()), ci));
        }
        return out;
    }

    private static String change(double ratio) {
        if (!Double.isFinite(ratio)) return "n/a";
        return String.format(Locale.ROOT, "%+.0f%%", (ratio - 1) * 100);
    }

    static String num(double v) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "n/a" : (v > 0 ? "∞" : "−∞");
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String signed(double v) {
        return (v > 0 ? "+" : "") + num(v);
    }

    /** "= 0.012" or "< 0.001". */
    private static String p(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
    }
}
