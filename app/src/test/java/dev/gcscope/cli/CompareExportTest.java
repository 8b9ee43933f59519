package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcscope.analysis.compare.GcCost;
import dev.gcscope.samples.SampleTraces;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's exports of a comparison, on the steady workload recorded under Go 1.19 and Go 1.24:
 * {@code compare --tsv} and {@code --markdown} hold {@code compare --json}'s figures, and the
 * comparison section of {@code report --compare} shows exactly what {@code compare --json} prints.
 */
class CompareExportTest {
    @TempDir
    Path dir;
    private Path a, b;
    private JsonNode json;

    @BeforeEach
    void steadyPair() throws Exception {
        a = SampleTraces.get("steady/go1.19-steady.log").copyTo(dir);
        b = SampleTraces.get("steady/go1.24-steady.log").copyTo(dir);
        CliRun run = CliRun.of("compare", "--json", a.toString(), b.toString());
        assertEquals(0, run.status(), run.err());
        json = ReportHtmlTest.JSON.readTree(run.out());
    }

    @Test
    void theTsvHoldsEveryCostWithTheJsonsExactFigures() {
        CliRun run = CliRun.of("compare", "--tsv", a.toString(), b.toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("cost", "unit", "A", "B", "B/A", "B/A 95% low", "B/A 95% high", "p (Holm)", "change", "key"),
                List.of(lines.get(0).split("\t", -1)));
        assertEquals(json.path("costs").size(), lines.size() - 1, "one row per cost in the JSON");
        Set<String> keys = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            assertEquals(10, cells.length, line);
            String key = cells[9];
            JsonNode cost = json.path("costs").path(key);
            assertFalse(cost.isMissingNode(), key);
            keys.add(key);
            assertEquals(text(cost.path("a")), cells[2], key + " A");
            assertEquals(text(cost.path("b")), cells[3], key + " B");
            assertEquals(text(cost.path("ratio")), cells[4], key + " B/A");
            assertEquals(text(cost.path("ratio_ci").path(0)), cells[5], key + " low");
            assertEquals(text(cost.path("ratio_ci").path(1)), cells[6], key + " high");
            assertEquals(text(cost.path("p_adjusted")), cells[7], key + " p");
            assertEquals(cost.path("change").asText(), cells[8], key + " change");
        }
        // the figure the closing note quotes: cycles per GB 535.6 -> 509.6, interval 0.936-0.968
        assertTrue(keys.contains("cycles_per_gb"));
        assertEquals("better", json.at("/costs/cycles_per_gb/change").asText());
    }

    @Test
    void theMarkdownHoldsTheVerdictAndTheJsonsFiguresRounded() {
        CliRun run = CliRun.of("compare", "--markdown", a.toString(), b.toString());
        assertEquals(0, run.status(), run.err());
        String md = run.out();
        assertTrue(md.startsWith("**A** " + a + " · **B** " + b + "\n"), md);
        assertTrue(md.contains("\n" + json.path("verdict").asText() + "\n"), "the verdict as the JSON has it:\n" + md);
        List<String> rows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| ---")).toList();
        assertEquals("| cost | A | B | B/A | B/A 95 % interval | p (Holm) | change |", rows.get(0));
        List<GcCost> costs = Arrays.stream(GcCost.values()).filter(c -> json.path("costs").has(c.key())).toList();
        assertEquals(costs.size(), rows.size() - 1, "a row per cost after the header");
        for (int i = 0; i < costs.size(); i++) {
            GcCost cost = costs.get(i);
            String row = rows.get(i + 1);
            String[] cells = row.substring(2, row.length() - 2).split(" \\| ", -1);
            assertEquals(7, cells.length, row);
            assertTrue(cells[0].startsWith(cost.label()), row);
            JsonNode c = json.path("costs").path(cost.key());
            assertRounded(c.path("a"), cells[1], cost.key());
            assertRounded(c.path("b"), cells[2], cost.key());
            assertRounded(c.path("ratio"), cells[3], cost.key());
            String change = c.path("change").asText();
            assertEquals(change.equals("not_tested") ? "" : change.replace('_', ' '), cells[6].strip(), cost.key());
        }
    }

    @Test
    void theReportsComparisonSectionIsWhatCompareJsonPrints() throws Exception {
        Path out = dir.resolve("compare.html");
        CliRun run = CliRun.of("report", "--compare", "--out", out.toString(), a.toString(), b.toString());
        assertEquals(0, run.status(), run.err());
        Document doc = ReportHtmlTest.parseStrictly(Files.readString(out, StandardCharsets.UTF_8));
        ReportHtmlTest.assertIdsAreUnique(doc);
        List<Element> sections = doc.select("main > section");
        assertEquals(3, sections.size(), "the comparison, then each file");
        Element section = sections.get(0);
        assertEquals("comparison", section.id());
        assertEquals(List.of("input-1", "input-2"), List.of(sections.get(1).id(), sections.get(2).id()));

        Set<String> shown = new TreeSet<>();
        for (Element e : section.select("[data-key^=/]")) {
            ReportHtmlTest.assertFigure(e, json);
            shown.add(e.attr("data-key"));
        }
        for (String key : List.of("/verdict", "/pause_verdict", "/costs/stw_p99_ms/a", "/costs/stw_p99_ms/b", "/costs/stw_p99_ms/ratio",
                "/costs/cycles_per_gb/ratio_ci/0", "/costs/cycles_per_gb/ratio_ci/1", "/costs/cycles_per_gb/p_adjusted",
                "/mann_whitney_p", "/ks_p", "/pauses_in_order_p", "/pauses_p_adjusted", "/hodges_lehmann_ms", "/hodges_lehmann_ci_ms/0", "/regimes/0/sentence",
                "/regimes/0/a/stw_p99_ms", "/regimes/0/b/stw_p99_ms", "/sides/0/cycles", "/sides/1/cycles")) {
            assertTrue(shown.contains(key), key + " in the section; shown: " + shown);
        }
        for (GcCost cost : GcCost.values()) assertTrue(shown.contains("/costs/" + cost.key() + "/a"), cost.key());
        // the change column: the JSON's word for each cost
        Element costs = section.selectFirst("table[data-table=compare-costs]");
        assertNotNull(costs);
        List<Element> rows = costs.select("tbody tr");
        assertEquals(json.path("costs").size(), rows.size());
        for (Element row : rows) {
            String key = row.selectFirst("[data-key$=/a]").attr("data-key").split("/")[2];
            String change = json.path("costs").path(key).path("change").asText();
            assertEquals(change.equals("not_tested") ? "" : change.replace('_', ' '), row.select("td").last().text(), key);
        }
        // provenance of both files, as sha256sum prints it
        List<String> hashes = section.select("[data-key=sha256]").eachText();
        assertEquals(List.of(ReportHtmlTest.sha256(a), ReportHtmlTest.sha256(b)), hashes);
        List<String> charts = section.select("figure.chart").eachAttr("data-chart");
        assertEquals(List.of("compare-ccdf", "compare-histogram", "compare-mmu", "compare-convergence", "compare-regime-scatter",
                "compare-timelines"), charts);
        for (Element figure : section.select("figure.chart")) {
            String svg = figure.selectFirst("svg").outerHtml();
            assertTrue(svg.contains(a.getFileName().toString()) || figure.attr("data-chart").equals("compare-timelines")
                    || svg.contains("go1.19"), figure.attr("data-chart") + " names side A in its legend");
        }
        assertTrue(section.text().contains("gcscope compare --json " + a + " " + b), "the command the figures equal");
        assertTrue(doc.selectFirst("footer").text().contains("gcscope report --compare --out " + out + " " + a + " " + b),
                "the footer makes the same report again");
        assertTrue(doc.title().contains("go1.19-steady.log vs go1.24-steady.log"), doc.title());
    }

    @Test
    void threeFilesAddTheLadderAndMarkdownGetsEveryChartAsAPng() throws Exception {
        Path c = SampleTraces.get("gctrace/go1.22-phases.log").copyTo(dir);
        Path out = dir.resolve("ladder.md");
        CliRun run = CliRun.of("report", "--compare", "--format", "md", "--out", out.toString(), a.toString(), c.toString(), b.toString());
        assertEquals(0, run.status(), run.err());
        String md = Files.readString(out, StandardCharsets.UTF_8);
        JsonNode three = ReportHtmlTest.JSON.readTree(CliRun.of("compare", "--json", a.toString(), c.toString(), b.toString()).out());
        assertTrue(md.contains(three.path("verdict").asText()), "the first-against-last verdict");
        List<String> pngs = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("ladder-1-")).sorted().forEach(pngs::add);
        }
        assertEquals(List.of("ladder-1-compare-ccdf.png", "ladder-1-compare-convergence.png", "ladder-1-compare-histogram.png",
                "ladder-1-compare-ladder.png", "ladder-1-compare-mmu.png", "ladder-1-compare-regime-scatter.png",
                "ladder-1-compare-timelines.png"), pngs);
        for (String png : pngs) assertTrue(md.contains("(" + png + ")"), png + " is linked");
    }

    @Test
    void badRequestsAreOneLine() throws Exception {
        CliRun.of("compare", "--json", "--tsv", a.toString(), b.toString()).assertOneLineError(ExitStatus.USAGE, "--tsv");
        CliRun.of("report", "--compare", a.toString()).assertOneLineError(ExitStatus.USAGE, "--compare");
        Path timehist = SampleTraces.get("perf/go1.24-gmp4-quota50-timehist.txt.gz").copyTo(dir);
        CliRun.of("report", "--compare", "--out", dir.resolve("x.html").toString(), a.toString(), timehist.toString())
                .assertOneLineError(ExitStatus.INPUT, timehist.getFileName().toString());
        assertFalse(Files.exists(dir.resolve("x.html")));
    }

    /** The JSON's figure as text, or empty for null. */
    private static String text(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) return "";
        return n.isBigDecimal() ? n.decimalValue().toPlainString() : n.asText();
    }

    /**
     * A Markdown cell shows the JSON's figure as the report does: as it is up to 6 significant digits,
     * a longer one to 4 (never fewer than its integer digits); a dash for null.
     */
    private static void assertRounded(JsonNode n, String cell, String key) {
        String shown = cell.strip();
        if (n.isNull()) {
            assertEquals("—", shown, key);
            return;
        }
        BigDecimal exact = n.decimalValue();
        BigDecimal expected = exact.precision() <= 6 || exact.scale() <= 0 ? exact : exact.round(new java.math.MathContext(4));
        if (expected.scale() < 0) expected = exact.setScale(0, java.math.RoundingMode.HALF_EVEN);
        assertEquals(0, new BigDecimal(shown).compareTo(expected), key + ": " + shown + " for " + exact);
    }
}
