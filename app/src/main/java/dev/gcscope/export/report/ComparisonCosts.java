package dev.gcscope.export.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.analysis.compare.CostRow;
import dev.gcscope.analysis.compare.GcCost;
import dev.gcscope.export.table.TextTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison's costs table as text, read from the object {@code compare --json} prints (so every
 * figure is its figure): TSV with the JSON's exact figures and one column per interval end, for a
 * spreadsheet; Markdown as the report shows it (long figures to 4 significant digits, the interval as
 * "low – high", a dash for a figure the JSON has none of), under the two files and the verdict, for an
 * issue or a wiki. The command line
 * ({@code compare --tsv}, {@code --markdown}) and the window's copies print these.
 */
public final class ComparisonCosts {
    /** The TSV's columns; {@code key} is the cost's key under {@code costs} in the JSON. */
    public static final List<String> TSV_HEADERS = List.of("cost", "unit", "A", "B", "B/A", "B/A 95% low", "B/A 95% high",
            "p (Holm)", "change", "key");
    public static final List<String> MARKDOWN_HEADERS = List.of("cost", "A", "B", "B/A", "B/A 95 % interval", "p (Holm)", "change");

    private ComparisonCosts() {}

    /** One row per cost, figures exactly as the JSON writes them; an absent figure or interval end is an empty cell. */
    public static TextTable tsv(ObjectNode compare) {
        List<List<String>> rows = new ArrayList<>();
        for (GcCost cost : costs(compare)) {
            JsonNode c = compare.path("costs").path(cost.key());
            JsonNode ci = c.path("ratio_ci");
            rows.add(List.of(cost.label(), cost.unit(), exact(c.path("a")), exact(c.path("b")), exact(c.path("ratio")),
                    exact(ci.path(0)), exact(ci.path(1)), exact(c.path("p_adjusted")), c.path("change").asText(), cost.key()));
        }
        return new TextTable(TSV_HEADERS, rows);
    }

    /** The costs as the report's table shows them. */
    public static TextTable markdownTable(ObjectNode compare) {
        List<List<String>> rows = new ArrayList<>();
        for (GcCost cost : costs(compare)) {
            JsonNode c = compare.path("costs").path(cost.key());
            rows.add(List.of(cost.label() + (cost.unit().isEmpty() ? "" : " (" + cost.unit() + ")"), shown(c.path("a")),
                    shown(c.path("b")), shown(c.path("ratio")), interval(c), shown(c.path("p_adjusted")), change(c)));
        }
        return new TextTable(MARKDOWN_HEADERS, rows);
    }

    /** "**A** go1.19.log · **B** go1.24.log", the verdict, then the costs table. */
    public static String markdown(ObjectNode compare) {
        return "**A** " + TextTable.markdownText(compare.path("a").asText()) + " · **B** "
                + TextTable.markdownText(compare.path("b").asText()) + "\n\n"
                + TextTable.markdownText(compare.path("verdict").asText()) + "\n\n" + markdownTable(compare).markdown();
    }

    /** The costs the JSON holds, in the table's order. */
    static List<GcCost> costs(ObjectNode compare) {
        return java.util.Arrays.stream(GcCost.values()).filter(c -> compare.path("costs").has(c.key())).toList();
    }

    /** "0.936 – 0.968"; an open end (pauses too few or too alike) as "from"/"up to"; no interval: why, in the JSON's words. */
    static String interval(JsonNode cost) {
        JsonNode ci = cost.path("ratio_ci");
        // the JSON's why_no_interval up to its colon: "not a statistic", "too few cycles for an interval"
        if (!ci.isArray()) return cost.path("why_no_interval").asText("").replaceFirst(":.*", "");
        boolean low = ci.path(0).isNumber(), high = ci.path(1).isNumber();
        if (!low && !high) return CostRow.BOTH_ENDS_OPEN;
        if (!high) return "from " + shown(ci.path(0));
        if (!low) return "up to " + shown(ci.path(1));
        return shown(ci.path(0)) + " – " + shown(ci.path(1));
    }

    /** "no clear change" for {@code no_clear_change}; nothing for a cost that is not tested. */
    static String change(JsonNode cost) {
        String c = cost.path("change").asText("");
        return c.equals("not_tested") ? "" : c.replace('_', ' ');
    }

    private static String exact(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "" : JsonFigures.text(n);
    }

    /** The figure as the report shows it; a dash where the JSON has none (a ratio of two zeros, a pause percentile's p). */
    private static String shown(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "—" : JsonFigures.shown(JsonFigures.text(n));
    }
}
