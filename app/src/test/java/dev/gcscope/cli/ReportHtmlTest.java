package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code gcscope report} on real recordings of every format: the HTML parses without an error, loads
 * nothing from outside itself, states each input's SHA-256 as {@code sha256sum} would, and every
 * figure it marks with a JSON pointer is the text {@code summary --json} prints there.
 */
class ReportHtmlTest {
    /** Numbers read exactly as printed, so a figure compares as the text summary --json has. */
    static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true)).build();
    /** A CSS {@code url(…)}, with or without quotes. */
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]*)");

    /** Figures a report of each format must show (and so check against the JSON). */
    private static final java.util.Map<String, Set<String>> EXPECTED_KEYS = java.util.Map.of(
            "gctrace", Set.of("/cycles", "/forced", "/stw_ms/p50", "/stw_ms/p99", "/stw_ms/p999", "/stw_ms/max",
                    "/stw_ci/p50/low", "/stw_ci/p99/high", "/heap_peak_mb", "/gc_cpu_pct", "/stw_tail_ratio",
                    "/regimes/0/cycles", "/regimes/0/share_of_time", "/regimes/0/stw_ms/p99", "/lines", "/skipped_lines"),
            "perf-sched-latency", Set.of("/tasks", "/total_runtime_ms", "/total_switches", "/worst/max_delay_ms", "/lines"),
            "perf-sched-timehist", Set.of("/events", "/tasks", "/sch_delay_ms/p50", "/sch_delay_ms/p99", "/sch_delay_ms/max",
                    "/per_task/0/sch_delay_ms/p99", "/per_task/0/switches", "/lines"),
            "prometheus", Set.of("/snapshots", "/histograms/0/p50", "/histograms/0/p99", "/histograms/0/count", "/lines"),
            "metrics-json", Set.of("/snapshots", "/histograms/0/p50", "/histograms/0/p99", "/histograms/0/count", "/lines"),
            "prometheus-range", Set.of("/snapshots", "/histograms/0/p50", "/histograms/0/p99", "/histograms/0/count", "/lines"),
            "cgroup-cpu-stat", Set.of("/dumps", "/span_s", "/periods", "/throttled_periods", "/throttled_share", "/throttled_ms", "/lines"));

    @TempDir
    Path dir;

    /** A recording of every format (the app's demo samples), and gctrace oddities: no times, few cycles. */
    static Stream<Named<Sample>> samples() {
        List<String> paths = new ArrayList<>(List.of("gctrace/go1.24-phases.log", "gctrace/go1.22-phases-restart.log",
                "perf/go1.24-gmp4-quota50-latency-p.txt", "perf/go1.24-gmp4-quota50-timehist.txt.gz",
                "metrics/go1.24-client_golang-1.21.1-scrapes.txt", "metrics/go1.24-phases-histograms.jsonl",
                "gctrace/quoted/go1.4-golang-go-12228.txt", "gctrace/go1.24-idle-periodic.log",
                "gctrace/go1.24-phases-app-log.log", "incident/quota50-prometheus.json", "incident/quota50-cpu-stat.log"));
        Set<String> formats = new TreeSet<>();
        for (String p : paths) formats.add(SampleTraces.get(p).format());
        Set<String> all = new TreeSet<>();
        for (var support : dev.gcscope.format.FormatSupports.standard().all()) {
            for (var f : support.formats()) all.add(f.id());
        }
        assertEquals(all, formats, "the samples cover every format gcscope reads");
        return paths.stream().map(p -> Named.of(p, SampleTraces.get(p)));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theReportOfARecordingIsSelfContainedAndSaysWhatSummaryJsonSays(Sample sample) throws Exception {
        Path input = sample.copyTo(dir);
        Path out = dir.resolve("report.html");
        CliRun run = CliRun.of("report", "--out", out.toString(), input.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(out.toString(), run.out().strip(), "prints the file it wrote");

        String html = Files.readString(out, StandardCharsets.UTF_8);
        Document doc = parseStrictly(html);
        assertLoadsNothingFromOutside(doc, html);
        assertIdsAreUnique(doc);

        JsonNode summary = summaryJson(input);
        assertFiguresEqualSummary(doc, summary, EXPECTED_KEYS.get(sample.format()));
        assertEquals(sha256(input), doc.selectFirst("[data-key=sha256]").text(), "the input's SHA-256 as sha256sum prints it");
        assertTrue(doc.title().endsWith(input.getFileName().toString()), doc.title());
        assertEquals(1, doc.select("main > section").size(), "one section per file");
        assertTrue(doc.selectFirst("footer").text().contains("gcscope summary --json " + input), "the footer names the command it equals");
        assertTrue(doc.selectFirst("footer").text().contains("gcscope report --out " + out + " " + input),
                "the footer gives the command that makes the report again");
    }

    /** The note under the key figures names how alike this file's pauses are, as summary --json's variance inflations. */
    @Test
    void theIntervalsNoteQuotesTheFilesVarianceInflations() throws Exception {
        Path input = SampleTraces.get("gctrace/go1.24-phases.log").copyTo(dir);
        Path out = dir.resolve("report.html");
        assertEquals(0, CliRun.of("report", "--out", out.toString(), input.toString()).status());
        String text = parseStrictly(Files.readString(out, StandardCharsets.UTF_8)).text();
        JsonNode ci = summaryJson(input).get("stw_ci");
        for (String[] p : new String[][] {{"p50", "P50"}, {"p90", "P90"}, {"p99", "P99"}, {"p999", "P99.9"}}) {
            double inflation = ci.get(p[0]).get("variance_inflation").asDouble();
            assertTrue(inflation > 1, p[0] + " " + ci);
            String quoted = "×" + dev.gcscope.format.PlainNumbers.rounded(inflation, 1) + " for " + p[1];
            assertTrue(text.contains(quoted), quoted + " in: " + text.substring(text.indexOf("95 % intervals:")));
        }
    }

    @Test
    void severalFilesMakeOneReportWithASectionEachInTheOrderGiven() throws Exception {
        Path a = SampleTraces.get("gctrace/go1.24-phases.log").copyTo(dir);
        Path b = SampleTraces.get("perf/go1.24-gmp4-quota50-timehist.txt.gz").copyTo(dir);
        Path out = dir.resolve("two.html");
        CliRun run = CliRun.of("report", "--out", out.toString(), a.toString(), b.toString());
        assertEquals(0, run.status(), run.err());
        Document doc = parseStrictly(Files.readString(out, StandardCharsets.UTF_8));
        List<Element> sections = doc.select("main > section");
        assertEquals(2, sections.size());
        assertEquals(a.getFileName().toString(), sections.get(0).selectFirst("h2").text());
        assertEquals(b.getFileName().toString(), sections.get(1).selectFirst("h2").text());
        assertEquals(List.of("#input-1", "#input-2"), doc.select("nav.toc a").eachAttr("href"));
        assertIdsAreUnique(doc);
        assertEquals(sha256(a), sections.get(0).selectFirst("[data-key=sha256]").text());
        assertEquals(sha256(b), sections.get(1).selectFirst("[data-key=sha256]").text());
        JsonNode summaries = JSON.readTree(CliRun.of("summary", "--json", a.toString(), b.toString()).out());
        for (int i = 0; i < 2; i++) {
            for (Element e : sections.get(i).select("[data-key^=/]")) assertFigure(e, summaries.get(i));
        }
    }

    /** The regimes' eleven columns of twelve-digit figures may take a wide screen's width; three columns stay with the text. */
    @Test
    void aTableOfManyColumnsIsMarkedWide() throws Exception {
        Path input = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        Path out = dir.resolve("wide.html");
        assertEquals(0, CliRun.of("report", "--out", out.toString(), input.toString()).status());
        String html = Files.readString(out, StandardCharsets.UTF_8);
        Document doc = parseStrictly(html);
        Element regimes = doc.selectFirst("table[data-table=regimes]");
        assertTrue(regimes.select("thead th").size() > 8, "the regimes have many columns");
        assertTrue(regimes.parent().hasClass("wide"), regimes.parent().className());
        assertFalse(doc.selectFirst("table[data-table=key-figures]").parent().hasClass("wide"));
        assertTrue(html.contains(".table-wrap.wide {"), "the stylesheet widens it");
    }

    @Test
    void theDarkThemeKeepsALightDrawingOfEachChartForPaper() throws Exception {
        Path input = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        Path out = dir.resolve("dark.html");
        assertEquals(0, CliRun.of("report", "--theme", "dark", "--out", out.toString(), input.toString()).status());
        String html = Files.readString(out, StandardCharsets.UTF_8);
        Document doc = parseStrictly(html);
        assertEquals("theme-dark", doc.selectFirst("html").className());
        assertTrue(html.contains("@media print"), "a print stylesheet");
        assertIdsAreUnique(doc);
        for (Element figure : doc.select("figure.chart")) {
            assertEquals(1, figure.select(".for-screen > svg").size(), figure.id());
            assertEquals(1, figure.select(".for-print > svg").size(), figure.id());
        }
    }

    @Test
    void neverOverAnInputEvenThroughALink() throws Exception {
        Path input = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        String before = sha256(input);
        CliRun.of("report", "--out", input.toString(), input.toString()).assertOneLineError(ExitStatus.INPUT, "input");
        Path link = Files.createSymbolicLink(dir.resolve("link.html"), input);
        CliRun.of("report", "--out", link.toString(), input.toString()).assertOneLineError(ExitStatus.INPUT, "input");
        assertEquals(before, sha256(input), "the input is untouched");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of(input, link), Set.copyOf(files.toList()), "no report and no temporary file left behind");
        }
    }

    @Test
    void aMissingFolderOrAnUnreadableInputIsOneLine() throws Exception {
        Path input = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        CliRun.of("report", "--out", dir.resolve("no/such/r.html").toString(), input.toString())
                .assertOneLineError(ExitStatus.INPUT, "does not exist");
        CliRun.of("report", "--out", dir.resolve("r.html").toString(), dir.resolve("nope.log").toString())
                .assertOneLineError(ExitStatus.INPUT, "nope.log");
        CliRun.of("report", "--format", "pdf", input.toString()).assertOneLineError(ExitStatus.USAGE, "pdf");
        CliRun.of("report", "--from", "5", "--to", "1", input.toString()).assertOneLineError(ExitStatus.USAGE, "--from");
        assertFalse(Files.exists(dir.resolve("r.html")));
    }

    // ---------------------------------------------------------------- checks

    /** jsoup's HTML5 parser, tracking errors: a report with markup a browser would have to repair fails. */
    static Document parseStrictly(String html) {
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document doc = Jsoup.parse(html, "", parser);
        ParseErrorList errors = parser.getErrors();
        assertTrue(errors.isEmpty(), () -> "HTML parse errors: " + errors);
        return doc;
    }

    /**
     * No element loads anything ({@code src}, {@code srcset}, {@code data}, {@code poster}), every link
     * stays in the page ({@code href} of {@code #…}), no stylesheet, script, frame or object element, and
     * CSS {@code url()} only in-page or {@code data:}.
     */
    /** An id names one element of the page: a link to it, or a chart's clip path, would otherwise find the wrong one. */
    static void assertIdsAreUnique(Document doc) {
        Map<String, Integer> seen = new TreeMap<>();
        for (Element e : doc.select("[id]")) seen.merge(e.id(), 1, Integer::sum);
        assertTrue(seen.size() > 3, "the page has ids: " + seen.keySet());
        seen.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), seen, "ids defined more than once");
    }

    static void assertLoadsNothingFromOutside(Document doc, String html) {
        assertTrue(doc.select("script, link, iframe, frame, object, embed, img[src], video, audio, source, base").isEmpty(),
                () -> "elements that load something: " + doc.select("script, link, iframe, frame, object, embed, img, video, audio, source, base"));
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(java.util.Locale.ROOT);
                String value = a.getValue().strip();
                if (key.equals("src") || key.equals("srcset") || key.equals("poster") || key.equals("data") || key.equals("action")) {
                    assertTrue(value.startsWith("data:"), e.tagName() + " " + key + "=" + value);
                }
                if (key.equals("href") || key.endsWith(":href")) assertTrue(value.startsWith("#"), e.tagName() + " " + key + "=" + value);
                if (key.startsWith("on")) throw new AssertionError("an event handler (script): " + e.tagName() + " " + key);
            }
        }
        Matcher m = CSS_URL.matcher(html);
        while (m.find()) {
            String target = m.group(1).strip();
            assertTrue(target.startsWith("#") || target.startsWith("data:"), "CSS url(" + target + ")");
        }
        assertFalse(html.contains("@import"), "no imported stylesheet");
        assertTrue(doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content").startsWith("default-src 'none'"),
                "the browser is told to load nothing too");
    }

    /** Every element keyed to a JSON pointer shows what {@code summary --json} has there; the expected keys are all shown. */
    static void assertFiguresEqualSummary(Document doc, JsonNode summary, Set<String> expected) {
        Set<String> shown = new TreeSet<>();
        for (Element e : doc.select("[data-key^=/]")) {
            assertFigure(e, summary);
            shown.add(e.attr("data-key"));
        }
        for (String key : expected) {
            if (summary.at(key).isMissingNode()) continue; // e.g. a file without regimes
            // an interval end the cycles are too few for is null: shown as that end, or the whole interval as "not enough data"
            String parent = key.substring(0, key.lastIndexOf('/'));
            boolean seen = shown.contains(key) || summary.at(key).isNull() && shown.contains(parent);
            assertTrue(seen, () -> key + " is in summary --json but not in the report; shown: " + shown);
        }
    }

    /** {@code e} shows the figure at its {@code data-key} in {@code summary} (any {@code --json} object: the report's comparison section keys into {@code compare --json}'s). */
    static void assertFigure(Element e, JsonNode summary) {
        String key = e.attr("data-key");
        JsonNode n = summary.at(key);
        if (e.hasAttr("data-missing")) {
            boolean empty = n.isMissingNode() || n.isNull() || (n.isObject() && n.path("low").isNull() && n.path("high").isNull())
                    || (n.isArray() && n.path(0).isNull() && n.path(1).isNull());
            assertTrue(empty, () -> key + " is marked missing but summary --json has " + n);
            assertFalse(e.text().isBlank(), () -> key + ": a missing figure says so in words");
            return;
        }
        assertFalse(n.isMissingNode() || n.isNull(), () -> key + " is shown as '" + e.text() + "' but summary --json has " + n);
        String expected = n.isBigDecimal() ? n.decimalValue().toPlainString() : n.asText();
        if (!e.hasAttr("data-value")) {
            assertEquals(expected, e.wholeText(), key);
            return;
        }
        // A long computed figure is shown rounded; the exact JSON text is kept beside it for scripts and the tooltip.
        assertEquals(expected, e.attr("data-value"), key);
        assertEquals(expected, e.attr("title"), key);
        java.math.BigDecimal exact = new java.math.BigDecimal(expected);
        // a figure under 10⁻⁶ is shown in powers of ten: 8.291 × 10⁻²⁰
        boolean tiny = e.wholeText().contains(" × 10");
        java.math.BigDecimal shown = new java.math.BigDecimal(tiny ? fromPowerOfTen(e.wholeText()) : e.wholeText());
        assertTrue(tiny ? exact.abs().compareTo(new java.math.BigDecimal("0.000001")) < 0 : exact.precision() > 6,
                () -> key + ": " + expected + " is shown as it is unless it is long or tiny");
        int shownDigits = shown.stripTrailingZeros().precision();
        int integerDigits = Math.max(1, exact.precision() - exact.scale());
        assertTrue(shownDigits <= Math.max(4, integerDigits), () -> key + " shown as " + e.wholeText());
        // within half a unit of the last digit shown
        java.math.BigDecimal halfUlp = shown.ulp().divide(java.math.BigDecimal.valueOf(2));
        assertTrue(exact.subtract(shown).abs().compareTo(halfUlp) <= 0, () -> key + ": " + e.wholeText() + " for " + expected);
    }

    /** "8.291 × 10⁻²⁰" as BigDecimal reads it: "8.291E-20". */
    static String fromPowerOfTen(String shown) {
        String[] parts = shown.split(" × 10", 2);
        StringBuilder exponent = new StringBuilder();
        for (char c : parts[1].toCharArray()) exponent.append(c == '⁻' ? '-' : (char) ('0' + "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c)));
        return parts[0] + "E" + exponent;
    }

    private JsonNode summaryJson(Path input) throws IOException {
        CliRun run = CliRun.of("summary", "--json", input.toString());
        assertEquals(0, run.status(), run.err());
        return JSON.readTree(run.out()).get(0);
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
