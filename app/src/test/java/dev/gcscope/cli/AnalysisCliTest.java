package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.analysis.compare.GcCost;
import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis in the CLI: regimes and pause intervals in {@code summary --json}, the regime column
 * of {@code export --csv}, and {@code compare} — the two outputs checked against each other, and the
 * per-regime pauses recomputed here from the exported rows.
 */
class AnalysisCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void dbscanIsOfferedAsTheOtherRegimeMethodInSummaryAndExport() throws IOException {
        Path file = SampleTraces.get("gctrace/go1.24-phases.log").copyTo(dir);
        JsonNode k = JSON.readTree(CliRun.of("summary", "--json", file.toString()).out()).get(0);
        JsonNode d = JSON.readTree(CliRun.of("summary", "--json", "--regimes", "dbscan", file.toString()).out()).get(0);
        assertTrue(k.get("regime_method").asText().toLowerCase(java.util.Locale.ROOT).contains("k-means"), k.get("regime_method").asText());
        assertTrue(d.get("regime_method").asText().toLowerCase(java.util.Locale.ROOT).contains("dbscan"), d.get("regime_method").asText());
        assertTrue(d.get("regimes").size() >= 1);

        Path csv = dir.resolve("dbscan.csv");
        assertEquals(0, CliRun.of("export", "--regimes=dbscan", "--csv", csv.toString(), file.toString()).status());
        List<String> lines = Files.readAllLines(csv);
        int regime = Arrays.asList(lines.get(0).split(",")).indexOf("regime");
        Map<Integer, Integer> counts = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) counts.merge(Integer.parseInt(line.split(",", -1)[regime]), 1, Integer::sum);
        for (JsonNode r : d.get("regimes")) assertEquals(r.get("cycles").asInt(), counts.get(r.get("id").asInt()), "regime " + r.get("id"));

        CliRun bad = CliRun.of("summary", "--regimes", "hdbscan", file.toString());
        assertEquals(ExitStatus.USAGE, bad.status());
        assertTrue(bad.err().contains("kmeans or dbscan"), bad.err());
    }

    @Test
    void summaryRegimesAgreeWithTheExportedRegimeColumn() throws IOException {
        Path file = SampleTraces.get("gctrace/go1.24-phases.log").copyTo(dir);
        JsonNode s = JSON.readTree(CliRun.of("summary", "--json", file.toString()).out()).get(0);
        JsonNode regimes = s.get("regimes");
        assertTrue(regimes.size() >= 3, regimes.toString());

        Path csv = dir.resolve("cycles.csv");
        assertEquals(0, CliRun.of("export", "--csv", csv.toString(), file.toString()).status());
        List<String> lines = Files.readAllLines(csv);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int regime = header.indexOf("regime"), stw = header.indexOf("stw_ms"), forced = header.indexOf("forced");
        Map<Integer, List<Double>> pauses = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            int g = Integer.parseInt(f[regime]);
            if (f[forced].equals("true")) assertEquals(-1, g, "a forced GC is no regime: " + line);
            if (g >= 0 && !f[stw].isEmpty()) pauses.computeIfAbsent(g, k -> new ArrayList<>()).add(Double.parseDouble(f[stw]));
        }
        for (JsonNode r : regimes) {
            assertEquals(Set.of("id", "label", "description", "cycles", "alloc_rate_mb_s", "survival", "stw_ms", "stw_ci", "labels",
                    "live_heap_mb", "share_of_cycles", "share_of_time"), names(r));
            List<Double> mine = pauses.get(r.get("id").asInt());
            assertEquals(r.get("cycles").asInt(), mine.size(), "cycles of regime " + r.get("id"));
            assertEquals(r7(mine, 50), r.get("stw_ms").get("p50").asDouble(), 1e-9);
            assertEquals(r7(mine, 99), r.get("stw_ms").get("p99").asDouble(), 1e-9);
            assertEquals(String.join(",", texts(r.get("labels"))), r.get("label").asText());
            assertTrue(r.get("description").asText().startsWith("allocating ~"));
        }
    }

    @Test
    void summaryIntervalsBracketThePercentiles() throws IOException {
        Path file = SampleTraces.get("gctrace/go1.22-phases.log").copyTo(dir);
        JsonNode s = JSON.readTree(CliRun.of("summary", "--json", file.toString()).out()).get(0);
        JsonNode ci = s.get("stw_ci");
        assertEquals(0.95, ci.get("confidence").asDouble());
        assertTrue(ci.get("method").asText().startsWith("order statistics"), ci.toString());
        for (String p : List.of("p50", "p90", "p99", "p999")) {
            double value = s.get("stw_ms").get(p).asDouble();
            JsonNode high = ci.get(p).get("high");
            assertTrue(ci.get(p).get("low").asDouble() <= value && (high.isNull() || value <= high.asDouble()), p + " " + ci);
            // an open end only where the cycles are too few for it: P99.9 needs 3,688 independent ones,
            // and more as alike as neighbouring pauses are (variance_inflation)
            JsonNode inflation = ci.get(p).get("variance_inflation");
            assertTrue(inflation.isNumber() && inflation.asDouble() > 0, p + " " + ci);
            if (p.equals("p999")) assertTrue(high.isNull(), ci.toString());
            if (high.isNull()) {
                int needed = ci.get(p).get("cycles_needed").asInt();
                assertTrue(needed > s.get("cycles").asInt(), p + " " + ci);
                int independent = PercentileInterval.cyclesForBounds(Double.parseDouble(p.substring(1)) / (p.equals("p999") ? 1000 : 100), 0.95);
                assertTrue(needed >= independent, p + " " + ci);
            }
        }
        assertEquals(s.get("stw_ms").get("p99").asDouble() / s.get("stw_ms").get("p50").asDouble(),
                s.get("stw_tail_ratio").asDouble(), 1e-9);
    }

    @Test
    void compareKeysAndRatios() throws IOException {
        Path a = SampleTraces.get("gctrace/go1.19-phases.log").copyTo(dir);
        Path b = SampleTraces.get("gctrace/go1.24-phases.log").copyTo(dir);
        CliRun run = CliRun.of("compare", "--json", a.toString(), b.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode c = JSON.readTree(run.out());
        assertTrue(names(c).containsAll(Set.of("a", "b", "stw_ms", "mann_whitney_p", "ks_p", "hodges_lehmann_ms", "verdict")), names(c).toString());
        assertEquals(a.toString(), c.get("a").asText());
        assertEquals(Set.of("p50", "p90", "p99", "max"), names(c.get("stw_ms")));
        JsonNode sa = JSON.readTree(CliRun.of("summary", "--json", a.toString()).out()).get(0).get("stw_ms");
        JsonNode sb = JSON.readTree(CliRun.of("summary", "--json", b.toString()).out()).get(0).get("stw_ms");
        for (String p : List.of("p50", "p90", "p99", "max")) {
            JsonNode row = c.get("stw_ms").get(p);
            assertEquals(sa.get(p).asDouble(), row.get("a").asDouble(), 1e-9, p);
            assertEquals(sb.get(p).asDouble(), row.get("b").asDouble(), 1e-9, p);
            assertEquals(row.get("b").asDouble() / row.get("a").asDouble(), row.get("ratio").asDouble(), 1e-9, p);
        }
        double p = c.get("mann_whitney_p").asDouble();
        assertTrue(p >= 0 && p <= 1);
        double inOrder = c.get("pauses_in_order_p").asDouble(), adjusted = c.get("pauses_p_adjusted").asDouble();
        assertTrue(inOrder > 0 && inOrder <= 1 && adjusted >= inOrder && adjusted <= 1, inOrder + " " + adjusted);
        String text = CliRun.of("compare", a.toString(), b.toString()).out();
        assertTrue(text.contains("\n  in-order p      " + CompareCommand.pValue(inOrder) + "  ("), text);
        assertFalse(c.get("verdict").asText().isBlank());
        // issue 11: every GC cost, each side's figure the one summary --json gives that file
        JsonNode costs = c.get("costs");
        for (GcCost cost : GcCost.values()) assertTrue(costs.has(cost.key()), cost.key());
        JsonNode summaryA = JSON.readTree(CliRun.of("summary", "--json", a.toString()).out()).get(0);
        JsonNode summaryB = JSON.readTree(CliRun.of("summary", "--json", b.toString()).out()).get(0);
        for (String[] k : new String[][] {{"stw_p50_ms", "stw_ms", "p50"}, {"stw_p90_ms", "stw_ms", "p90"}, {"stw_p99_ms", "stw_ms", "p99"},
                {"stw_p999_ms", "stw_ms", "p999"}, {"stw_max_ms", "stw_ms", "max"}, {"heap_peak_mb", "heap_peak_mb", null},
                {"gc_cpu_pct", "gc_cpu_pct", null}, {"forced", "forced", null}}) {
            JsonNode inA = k[2] == null ? summaryA.get(k[1]) : summaryA.get(k[1]).get(k[2]);
            JsonNode inB = k[2] == null ? summaryB.get(k[1]) : summaryB.get(k[1]).get(k[2]);
            assertEquals(inA.asDouble(), costs.get(k[0]).get("a").asDouble(), 1e-9, k[0]);
            assertEquals(inB.asDouble(), costs.get(k[0]).get("b").asDouble(), 1e-9, k[0]);
        }
        for (String key : List.of("stw_p50_ms", "gc_cpu_cycles_pct", "cycles_per_gb", "heap_overhead")) {
            JsonNode ci = costs.get(key).get("ratio_ci"), ratio = costs.get(key).get("ratio");
            assertTrue(ci.get(0).asDouble() <= ratio.asDouble() && ratio.asDouble() <= ci.get(1).asDouble(), key + " " + costs.get(key));
        }
        assertTrue(costs.get("stw_max_ms").get("ratio_ci").isNull());
        assertTrue(costs.get("stw_max_ms").get("why_no_interval").asText().startsWith("not a statistic"));
        assertEquals(2, c.get("sides").size());
        assertEquals(summaryA.get("cycles").asInt(), c.get("sides").get(0).get("cycles").asInt());
        assertFalse(c.get("regimes").isEmpty(), "the same workload's phases are matched across Go versions");
        assertFalse(c.has("steps"), "two files are one pair, not a ladder");
    }

    @Test
    void aLadderOfThreeGoVersionsComparesEachStep() throws IOException {
        Path a = SampleTraces.get("gctrace/go1.19-phases.log").copyTo(dir);
        Path m = SampleTraces.get("gctrace/go1.21-phases.log").copyTo(dir);
        Path b = SampleTraces.get("gctrace/go1.24-phases.log").copyTo(dir);
        CliRun run = CliRun.of("compare", "--json", a.toString(), m.toString(), b.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode c = JSON.readTree(run.out());
        assertEquals(a.toString(), c.get("a").asText());
        assertEquals(b.toString(), c.get("b").asText(), "a and b are the ladder's ends");
        assertEquals(3, c.get("sides").size());
        assertEquals(m.toString(), c.get("sides").get(1).get("label").asText());
        assertEquals(2, c.get("steps").size());
        assertEquals(m.toString(), c.get("steps").get(0).get("b").asText());
        assertEquals(m.toString(), c.get("steps").get(1).get("a").asText());
        JsonNode two = JSON.readTree(CliRun.of("compare", "--json", a.toString(), b.toString()).out());
        assertEquals(two.get("costs"), c.get("costs"), "first against last is the same pair as compared alone");
        // each step's in-order test is the one its pair gets compared alone
        JsonNode first = JSON.readTree(CliRun.of("compare", "--json", a.toString(), m.toString()).out());
        assertEquals(first.get("pauses_in_order_p"), c.get("steps").get(0).get("pauses_in_order_p"));
        assertEquals(first.get("pauses_p_adjusted"), c.get("steps").get(0).get("pauses_p_adjusted"));
        CliRun.of("compare", a.toString()).assertOneLineError(ExitStatus.USAGE, "A B");
    }

    @Test
    void compareWithItselfChangesNothingAndOtherFormatsAreRefused() throws IOException {
        Path a = SampleTraces.get("gctrace/go1.24-phases.log").copyTo(dir);
        JsonNode c = JSON.readTree(CliRun.of("compare", "--json", a.toString(), a.toString()).out());
        assertEquals(0, c.get("hodges_lehmann_ms").asDouble(), 0);
        // issue 11: ratios of 1, p-values of 1, "no clear change"
        assertTrue(c.get("verdict").asText().startsWith("no clear change"), c.get("verdict").asText());
        assertTrue(c.get("pause_verdict").asText().startsWith("no significant change"), c.get("pause_verdict").asText());
        assertEquals(1, c.get("mann_whitney_p").asDouble(), 1e-9);
        assertEquals(1, c.get("ks_p").asDouble(), 1e-9);
        c.get("costs").fields().forEachRemaining(e -> {
            JsonNode row = e.getValue();
            if (row.get("a").asDouble() != 0) assertEquals(1, row.get("ratio").asDouble(), 1e-12, e.getKey());
            if (!row.get("p").isNull()) assertEquals(1, row.get("p").asDouble(), 0, e.getKey());
            assertFalse(Set.of("better", "worse", "different").contains(row.get("change").asText()), e.getKey());
        });
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a trace\n");
        CliRun.of("compare", a.toString(), text.toString()).assertOneLineError(ExitStatus.INPUT, "notes.txt");
    }

    private static double r7(List<Double> values, double p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double h = (v.length - 1) * p / 100;
        int lo = (int) Math.floor(h);
        return lo + 1 >= v.length ? v[v.length - 1] : v[lo] + (h - lo) * (v[lo + 1] - v[lo]);
    }

    private static Set<String> names(JsonNode n) {
        Set<String> out = new HashSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }
}
