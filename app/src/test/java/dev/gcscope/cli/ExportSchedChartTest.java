package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.analysis.sched.HistogramHistory;
import dev.gcscope.export.SchedCharts;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.metrics.MetricsColumns;
import dev.gcscope.render.chart.BucketHistogramPlot;
import dev.gcscope.render.sched.MetricsChartData;
import dev.gcscope.render.sched.TimehistChartData;
import dev.gcscope.samples.SampleTraces;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * The scheduler and runtime/metrics charts headless, under their views' ids: {@code export --chart}
 * on real perf and metrics samples, and {@code gcscope report} of those inputs with their charts.
 */
class ExportSchedChartTest {
    private static final String METRICS = "metrics/go1.24-phases-histograms.jsonl";
    private static final String TIMEHIST = "perf/go1.24-gmp4-quota50-timehist.txt.gz";
    /** The metric the views open on (the scheduler's latency), which this sample has. */
    private static final String SCHED_LATENCIES = "/sched/latencies:seconds";

    @TempDir
    static Path dir;
    private static Path metrics;
    private static Path timehist;

    @BeforeAll
    static void copy() throws Exception {
        metrics = SampleTraces.get(METRICS).copyTo(dir);
        timehist = SampleTraces.get(TIMEHIST).copyTo(dir);
    }

    @Test
    void theTimehistChartIsTheBusiestTasksHistogramOverItsDelayOverTime() throws Exception {
        List<String> texts = svgTexts("timehist.svg", SchedCharts.TIMEHIST_DELAYS, timehist);
        assertTrue(texts.contains(TimehistChartData.HISTOGRAM_X_TITLE + " (log scale)"), texts::toString);
        assertTrue(texts.contains(TimehistChartData.OVER_TIME_X_TITLE), texts::toString);
        assertTrue(texts.contains(TimehistChartData.OVER_TIME_Y_TITLE), texts::toString);
        for (String p : List.of("P50", "P90", "P99")) assertTrue(texts.contains(p), () -> p + " marked: " + texts);
    }

    @Test
    void theMetricsHistogramIsThePreferredMetricsLastSnapshotWithSummarysPercentiles() throws Exception {
        List<String> texts = svgTexts("histogram.svg", SchedCharts.METRICS_HISTOGRAM, metrics);
        assertTrue(texts.contains(SCHED_LATENCIES + " (log scale)"), texts::toString);
        for (String p : List.of("P50", "P90", "P99")) assertTrue(texts.contains(p), () -> p + " marked: " + texts);

        // the markers drawn are the percentiles summary --json reports for that histogram
        HistogramHistory h = MetricsChartData.preferred(HistogramHistory.of(
                TraceLoader.standard().load(TraceSource.of(metrics), null, ParseListener.NONE).table(MetricsColumns.BUCKETS_TABLE)));
        assertEquals(SCHED_LATENCIES, h.name());
        BucketHistogramPlot.Bars bars = MetricsChartData.bars(h, h.last());
        CliRun run = CliRun.of("summary", "--json", metrics.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode histogram = null;
        for (JsonNode n : new ObjectMapper().readTree(run.out()).get(0).get("histograms")) {
            if (n.get("name").asText().equals(SCHED_LATENCIES)) histogram = n;
        }
        assertTrue(histogram != null, run.out());
        assertEquals(histogram.get("p50").asDouble(), bars.markers()[0], 1e-12 + 1e-9 * Math.abs(bars.markers()[0]));
        assertEquals(histogram.get("p90").asDouble(), bars.markers()[1], 1e-12 + 1e-9 * Math.abs(bars.markers()[1]));
        assertEquals(histogram.get("p99").asDouble(), bars.markers()[2], 1e-12 + 1e-9 * Math.abs(bars.markers()[2]));
    }

    @Test
    void theMetricsOverTimeChartIsAHeatmapOverThePercentilesPerInterval() throws Exception {
        List<String> texts = svgTexts("over-time.svg", SchedCharts.METRICS_OVER_TIME, metrics);
        // the y titles name the metric without its unit, which the tick labels carry ("/sched/latencies:seconds
        // per interval (log)" was cut at 1024 px); at 900x450 both fit whole
        assertTrue(texts.contains("/sched/latencies (log)"), texts::toString);
        assertTrue(texts.contains("/sched/latencies per interval (log)"), texts::toString);
        assertTrue(texts.contains("time (s)"), texts::toString);
        assertTrue(texts.contains("interval end (s)"), texts::toString);
    }

    @Test
    void pngOfASchedChartHasTheRequestedPixels() throws Exception {
        Path out = dir.resolve("th.png");
        CliRun run = CliRun.of("export", "--png", out.toString(), "--chart", SchedCharts.TIMEHIST_DELAYS, "--width", "700",
                "--scale", "3", timehist.toString());
        assertEquals(0, run.status(), run.err());
        BufferedImage png = ImageIO.read(out.toFile());
        assertEquals(2100, png.getWidth());
        assertEquals(1050, png.getHeight());
    }

    @Test
    void aChartTheInputDoesNotHaveNamesTheChartsItHas() {
        Path out = dir.resolve("no.svg");
        Path oneSnapshot = copy("metrics/go1.24-client_golang-1.14.0.txt");
        CliRun.of("export", "--svg", out.toString(), "--chart", SchedCharts.METRICS_OVER_TIME, oneSnapshot.toString())
                .assertOneLineError(ExitStatus.INPUT, "its charts are " + SchedCharts.METRICS_HISTOGRAM);
        CliRun.of("export", "--svg", out.toString(), "--chart", SchedCharts.TIMEHIST_DELAYS, metrics.toString())
                .assertOneLineError(ExitStatus.INPUT, "has no chart '" + SchedCharts.TIMEHIST_DELAYS + "'");
        Path gctrace = copy(SampleTraces.DEFAULT_GCTRACE);
        CliRun.of("export", "--svg", out.toString(), "--chart", SchedCharts.METRICS_HISTOGRAM, gctrace.toString())
                .assertOneLineError(ExitStatus.INPUT, "its charts are pause-timeline");
        assertFalse(Files.exists(out));
    }

    @Test
    void theReportOfSchedAndMetricsInputsHasTheirCharts() throws Exception {
        Path out = dir.resolve("sched-report.html");
        CliRun run = CliRun.of("report", "--out", out.toString(), timehist.toString(), metrics.toString());
        assertEquals(0, run.status(), run.err());
        Document doc = ReportHtmlTest.parseStrictly(Files.readString(out, StandardCharsets.UTF_8));
        assertEquals(List.of(SchedCharts.TIMEHIST_DELAYS, SchedCharts.METRICS_HISTOGRAM, SchedCharts.METRICS_OVER_TIME),
                doc.select("figure.chart").eachAttr("data-chart"));
        for (Element svg : doc.select("figure.chart svg")) {
            assertTrue(svg.select("text").size() > 6, "labelled axes");
            assertTrue(svg.select("image").isEmpty(), "no bitmap");
        }
        assertTrue(doc.selectFirst("figure.chart[data-chart=" + SchedCharts.METRICS_HISTOGRAM + "]").text().contains(SCHED_LATENCIES),
                "the caption names the metric");
    }

    private static Path copy(String sample) {
        try {
            return SampleTraces.get(sample).copyTo(Files.createTempDirectory(dir, "s"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> svgTexts(String name, String chart, Path input) throws Exception {
        Path out = dir.resolve(name);
        CliRun run = CliRun.of("export", "--svg", out.toString(), "--chart", chart, "--width", "900", input.toString());
        assertEquals(0, run.status(), run.err());
        org.w3c.dom.Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
        assertEquals("900", svg.getDocumentElement().getAttribute("width"));
        assertEquals("450", svg.getDocumentElement().getAttribute("height"));
        assertEquals(0, svg.getElementsByTagName("image").getLength(), "no embedded bitmap");
        NodeList nodes = svg.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) texts.add(nodes.item(i).getTextContent());
        return texts;
    }
}
