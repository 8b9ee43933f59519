package dev.gcscope.parsers.perfsched;

import static dev.gcscope.parsers.perfsched.TimehistColumns.*;

import dev.gcscope.parsers.table.Columns;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The summary {@code timehist -s}/{@code -S} prints after (or instead of) the events
 * (builtin-sched.c {@code timehist_print_summary}), recorded with perf 6.1:
 * <pre>
 * Runtime summary
 *                           comm  parent   sched-in     run-time    min-run     avg-run     max-run  stddev  migrations
 *                                           (count)       (msec)     (msec)      (msec)      (msec)       %
 * ---------------------------------------------------------------------------------------------------------------------
 *              java[16472/16423]   16423        543      452.796      0.003       0.833       7.534    5.58       0
 *
 * Terminated tasks:
 *                   sleep[16562]   16560         12        8.736      0.090       0.728       1.406   18.46       0
 *
 * Idle stats:
 *     CPU  0 idle for      6.482  msec  (  0.63%)
 *     CPU  1 idle entire time window
 *
 *     Total number of unique tasks: 35
 * Total number of context switches: 2543
 *            Total run time (msec): 2050.967
 *     Total scheduling time (msec): 1030.277  (x 2)
 * </pre>
 * {@code --state} prints a "Wait-time summary" (run-time, sleep, iowait, preempt, delay) and
 * {@code -I} an "Idle-time summary" (sched-out, idle-time …). A row's task is right-aligned and may
 * hold blanks, so rows are read from the right: a fixed number of numbers, then the task.
 */
final class TimehistSummaryReader {
    enum Result { NOT_SUMMARY, USED, SKIPPED_IDLE_CALLCHAIN, MALFORMED, IMPOSSIBLE }

    private String section;
    private boolean terminated;
    private boolean idleStats;
    private boolean idleCallchains;

    private final List<String> sections = new ArrayList<>();
    private final List<String> rowSections = new ArrayList<>();
    private final List<String> comms = new ArrayList<>();
    private int rows;
    private int[] tid = new int[32], pid = new int[32], parent = new int[32], line = new int[32];
    private long[] schedIn = new long[32], migrations = new long[32];
    private double[] runTime = new double[32], min = new double[32], avg = new double[32], max = new double[32],
            stddev = new double[32], sleep = new double[32], iowait = new double[32], preempt = new double[32],
            delay = new double[32];
    private final BitSet terminatedRows = new BitSet();

    private final List<int[]> idleCpus = new ArrayList<>();
    private final List<double[]> idleFigures = new ArrayList<>();

    private long uniqueTasks = Cursor.NONE, contextSwitches = Cursor.NONE, schedTimeCpus = Cursor.NONE;
    private double totalRunTime = Double.NaN, totalSchedTime = Double.NaN;
    private final List<String> notes = new ArrayList<>();

    private final Cursor c = new Cursor();
    private final long[] numbers = new long[8];

    boolean seen() {
        return section != null || idleStats || uniqueTasks != Cursor.NONE || contextSwitches != Cursor.NONE;
    }

    /** Reads {@code b[p, q)} (text without prefix and trailing blanks) as a summary line, if it is one. */
    Result line(byte[] b, int p, int q, long lineNo) {
        if (PasteText.startsWith(b, p, q, "Runtime summary")) return start(SECTION_RUNTIME);
        if (PasteText.startsWith(b, p, q, "Wait-time summary")) return start(SECTION_WAIT_TIME);
        if (PasteText.startsWith(b, p, q, "Idle-time summary")) return start(SECTION_IDLE_TIME);
        Result totals = totals(b, p, q);
        if (totals != Result.NOT_SUMMARY) return totals;
        if (PasteText.startsWith(b, p, q, "Idle stats by callchain:")) {
            idleCallchains = true;
            return Result.USED;
        }
        if (PasteText.startsWith(b, p, q, "Idle stats:")) {
            idleStats = true;
            section = null;
            return Result.USED;
        }
        if (idleStats && PasteText.startsWith(b, p, q, "CPU ")) return idleLine(b, p, q);
        if (idleCallchains) {
            // "  Idle time (msec)     Count  Callchains", its rule, and "  %12lu.%03lu  %8d  chain" rows
            return Result.SKIPPED_IDLE_CALLCHAIN;
        }
        if (section == null) return Result.NOT_SUMMARY;
        if (PasteText.startsWith(b, p, q, "Terminated tasks:")) {
            terminated = true;
            return Result.USED;
        }
        if (PasteText.startsWith(b, p, q, "<no ")) return Result.USED; // <no terminated tasks>, <no still running tasks>
        if (PasteText.startsWith(b, p, q, "comm ") && PasteText.contains(b, p, q, "parent")) return Result.USED;
        if (PasteText.startsWith(b, p, q, "(count)")) return Result.USED;
        Result row = row(b, p, q, lineNo);
        if (row != Result.NOT_SUMMARY) return row;
        // A row ends in a number (migrations, or the delay of the wait-time summary); anything else is other text.
        int last = q;
        while (last > p && b[last - 1] != ' ' && b[last - 1] != '\t') last--;
        return c.reset(b, last, q).scaled(3) != Cursor.NONE && c.atEnd() ? Result.MALFORMED : Result.NOT_SUMMARY;
    }

    private Result start(String s) {
        section = s;
        terminated = false;
        idleStats = false;
        idleCallchains = false;
        if (!sections.contains(s)) sections.add(s);
        return Result.USED;
    }

    /**
     * A task row: the task, then 8 numbers (7 in the wait-time summary), read from the right. Only the
     * parent may be negative (-1); a negative count or time cannot be, and the row is refused whole
     * rather than half-used (found by MutantInvariantsTest).
     */
    private Result row(byte[] b, int p, int q, long lineNo) {
        boolean wait = section.equals(SECTION_WAIT_TIME);
        int n = wait ? 7 : 8;
        int end = q;
        for (int k = n - 1; k >= 0; k--) {
            int tokenEnd = end;
            int tokenStart = tokenEnd;
            while (tokenStart > p && b[tokenStart - 1] != ' ' && b[tokenStart - 1] != '\t') tokenStart--;
            if (tokenStart == tokenEnd) return Result.NOT_SUMMARY;
            // parent, counts and migrations are integers (parent may be -1); times msec.usec; stddev %5.2f
            boolean integer = k == 0 || k == 1 || !wait && k == 7;
            long v = c.reset(b, tokenStart, tokenEnd).scaled(integer ? 0 : 3);
            if (v == Cursor.NONE || !c.atEnd()) {
                if (wait || k != 6 || !isNan(b, tokenStart, tokenEnd)) return Result.NOT_SUMMARY;
                v = Cursor.NONE; // stddev of "nan"/"-nan"
            }
            numbers[k] = v;
            end = tokenStart;
            while (end > p && (b[end - 1] == ' ' || b[end - 1] == '\t')) end--;
        }
        if (end <= p) return Result.NOT_SUMMARY;
        for (int k = 1; k < n; k++) {
            if (numbers[k] != Cursor.NONE && numbers[k] < 0) return Result.IMPOSSIBLE;
        }
        add(b, p, end, wait, lineNo);
        return Result.USED;
    }

    private void add(byte[] b, int s, int e, boolean wait, long lineNo) {
        if (rows == tid.length) grow();
        int i = rows++;
        int commEnd = TaskString.commEnd(b, s, e);
        comms.add(new String(b, s, commEnd - s, StandardCharsets.UTF_8));
        int[] ids = ids(b, commEnd, e);
        tid[i] = ids[0];
        pid[i] = ids[1];
        parent[i] = (int) numbers[0];
        schedIn[i] = numbers[1];
        runTime[i] = ms(numbers[2]);
        line[i] = lineNo > Integer.MAX_VALUE ? TimehistLine.NONE : (int) lineNo;
        if (wait) {
            sleep[i] = ms(numbers[3]);
            iowait[i] = ms(numbers[4]);
            preempt[i] = ms(numbers[5]);
            delay[i] = ms(numbers[6]);
            min[i] = avg[i] = max[i] = stddev[i] = Double.NaN;
            migrations[i] = Cursor.NONE;
        } else {
            min[i] = ms(numbers[3]);
            avg[i] = ms(numbers[4]);
            max[i] = ms(numbers[5]);
            stddev[i] = numbers[6] == Cursor.NONE ? Double.NaN : numbers[6] / 1000.0;
            migrations[i] = numbers[7];
            sleep[i] = iowait[i] = preempt[i] = delay[i] = Double.NaN;
        }
        rowSections.add(section);
        if (terminated) terminatedRows.set(i);
    }


    /** tid and pid from {@code [tid]}, {@code [tid/pid]} or a cut {@code [tid/pi}; missing when absent or cut. */
    private int[] ids(byte[] b, int open, int e) {
        int[] out = {TimehistLine.NONE, TimehistLine.NONE};
        if (open >= e || b[open] != '[') return out;
        Cursor k = c.reset(b, open + 1, e);
        long a = k.unsigned();
        if (a == Cursor.NONE || a > Integer.MAX_VALUE) return out;
        if (k.literal("]")) {
            out[0] = out[1] = (int) a;
        } else if (k.literal("/")) {
            out[0] = (int) a;
            int digitsFrom = k.p;
            long x = k.unsigned();
            if (x != Cursor.NONE && x <= Integer.MAX_VALUE && (k.literal("]") || k.p - digitsFrom >= 7)) out[1] = (int) x;
        }
        return out;
    }

    //     CPU  0 idle for      6.482  msec  (  0.63%)
    //     CPU  1 idle entire time window
    private Result idleLine(byte[] b, int p, int q) {
        Cursor k = c.reset(b, p + 4, q).skipBlanks();
        long cpu = k.unsigned();
        if (cpu == Cursor.NONE) return Result.MALFORMED;
        k.skipBlanks();
        if (k.literal("idle entire time window")) {
            idleCpus.add(new int[] {(int) cpu, 1});
            idleFigures.add(new double[] {Double.NaN, Double.NaN});
            return Result.USED;
        }
        if (!k.literal("idle for")) return Result.MALFORMED;
        long us = k.skipBlanks().scaled(3);
        if (us == Cursor.NONE || !k.skipBlanks().literal("msec")) return Result.MALFORMED;
        if (us < 0) return Result.IMPOSSIBLE; // a negative idle time (found by the fuzzer)
        double pct = Double.NaN;
        if (k.skipBlanks().literal("(")) {
            long v = k.skipBlanks().scaled(2);
            if (v != Cursor.NONE && k.literal("%)")) {
                if (v < 0) return Result.IMPOSSIBLE;
                pct = v / 100.0;
            }
        }
        idleCpus.add(new int[] {(int) cpu, 0});
        idleFigures.add(new double[] {us / 1000.0, pct});
        return Result.USED;
    }

    /** The totals at the end of the summary: USED, IMPOSSIBLE for a negative time, or NOT_SUMMARY. */
    private Result totals(byte[] b, int p, int q) {
        Cursor k = c.reset(b, p, q);
        if (k.literal("Total number of unique tasks:")) {
            uniqueTasks = k.skipBlanks().unsigned();
        } else if (k.literal("Total number of context switches:")) {
            contextSwitches = k.skipBlanks().unsigned();
        } else if (k.literal("Total run time (msec):")) {
            long v = k.skipBlanks().scaled(3);
            if (v != Cursor.NONE && v < 0) return Result.IMPOSSIBLE;
            totalRunTime = v == Cursor.NONE ? Double.NaN : v / 1000.0;
        } else if (k.literal("Total scheduling time (msec):")) {
            long v = k.skipBlanks().scaled(3);
            if (v != Cursor.NONE && v < 0) return Result.IMPOSSIBLE;
            totalSchedTime = v == Cursor.NONE ? Double.NaN : v / 1000.0;
            if (k.skipBlanks().literal("(x")) schedTimeCpus = k.skipBlanks().unsigned();
        } else {
            return Result.NOT_SUMMARY;
        }
        notes.add("perf sched timehist: " + PasteText.ascii(b, p, q).replaceAll("\\s+", " "));
        return Result.USED;
    }

    List<String> notes() {
        return notes;
    }

    List<String> sections() {
        return sections;
    }

    Table summaryTable() {
        int n = rows;
        return Table.create(SUMMARY_TABLE,
                StringColumn.create(SECTION, rowSections),
                StringColumn.create(COMM, comms),
                Columns.ints(TID, tid, n),
                Columns.ints(PID, pid, n),
                Columns.ints(PARENT, parent, n),
                longs(SCHED_IN, schedIn, n),
                Columns.doubles(RUN_TIME_MS, runTime, n),
                Columns.doubles(MIN_RUN_MS, min, n),
                Columns.doubles(AVG_RUN_MS, avg, n),
                Columns.doubles(MAX_RUN_MS, max, n),
                Columns.doubles(STDDEV_PCT, stddev, n),
                longs(MIGRATIONS, migrations, n),
                Columns.doubles(SLEEP_MS, sleep, n),
                Columns.doubles(IOWAIT_MS, iowait, n),
                Columns.doubles(PREEMPT_MS, preempt, n),
                Columns.doubles(DELAY_MS, delay, n),
                Columns.booleans(TERMINATED, terminatedRows, n),
                Columns.ints(LINE, line, n));
    }

    Table idleTable() {
        int n = idleCpus.size();
        IntColumn cpu = IntColumn.create(CPU, n);
        DoubleColumn ms = DoubleColumn.create(IDLE_MS, n);
        DoubleColumn pct = DoubleColumn.create(IDLE_PCT, n);
        BitSet entire = new BitSet();
        for (int i = 0; i < n; i++) {
            cpu.set(i, idleCpus.get(i)[0]);
            if (idleCpus.get(i)[1] == 1) entire.set(i);
            double[] f = idleFigures.get(i);
            if (Double.isNaN(f[0])) ms.setMissing(i); else ms.set(i, f[0]);
            if (Double.isNaN(f[1])) pct.setMissing(i); else pct.set(i, f[1]);
        }
        return Table.create(IDLE_TABLE, cpu, ms, pct, Columns.booleans(IDLE_ENTIRE_WINDOW, entire, n));
    }

    /** One row when the summary's totals were printed, else none. */
    Table totalsTable() {
        boolean any = uniqueTasks != Cursor.NONE || contextSwitches != Cursor.NONE || !Double.isNaN(totalRunTime)
                || !Double.isNaN(totalSchedTime);
        int n = any ? 1 : 0;
        return Table.create(TOTALS_TABLE,
                longs(UNIQUE_TASKS, new long[] {uniqueTasks}, n),
                longs(CONTEXT_SWITCHES, new long[] {contextSwitches}, n),
                Columns.doubles(TOTAL_RUN_TIME_MS, new double[] {totalRunTime}, n),
                Columns.doubles(TOTAL_SCHED_TIME_MS, new double[] {totalSchedTime}, n),
                longs(SCHED_TIME_CPUS, new long[] {schedTimeCpus}, n));
    }

    private static LongColumn longs(String name, long[] v, int n) {
        LongColumn col = LongColumn.create(name, n);
        for (int i = 0; i < n; i++) {
            if (v[i] == Cursor.NONE) col.setMissing(i); else col.set(i, v[i]);
        }
        return col;
    }

    private static double ms(long us) {
        return us == Cursor.NONE ? Double.NaN : us / 1000.0;
    }

    private static boolean isNan(byte[] b, int s, int e) {
        String t = PasteText.ascii(b, s, e).toLowerCase(java.util.Locale.ROOT);
        return t.equals("nan") || t.equals("-nan") || t.equals("inf") || t.equals("-inf");
    }

    private void grow() {
        int cap = tid.length * 2;
        tid = Arrays.copyOf(tid, cap);
        pid = Arrays.copyOf(pid, cap);
        parent = Arrays.copyOf(parent, cap);
        line = Arrays.copyOf(line, cap);
        schedIn = Arrays.copyOf(schedIn, cap);
        migrations = Arrays.copyOf(migrations, cap);
        runTime = Arrays.copyOf(runTime, cap);
        min = Arrays.copyOf(min, cap);
        avg = Arrays.copyOf(avg, cap);
        max = Arrays.copyOf(max, cap);
        stddev = Arrays.copyOf(stddev, cap);
        sleep = Arrays.copyOf(sleep, cap);
        iowait = Arrays.copyOf(iowait, cap);
        preempt = Arrays.copyOf(preempt, cap);
        delay = Arrays.copyOf(delay, cap);
    }
}
