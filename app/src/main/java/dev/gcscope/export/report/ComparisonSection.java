package dev.gcscope.export.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcscope.analysis.compare.GcCost;
import dev.gcscope.export.report.ReportDocument.Block;
import dev.gcscope.export.report.ReportDocument.Fact;
import dev.gcscope.format.PlainNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison section of {@code gcscope report --compare}: which files were compared (with the
 * bytes' SHA-256, as each file's own section gives them), the verdict, every GC cost with B/A and its
 * interval, the pauses' tests, the regimes matched across the sides, and the overlay charts. Every
 * figure is read from the object {@code compare --json} prints for the same files and carries its
 * JSON pointer into that object.
 */
final class ComparisonSection {
    static final String ANCHOR = "comparison";

    private ComparisonSection() {}

    /** "go1.19.log → go1.24.log: " and the verdict, keyed. */
    static List<Cell.Run> finding(ReportComparison c, List<ReportInput> inputs) {
        JsonFigures f = new JsonFigures(c.json());
        List<Cell.Run> out = new ArrayList<>();
        out.add(Cell.Run.text(sideNames(inputs) + ": "));
        out.add(f.run("/verdict"));
        out.add(Cell.Run.text("."));
        return out;
    }

    static String sideNames(List<ReportInput> inputs) {
        return String.join(" → ", inputs.stream().map(i -> ReportBuilder.fileName(i.name())).toList());
    }

    static ReportDocument.Section section(ReportComparison c, List<ReportInput> inputs) {
        JsonFigures f = new JsonFigures(c.json());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new ReportDocument.Heading("Sides", "sides"));
        blocks.add(sides(f, inputs));
        if (inputs.size() > 2) {
            blocks.add(new ReportDocument.Note("The costs and regimes set the first file (A) against the last (B); the ladder"
                    + " shows every side in order, and compare --json's steps hold each adjacent pair."));
        }
        blocks.add(new ReportDocument.Heading("Verdict", "verdict"));
        blocks.add(new ReportDocument.Paragraph(List.of(f.run("/verdict"))));
        blocks.add(new ReportDocument.Paragraph(List.of(Cell.Run.text("Pauses: "), f.run("/pause_verdict"))));
        blocks.add(new ReportDocument.Heading("Costs", "costs"));
        blocks.add(costs(f));
        blocks.add(new ReportDocument.Note("B/A is B's figure over A's; its 95 % interval where the cost is a statistic. A"
                + " change is called where the Holm-adjusted p-value (over the pause tests and every cost with an"
                + " interval) is under 0.05; otherwise \"no clear change\". Extremes and counts are not tested."));
        blocks.add(tests(f));
        blocks.add(new ReportDocument.Heading("Regimes matched", "regimes"));
        blocks.addAll(regimes(f));
        for (ReportChart chart : ComparisonCharts.of(c)) {
            blocks.add(new ReportDocument.Chart(chart, CAPTIONS.getOrDefault(chart.id(), "")));
        }
        blocks.add(new ReportDocument.Note("Every figure of this section is what gcscope compare --json prints for the same"
                + " files (in the HTML, each carries its JSON pointer into that object)."));
        List<String> check = new ArrayList<>(List.of("compare", "--json"));
        for (ReportInput in : inputs) check.add(in.argument());
        blocks.add(new ReportDocument.Facts(List.of(Fact.code("check", CommandLines.gcscope(check)))));
        return new ReportDocument.Section("Comparison: " + sideNames(inputs), ANCHOR, blocks);
    }

    private static final java.util.Map<String, String> CAPTIONS = java.util.Map.of(
            "compare-ccdf", "For each pause length, the share of each side's pauses at least that long, log–log: the tail"
                    + " is where the curves part; a curve further left has shorter pauses.",
            "compare-histogram", "Each side's pauses over the same log-spaced bins, as a share of that side's pauses.",
            "compare-mmu", "Minimum mutator utilization of each side against the window length. Higher is better.",
            "compare-convergence", "Each side's running P50 and P99 after the first N cycles: a P99 still moving has not"
                    + " run long enough to be compared.",
            "compare-regime-scatter", "Each side's cycles by allocation rate and survival, with each side's regime centres.",
            "compare-timelines", "Each side's pauses, one row per side over time since its own first cycle, on one time"
                    + " axis and one value axis.",
            "compare-ladder", "Each side in order: P50 and P99 of the pauses, GC CPU and cycles per GB with 95 % intervals.");

    /** A, B (and a ladder's middle sides): file, SHA-256, cycles compared, range. */
    private static ReportDocument.Facts sides(JsonFigures f, List<ReportInput> inputs) {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ReportInput in = inputs.get(i);
            String letter = inputs.size() == 2 ? String.valueOf((char) ('A' + i)) : String.valueOf(i + 1);
            List<Cell.Run> runs = new ArrayList<>();
            runs.add(Cell.Run.text(in.name() + " — "));
            runs.add(f.run("/sides/" + i + "/cycles"));
            runs.add(Cell.Run.text(" cycles"));
            CycleSpan s = in.span();
            if (s != null) {
                runs.add(Cell.Run.text(String.format(Locale.ROOT, " (%s s – %s s on its timeline)", PlainNumbers.plain(s.fromS()),
                        PlainNumbers.plain(s.toS()))));
            }
            runs.add(Cell.Run.text(", " + ReportBuilder.size(in.sizeBytes()) + "; its own section below"));
            facts.add(new Fact(letter, new Cell(runs)));
            facts.add(new Fact("SHA-256", Cell.of(new Cell.Run(in.sha256(), "sha256", false)), true));
        }
        return new ReportDocument.Facts(facts);
    }

    private static ReportDocument.Table costs(JsonFigures f) {
        List<List<Cell>> rows = new ArrayList<>();
        for (GcCost cost : ComparisonCosts.costs(f.json())) {
            String p = "/costs/" + cost.key();
            String unit = cost.unit().isEmpty() ? "" : " (" + cost.unit() + ")";
            rows.add(List.of(Cell.text(cost.label() + unit), f.cell(p + "/a"), f.cell(p + "/b"), pValue(f, p + "/ratio"),
                    ratioInterval(f, p), pValue(f, p + "/p_adjusted"), change(f, p)));
        }
        return Tables.of("compare-costs", "Every GC cost: A, B, B/A and its 95 % interval",
                ComparisonCosts.MARKDOWN_HEADERS, rows);
    }

    /** "low – high" keyed to ratio_ci/0 and /1; an open end says so; no interval says why. */
    private static Cell ratioInterval(JsonFigures f, String p) {
        JsonNode ci = f.at(p + "/ratio_ci");
        if (!ci.isArray()) {
            return Cell.text(ComparisonCosts.interval(f.at(p)));
        }
        boolean low = ci.path(0).isNumber(), high = ci.path(1).isNumber();
        if (!low && !high) return Cell.of(new Cell.Run(ComparisonCosts.interval(f.at(p)), p + "/ratio_ci", true));
        Cell.Run l = low ? f.run(p + "/ratio_ci/0") : new Cell.Run("open", p + "/ratio_ci/0", true);
        Cell.Run h = high ? f.run(p + "/ratio_ci/1") : new Cell.Run("open", p + "/ratio_ci/1", true);
        return Cell.of(l, Cell.Run.text(" – "), h);
    }

    /** A ratio or p-value; a dash where there is none (a ratio of two zeros; the pause percentiles are tested together, below). */
    private static Cell pValue(JsonFigures f, String key) {
        return Cell.of(pRun(f, key));
    }

    private static Cell.Run pRun(JsonFigures f, String key) {
        Cell.Run r = f.run(key);
        return r.missing() ? new Cell.Run("—", key, true) : r;
    }

    /** The JSON's change in words ("no clear change" for {@code no_clear_change}). */
    private static Cell change(JsonFigures f, String p) {
        return Cell.text(ComparisonCosts.change(f.at(p)));
    }

    private static ReportDocument.Facts tests(JsonFigures f) {
        return new ReportDocument.Facts(List.of(
                new Fact("Mann–Whitney p", Cell.of(f.run("/mann_whitney_p"), Cell.Run.text(" (Holm-adjusted "),
                        f.run("/mann_whitney_p_adjusted"), Cell.Run.text("): is one side's pause typically longer?"))),
                new Fact("Kolmogorov–Smirnov p", Cell.of(f.run("/ks_p"), Cell.Run.text(" (Holm-adjusted "), f.run("/ks_p_adjusted"),
                        Cell.Run.text("): do the distributions differ at all?"))),
                new Fact("In-order p", Cell.of(pRun(f, "/pauses_in_order_p"), Cell.Run.text(": is one side's pause"
                        + " typically longer, allowing for neighbouring cycles being alike? A pause change is called only when"
                        + " the larger of this and the tests above, Holm-adjusted with every cost ("),
                        pRun(f, "/pauses_p_adjusted"), Cell.Run.text("), is under 0.05"))),
                new Fact("Hodges–Lehmann shift", Cell.of(f.run("/hodges_lehmann_ms"), Cell.Run.text(" ms, 95 % interval "),
                        f.run("/hodges_lehmann_ci_ms/0"), Cell.Run.text(" to "), f.run("/hodges_lehmann_ci_ms/1"),
                        Cell.Run.text(" ms (B − A)")))));
    }

    private static List<Block> regimes(JsonFigures f) {
        List<Block> out = new ArrayList<>();
        JsonNode regimes = f.at("/regimes");
        if (regimes.size() == 0) {
            out.add(new ReportDocument.Note("No regime was found on both sides."));
        } else {
            List<List<Cell>> rows = new ArrayList<>();
            for (int i = 0; i < regimes.size(); i++) {
                String p = "/regimes/" + i;
                rows.add(List.of(Cell.of(f.run(p + "/name"), Cell.Run.text(" ("), f.run(p + "/label"), Cell.Run.text(")")),
                        f.cell(p + "/a/cycles"), f.cell(p + "/b/cycles"), f.cell(p + "/a/stw_p50_ms"), f.cell(p + "/b/stw_p50_ms"),
                        f.cell(p + "/a/stw_p99_ms"), f.cell(p + "/b/stw_p99_ms"), f.cell(p + "/p_adjusted"), f.cell(p + "/sentence")));
            }
            out.add(Tables.of("compare-regimes", "Regimes found on both sides (nearest centres), with their own pauses",
                    List.of("regime", "A cycles", "B cycles", "A stw p50 (ms)", "B stw p50 (ms)", "A stw p99 (ms)",
                            "B stw p99 (ms)", "p (Holm)", "what changed"), rows));
        }
        for (String side : List.of("a", "b")) {
            JsonNode only = f.at("/regimes_only_" + side);
            for (int i = 0; i < only.size(); i++) {
                String p = "/regimes_only_" + side + "/" + i;
                out.add(new ReportDocument.Paragraph(List.of(Cell.Run.text("Only in " + side.toUpperCase(Locale.ROOT) + ": "),
                        f.run(p + "/label"), Cell.Run.text(", "), f.run(p + "/description"), Cell.Run.text(" ("),
                        f.run(p + "/cycles"), Cell.Run.text(" cycles)."))));
            }
        }
        return out;
    }
}
