package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.samples.SampleTraces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gcscope diagnose} on the real incident recordings (sample-traces/record-incident.sh). */
class DiagnoseCommandTest {
    private static final Set<String> CAUSES = Set.of("cpu_quota", "runnable_pressure", "gc", "goroutine_surge", "none");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String[] files(String run, String... kinds) throws java.io.IOException {
        List<String> out = new ArrayList<>();
        for (String k : kinds) out.add(SampleTraces.get("incident/" + run + "-" + k).copyTo(dir).toString());
        return out.toArray(String[]::new);
    }

    private static String[] args(String command, boolean json, String[] files) {
        List<String> a = new ArrayList<>(List.of(command));
        if (json) a.add("--json");
        a.addAll(List.of(files));
        return a.toArray(String[]::new);
    }

    @Test
    void jsonAndTextSayTheSameOfTheQuotaRun() throws Exception {
        String[] f = files("quota50", "gctrace.log", "timehist.txt.gz", "metrics.jsonl.gz", "cpu-stat.log");
        CliRun json = CliRun.of(args("diagnose", true, f));
        assertEquals(0, json.status(), json.err());
        JsonNode o = JSON.readTree(json.out());
        assertEquals("unix", o.get("clock").asText());
        assertEquals(4, o.get("alignment").get("sources").size());
        List<String> methods = new ArrayList<>();
        o.get("alignment").get("sources").forEach(s -> methods.add(s.get("method").asText()));
        assertEquals(List.of("wall_clock", "perf_clock_reference", "wall_clock", "wall_clock"), methods);
        assertTrue(o.get("alignment").get("checks").get(0).get("difference_s").asDouble() < 0.1);
        assertFalse(o.get("intervals").isEmpty());
        double start = o.get("process_start_s").asDouble();
        boolean quota = false;
        for (JsonNode i : o.get("intervals")) {
            // Unix epoch seconds of this recording (December 2026), after the process started
            assertTrue(i.get("from_s").asDouble() > 1.79e9 && i.get("from_s").asDouble() >= start - 1, i::toString);
            assertTrue(i.get("to_s").asDouble() > i.get("from_s").asDouble());
            assertTrue(i.get("sched_delay_p99_ms").asDouble() >= 10, i::toString);
            for (JsonNode c : i.get("causes")) assertTrue(CAUSES.contains(c.get("cause").asText()), c::toString);
            quota |= i.get("causes").get(0).get("cause").asText().equals("cpu_quota");
        }
        assertTrue(quota);
        CliRun text = CliRun.of(args("diagnose", false, f));
        assertEquals(0, text.status(), text.err());
        assertEquals(o.get("verdict").asText(), text.out().lines().findFirst().orElseThrow());
        assertEquals(o.get("intervals").size(), text.out().lines().filter(l -> l.matches("  \\d.*P99.*")).count(), text.out());
    }

    @Test
    void theFreeRunIsNeverTheQuotaAndAPrometheusExportJoinsOnTheWallClock() throws Exception {
        String[] f = files("free", "gctrace.log", "timehist.txt.gz", "metrics.jsonl.gz", "cpu-stat.log", "prometheus.json");
        CliRun run = CliRun.of(args("diagnose", true, f));
        assertEquals(0, run.status(), run.err());
        JsonNode o = JSON.readTree(run.out());
        for (JsonNode i : o.get("intervals")) {
            for (JsonNode c : i.get("causes")) assertFalse(c.get("cause").asText().equals("cpu_quota"), i::toString);
        }
        assertTrue(o.get("verdict").asText().contains("surge"), o.get("verdict").asText());
        int prometheus = 0;
        for (JsonNode s : o.get("alignment").get("sources")) {
            if (s.get("file").asText().endsWith("prometheus.json")) {
                prometheus++;
                assertEquals("wall_clock", s.get("method").asText());
            }
        }
        assertEquals(2, prometheus, "the export gives the Go collector's series and cAdvisor's counters");
    }

    /**
     * With only the Prometheus export as the runtime source, the quota run's worst interval reads the export's highest
     * finite bucket (117.44 ms: client_golang 1.14 re-buckets /sched/latencies) where the JSON lines read 1.6 s: the
     * JSON, the text and the verdict say it is a lower bound, and with the JSON lines no interval is one.
     */
    @Test
    void aP99AboveTheExportsHighestBucketIsALowerBound() throws Exception {
        CliRun prom = CliRun.of(args("diagnose", true, files("quota50", "gctrace.log", "timehist.txt.gz", "cpu-stat.log", "prometheus.json")));
        assertEquals(0, prom.status(), prom.err());
        JsonNode o = JSON.readTree(prom.out());
        JsonNode capped = null;
        for (JsonNode i : o.get("intervals")) if (i.get("goroutine_latency_p99_at_least").asBoolean()) capped = i;
        assertTrue(capped != null, o::toString);
        assertEquals(117.440512, capped.get("goroutine_latency_p99_ms").asDouble(), 1e-6);
        assertTrue(o.get("verdict").asText().contains("P99 scheduling delay at least 117 ms"), o.get("verdict").asText());
        CliRun text = CliRun.of(args("diagnose", false, files("quota50", "gctrace.log", "timehist.txt.gz", "cpu-stat.log", "prometheus.json")));
        assertTrue(text.out().contains("P99 ≥ 117 ms (kernel 48, goroutines ≥ 117)"), text.out());

        CliRun json = CliRun.of(args("diagnose", true, files("quota50", "gctrace.log", "timehist.txt.gz", "metrics.jsonl.gz", "cpu-stat.log")));
        for (JsonNode i : JSON.readTree(json.out()).get("intervals")) {
            assertFalse(i.get("goroutine_latency_p99_at_least").asBoolean(), i::toString);
        }
    }

    @Test
    void aMissingFileIsOneLine() {
        CliRun.of("diagnose", dir.resolve("nope.log").toString()).assertOneLineError(ExitStatus.INPUT, "nope.log");
    }
}
