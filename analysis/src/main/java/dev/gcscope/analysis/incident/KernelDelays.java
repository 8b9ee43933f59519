package dev.gcscope.analysis.incident;

import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.perfsched.TimehistColumns;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Go program's threads in a {@code perf sched timehist} parse and how long each switch-in made them
 * wait ({@link ThreadDelaySource}). The program is the user process whose threads ran longest, unless
 * its comm is given: a recording of the whole machine holds the shell, perf itself, kernel threads
 * and other people's work too.
 */
final class KernelDelays {
    /** Kernel threads' comm prefixes: never the program. */
    private static final Set<String> KERNEL = Set.of("kworker/", "ksoftirqd/", "migration/", "rcu_", "kthreadd", "idle_inject/",
            "watchdog/", "irq/", "cpuhp/", "kcompactd", "kswapd", "khugepaged", "jbd2/", "perf");

    private KernelDelays() {}

    static Optional<ThreadDelaySource> read(ParseResult r, String program) {
        Table t = r.table(TimehistColumns.EVENTS_TABLE);
        int n = t.rowCount();
        if (n == 0) return Optional.empty();
        DoubleColumn time = t.doubleColumn(TimehistColumns.TIME_S), wait = t.doubleColumn(TimehistColumns.WAIT_MS),
                delay = t.doubleColumn(TimehistColumns.SCH_DELAY_MS), run = t.doubleColumn(TimehistColumns.RUN_MS);
        StringColumn task = t.stringColumn(TimehistColumns.TASK), event = t.stringColumn(TimehistColumns.EVENT);
        IntColumn tid = t.intColumn(TimehistColumns.TID), pidCol = t.intColumn(TimehistColumns.PID);
        StringColumn state = t.columnNames().contains(TimehistColumns.STATE) ? t.stringColumn(TimehistColumns.STATE) : null;
        boolean byState = false;
        if (state != null) for (int i = 0; i < n && !byState; i++) byState = !state.isMissing(i) && !state.get(i).isEmpty();

        int pid = choose(t, program);
        if (pid < 0) return Optional.empty();
        Map<String, Integer> comms = new HashMap<>();
        for (int i = 0; i < n; i++) if (isSwitch(event, i) && pidOf(tid, pidCol, i) == pid) comms.merge(task.get(i), 1, Integer::sum);
        String comm = program != null ? program : comms.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");

        double[] at = new double[n], ms = new double[n];
        Map<Integer, Character> previous = new HashMap<>();
        int m = 0;
        double firstProgram = Double.NaN, last = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (!time.isMissing(i)) last = time.getDouble(i);
            if (!isSwitch(event, i) || pidOf(tid, pidCol, i) != pid || time.isMissing(i)) continue;
            double runMs = run.isMissing(i) ? 0 : run.getDouble(i);
            double in = time.getDouble(i) - runMs / 1000;
            if (Double.isNaN(firstProgram) && task.get(i).equals(comm)) firstProgram = in;
            double w = wait.isMissing(i) ? 0 : wait.getDouble(i), d = delay.isMissing(i) ? 0 : delay.getDouble(i);
            int thread = tid.isMissing(i) ? -1 : tid.getInt(i);
            boolean preempted;
            if (byState) {
                Character prev = previous.get(thread);
                preempted = prev != null && (prev == 'R' || prev == 'W');
                String s = state.get(i);
                previous.put(thread, s.isEmpty() ? 'S' : s.charAt(0));
            } else {
                // No wakeup before this switch-in (perf prints sch delay 0): preempted or throttled.
                preempted = d == 0;
            }
            at[m] = in;
            ms[m] = preempted ? w : d;
            m++;
        }
        Map<String, String> a = r.attributes();
        double lastSample = parse(a.get(TimehistColumns.ATTR_LAST_SAMPLE_S));
        ThreadDelaySource.PerfClock clock = new ThreadDelaySource.PerfClock(parse(a.get(TimehistColumns.ATTR_CLOCK_TOD_S)),
                parse(a.get(TimehistColumns.ATTR_CLOCK_REFERENCE_S)), a.getOrDefault(TimehistColumns.ATTR_CLOCKID, ""),
                parse(a.get(TimehistColumns.ATTR_CAPTURED_ON_S)), Double.isNaN(lastSample) ? last : lastSample, firstProgram);
        return Optional.of(new ThreadDelaySource(r.sourceName(), comm, pid, java.util.Arrays.copyOf(at, m),
                java.util.Arrays.copyOf(ms, m), byState, clock));
    }

    /** The pid of {@code program}'s threads, else of the user process that ran longest; -1 when there is none. */
    private static int choose(Table t, String program) {
        StringColumn task = t.stringColumn(TimehistColumns.TASK), event = t.stringColumn(TimehistColumns.EVENT);
        IntColumn tid = t.intColumn(TimehistColumns.TID), pidCol = t.intColumn(TimehistColumns.PID);
        DoubleColumn run = t.doubleColumn(TimehistColumns.RUN_MS);
        Map<Integer, Double> runMs = new HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (!isSwitch(event, i)) continue;
            int pid = pidOf(tid, pidCol, i);
            String comm = task.get(i);
            if (pid <= 0 || comm.equals("<idle>") || isKernel(comm)) continue;
            if (program != null && !comm.equals(program)) continue;
            runMs.merge(pid, run.isMissing(i) ? 0 : run.getDouble(i), Double::sum);
        }
        return runMs.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
    }

    private static boolean isKernel(String comm) {
        for (String k : KERNEL) if (comm.startsWith(k)) return true;
        return false;
    }

    private static boolean isSwitch(StringColumn event, int i) {
        return TimehistColumns.EVENT_SWITCH.equals(event.get(i));
    }

    /** perf prints the main thread as {@code comm[pid]}, the others as {@code comm[tid/pid]}. */
    private static int pidOf(IntColumn tid, IntColumn pid, int i) {
        if (!pid.isMissing(i) && pid.getInt(i) > 0) return pid.getInt(i);
        return tid.isMissing(i) ? -1 : tid.getInt(i);
    }

    private static double parse(String s) {
        if (s == null || s.isEmpty()) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
