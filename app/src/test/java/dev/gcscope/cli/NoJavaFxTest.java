package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI runs where there is no JavaFX runtime (servers, CI): through the real entry point, in a
 * fresh JVM with JavaFX on the class path, no JavaFX class may be loaded.
 */
class NoJavaFxTest {
    /** -verbose:class prints e.g. {@code [0.031s][info][class,load] java.lang.Object source: shared objects file}. */
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+)");

    @TempDir
    Path dir;

    @Test
    void summaryThroughTheLauncherLoadsNoJavaFxClass() throws Exception {
        Path sample = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        List<String> loaded = loadedClasses("summary", sample.toString());
        assertTrue(loaded.contains("dev.gcscope.cli.GcscopeCli"), "the run went through the CLI");
        assertTrue(loaded.contains("dev.gcscope.analysis.GcSummary"), "the run summarised the file");
        List<String> javafx = loaded.stream().filter(c -> c.startsWith("javafx.") || c.startsWith("com.sun.javafx")).toList();
        assertEquals(List.of(), javafx);
    }

    @Test
    void exportThroughTheLauncherLoadsNoJavaFxClass() throws Exception {
        Path sample = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        List<String> loaded = loadedClasses("export", "--csv", dir.resolve("out.csv").toString(), sample.toString());
        assertTrue(loaded.contains("dev.gcscope.cli.CsvTableWriter"));
        assertTrue(loaded.stream().noneMatch(c -> c.startsWith("javafx.") || c.startsWith("com.sun.javafx")), loaded::toString);
    }

    /** A chart drawn with no display at all (DISPLAY unset, as in CI): through AWT, headless, and still no JavaFX. */
    @Test
    void chartExportWithoutADisplayLoadsNoJavaFxClass() throws Exception {
        Path sample = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        Path png = dir.resolve("pause.png");
        Path svg = dir.resolve("histogram.svg");
        List<String> loaded = loadedClasses("export", "--png", png.toString(), "--chart", "pause-timeline", "--scale", "2",
                sample.toString());
        assertTrue(loaded.contains("dev.gcscope.export.Graphics2DPainter"), "the chart was drawn through AWT");
        assertTrue(loaded.stream().noneMatch(c -> c.startsWith("javafx.") || c.startsWith("com.sun.javafx")), loaded::toString);
        assertTrue(Files.size(png) > 10_000, "a PNG was written");
        loaded = loadedClasses("export", "--svg", svg.toString(), "--chart", "stw-histogram", sample.toString());
        assertTrue(loaded.contains("dev.gcscope.export.SvgPainter"));
        assertTrue(loaded.stream().noneMatch(c -> c.startsWith("javafx.") || c.startsWith("com.sun.javafx")), loaded::toString);
        assertTrue(Files.readString(svg, StandardCharsets.UTF_8).contains("<text"), "an SVG was written");
    }

    /** The scheduler's and runtime/metrics' charts take the same path: headless, no JavaFX. */
    @Test
    void schedChartExportLoadsNoJavaFxClass() throws Exception {
        Path sample = SampleTraces.get("metrics/go1.24-phases-histograms.jsonl").copyTo(dir);
        Path svg = dir.resolve("over-time.svg");
        List<String> loaded = loadedClasses("export", "--svg", svg.toString(), "--chart", "sched-metrics-over-time", sample.toString());
        assertTrue(loaded.contains("dev.gcscope.render.chart.BucketHeatmapPlot"), "the heatmap was drawn");
        assertTrue(loaded.stream().noneMatch(c -> c.startsWith("javafx.") || c.startsWith("com.sun.javafx")), loaded::toString);
        assertTrue(Files.readString(svg, StandardCharsets.UTF_8).contains("<text"), "an SVG was written");
    }

    private List<String> loadedClasses(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("stdout.txt");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-verbose:class",
                "-cp", System.getProperty("java.class.path"), "dev.gcscope.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // no display to fall back on: the CLI must never need one
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process p = builder.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the CLI finished");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out.lines().filter(l -> !l.contains("[class,load]")).toList().toString());
        List<String> loaded = new java.util.ArrayList<>();
        Matcher m = LOADED.matcher(out);
        while (m.find()) loaded.add(m.group(1));
        assertTrue(loaded.size() > 100, "-verbose:class output was seen");
        return loaded;
    }
}
