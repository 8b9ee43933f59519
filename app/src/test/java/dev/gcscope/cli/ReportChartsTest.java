package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.export.GcTraceCharts;
import dev.gcscope.export.report.MarkdownReport;
import dev.gcscope.render.distribution.ConvergencePlot;
import dev.gcscope.render.distribution.StwHistogramPlot;
import dev.gcscope.render.mmu.MmuPlot;
import dev.gcscope.render.regimes.RegimeScatterPlot;
import dev.gcscope.render.theme.ChartTheme;
import dev.gcscope.render.timeline.GcTimelines;
import dev.gcscope.samples.SampleTraces;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gcscope report} draws a gctrace's charts through the charts' one drawing path: inline SVG
 * in the HTML (text as text, ids that do not collide in the page), PNGs beside the Markdown, and the
 * selected range shaded on the timelines.
 */
class ReportChartsTest {
    /** One axis title per chart that only that chart has. */
    private static final Map<String, String> TITLE = Map.of(
            "pause-timeline", GcTimelines.PAUSE_TITLE,
            "heap-timeline", GcTimelines.HEAP_TITLE,
            "gc-cpu-timeline", GcTimelines.CPU_SHARE_TITLE,
            "stw-histogram", StwHistogramPlot.X_TITLE,
            "convergence", ConvergencePlot.X_TITLE,
            "regime-scatter", RegimeScatterPlot.X_TITLE,
            "mmu", MmuPlot.X_TITLE);

    @TempDir
    static Path dir;
    private static Path input;

    @BeforeAll
    static void copy() throws Exception {
        input = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
    }

    @Test
    void theHtmlHasEveryChartAsInlineVectorSvg() throws Exception {
        Document doc = html("whole.html");
        assertEquals(Set.copyOf(GcTraceCharts.IDS), Set.copyOf(doc.select("figure.chart").eachAttr("data-chart")));
        for (String id : GcTraceCharts.IDS) {
            Element svg = chart(doc, id);
            assertEquals("960", svg.attr("width"), id);
            assertTrue(svg.select("text").eachText().contains(TITLE.get(id)), () -> id + ": " + svg.select("text").eachText());
            assertTrue(svg.select("image").isEmpty(), id + " holds no bitmap");
        }
        // the charts' own ids (their clip paths) are each defined once in the whole page
        Set<String> chartIds = new HashSet<>(doc.select("figure.chart svg [id]").eachAttr("id"));
        assertFalse(chartIds.isEmpty(), "the plots are clipped");
        for (String id : chartIds) assertEquals(1, doc.select("[id=" + id + "]").size(), id);
        assertFalse(Files.readString(dir.resolve("whole.html"), StandardCharsets.UTF_8).contains("<?xml"),
                "the charts are elements of the page, not documents");
    }

    @Test
    void aRangeIsShadedOnTheTimelinesAndTheOtherChartsShowItsCycles() throws Exception {
        Document whole = html("whole2.html");
        Document range = html("range.html", "--from", "5", "--to", "12");
        String selection = hex(ChartTheme.LIGHT.colour("-gc-selection"));
        assertFalse(chart(whole, "pause-timeline").outerHtml().contains(selection), "no selection band without a range");
        assertTrue(chart(range, "pause-timeline").outerHtml().contains(selection), "the range's band and edges");
        assertNotEquals(chart(whole, "stw-histogram").outerHtml(), chart(range, "stw-histogram").outerHtml());
    }

    @Test
    void theMarkdownHasEveryChartAsAPngBesideIt() throws Exception {
        Path md = dir.resolve("md").resolve("report.md");
        Files.createDirectories(md.getParent());
        CliRun run = CliRun.of("report", "--format", "md", "--out", md.toString(), input.toString());
        assertEquals(0, run.status(), run.err());
        String text = Files.readString(md, StandardCharsets.UTF_8);
        for (String id : GcTraceCharts.IDS) {
            String name = MarkdownReport.imageName("report", 1, id);
            assertTrue(text.contains("](" + name + ")"), name + " linked from the report");
            BufferedImage png = ImageIO.read(md.resolveSibling(name).toFile());
            assertEquals(960 * MarkdownReport.PNG_SCALE, png.getWidth(), name);
            assertEquals(350 * MarkdownReport.PNG_SCALE, png.getHeight(), name);
        }
        assertEquals(GcTraceCharts.IDS.size() + 1, listing(md.getParent()).size(), "the report and its charts, nothing else");
    }

    private static Document html(String name, String... options) throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("report", "--out", out.toString()));
        args.addAll(List.of(options));
        args.add(input.toString());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        return ReportHtmlTest.parseStrictly(Files.readString(out, StandardCharsets.UTF_8));
    }

    private static Element chart(Document doc, String id) {
        Element figure = doc.selectFirst("figure.chart[data-chart=" + id + "]");
        assertTrue(figure != null, id + " in the report");
        return figure.selectFirst("svg");
    }

    private static String hex(dev.gcscope.render.Rgba c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.red8(), c.green8(), c.blue8());
    }

    private static List<Path> listing(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }
}
