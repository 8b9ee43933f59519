package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code summary --json} of perf sched files against independent readings of the bundled samples. */
class PerfSchedSummaryJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COMMON = Set.of("file", "format", "lines", "skipped_lines", "issues", "issue_count",
            "skipped_by_kind", "notes", "go_versions");
    private static final Pattern EXPONENT = Pattern.compile("[0-9][eE][-+]?[0-9]");
    // task | runtime ms | count | avg: ms | max: ms ... (one whole row on one line)
    private static final Pattern LATENCY_ROW = Pattern.compile(
            "^\\s*(?:>\\s*)*(.+?)\\s*\\|\\s*(\\d+\\.\\d+) ms\\s*\\|\\s*(\\d+)\\s*\\|\\s*avg:\\s*\\d+\\.\\d+\\s+ms\\s*\\|\\s*max:\\s*(\\d+\\.\\d+)\\s+ms.*$");
    private static final Pattern TOTAL = Pattern.compile("^\\s*(?:>\\s*)*TOTAL:\\s*\\|\\s*(\\d+\\.\\d+) ms\\s*\\|\\s*(\\d+)\\s*\\|.*$");
    // timestamp [cpu] [visual] task [prio] wait delay run ...
    // The task ends in a non-blank and the blanks before a number are taken whole: the same matches as
    // (.+?)\s+, without retrying every run of blanks on the lines that are not switches (10 times faster).
    private static final Pattern SWITCH = Pattern.compile(
            "^\\s*\\d+\\.\\d{6} \\[\\d{4}\\]\\s+(?:[sim]\\s+)?(.*?\\S)\\s++(?:\\d+(?:->\\d+)?\\s++)?\\d+\\.\\d{3}\\s++(\\d+\\.\\d{3})\\s++\\d+\\.\\d{3}(?:\\s.*)?$");
    private static final Pattern QUOTE_MARKS = Pattern.compile("^\\s*(?:>\\s*)+");
    private static final Pattern TID = Pattern.compile("\\[(\\d+)(?:/\\d+)?\\]?$");
    private static final Pattern UNIQUE = Pattern.compile("Total number of unique tasks: (\\d+)");

    @TempDir
    Path dir;

    /** Latency samples with every row whole on its line: the parser tests cover re-joining wrapped rows. */
    static Stream<Named<Sample>> latency() {
        return samples("perf-sched-latency").stream().filter(s -> !s.has("qp-soft-breaks") && !hasWrappedRows(s))
                .map(s -> Named.of(s.path(), s));
    }

    private static boolean hasWrappedRows(Sample s) {
        return text(s).lines().anyMatch(l -> l.contains("| avg:") && !LATENCY_ROW.matcher(l).matches());
    }

    static Stream<Named<Sample>> timehist() {
        return samples("perf-sched-timehist").stream().map(s -> Named.of(s.path(), s));
    }

    private static List<Sample> samples(String format) {
        List<Sample> s = SampleTraces.ofFormat(format);
        assertFalse(s.isEmpty(), "no " + format + " samples");
        return s;
    }

    private JsonNode summaryOf(Sample sample) throws IOException {
        CliRun run = CliRun.of("summary", "--json", sample.copyTo(dir).toString());
        assertEquals(0, run.status(), run.err());
        String numbers = run.out().lines().filter(l -> !l.contains("\"file\"")).reduce("", (a, b) -> a + b + "\n");
        assertFalse(EXPONENT.matcher(numbers).find(), "numbers must be plain:\n" + run.out());
        JsonNode array = JSON.readTree(run.out());
        assertEquals(1, array.size());
        return array.get(0);
    }

    @Test
    void latencyKeysAreExactlyTheContract() throws IOException {
        JsonNode s = summaryOf(SampleTraces.get("perf/go1.24-gmp4-quota50-latency.txt"));
        Set<String> expected = new HashSet<>(COMMON);
        expected.addAll(Set.of("tasks", "total_runtime_ms", "total_switches", "worst"));
        assertEquals(expected, fieldNames(s));
        assertEquals(Set.of("task", "max_delay_ms"), fieldNames(s.get("worst")));
        assertEquals("perf-sched-latency", s.get("format").asText());
    }

    @Test
    void timehistKeysAreExactlyTheContract() throws IOException {
        JsonNode s = summaryOf(SampleTraces.get("perf/go1.24-gmp4-quota50-timehist.txt.gz"));
        Set<String> expected = new HashSet<>(COMMON);
        expected.addAll(Set.of("events", "tasks", "sch_delay_ms", "per_task"));
        assertEquals(expected, fieldNames(s));
        assertEquals(Set.of("p50", "p99", "max"), fieldNames(s.get("sch_delay_ms")));
        assertFalse(s.get("per_task").isEmpty());
        for (JsonNode t : s.get("per_task")) {
            assertEquals(Set.of("task", "pid", "threads", "switches", "sch_delay_ms", "wait_ms"), fieldNames(t));
            assertEquals(Set.of("p50", "p90", "p99", "max"), fieldNames(t.get("sch_delay_ms")));
            assertEquals(Set.of("p50", "p99", "max"), fieldNames(t.get("wait_ms")));
        }
        assertEquals("perf-sched-timehist", s.get("format").asText());
    }

    /** tasks = whole rows, totals = perf's TOTAL rows (else the rows' sum), worst = the row with the largest max. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("latency")
    void latencyFiguresMatchTheRawRows(Sample sample) throws IOException {
        String text = text(sample);
        List<String> tasks = new ArrayList<>();
        List<BigDecimal> runtimes = new ArrayList<>();
        List<BigDecimal> maxima = new ArrayList<>();
        long switches = 0;
        BigDecimal totalRuntime = null;
        long totalSwitches = 0;
        for (String line : text.split("\\r?\\n")) {
            Matcher t = TOTAL.matcher(line);
            if (t.matches()) {
                totalRuntime = (totalRuntime == null ? BigDecimal.ZERO : totalRuntime).add(new BigDecimal(t.group(1)));
                totalSwitches += Long.parseLong(t.group(2));
                continue;
            }
            Matcher m = LATENCY_ROW.matcher(line);
            if (!m.matches()) continue;
            tasks.add(m.group(1).trim());
            runtimes.add(new BigDecimal(m.group(2)));
            switches += Long.parseLong(m.group(3));
            maxima.add(new BigDecimal(m.group(4)));
        }
        JsonNode s = summaryOf(sample);
        assertEquals(tasks.size(), s.get("tasks").asInt(), "tasks");
        BigDecimal runtime = totalRuntime != null ? totalRuntime : runtimes.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, runtime.compareTo(s.get("total_runtime_ms").decimalValue()), "total_runtime_ms " + s.get("total_runtime_ms"));
        assertEquals(totalRuntime != null ? totalSwitches : switches, s.get("total_switches").asLong(), "total_switches");
        int worst = 0;
        for (int i = 1; i < maxima.size(); i++) {
            if (maxima.get(i).compareTo(maxima.get(worst)) > 0) worst = i;
        }
        assertEquals(tasks.get(worst), s.get("worst").get("task").asText());
        assertEquals(0, maxima.get(worst).compareTo(s.get("worst").get("max_delay_ms").decimalValue()));
    }

    /** events = switch rows, tasks = distinct tids but the idle task's, sch delay = R-7 over those rows. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("timehist")
    void timehistFiguresMatchTheRawRows(Sample sample) throws IOException {
        String text = text(sample);
        long events = 0;
        Set<String> tids = new HashSet<>();
        List<Double> delays = new ArrayList<>();
        for (String line : text.split("\\r?\\n")) {
            Matcher m = SWITCH.matcher(QUOTE_MARKS.matcher(line).replaceFirst(""));
            if (!m.matches()) continue;
            events++;
            String task = m.group(1).trim();
            if (task.equals("<idle>")) continue;
            Matcher tid = TID.matcher(task);
            tids.add(tid.find() ? tid.group(1) : task);
            delays.add(new BigDecimal(m.group(2)).doubleValue());
        }
        JsonNode s = summaryOf(sample);
        assertEquals(events, s.get("events").asLong(), "events");
        if (events == 0) {
            Matcher unique = UNIQUE.matcher(text);
            assertTrue(unique.find(), "a summary-only file states its unique tasks");
            assertEquals(Long.parseLong(unique.group(1)), s.get("tasks").asLong(), "tasks of a summary-only file");
            assertTrue(s.get("sch_delay_ms").get("p50").isNull());
            assertTrue(s.get("sch_delay_ms").get("max").isNull());
            return;
        }
        assertEquals(tids.size(), s.get("tasks").asLong(), "tasks");
        double[] d = delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        JsonNode p = s.get("sch_delay_ms");
        assertClose(r7(d, 50), p.get("p50"), "p50");
        assertClose(r7(d, 99), p.get("p99"), "p99");
        assertEquals(d[d.length - 1], p.get("max").asDouble(), "max");
    }

    @Test
    void textSummaryNamesTheFigures() throws IOException {
        CliRun lat = CliRun.of("summary", SampleTraces.get("perf/go1.24-gmp4-quota50-latency.txt").copyTo(dir).toString());
        assertEquals(0, lat.status(), lat.err());
        for (String label : List.of("tasks", "total runtime", "total switches", "worst delay")) {
            assertTrue(lat.out().contains("  " + label + " "), label + " in\n" + lat.out());
        }
        CliRun th = CliRun.of("summary", SampleTraces.get("perf/go1.24-gmp4-quota50-timehist-wMVn-state.txt.gz").copyTo(dir).toString());
        assertEquals(0, th.status(), th.err());
        for (String label : List.of("events", "tasks", "sch delay p50", "p99", "max", "perf options")) {
            assertTrue(th.out().contains(label), label + " in\n" + th.out());
        }
        assertTrue(th.out().contains("-V -n --state -w -M"), th.out());
    }

    @Test
    void exportWritesTheMainTableOfEachFormat() throws IOException {
        CliRun lat = CliRun.of("export", "--csv", "-", SampleTraces.get("perf/go1.24-gmp4-quota50-latency.txt").copyTo(dir).toString());
        assertEquals(0, lat.status(), lat.err());
        assertTrue(lat.out().startsWith("task,comm,pid,threads,runtime_ms,switches,avg_delay_ms,max_delay_ms,max_delay_start_s,max_delay_end_s,"),
                lat.out().lines().findFirst().orElse(""));
        CliRun th = CliRun.of("export", "--csv", "-", SampleTraces.get("perf/go1.24-gmp4-quota50-timehist.txt.gz").copyTo(dir).toString());
        assertEquals(0, th.status(), th.err());
        assertTrue(th.out().startsWith("time_s,cpu,task,tid,pid,wait_ms,sch_delay_ms,run_ms,state,event,"),
                th.out().lines().findFirst().orElse(""));
        long rows = th.out().lines().count() - 1;
        assertEquals(text(SampleTraces.get("perf/go1.24-gmp4-quota50-timehist.txt.gz")).lines().filter(l -> SWITCH.matcher(l).matches()).count(), rows);
    }

    private static String text(Sample s) {
        byte[] b = s.bytes();
        if (b.length > 1 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
                b = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new String(b, StandardCharsets.UTF_8);
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

    /** Hyndman & Fan R-7 (numpy's default): h = (n-1)p, interpolate between x[floor h] and x[floor h + 1]. */
    static double r7(double[] sorted, double percent) {
        double h = (sorted.length - 1) * percent / 100.0;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) return sorted[sorted.length - 1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
