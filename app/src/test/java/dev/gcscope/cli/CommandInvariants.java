package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What must hold of every command, whatever bytes it is given on standard input: it ends with
 * status 0, or 1 and one line per failure on stderr ({@code gcscope: file: reason}), never an
 * internal error; {@code --json} prints JSON a strict reader accepts (no NaN, no Infinity), one
 * object per file; a report it writes holds the input's SHA-256; a chart is written or refused.
 * The parsers' invariants ({@code ParseInvariants}) cover the tables; these cover what the
 * analysis, the reports and the charts make of them.
 */
final class CommandInvariants {
    /** Jackson's defaults: NaN and Infinity are not JSON and fail the read. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> CHARTS = Map.of(
            "gctrace", List.of("pause-timeline", "heap-timeline", "gc-cpu-timeline", "stw-histogram", "convergence",
                    "regime-scatter", "mmu"),
            "perf-sched-timehist", List.of("sched-timehist-delays"),
            "prometheus", List.of("sched-metrics-histogram", "sched-metrics-over-time"),
            "metrics-json", List.of("sched-metrics-histogram", "sched-metrics-over-time"),
            "prometheus-range", List.of("sched-metrics-histogram", "sched-metrics-over-time"));

    /** {@code \tat dev.gcscope.cli.X.run(X.java:12)}, {@code at java.base/…(Unknown Source)}. */
    /** For the formats {@code compare} reads as runtime/metrics: the bundled recording each input is compared with. */
    private static final Map<String, String> COMPARED_WITH = Map.of(
            "metrics-json", "sched-pair/free-metrics.jsonl",
            "prometheus", "metrics/go1.24-client_golang-1.21.1-scrapes.txt",
            "prometheus-range", "metrics/go1.24-client_golang-1.21.1-scrapes.txt");

    /** The bundled recording {@code path}, copied into {@code dir} by the first execution that needs it. */
    private static Path comparedWith(String path, Path dir) {
        SampleTraces.Sample sample = SampleTraces.get(path);
        Path copy = dir.resolve(sample.fileName());
        if (Files.exists(copy)) return copy;
        try {
            return sample.copyTo(Files.createDirectories(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern STACK_FRAME = Pattern.compile("\\s+at [\\w$./]+\\([^)]*\\)");

    private CommandInvariants() {}

    /**
     * Runs {@code summary} (text and {@code --json} with the format given, {@code --json} detected),
     * {@code report} (Markdown, which draws every chart as SVG) and {@code export} of one of the
     * format's charts on {@code input}, writing into {@code dir}, and checks each run.
     */
    static void check(String format, byte[] input, Path dir) {
        int text = ok(CliRun.withStdin(input, "summary", "--format", format, "-"));
        int json = okJson(CliRun.withStdin(input, "summary", "--json", "--format", format, "-"));
        assertEquals(text, json, "summary and summary --json agree on failing");
        okJson(CliRun.withStdin(input, "summary", "--json", "-"));

        Path report = dir.resolve("report.md");
        if (ok(CliRun.withStdin(input, "report", "--format", "md", "--out", report.toString(), "-")) == 0) {
            assertTrue(read(report).contains(sha256(input)), "the report holds the input's SHA-256");
        }
        // The runtime/metrics comparison against a real recording, both ways: its intervals read the
        // snapshots' order (SnapshotStretches), which fuzzed snapshots bend every way.
        String against = COMPARED_WITH.get(format);
        if (against != null) {
            Path other = comparedWith(against, dir.resolve("compared-with"));
            CliRun compared = CliRun.withStdin(input, "compare", "--json", "-", other.toString());
            if (ok(compared) == ExitStatus.OK) {
                // an input refused is a stderr line and status 1, as the README says; a comparison is one strict object
                try {
                    assertTrue(JSON.readTree(compared.out()).isObject(), compared.out());
                } catch (IOException e) {
                    fail("compare --json printed what a strict JSON reader refuses: " + e.getMessage());
                }
            }
            ok(CliRun.withStdin(input, "compare", other.toString(), "-"));
        }
        // One chart per input, picked by its length: the report has drawn them all with the same
        // renderers already, and each export analyses the input again (a fuzzer's executions are few).
        List<String> charts = CHARTS.getOrDefault(format, List.of());
        if (!charts.isEmpty()) {
            String chart = charts.get(input.length % charts.size());
            Path svg = dir.resolve("chart.svg");
            if (ok(CliRun.withStdin(input, "export", "--format", format, "--chart", chart, "--svg", svg.toString(), "-")) == 0) {
                assertTrue(read(svg).contains("<svg"), chart + " is an SVG");
            }
        }
    }

    /** Status 0, or 1 with every stderr line one prefixed message; never an internal error or a trace. */
    private static int ok(CliRun run) {
        assertTrue(run.status() == ExitStatus.OK || run.status() == ExitStatus.INPUT,
                () -> "status " + run.status() + ": " + run.err());
        for (String line : run.errLines()) {
            assertTrue(line.startsWith(ErrorReporter.PREFIX), () -> "an unprefixed stderr line: " + line);
            // how ErrorReporter begins one; an input quoted in a message may say "internal error" anywhere else
            assertFalse(line.startsWith(ErrorReporter.PREFIX + "internal error ("), line);
        }
        if (run.status() == ExitStatus.INPUT) assertFalse(run.errLines().isEmpty(), "a failure says why");
        assertNoStackTrace(run.out());
        assertNoStackTrace(run.err());
        return run.status();
    }

    /**
     * A stack trace's lines, not its words: an excerpt of fuzzed input may well hold "at dev." or
     * "Exception" (CliRun's check, made for the tests' own inputs, took one for a trace).
     */
    private static void assertNoStackTrace(String text) {
        for (String line : text.lines().toList()) {
            assertFalse(STACK_FRAME.matcher(line).matches() || line.startsWith("Caused by: ")
                    || line.startsWith("Exception in thread "), () -> "a stack trace: " + line);
        }
    }

    private static int okJson(CliRun run) {
        int status = ok(run);
        JsonNode array;
        try {
            array = JSON.readTree(run.out());
        } catch (IOException e) {
            fail("summary --json printed what a strict JSON reader refuses: " + e.getMessage());
            return status;
        }
        assertTrue(array.isArray() && array.size() == 1, () -> "one object for the one file: " + run.out());
        assertEquals(status != ExitStatus.OK, array.get(0).has("error"), "an error entry exactly when it failed");
        return status;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
