package dev.gcscope.analysis.sched;

import static dev.gcscope.parsers.perfsched.LatencyColumns.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The rows of a {@code perf sched latency} table grouped by comm: {@code latency -p} prints one row
 * per thread ({@code phases:5120}, {@code phases:5121}, …), and a Go program's threads all carry the
 * program's name, so its group is the program. A group sums runtime, switches and threads, keeps the
 * worst maximum delay (and the row it came from) and averages the delay weighted by switches.
 */
public final class LatencyGroups {
    private LatencyGroups() {}

    /** One task row as the table holds it (NaN/-1 where perf printed nothing). */
    public record Row(String task, String comm, int pid, int threads, double runtimeMs, long switches, double avgDelayMs,
                      double maxDelayMs, double maxDelayStartS, double maxDelayEndS) {}

    /** @param worst the row with the largest maximum delay */
    public record Group(String comm, List<Row> rows, int threads, double runtimeMs, long switches, double avgDelayMs,
                        double maxDelayMs, Row worst) {}

    public static List<Row> rows(Table tasks) {
        StringColumn task = tasks.stringColumn(TASK), comm = tasks.stringColumn(COMM);
        IntColumn pid = tasks.intColumn(PID), threads = tasks.intColumn(THREADS);
        DoubleColumn runtime = tasks.doubleColumn(RUNTIME_MS), avg = tasks.doubleColumn(AVG_DELAY_MS), max = tasks.doubleColumn(MAX_DELAY_MS);
        DoubleColumn start = tasks.doubleColumn(MAX_DELAY_START_S), end = tasks.doubleColumn(MAX_DELAY_END_S);
        LongColumn switches = tasks.longColumn(SWITCHES);
        List<Row> out = new ArrayList<>(tasks.rowCount());
        for (int i = 0; i < tasks.rowCount(); i++) {
            out.add(new Row(task.get(i), comm.get(i), pid.isMissing(i) ? -1 : pid.getInt(i), threads.isMissing(i) ? 1 : threads.getInt(i),
                    runtime.getDouble(i), switches.isMissing(i) ? -1 : switches.getLong(i), avg.getDouble(i), max.getDouble(i),
                    start.getDouble(i), end.getDouble(i)));
        }
        return out;
    }

    /**
     * The program the user most likely recorded: the one that ran longest on the CPUs, summed over
     * its rows (a Go program under study is the busy one; the shells, {@code cat} and daemons around
     * it run many short processes under one name, so counting rows would pick {@code bash}), then
     * the most threads. Only a guess: the window lets the user pick another.
     */
    public static java.util.Optional<Group> likelyProgram(List<Group> groups) {
        return groups.stream().max(Comparator.comparingDouble((Group g) -> Double.isNaN(g.runtimeMs()) ? 0 : g.runtimeMs())
                .thenComparingInt(Group::threads));
    }

    /** Groups in order of their worst maximum delay, largest first. */
    public static List<Group> of(List<Row> rows) {
        Map<String, List<Row>> byComm = new LinkedHashMap<>();
        for (Row r : rows) byComm.computeIfAbsent(r.comm(), k -> new ArrayList<>()).add(r);
        List<Group> out = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : byComm.entrySet()) {
            int threads = 0;
            double runtime = 0, weighted = 0;
            long switches = 0, weights = 0;
            Row worst = null;
            for (Row r : e.getValue()) {
                threads += r.threads();
                if (!Double.isNaN(r.runtimeMs())) runtime += r.runtimeMs();
                if (r.switches() > 0) {
                    switches += r.switches();
                    if (!Double.isNaN(r.avgDelayMs())) {
                        weighted += r.avgDelayMs() * r.switches();
                        weights += r.switches();
                    }
                }
                if (!Double.isNaN(r.maxDelayMs()) && (worst == null || r.maxDelayMs() > worst.maxDelayMs())) worst = r;
            }
            out.add(new Group(e.getKey(), List.copyOf(e.getValue()), threads, runtime, switches,
                    weights == 0 ? Double.NaN : weighted / weights, worst == null ? Double.NaN : worst.maxDelayMs(), worst));
        }
        out.sort(Comparator.comparingDouble((Group g) -> Double.isNaN(g.maxDelayMs()) ? Double.NEGATIVE_INFINITY : g.maxDelayMs()).reversed());
        return out;
    }
}
