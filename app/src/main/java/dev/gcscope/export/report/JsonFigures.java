package dev.gcscope.export.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Figures read from a file's {@code summary --json} object, as the text the JSON holds: a report
 * shows {@code 2.13256} where {@code summary --json} prints {@code 2.13256}, because both come from
 * the same {@code FileSummary} and its {@code PlainNumbers} rounding; nothing is formatted anew.
 * Each cell carries the figure's JSON pointer. A {@code null} (no data, an interval end the cycles are
 * too few for) is said in words.
 */
final class JsonFigures {
    static final String MISSING = "n/a";

    private final ObjectNode file;

    JsonFigures(ObjectNode file) {
        this.file = file;
    }

    ObjectNode json() {
        return file;
    }

    JsonNode at(String pointer) {
        return file.at(pointer);
    }

    boolean has(String pointer) {
        return !file.at(pointer).isMissingNode();
    }

    /** The figure's text exactly as the JSON writes it; "n/a" for null or absent. */
    static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) return MISSING;
        if (n.isBigDecimal()) return n.decimalValue().toPlainString();
        if (n.isNumber() || n.isBoolean()) return n.asText();
        return n.asText();
    }

    String text(String pointer) {
        return text(file.at(pointer));
    }

    /** One keyed run of the figure at {@code pointer}, shown as {@link #shown} rounds it. */
    Cell.Run run(String pointer) {
        JsonNode n = file.at(pointer);
        boolean missing = n.isMissingNode() || n.isNull();
        String exact = text(n);
        String shown = missing ? exact : shown(exact);
        return new Cell.Run(shown, pointer, missing, shown.equals(exact) ? null : exact);
    }

    /** Digits kept of a figure longer than {@link #LONG_FIGURE_DIGITS}. */
    static final int SHOWN_DIGITS = 4;
    /** Computed figures carry 12 significant digits in the JSON; Go's own print at most 5. */
    static final int LONG_FIGURE_DIGITS = 6;

    /**
     * A figure as a reader of the report sees it: one with more than {@link #LONG_FIGURE_DIGITS}
     * significant digits (a share 0.0719131614654, a ratio 42.1351724138) to {@link #SHOWN_DIGITS},
     * since the digits after those are noise of the sample, not information; the figures Go printed
     * (0.145, 1.1066) and integers as they are. The exact JSON text stays in the HTML's
     * {@code data-value} and tooltip, so a script still checks every figure against the JSON.
     */
    static String shown(String exact) {
        BigDecimal d;
        try {
            d = new BigDecimal(exact);
        } catch (NumberFormatException notANumber) {
            return exact;
        }
        if (d.signum() != 0 && d.abs().compareTo(TINY) < 0) return scientific(d);
        if (d.scale() <= 0 || d.precision() <= LONG_FIGURE_DIGITS) return exact;
        BigDecimal rounded = d.round(new MathContext(SHOWN_DIGITS, RoundingMode.HALF_EVEN));
        // never fewer than the integer digits: 477.272685901 -> 477.3, 123456.789 -> 123457
        if (rounded.scale() < 0) rounded = d.setScale(0, RoundingMode.HALF_EVEN);
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** Below this a plain figure is mostly zeros (a KS p-value of 0.00000000000000000008291): shown in powers of ten. */
    private static final BigDecimal TINY = new BigDecimal("0.000001");
    private static final String SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** 8.291 × 10⁻²⁰: {@link #SHOWN_DIGITS} significant digits. */
    static String scientific(BigDecimal d) {
        BigDecimal r = d.round(new MathContext(SHOWN_DIGITS, RoundingMode.HALF_EVEN));
        int exponent = r.precision() - r.scale() - 1;
        StringBuilder power = new StringBuilder(exponent < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) power.append(SUPERSCRIPT.charAt(c - '0'));
        return r.movePointRight(-exponent).stripTrailingZeros().toPlainString() + " × 10" + power;
    }

    Cell cell(String pointer) {
        return Cell.of(run(pointer));
    }

    /** The figure with a unit after it ({@code 0.22 ms}); the unit is left out when the figure is missing. */
    Cell cell(String pointer, String unit) {
        Cell.Run r = run(pointer);
        return r.missing() ? Cell.of(r) : Cell.of(r, Cell.Run.text(" " + unit));
    }

    /**
     * A 95 % interval {@code {low, high}} as {@code low – high}; an open end reads "&lt; min" or
     * "&gt; max", an interval with neither end "not enough data", with the cycles that would close
     * it when the JSON says ({@code cycles_needed}).
     */
    Cell interval(String pointer) {
        JsonNode ci = file.at(pointer);
        if (ci.isMissingNode()) return Cell.text("");
        JsonNode low = ci.path("low");
        JsonNode high = ci.path("high");
        boolean hasLow = low.isNumber();
        boolean hasHigh = high.isNumber();
        JsonNode needed = ci.path("cycles_needed");
        String need = needed.isNumber() ? String.format(Locale.ROOT, " (needs %,d cycles)", needed.asLong()) : "";
        if (!hasLow && !hasHigh) {
            return Cell.of(new Cell.Run("not enough data" + need, pointer, true));
        }
        Cell.Run l = hasLow ? run(pointer + "/low") : new Cell.Run("< min", pointer + "/low", true);
        Cell.Run h = hasHigh ? run(pointer + "/high") : new Cell.Run("> max", pointer + "/high", true);
        if (hasLow && hasHigh) return Cell.of(l, Cell.Run.text(" – "), h);
        return Cell.of(l, Cell.Run.text(" – "), h, Cell.Run.text(need));
    }

    /** A number field, or NaN when absent or null. */
    double number(String pointer) {
        JsonNode n = file.at(pointer);
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** A string field, or "" when absent or null. */
    String string(String pointer) {
        JsonNode n = file.at(pointer);
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }
}
