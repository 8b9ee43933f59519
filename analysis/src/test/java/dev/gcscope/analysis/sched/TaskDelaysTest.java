package dev.gcscope.analysis.sched;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.perfsched.TimehistColumns;
import dev.gcscope.samples.SampleTraces;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TaskDelaysTest {
    /** A default timehist row: time, [cpu], comm[tid] or comm[tid/pid], wait, sch delay, run. */
    private static final Pattern ROW = Pattern.compile(
            "^\\s*(\\d+\\.\\d+)\\s+\\[(\\d+)\\]\\s+(.*?)\\[(\\d+)(?:/(\\d+))?\\]\\s+(\\d+\\.\\d+)\\s+(\\d+\\.\\d+)\\s+(\\d+\\.\\d+)\\s*$",
            Pattern.MULTILINE);

    private record RawRow(String comm, int tid, int pid, double waitMs, double delayMs) {}

    private static List<RawRow> rawRows(String path) {
        List<RawRow> out = new ArrayList<>();
        Matcher m = ROW.matcher(SchedSamples.text(path));
        while (m.find()) {
            int tid = Integer.parseInt(m.group(4));
            int pid = m.group(5) == null ? tid : Integer.parseInt(m.group(5));
            out.add(new RawRow(m.group(3), tid, pid, Double.parseDouble(m.group(6)), Double.parseDouble(m.group(7))));
        }
        return out;
    }

    private static double r7(double[] v, double p) {
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(v, p);
    }

    @Test
    void goProgramThreadsAreOneTaskWithR7PercentilesOfTheirRawRows() {
        List<RawRow> raw = rawRows(SchedSamples.TIMEHIST);
        int goPid = raw.stream().filter(r -> r.comm().equals("phases") && r.tid() == r.pid()).findFirst().orElseThrow().pid();
        double[] delays = raw.stream().filter(r -> r.pid() == goPid).mapToDouble(RawRow::delayMs).toArray();
        double[] waits = raw.stream().filter(r -> r.pid() == goPid).mapToDouble(RawRow::waitMs).toArray();
        long threads = raw.stream().filter(r -> r.pid() == goPid).mapToInt(RawRow::tid).distinct().count();

        Table events = SchedSamples.parse(SchedSamples.TIMEHIST).table(TimehistColumns.EVENTS_TABLE);
        TaskDelays.Task go = TaskDelays.of(events).tasks().stream().filter(t -> t.pid() == goPid).findFirst().orElseThrow();

        assertEquals("phases", go.name());
        assertEquals(delays.length, go.switches());
        assertEquals(threads, go.threads());
        assertTrue(threads > 1, "a Go program runs on several threads");
        assertEquals(r7(delays, 50), go.p50Ms(), 1e-12);
        assertEquals(r7(delays, 90), go.p90Ms(), 1e-12);
        assertEquals(r7(delays, 99), go.p99Ms(), 1e-12);
        assertEquals(java.util.Arrays.stream(delays).max().orElseThrow(), go.maxMs(), 0);
        assertEquals(r7(waits, 50), go.waitP50Ms(), 1e-12);
        assertEquals(r7(waits, 99), go.waitP99Ms(), 1e-12);
        assertEquals(java.util.Arrays.stream(waits).max().orElseThrow(), go.waitMaxMs(), 0);
    }

    @Test
    void everyProcessOfTheRawTextIsATaskSortedByWorstP99() {
        List<RawRow> raw = rawRows(SchedSamples.TIMEHIST);
        Map<Integer, List<Double>> byPid = new HashMap<>();
        for (RawRow r : raw) if (!r.comm().equals("<idle>")) byPid.computeIfAbsent(r.pid(), k -> new ArrayList<>()).add(r.delayMs());
        TaskDelays d = TaskDelays.of(SchedSamples.parse(SchedSamples.TIMEHIST).table(TimehistColumns.EVENTS_TABLE));
        for (Map.Entry<Integer, List<Double>> e : byPid.entrySet()) {
            TaskDelays.Task t = d.tasks().stream().filter(x -> x.pid() == e.getKey()).findFirst().orElseThrow(() -> new AssertionError("pid " + e.getKey()));
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            assertTrue(t.switches() >= v.length, "pid " + e.getKey()); // cut task strings can add rows the regex misses
            if (t.switches() == v.length) assertEquals(r7(v, 99), t.p99Ms(), 1e-12, "pid " + e.getKey());
        }
        for (int i = 1; i < d.tasks().size(); i++) {
            double prev = d.tasks().get(i - 1).p99Ms(), cur = d.tasks().get(i).p99Ms();
            assertTrue(Double.isNaN(cur) || prev >= cur, "sorted by P99 at " + i);
        }
        assertTrue(d.tasks().stream().noneMatch(t -> t.name().equals("<idle>")));
    }

    @Test
    void everyTimehistSampleGivesTasksThatAccountForEverySwitchRow() {
        for (SampleTraces.Sample s : SampleTraces.ofFormat("perf-sched-timehist")) {
            ParseResult r = SchedSamples.parse(s.path());
            Table events = r.table(TimehistColumns.EVENTS_TABLE);
            long switches = 0;
            for (int i = 0; i < events.rowCount(); i++) {
                if (TimehistColumns.EVENT_SWITCH.equals(events.stringColumn(TimehistColumns.EVENT).get(i))
                        && !"<idle>".equals(events.stringColumn(TimehistColumns.TASK).get(i))) switches++;
            }
            TaskDelays d = TaskDelays.of(events);
            assertEquals(switches, d.tasks().stream().mapToLong(TaskDelays.Task::switches).sum(), s.path());
        }
    }
}
