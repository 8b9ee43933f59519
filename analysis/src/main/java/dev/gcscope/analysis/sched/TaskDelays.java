package dev.gcscope.analysis.sched;

import static dev.gcscope.parsers.perfsched.TimehistColumns.*;

import dev.gcscope.analysis.Percentiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Scheduling delay per task of a {@code perf sched timehist} events table (issue 4, "Scheduler"):
 * the threads of one process are one task, so a Go program's Ms show up as one row whatever their
 * thread ids. A thread belongs to the process perf printed after its tid ({@code phases[5120/5118]});
 * a row whose pid perf cut off ({@code comm[tid/} at 31 characters) takes the pid another row of the
 * same tid gave; a row with neither counts under its comm. The idle task never waits and is left out.
 *
 * <p>Percentiles are R-7 ({@link Percentiles}) over the switch rows' {@code sch_delay_ms} (time from
 * wakeup to running) and {@code wait_ms} (time asleep before the wakeup). Tasks are sorted by their
 * P99 delay, worst first, then by their maximum.
 */
public final class TaskDelays {
    /** A task with fewer switch rows than this has no meaningful P99 of its own, but is still listed. */
    public static final int FEW_SWITCHES = 10;
    static final String IDLE = "<idle>";
    /** The events-table columns {@link #of} reads ({@code time_s} too when there). */
    public static final java.util.Set<String> COLUMNS = java.util.Set.of(EVENT, TASK, TID, PID, SCH_DELAY_MS, WAIT_MS, TIME_S);
    /** Key of a process whose pid is unknown: its comm. */
    private static final int UNKNOWN_PID = -1;

    /**
     * @param name the process's comm: the one its main thread shows most, else the one seen most
     * @param pid the process id; -1 when perf never printed it
     * @param threads distinct thread ids seen
     * @param rows indices into the events table of this task's switch rows, in file (time) order
     */
    public record Task(String name, int pid, int threads, int switches, double p50Ms, double p90Ms, double p99Ms,
                       double maxMs, double waitP50Ms, double waitP99Ms, double waitMaxMs, int[] rows) {
        /** {@code phases [5118]}, or the comm alone when the pid is unknown. */
        public String label() {
            return pid == UNKNOWN_PID ? name : name + " [" + pid + "]";
        }
    }

    private final List<Task> tasks;
    private final double[] timeS;
    private final double[] delayMs;
    private final double[] waitMs;
    /** Thread id of each row, {@code UNKNOWN_PID} when perf did not print it. */
    private final int[] tids;

    private TaskDelays(List<Task> tasks, double[] timeS, double[] delayMs, double[] waitMs, int[] tids) {
        this.tasks = tasks;
        this.timeS = timeS;
        this.delayMs = delayMs;
        this.waitMs = waitMs;
        this.tids = tids;
    }

    /** Worst P99 first. */
    public List<Task> tasks() { return tasks; }

    /** The events table's {@code time_s}, for plotting a task's rows over time. */
    public double[] timeS() { return timeS; }

    /** The events table's {@code sch_delay_ms}. */
    public double[] delayMs() { return delayMs; }

    /** The task's scheduling delays in row order. */
    public double[] delaysOf(Task t) {
        double[] out = new double[t.rows().length];
        for (int i = 0; i < out.length; i++) out[i] = delayMs[t.rows()[i]];
        return out;
    }

    private static final class Group {
        final String key;
        final int pid;
        final Map<String, Integer> comms = new LinkedHashMap<>();
        /** Comms of the rows of the main thread (tid = pid): perf-exec before an exec, the program after. */
        final Map<String, Integer> mainThreadComms = new LinkedHashMap<>();
        final java.util.Set<Integer> tids = new java.util.HashSet<>();
        int[] rows = new int[16];
        int n;

        Group(String key, int pid) {
            this.key = key;
            this.pid = pid;
        }

        void add(int row, String comm, int tid) {
            if (n == rows.length) rows = Arrays.copyOf(rows, n * 2);
            rows[n++] = row;
            comms.merge(comm, 1, Integer::sum);
            if (tid != UNKNOWN_PID) {
                tids.add(tid);
                if (tid == pid) mainThreadComms.merge(comm, 1, Integer::sum);
            }
        }

        String name() {
            Map<String, Integer> from = mainThreadComms.isEmpty() ? comms : mainThreadComms;
            return from.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(key);
        }
    }

    public static TaskDelays of(Table events) {
        StringColumn event = events.stringColumn(EVENT);
        StringColumn task = events.stringColumn(TASK);
        IntColumn tid = events.intColumn(TID), pid = events.intColumn(PID);
        DoubleColumn delay = events.doubleColumn(SCH_DELAY_MS), wait = events.doubleColumn(WAIT_MS);
        int n = events.rowCount();
        double[] time = events.columnNames().contains(TIME_S) ? events.doubleColumn(TIME_S).asDoubleArray() : new double[n];
        double[] delays = delay.asDoubleArray(), waits = wait.asDoubleArray();
        int[] tids = new int[n];
        for (int i = 0; i < n; i++) tids[i] = tid.isMissing(i) ? UNKNOWN_PID : tid.getInt(i);

        // First pass: which process each thread belongs to, from the rows that show both numbers.
        Map<Integer, Integer> processOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (!tid.isMissing(i) && !pid.isMissing(i)) processOf.putIfAbsent(tid.getInt(i), pid.getInt(i));
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (!EVENT_SWITCH.equals(event.get(i))) continue;
            String comm = task.get(i);
            if (IDLE.equals(comm)) continue;
            int t = tid.isMissing(i) ? UNKNOWN_PID : tid.getInt(i);
            Integer p = pid.isMissing(i) ? (t == UNKNOWN_PID ? null : processOf.get(t)) : Integer.valueOf(pid.getInt(i));
            String key = p == null ? "comm:" + comm : "pid:" + p;
            int process = p == null ? UNKNOWN_PID : p;
            groups.computeIfAbsent(key, k -> new Group(k, process)).add(i, comm, t);
        }
        List<Task> out = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            int[] rows = Arrays.copyOf(g.rows, g.n);
            out.add(task(g.name(), g.pid, Math.max(1, g.tids.size()), rows, delays, waits));
        }
        return new TaskDelays(sorted(out), time, delays, waits, tids);
    }

    /**
     * The same tasks over only their switch rows with {@code fromS <= time_s <= toS}, sorted the same
     * way. A task with no switch in the range stays listed, with no switches and NaN percentiles, so
     * a task chosen before the range was narrowed can still be found.
     */
    public TaskDelays within(double fromS, double toS) {
        List<Task> out = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            int[] rows = new int[t.rows().length];
            int n = 0;
            for (int r : t.rows()) if (timeS[r] >= fromS && timeS[r] <= toS) rows[n++] = r;
            rows = Arrays.copyOf(rows, n);
            java.util.Set<Integer> threads = new java.util.HashSet<>();
            for (int r : rows) if (tids[r] != UNKNOWN_PID) threads.add(tids[r]);
            out.add(task(t.name(), t.pid(), n == 0 ? 0 : Math.max(1, threads.size()), rows, delayMs, waitMs));
        }
        return new TaskDelays(sorted(out), timeS, delayMs, waitMs, tids);
    }

    /** Switch rows of all tasks together. */
    public int switches() {
        int n = 0;
        for (Task t : tasks) n += t.switches();
        return n;
    }

    private static Task task(String name, int pid, int threads, int[] rows, double[] delays, double[] waits) {
        double[] d = new double[rows.length], w = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            d[k] = delays[rows[k]];
            w[k] = waits[rows[k]];
        }
        Percentiles pd = Percentiles.of(d), pw = Percentiles.of(w);
        return new Task(name, pid, threads, rows.length, pd.at(50), pd.at(90), pd.at(99), pd.max(), pw.at(50), pw.at(99),
                pw.max(), rows);
    }

    private static List<Task> sorted(List<Task> tasks) {
        tasks.sort(Comparator.comparingDouble((Task t) -> nanLast(t.p99Ms())).reversed()
                .thenComparing(Comparator.comparingDouble((Task t) -> nanLast(t.maxMs())).reversed()));
        return List.copyOf(tasks);
    }

    private static double nanLast(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
