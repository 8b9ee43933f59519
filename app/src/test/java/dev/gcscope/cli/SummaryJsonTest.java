package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code summary --json} against independent readings of the bundled recordings. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> GCTRACE_KEYS = Set.of("file", "format", "lines", "skipped_lines", "issues",
            "issue_count", "skipped_by_kind", "notes", "go_versions",
            "cycles", "forced", "runs", "stw_ms", "heap_peak_mb", "gc_cpu_pct",
            "stw_ci", "stw_tail_ratio", "regime_method", "regimes");
    private static final Set<String> STW_KEYS = Set.of("p50", "p90", "p99", "p999", "max");
    private static final Pattern EXPONENT = Pattern.compile("[0-9][eE][-+]?[0-9]");

    @TempDir
    Path dir;

    /** Recorded (not quoted) gctrace samples: Go 1.18+ output of real programs. */
    static List<Sample> recordingSamples() {
        List<Sample> s = SampleTraces.ofFormat("gctrace").stream().filter(x -> !x.has("quoted")).toList();
        assertFalse(s.isEmpty(), "no recorded gctrace samples in the index");
        return s;
    }

    /** {@link #recordingSamples} named by path, for readable test names. */
    static Stream<Named<Sample>> recordings() {
        return recordingSamples().stream().map(s -> Named.of(s.path(), s));
    }

    /** Recordings where every gc line is whole on its line (no other output split one). */
    static Stream<Named<Sample>> wholeLineRecordings() {
        return recordingSamples().stream().filter(SummaryJsonTest::wholeLines).map(s -> Named.of(s.path(), s));
    }

    /** Recordings where other output split a gc line: the row-by-row checks need whole lines. */
    static Stream<Named<Sample>> splitLineRecordings() {
        return recordingSamples().stream().filter(s -> !wholeLines(s)).map(s -> Named.of(s.path(), s));
    }

    /** Read once per sample: three parameter sources here and in ExportCsvTest ask. */
    private static final Map<String, Boolean> WHOLE_LINES = new ConcurrentHashMap<>();

    private static boolean wholeLines(Sample s) {
        return WHOLE_LINES.computeIfAbsent(s.path(), p -> RawGcTrace.of(s).complete());
    }

    private JsonNode summaryOf(Path file) throws IOException {
        CliRun run = CliRun.of("summary", "--json", file.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        assertFalse(EXPONENT.matcher(run.out()).find(), "numbers must be plain:\n" + run.out());
        JsonNode array = JSON.readTree(run.out());
        assertTrue(array.isArray());
        assertEquals(1, array.size());
        return array.get(0);
    }

    /** Each sample's {@code summary --json}, run once per class: two checks per sample read it. */
    private final Map<String, JsonNode> summaries = new HashMap<>();

    private JsonNode summaryOf(Sample sample) throws IOException {
        JsonNode s = summaries.get(sample.path());
        if (s == null) {
            s = summaryOf(sample.copyTo(dir));
            summaries.put(sample.path(), s);
        }
        return s;
    }

    @Test
    void keysAreExactlyTheContract() throws IOException {
        Path file = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        JsonNode s = summaryOf(file);
        assertEquals(GCTRACE_KEYS, fieldNames(s));
        assertEquals(STW_KEYS, fieldNames(s.get("stw_ms")));
        assertEquals(file.toString(), s.get("file").asText());
        assertEquals("gctrace", s.get("format").asText());
        assertTrue(s.get("go_versions").asText().startsWith("Go 1."), s.toString());
        assertTrue(s.get("issues").isArray());
        assertTrue(s.get("notes").isArray());
        assertTrue(s.get("skipped_by_kind").isObject());
        long skipped = 0;
        for (JsonNode n : s.get("skipped_by_kind")) skipped += n.asLong();
        assertEquals(s.get("skipped_lines").asLong(), skipped, "skipped_lines is the sum over kinds");
    }

    /** A recording cut off in the middle of a gc line, as when a log is copied while being written. */
    @Test
    void issuesCarryLineReasonAndExcerpt() throws IOException {
        Sample sample = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE);
        byte[] bytes = sample.bytes();
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        int lastGc = text.lastIndexOf("\ngc ");
        int cut = text.indexOf(" ms clock", lastGc);
        Path file = dir.resolve("cut-off.log");
        Files.write(file, Arrays.copyOf(bytes, cut));
        int cutLine = (int) text.substring(0, lastGc + 1).chars().filter(c -> c == '\n').count() + 1;

        JsonNode s = summaryOf(file);
        assertTrue(s.get("issue_count").asLong() >= 1, s.toString());
        JsonNode issue = s.get("issues").get(0);
        assertEquals(Set.of("line", "reason", "excerpt"), fieldNames(issue));
        assertEquals(cutLine, issue.get("line").asInt());
        assertFalse(issue.get("reason").asText().isBlank());
        assertTrue(issue.get("excerpt").asText().startsWith("gc "), issue.toString());
    }

    /** Also over recordings where other output split gc lines: the counts must still come out right. */
    @ParameterizedTest(name = "{arguments}")
    @MethodSource("recordings")
    void countsMatchTheRawLines(Sample sample) throws IOException {
        RawGcTrace raw = RawGcTrace.of(sample);
        JsonNode s = summaryOf(sample);
        assertEquals(raw.lines.size(), s.get("lines").asLong(), "lines read");
        assertEquals(raw.starts, s.get("cycles").asLong(), "cycles = lines where a gc line starts");
        assertEquals(raw.forcedCount(), s.get("forced").asLong(), "forced = ' (forced)' lines + 'GC forced' lines");
        assertEquals(raw.runs(), s.get("runs").asInt(), "runs");
    }

    /** Pause percentiles, heap peak and CPU share, where every gc line is whole on its line. */
    @ParameterizedTest(name = "{arguments}")
    @MethodSource("wholeLineRecordings")
    void figuresMatchTheRawLines(Sample sample) throws IOException {
        RawGcTrace raw = RawGcTrace.of(sample);
        JsonNode s = summaryOf(sample);
        assertEquals(raw.gcLines.size(), s.get("cycles").asLong(), "cycles");

        double[] stw = raw.stwMs();
        Arrays.sort(stw);
        JsonNode p = s.get("stw_ms");
        assertClose(r7(stw, 50), p.get("p50"), "p50");
        assertClose(r7(stw, 90), p.get("p90"), "p90");
        assertClose(r7(stw, 99), p.get("p99"), "p99");
        assertClose(r7(stw, 99.9), p.get("p999"), "p999");
        assertEquals(stw[stw.length - 1], p.get("max").asDouble(), "max");

        int peak = raw.gcLines.stream().mapToInt(l -> Math.max(l.heapStart(), l.heapEnd())).max().orElseThrow();
        assertEquals(peak, s.get("heap_peak_mb").asDouble(), "heap_peak_mb");
        assertClose(gcCpuPct(raw), s.get("gc_cpu_pct"), "gc_cpu_pct");
    }

    @Test
    void mostRecordingsHaveNoSplitLines() {
        // figuresMatchTheRawLines runs only over files without split gc lines; make sure it still checks most.
        long whole = recordingSamples().stream().filter(SummaryJsonTest::wholeLines).count();
        assertTrue(whole * 2 >= recordingSamples().size(), whole + " of " + recordingSamples().size());
    }

    @Test
    void restartSampleHasTwoRuns() throws IOException {
        List<Sample> restarts = SampleTraces.withFeature("restart").stream().filter(x -> !x.has("quoted")).toList();
        assertFalse(restarts.isEmpty(), "the restart recording is missing from the index");
        for (Sample sample : restarts) {
            assertEquals(2, summaryOf(sample.copyTo(dir)).get("runs").asInt(), sample.path());
        }
    }

    @Test
    void gzipSampleIsReadThroughTheCompression() throws IOException {
        Sample gz = SampleTraces.withFeature("gzip").get(0);
        JsonNode s = summaryOf(gz.copyTo(dir));
        assertEquals(RawGcTrace.of(gz).starts, s.get("cycles").asLong());
        assertTrue(s.get("notes").toString().contains("gzip"), s.toString());
    }

    @Test
    void severalFilesGiveOneObjectEachInOrder() throws IOException {
        List<Sample> samples = recordingSamples().stream().limit(3).toList();
        List<String> args = new ArrayList<>(List.of("summary", "--json"));
        for (Sample s : samples) args.add(s.copyTo(dir).toString());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        JsonNode array = JSON.readTree(run.out());
        assertEquals(samples.size(), array.size());
        for (int i = 0; i < samples.size(); i++) {
            assertEquals(args.get(i + 2), array.get(i).get("file").asText());
        }
    }

    @Test
    void aFileWithoutCyclesHasNullFigures() throws IOException {
        // Go 1.6 scavenger lines quoted from golang/go#15212: gctrace output without a gc line.
        Sample scvg = SampleTraces.get("gctrace/quoted/go1.6-golang-go-15212-scvg.txt");
        JsonNode s = summaryOf(scvg.copyTo(dir));
        assertEquals(0, s.get("cycles").asLong());
        for (String key : STW_KEYS) assertTrue(s.get("stw_ms").get(key).isNull(), key);
        assertTrue(s.get("heap_peak_mb").isNull());
        assertTrue(s.get("gc_cpu_pct").isNull());
    }

    @Test
    void formatOptionSkipsDetection() throws IOException {
        Path file = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        CliRun run = CliRun.of("summary", "--json", "--format", "gctrace", file.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("gctrace", JSON.readTree(run.out()).get(0).get("format").asText());
    }

    /** Hyndman & Fan R-7 (numpy's default): h = (n-1)p, interpolate between x[floor h] and x[floor h + 1]. */
    static double r7(double[] sorted, double percent) {
        double h = (sorted.length - 1) * percent / 100.0;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) return sorted[sorted.length - 1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /** The last cycle's cumulative percentage of each run, weighted by that cycle's start time. */
    private static double gcCpuPct(RawGcTrace raw) {
        double weighted = 0;
        double weight = 0;
        List<RawGcTrace.Line> l = raw.gcLines;
        for (int i = 0; i < l.size(); i++) {
            boolean lastOfRun = i + 1 == l.size() || l.get(i + 1).gc() <= l.get(i).gc();
            if (!lastOfRun) continue;
            double w = Math.max(l.get(i).startS(), 1e-3);
            weighted += l.get(i).cpuPct() * w;
            weight += w;
        }
        return weighted / weight;
    }

    private static void assertClose(double expected, JsonNode actual, String what) {
        assertTrue(actual.isNumber(), what + " should be a number: " + actual);
        assertEquals(expected, actual.asDouble(), 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }
}
