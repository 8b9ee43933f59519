package dev.gcscope.format;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as people and scripts expect them: {@code 0.018}, {@code 12189}, {@code 0} — never
 * {@code 1.8E-2}, {@code 12189.0} or {@code -0.0}. {@link Double#toString} switches to scientific
 * notation below 10⁻³ and at 10⁷ and above, so every number the CLI prints goes through here.
 */
public final class PlainNumbers {
    /** Up to this magnitude, a value with at most 3 decimals has a unique short form (15 digits). */
    private static final double FAST_LIMIT = 1e12;

    private PlainNumbers() {}

    /**
     * The shortest decimal that reads back as {@code v}, without exponent or trailing zeros; null
     * for NaN and infinities, which have no JSON or CSV number form.
     */
    public static BigDecimal decimal(double v) {
        if (!Double.isFinite(v)) return null;
        if (v == 0) return BigDecimal.ZERO; // also -0.0
        return BigDecimal.valueOf(v).stripTrailingZeros();
    }

    /**
     * A computed figure (a percentile, a weighted mean) to 12 significant digits: interpolating in
     * binary floating point leaves noise in the 17th digit ({@code 0.42300000000000065}), which is no
     * information — Go prints the inputs to at most 5 — and makes scripts' comparisons brittle.
     */
    public static BigDecimal figure(double v) {
        BigDecimal d = decimal(v);
        return d == null || d.signum() == 0 ? d : d.round(FIGURE_DIGITS).stripTrailingZeros();
    }

    private static final java.math.MathContext FIGURE_DIGITS = new java.math.MathContext(12, RoundingMode.HALF_EVEN);

    /** {@link #decimal} as text; empty for NaN and infinities. */
    public static String plain(double v) {
        if (!Double.isFinite(v)) return "";
        // Fast path for the common case, values Go printed in whole microseconds: no BigDecimal per cell.
        if (Math.abs(v) < FAST_LIMIT) {
            long thousandths = Math.round(v * 1000);
            if (thousandths / 1000.0 == v) return fixed3(thousandths);
        }
        return decimal(v).toPlainString();
    }

    /** {@code v} rounded to at most {@code maxDecimals} decimals, trailing zeros dropped; "n/a" for NaN. */
    public static String rounded(double v, int maxDecimals) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "n/a" : (v > 0 ? "inf" : "-inf");
        BigDecimal d = decimal(v).setScale(maxDecimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    private static String fixed3(long thousandths) {
        if (thousandths == 0) return "0";
        StringBuilder sb = new StringBuilder(24);
        if (thousandths < 0) sb.append('-');
        long abs = Math.abs(thousandths);
        sb.append(abs / 1000);
        int frac = (int) (abs % 1000);
        if (frac != 0) {
            sb.append('.');
            int digits = 3;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            String f = Integer.toString(frac);
            for (int i = f.length(); i < digits; i++) sb.append('0');
            sb.append(f);
        }
        return sb.toString();
    }
}
