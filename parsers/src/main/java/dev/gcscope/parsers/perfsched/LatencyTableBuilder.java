package dev.gcscope.parsers.perfsched;

import static dev.gcscope.parsers.perfsched.LatencyColumns.*;

import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.table.Columns;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The tasks and totals tables of a latency parse. Latency tables have one row per task (hundreds,
 * not millions), so values are kept in growable primitive arrays and task names as strings.
 */
final class LatencyTableBuilder {
    private static final int NONE_INT = Integer.MIN_VALUE;
    private static final long NONE = Cursor.NONE;

    private final ParseOptions wanted;
    private final Cursor cursor = new Cursor();
    private final List<String> tasks = new ArrayList<>();
    private final List<String> comms = new ArrayList<>();
    private int size;
    private int[] pid = new int[64];
    private int[] threads = new int[64];
    private int[] line = new int[64];
    private long[] switches = new long[64];
    private double[] runtime = new double[64], avg = new double[64], max = new double[64], start = new double[64],
            end = new double[64], sum = new double[64];
    private final BitSet rejoined = new BitSet();
    private final BitSet partial = new BitSet();

    private int totals;
    private double[] totalRuntime = new double[4], totalMax = new double[4], totalSum = new double[4];
    private long[] totalSwitches = new long[4];
    private int[] totalLine = new int[4];

    LatencyTableBuilder(ParseOptions wanted) {
        this.wanted = wanted;
    }

    int size() {
        return size;
    }

    /**
     * Adds a task row.
     *
     * @return false when the task name is not valid UTF-8 (it is kept, invalid bytes as U+FFFD)
     */
    boolean add(LatencyRow r, long lineNo, boolean wasRejoined, boolean isPartial) {
        if (size == pid.length) grow();
        int i = size++;
        byte[] b = r.text;
        String task = new String(b, r.taskStart, r.taskEnd - r.taskStart, StandardCharsets.UTF_8);
        tasks.add(task);
        // the last colon: comms hold colons too (kworker/53:0-mm:1635514, :17008:17008, rocksdb:bg0:(6))
        int colon = LatencyRow.lastColon(b, r.taskStart, r.taskEnd);
        int tid = NONE_INT;
        int n = NONE_INT;
        if (colon > r.taskStart) {
            Cursor c = cursor.reset(b, colon + 1, r.taskEnd);
            if (c.literal("(")) {
                long v = c.unsigned();
                if (v != NONE && c.literal(")") && c.atEnd() && v <= Integer.MAX_VALUE) n = (int) v;
            } else {
                long v = c.unsigned();
                if (v != NONE && c.atEnd() && v <= Integer.MAX_VALUE) {
                    tid = (int) v;
                    n = 1;
                }
            }
        }
        boolean split = n != NONE_INT;
        comms.add(split ? new String(b, r.taskStart, colon - r.taskStart, StandardCharsets.UTF_8) : task);
        pid[i] = tid;
        // A row without :tid (era A printed none) is one task; a row is one thread unless it says (N).
        threads[i] = split ? n : 1;
        line[i] = lineNo > Integer.MAX_VALUE ? NONE_INT : (int) lineNo;
        switches[i] = r.switches;
        runtime[i] = ms(r.runtimeNs);
        avg[i] = ms(r.avgNs);
        max[i] = ms(r.maxNs);
        sum[i] = ms(r.sumNs);
        start[i] = seconds(r.startNs);
        end[i] = seconds(r.endNs != NONE ? r.endNs : r.atNs);
        if (wasRejoined) rejoined.set(i);
        if (isPartial) partial.set(i);
        return !task.contains("\uFFFD") || isValidUtf8(b, r.taskStart, r.taskEnd);
    }

    /** Adds the {@code TOTAL:} row under a table. */
    void addTotal(LatencyRow r, long lineNo) {
        if (totals == totalRuntime.length) {
            int cap = totals * 2;
            totalRuntime = Arrays.copyOf(totalRuntime, cap);
            totalMax = Arrays.copyOf(totalMax, cap);
            totalSum = Arrays.copyOf(totalSum, cap);
            totalSwitches = Arrays.copyOf(totalSwitches, cap);
            totalLine = Arrays.copyOf(totalLine, cap);
        }
        int i = totals++;
        totalRuntime[i] = ms(r.runtimeNs);
        totalSwitches[i] = r.switches;
        totalMax[i] = ms(r.maxNs);
        totalSum[i] = ms(r.sumNs);
        totalLine[i] = lineNo > Integer.MAX_VALUE ? NONE_INT : (int) lineNo;
    }

    Table tasksTable() {
        Table t = Table.create(TASKS_TABLE);
        int n = size;
        for (String c : TASK_COLUMNS) {
            if (!wanted.wants(c)) continue;
            switch (c) {
                case TASK -> t.addColumns(StringColumn.create(c, tasks));
                case COMM -> t.addColumns(StringColumn.create(c, comms));
                case PID -> t.addColumns(Columns.ints(c, pid, n));
                case THREADS -> t.addColumns(Columns.ints(c, threads, n));
                case RUNTIME_MS -> t.addColumns(Columns.doubles(c, runtime, n));
                case SWITCHES -> t.addColumns(longs(c, switches, n));
                case AVG_DELAY_MS -> t.addColumns(Columns.doubles(c, avg, n));
                case MAX_DELAY_MS -> t.addColumns(Columns.doubles(c, max, n));
                case MAX_DELAY_START_S -> t.addColumns(Columns.doubles(c, start, n));
                case MAX_DELAY_END_S -> t.addColumns(Columns.doubles(c, end, n));
                case SUM_DELAY_MS -> t.addColumns(Columns.doubles(c, sum, n));
                case REJOINED -> t.addColumns(Columns.booleans(c, rejoined, n));
                case PARTIAL -> t.addColumns(Columns.booleans(c, partial, n));
                case LINE -> t.addColumns(Columns.ints(c, line, n));
                default -> throw new IllegalStateException("no builder for column " + c);
            }
        }
        return t;
    }

    Table totalsTable() {
        return Table.create(TOTALS_TABLE,
                Columns.doubles(TOTAL_RUNTIME_MS, totalRuntime, totals),
                longs(TOTAL_SWITCHES, totalSwitches, totals),
                Columns.doubles(MAX_DELAY_MS, totalMax, totals),
                Columns.doubles(SUM_DELAY_MS, totalSum, totals),
                Columns.ints(LINE, totalLine, totals));
    }

    private static LongColumn longs(String name, long[] v, int n) {
        LongColumn c = LongColumn.create(name, n);
        for (int i = 0; i < n; i++) {
            if (v[i] == NONE) c.setMissing(i); else c.set(i, v[i]);
        }
        return c;
    }

    private static double ms(long ns) {
        return ns == NONE ? Double.NaN : ns / 1e6;
    }

    private static double seconds(long ns) {
        return ns == NONE ? Double.NaN : ns / 1e9;
    }

    private static boolean isValidUtf8(byte[] b, int s, int e) {
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b, s, e - s), java.nio.CharBuffer.allocate(e - s), true).isUnderflow();
    }

    private void grow() {
        int cap = pid.length * 2;
        pid = Arrays.copyOf(pid, cap);
        threads = Arrays.copyOf(threads, cap);
        line = Arrays.copyOf(line, cap);
        switches = Arrays.copyOf(switches, cap);
        runtime = Arrays.copyOf(runtime, cap);
        avg = Arrays.copyOf(avg, cap);
        max = Arrays.copyOf(max, cap);
        start = Arrays.copyOf(start, cap);
        end = Arrays.copyOf(end, cap);
        sum = Arrays.copyOf(sum, cap);
    }
}
