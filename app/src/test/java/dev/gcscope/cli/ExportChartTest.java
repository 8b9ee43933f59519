package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.export.GcTraceCharts;
import dev.gcscope.render.distribution.ConvergencePlot;
import dev.gcscope.render.distribution.StwHistogramPlot;
import dev.gcscope.render.mmu.MmuPlot;
import dev.gcscope.render.regimes.RegimeScatterPlot;
import dev.gcscope.render.timeline.GcTimelines;
import dev.gcscope.render.theme.ChartTheme;
import dev.gcscope.samples.SampleTraces;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** {@code export --png/--svg --chart ID} on a real trace: every chart, as vector SVG and as PNG of the size asked. */
class ExportChartTest {
    /** The text every chart must show: its axis titles, and for the histogram its percentile markers (with their values). */
    private static final Map<String, List<String>> LABELS = Map.of(
            "pause-timeline", List.of(GcTimelines.PAUSE_TITLE),
            "heap-timeline", List.of(GcTimelines.HEAP_TITLE),
            "gc-cpu-timeline", List.of(GcTimelines.CPU_TITLE, GcTimelines.CPU_SHARE_TITLE),
            "stw-histogram", List.of(StwHistogramPlot.X_TITLE, StwHistogramPlot.Y_TITLE, "P50", "P99"),
            "convergence", List.of(ConvergencePlot.X_TITLE, ConvergencePlot.Y_TITLE),
            "regime-scatter", List.of(RegimeScatterPlot.X_TITLE, RegimeScatterPlot.Y_TITLE),
            "mmu", List.of(MmuPlot.X_TITLE, MmuPlot.Y_TITLE));

    @TempDir
    static Path dir;
    private static Path sample;

    @BeforeAll
    static void copySample() throws Exception {
        sample = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
    }

    @Test
    void everyChartIdHasItsLabelsListedHere() {
        assertEquals(Set.copyOf(GcTraceCharts.IDS), LABELS.keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pause-timeline", "heap-timeline", "gc-cpu-timeline", "stw-histogram", "convergence", "regime-scatter", "mmu"})
    void svgIsVectorXmlWithTheChartsTextAsText(String id) throws Exception {
        Path out = dir.resolve(id + ".svg");
        CliRun run = CliRun.of("export", "--svg", out.toString(), "--chart", id, "--width", "900", "--height", "420", sample.toString());
        assertEquals(0, run.status(), run.err());
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals("900", svg.getDocumentElement().getAttribute("width"));
        assertEquals("420", svg.getDocumentElement().getAttribute("height"));
        List<String> texts = texts(svg);
        // a title as it is; a percentile marker with its value ("P99 6.110")
        for (String label : LABELS.get(id)) {
            assertTrue(texts.stream().anyMatch(t -> t.equals(label) || t.startsWith(label + " ")), () -> label + " not among " + texts);
        }
        // ticks are labelled: more text than the titles alone
        assertTrue(texts.size() >= LABELS.get(id).size() + 6, texts::toString);
        assertEquals(0, svg.getElementsByTagName("image").getLength(), "no embedded bitmap");
        int shapes = 0;
        for (String tag : List.of("path", "polyline", "polygon", "rect", "line", "circle", "ellipse")) shapes += svg.getElementsByTagName(tag).getLength();
        assertTrue(shapes > 20, "the data are drawn as shapes: " + shapes);
    }

    @Test
    void pngHasTheRequestedPixelsAndIsNotBlank() throws Exception {
        Path out = dir.resolve("pause.png");
        CliRun run = CliRun.of("export", "--png", out.toString(), "--chart", "pause-timeline", "--width", "800", "--height", "300",
                "--scale", "2", sample.toString());
        assertEquals(0, run.status(), run.err());
        BufferedImage png = ImageIO.read(out.toFile());
        assertEquals(1600, png.getWidth());
        assertEquals(600, png.getHeight());
        int background = png.getRGB(0, 0);
        assertEquals(ChartTheme.LIGHT.background().argb(), background, "the card's colour around the chart");
        Set<Integer> colours = new HashSet<>();
        int differing = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int c = png.getRGB(x, y);
                colours.add(c);
                if (c != background) differing++;
            }
        }
        // bars in the regimes' colours, text, grid: many colours, and a fair share of the image drawn on
        assertTrue(colours.size() > 50, "colours: " + colours.size());
        assertTrue(differing > png.getWidth() * png.getHeight() / 100, "pixels drawn: " + differing);
    }

    @Test
    void darkThemeDrawsOnTheDarkCard() throws Exception {
        Path out = dir.resolve("mmu-dark.png");
        CliRun run = CliRun.of("export", "--png", out.toString(), "--chart", "mmu", "--theme", "dark", sample.toString());
        assertEquals(0, run.status(), run.err());
        BufferedImage png = ImageIO.read(out.toFile());
        assertEquals(1000, png.getWidth());
        assertEquals(500, png.getHeight());
        assertEquals(ChartTheme.DARK.background().argb(), png.getRGB(0, 0));
    }

    @Test
    void anUnknownChartIsAUsageErrorAndWritesNothing() {
        Path out = dir.resolve("none.svg");
        CliRun.of("export", "--svg", out.toString(), "--chart", "pie", sample.toString()).assertOneLineError(ExitStatus.USAGE, "pie");
        assertFalse(Files.exists(out));
    }

    @Test
    void pngWithoutChartIsAUsageError() {
        CliRun.of("export", "--png", dir.resolve("x.png").toString(), sample.toString()).assertOneLineError(ExitStatus.USAGE, "--chart");
    }

    @Test
    void chartOfAFileWithoutCyclesSaysSo() throws Exception {
        Path latency = SampleTraces.ofFormat("perf-sched-latency").get(0).copyTo(dir);
        Path out = dir.resolve("latency.svg");
        CliRun.of("export", "--svg", out.toString(), "--chart", "mmu", latency.toString()).assertOneLineError(ExitStatus.INPUT, "no GC cycles");
        assertFalse(Files.exists(out));
    }

    @Test
    void theYScaleAndTimeAxisAreTheWindowsChoices() throws Exception {
        Path out = dir.resolve("log.svg");
        CliRun run = CliRun.of("export", "--svg", out.toString(), "--chart", "pause-timeline", "--y-scale", "log",
                "--time-axis", "since-first-cycle", sample.toString());
        assertEquals(0, run.status(), run.err());
        List<String> texts = texts(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile()));
        // the recording's pauses run from hundredths of a millisecond to tens: every decade labelled
        assertTrue(texts.containsAll(List.of("0.1", "1", "10")), texts.toString());
        assertTrue(texts.contains("time since first cycle (s)"), texts.toString());
        assertTrue(texts.contains("0"), "0 s at the first cycle: " + texts);
        CliRun.of("export", "--svg", out.toString(), "--chart", "pause-timeline", "--y-scale", "cubic", sample.toString())
                .assertOneLineError(ExitStatus.USAGE, "--y-scale");
    }

    /**
     * A timeline exported carries the legend the window shows in the view's header (what each colour
     * is); drawn with more cycles than pixel columns, the pause timeline's legend names its bands.
     */
    @Test
    void timelinesCarryTheirLegend() throws Exception {
        boolean forcedInFile = Files.readAllLines(sample).stream().anyMatch(l -> l.startsWith("gc ") && l.contains("(forced)"));
        assertTrue(forcedInFile, "the sample has forced cycles");
        Map<String, List<String>> legend = Map.of(
                "pause-timeline", List.of("regime 0", "regime 1", "forced"),
                "heap-timeline", List.of("heap start", "heap end", "live heap", "heap goal", "stacks", "globals"),
                "gc-cpu-timeline", List.of("assist (ms)", "background (ms)", "idle (ms)", "GC CPU share"));
        for (var e : legend.entrySet()) {
            List<String> texts = svgTexts(e.getKey(), 900);
            assertTrue(texts.containsAll(e.getValue()), e.getKey() + ": " + texts);
        }
        // 737 cycles over about 150 pixel columns: densities, and the legend says which
        List<String> dense = svgTexts("pause-timeline", 200);
        assertTrue(dense.containsAll(List.of("median", "≤ P90", "≤ P99", "≤ max")), dense.toString());
        assertFalse(dense.contains("regime 0"), dense.toString());
        // the other charts name their series in the plot or need no legend
        assertFalse(svgTexts("mmu", 900).contains("regime 0"));
    }

    private static List<String> svgTexts(String id, int width) throws Exception {
        Path out = dir.resolve(id + "-" + width + "-legend.svg");
        CliRun run = CliRun.of("export", "--svg", out.toString(), "--chart", id, "--width", String.valueOf(width), "--height", "420",
                sample.toString());
        assertEquals(0, run.status(), run.err());
        return texts(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile()));
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }
}
