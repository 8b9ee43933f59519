package dev.gcscope.export.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** One keyed run of the figure at {@code pointer}. */
    Cell.Run run(String pointer) {
        JsonNode n = file.at(pointer);
        boolean missing = n.isMissingNode() || n.isNull();
        return new Cell.Run(text(n), pointer, missing);
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

    /** A string field, or "" when absent or null. */
    String string(String pointer) {
        JsonNode n = file.at(pointer);
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }
}
