package dev.gcscope.analysis.sched;

import static dev.gcscope.parsers.perfsched.TimehistColumns.RUN_MS;

import dev.gcscope.analysis.Percentiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * The processes of a {@code perf sched timehist} recording grouped into programs by name, as
 * {@link LatencyGroups} groups the latency table's rows by comm: a Go program restarted during the
 * recording, or run as several processes, is one program with several pids. The program the user
 * recorded is guessed as the one that switched in most often (then the longest-running), and the
 * window lets the user pick another. Not by run time, as the latency table does: there a JVM's
 * threads are rows of their own names ("C2 CompilerThre", "C1 CompilerThre"), here they are one
 * process, and in go1.24-gmp2-timehist the JVM on the machine ran 3.1 s against the Go program's
 * 1.9 s, while the Go program, whose goroutines park and wake all the time, switched in 7,073
 * times against the JVM's 2,900.
 */
public final class TimehistPrograms {
    private TimehistPrograms() {}

    /**
     * One program: its processes and figures over all of their switches.
     *
     * @param runMs CPU time of its switches (perf's "run time"), NaN when the file has none
     * @param p99Ms scheduling delay P99 over all of its switches, NaN for none
     */
    public record Program(String name, List<TaskDelays.Task> processes, int threads, int switches, double runMs,
                          double p50Ms, double p99Ms, double maxMs) {}

    /** The programs of {@code delays} (computed from {@code events}), most switches first. */
    public static List<Program> of(TaskDelays delays, Table events) {
        double[] run = events.columnNames().contains(RUN_MS) ? events.doubleColumn(RUN_MS).asDoubleArray() : null;
        Map<String, List<TaskDelays.Task>> byName = new LinkedHashMap<>();
        for (TaskDelays.Task t : delays.tasks()) byName.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
        List<Program> out = new ArrayList<>(byName.size());
        for (Map.Entry<String, List<TaskDelays.Task>> e : byName.entrySet()) {
            int threads = 0, switches = 0;
            double runMs = run == null ? Double.NaN : 0;
            for (TaskDelays.Task t : e.getValue()) {
                threads += t.threads();
                switches += t.switches();
                if (run != null) for (int r : t.rows()) if (!Double.isNaN(run[r])) runMs += run[r];
            }
            double[] all = new double[switches];
            int n = 0;
            for (TaskDelays.Task t : e.getValue()) for (int r : t.rows()) all[n++] = delays.delayMs()[r];
            Percentiles p = Percentiles.of(all);
            boolean any = p.count() > 0;
            out.add(new Program(e.getKey(), List.copyOf(e.getValue()), threads, switches, runMs,
                    any ? p.at(50) : Double.NaN, any ? p.at(99) : Double.NaN, any ? p.max() : Double.NaN));
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /** Most switches first, then the longest run time (NaN as none), then by name. */
    private static final Comparator<Program> ORDER = Comparator.comparingInt(Program::switches).reversed()
            .thenComparing(Comparator.comparingDouble((Program p) -> Double.isNaN(p.runMs()) ? 0 : p.runMs()).reversed())
            .thenComparing(Program::name);

    /** The program the user most likely recorded: the first in {@link #of}'s order; empty when there are none. */
    public static Optional<Program> likely(List<Program> programs) {
        return programs.stream().min(ORDER);
    }
}
