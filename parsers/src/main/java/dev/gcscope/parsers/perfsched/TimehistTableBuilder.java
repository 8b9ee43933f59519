package dev.gcscope.parsers.perfsched;

import static dev.gcscope.parsers.perfsched.TimehistColumns.*;

import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.table.ByteStrings;
import dev.gcscope.parsers.table.Columns;
import java.util.Arrays;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Primitive column buffers for the events table, one row per event, turned into Tablesaw columns
 * once at the end without copying. Only requested columns have buffers, and the optional ones
 * (priority, next task, target, callchain …) are allocated on their first value, so a default
 * {@code timehist} output costs its ten core columns and nothing for the options it was not run
 * with. Task names are interned ({@link ByteStrings}): a row stores an int, not a String.
 */
final class TimehistTableBuilder {
    private static final int NONE = TimehistLine.NONE;
    private static final long NO_TIME = TimehistLine.NO_TIME;
    /** Tablesaw's missing long. */
    private static final long MISSING_LONG = Long.MIN_VALUE;
    private static final String[] EVENT_NAMES = {null, EVENT_SWITCH, EVENT_AWAKENED, EVENT_MIGRATED, EVENT_LOST};

    private final ParseOptions wanted;
    private final ByteStrings names = new ByteStrings();
    private final ByteStrings chains = new ByteStrings();
    private final boolean wantTask, wantNext, wantTarget, wantChain;
    private int size;
    private int cap;
    /** Line of each name's first use, to report names that are not valid UTF-8 where they are. */
    private long[] nameLines = new long[64];

    private double[] time, wait, delay, run, preMig;
    private int[] cpu, task, tid, pid, prio, prioFrom, next, nextTid, target, targetTid, targetPid, fromCpu, toCpu, chain, line;
    private long[] lost;
    private byte[] state, event;

    TimehistTableBuilder(int expectedRows, ParseOptions wanted) {
        this.wanted = wanted;
        cap = Math.max(16, expectedRows);
        wantTask = wanted.wants(TASK);
        wantNext = wanted.wants(NEXT);
        wantTarget = wanted.wants(TARGET);
        wantChain = wanted.wants(CALLCHAIN);
        time = doubles(TIME_S);
        wait = doubles(WAIT_MS);
        delay = doubles(SCH_DELAY_MS);
        run = doubles(RUN_MS);
        cpu = ints(CPU);
        task = ints(TASK);
        tid = ints(TID);
        pid = ints(PID);
        state = wanted.wants(STATE) ? new byte[cap] : null;
        event = wanted.wants(EVENT) ? new byte[cap] : null;
        line = ints(LINE);
    }

    int size() {
        return size;
    }

    /** Adds the event in {@code l}, whose byte offsets point into {@code b}. */
    void add(TimehistLine l, byte[] b, long lineNo) {
        if (size == cap) grow();
        int i = size++;
        if (time != null) time[i] = seconds(l.timeNs);
        if (cpu != null) cpu[i] = l.cpu;
        if (task != null) task[i] = l.taskStart < 0 ? ByteStrings.MISSING : name(b, l.taskStart, TaskString.commEnd(b, l.taskStart, l.taskEnd), lineNo);
        if (tid != null) tid[i] = l.tid;
        if (pid != null) pid[i] = l.pid;
        if (wait != null) wait[i] = ms(l.waitUs);
        if (delay != null) delay[i] = ms(l.delayUs);
        if (run != null) run[i] = ms(l.runUs);
        if (state != null) state[i] = l.state;
        if (event != null) event[i] = l.event;
        if (line != null) line[i] = lineNo > Integer.MAX_VALUE ? NONE : (int) lineNo;
        // optional columns: allocated (and back-filled with missing) on their first value
        if (l.prio != NONE && wanted.wants(PRIO)) (prio = lazy(prio))[i] = l.prio;
        if (l.prioFrom != NONE && wanted.wants(PRIO_FROM)) (prioFrom = lazy(prioFrom))[i] = l.prioFrom;
        if (l.preMigUs != NO_TIME && wanted.wants(PRE_MIG_MS)) (preMig = lazy(preMig))[i] = ms(l.preMigUs);
        if (l.nextStart >= 0) {
            if (wantNext) (next = lazy(next, ByteStrings.MISSING))[i] = name(b, l.nextStart, TaskString.commEnd(b, l.nextStart, l.nextEnd), lineNo);
            if (l.nextTid != NONE && wanted.wants(NEXT_TID)) (nextTid = lazy(nextTid))[i] = l.nextTid;
        }
        if (l.targetStart >= 0) {
            if (wantTarget) (target = lazy(target, ByteStrings.MISSING))[i] = name(b, l.targetStart, TaskString.commEnd(b, l.targetStart, l.targetEnd), lineNo);
            if (l.targetTid != NONE && wanted.wants(TARGET_TID)) (targetTid = lazy(targetTid))[i] = l.targetTid;
            if (l.targetPid != NONE && wanted.wants(TARGET_PID)) (targetPid = lazy(targetPid))[i] = l.targetPid;
        }
        if (l.fromCpu != NONE && wanted.wants(FROM_CPU)) (fromCpu = lazy(fromCpu))[i] = l.fromCpu;
        if (l.toCpu != NONE && wanted.wants(TO_CPU)) (toCpu = lazy(toCpu))[i] = l.toCpu;
        if (l.lost != TimehistLine.NO_LOST && wanted.wants(LOST)) (lost = lazy(lost))[i] = l.lost;
        if (l.chainStart >= 0 && wantChain) (chain = lazy(chain, ByteStrings.MISSING))[i] = chains.id(b, l.chainStart, l.chainEnd);
    }

    private int name(byte[] b, int s, int e, long lineNo) {
        int before = names.size();
        int id = names.id(b, s, e);
        if (id == before) {
            if (id == nameLines.length) nameLines = Arrays.copyOf(nameLines, id * 2);
            nameLines[id] = lineNo;
        }
        return id;
    }

    /** Lines where a task name that is not valid UTF-8 first appears, with the name as decoded. */
    void forEachInvalidName(java.util.function.ObjLongConsumer<String> action) {
        for (int id = 0; id < names.size(); id++) {
            if (!names.isValidUtf8(id)) action.accept(names.value(id), nameLines[id]);
        }
    }

    /** The events table, columns in {@link TimehistColumns#EVENT_COLUMNS} order. */
    Table build() {
        int n = size;
        Table t = Table.create(EVENTS_TABLE);
        for (String c : EVENT_COLUMNS) {
            if (!wanted.wants(c)) continue;
            switch (c) {
                case TIME_S -> t.addColumns(Columns.doubles(c, time, n));
                case CPU -> t.addColumns(Columns.ints(c, cpu, n));
                case TASK -> t.addColumns(names.column(c, task, n));
                case TID -> t.addColumns(Columns.ints(c, tid, n));
                case PID -> t.addColumns(Columns.ints(c, pid, n));
                case WAIT_MS -> t.addColumns(Columns.doubles(c, wait, n));
                case SCH_DELAY_MS -> t.addColumns(Columns.doubles(c, delay, n));
                case RUN_MS -> t.addColumns(Columns.doubles(c, run, n));
                case STATE -> t.addColumns(states(c));
                case EVENT -> t.addColumns(events(c));
                case PRIO -> t.addColumns(intsOrMissing(c, prio));
                case PRIO_FROM -> t.addColumns(intsOrMissing(c, prioFrom));
                case PRE_MIG_MS -> t.addColumns(doublesOrMissing(c, preMig));
                case NEXT -> t.addColumns(namesOrMissing(c, names, next));
                case NEXT_TID -> t.addColumns(intsOrMissing(c, nextTid));
                case TARGET -> t.addColumns(namesOrMissing(c, names, target));
                case TARGET_TID -> t.addColumns(intsOrMissing(c, targetTid));
                case TARGET_PID -> t.addColumns(intsOrMissing(c, targetPid));
                case FROM_CPU -> t.addColumns(intsOrMissing(c, fromCpu));
                case TO_CPU -> t.addColumns(intsOrMissing(c, toCpu));
                case LOST -> t.addColumns(longsOrMissing(c, lost));
                case CALLCHAIN -> t.addColumns(namesOrMissing(c, chains, chain));
                case LINE -> t.addColumns(Columns.ints(c, line, n));
                default -> throw new IllegalStateException("no builder for column " + c);
            }
        }
        return t;
    }

    private StringColumn states(String name) {
        ByteStrings dict = new ByteStrings();
        int[] ids = new int[size];
        int[] byChar = new int[256];
        Arrays.fill(byChar, Integer.MIN_VALUE);
        byte[] one = new byte[1];
        for (int i = 0; i < size; i++) {
            int ch = state[i] & 0xff;
            if (ch == 0) {
                ids[i] = ByteStrings.MISSING;
                continue;
            }
            if (byChar[ch] == Integer.MIN_VALUE) {
                one[0] = state[i];
                byChar[ch] = dict.id(one, 0, 1);
            }
            ids[i] = byChar[ch];
        }
        return dict.column(name, ids, size);
    }

    private StringColumn events(String name) {
        ByteStrings dict = new ByteStrings();
        int[] byEvent = new int[EVENT_NAMES.length];
        for (int k = 1; k < EVENT_NAMES.length; k++) byEvent[k] = dict.id(EVENT_NAMES[k]);
        int[] ids = new int[size];
        for (int i = 0; i < size; i++) ids[i] = byEvent[event[i]];
        return dict.column(name, ids, size);
    }

    private IntColumn intsOrMissing(String name, int[] v) {
        if (v == null) {
            v = new int[size];
            Arrays.fill(v, NONE);
        }
        return Columns.ints(name, v, size);
    }

    private DoubleColumn doublesOrMissing(String name, double[] v) {
        if (v == null) {
            v = new double[size];
            Arrays.fill(v, Double.NaN);
        }
        return Columns.doubles(name, v, size);
    }

    private LongColumn longsOrMissing(String name, long[] v) {
        if (v == null) {
            v = new long[size];
            Arrays.fill(v, MISSING_LONG);
        }
        return LongColumn.create(name, Arrays.copyOf(v, size));
    }

    private StringColumn namesOrMissing(String name, ByteStrings dict, int[] ids) {
        if (ids == null) {
            ids = new int[size];
            Arrays.fill(ids, ByteStrings.MISSING);
        }
        return dict.column(name, ids, size);
    }

    private static double seconds(long ns) {
        // exact below 2^53 ns (104 days of uptime); beyond, split to keep the microseconds
        return ns < (1L << 53) ? ns / 1e9 : (ns / 1_000_000_000L) + (ns % 1_000_000_000L) / 1e9;
    }

    private static double ms(long us) {
        return us == NO_TIME ? Double.NaN : us / 1000.0;
    }

    private double[] doubles(String column) {
        return wanted.wants(column) ? new double[cap] : null;
    }

    private int[] ints(String column) {
        return wanted.wants(column) ? new int[cap] : null;
    }

    private int[] lazy(int[] a) {
        return lazy(a, NONE);
    }

    private int[] lazy(int[] a, int missing) {
        if (a != null) return a;
        int[] v = new int[cap];
        Arrays.fill(v, missing);
        return v;
    }

    private double[] lazy(double[] a) {
        if (a != null) return a;
        double[] v = new double[cap];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    private long[] lazy(long[] a) {
        if (a != null) return a;
        long[] v = new long[cap];
        Arrays.fill(v, MISSING_LONG);
        return v;
    }

    private void grow() {
        int old = cap;
        cap = cap + (cap >> 1) + 16;
        time = grow(time); wait = grow(wait); delay = grow(delay); run = grow(run); preMig = grow(preMig, Double.NaN, old);
        cpu = grow(cpu); task = grow(task); tid = grow(tid); pid = grow(pid); line = grow(line);
        prio = grow(prio, NONE, old); prioFrom = grow(prioFrom, NONE, old); nextTid = grow(nextTid, NONE, old);
        targetTid = grow(targetTid, NONE, old); targetPid = grow(targetPid, NONE, old);
        fromCpu = grow(fromCpu, NONE, old); toCpu = grow(toCpu, NONE, old);
        next = grow(next, ByteStrings.MISSING, old); target = grow(target, ByteStrings.MISSING, old);
        chain = grow(chain, ByteStrings.MISSING, old);
        if (lost != null) {
            int from = lost.length;
            lost = Arrays.copyOf(lost, cap);
            Arrays.fill(lost, from, cap, MISSING_LONG);
        }
        if (state != null) state = Arrays.copyOf(state, cap);
        if (event != null) event = Arrays.copyOf(event, cap);
    }

    private double[] grow(double[] a) {
        return a == null ? null : Arrays.copyOf(a, cap);
    }

    private int[] grow(int[] a) {
        return a == null ? null : Arrays.copyOf(a, cap);
    }

    /** A lazily allocated buffer: the new tail is missing until written. */
    private int[] grow(int[] a, int missing, int old) {
        if (a == null) return null;
        int[] v = Arrays.copyOf(a, cap);
        Arrays.fill(v, old, cap, missing);
        return v;
    }

    private double[] grow(double[] a, double missing, int old) {
        if (a == null) return null;
        double[] v = Arrays.copyOf(a, cap);
        Arrays.fill(v, old, cap, missing);
        return v;
    }
}
