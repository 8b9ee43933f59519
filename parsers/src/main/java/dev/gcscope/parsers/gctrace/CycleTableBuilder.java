package dev.gcscope.parsers.gctrace;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.parsers.prefix.WallClockParser;
import dev.gcscope.parsers.table.Columns;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.Arrays;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.DateTimeColumnType;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;
import tech.tablesaw.columns.times.PackedLocalTime;

/**
 * Primitive column buffers for the cycles table, filled one row per gc line and turned into Tablesaw
 * columns once at the end (a Tablesaw append per value would box and check every cell). Each
 * buffer is released as soon as its column exists, so peak memory is the table plus one column.
 */
final class CycleTableBuilder {
    private static final int NONE = GcLine.NONE;
    private static final long NO_TIME = GcLine.NO_TIME;
    private static final byte FLAG_FORCED = 1;
    private static final byte FLAG_PERIODIC = 2;
    private static final byte FLAG_LEAK = 4;
    private static final byte FLAG_PARTIAL = 8;
    private static final GcDialect[] DIALECTS = GcDialect.values();

    private int size;
    private int[] run, gc, cpuPct, heapStart, heapEnd, heapLive, heapGoal, stacks, globals, procs, line;
    private long[] startMillis, wallMillis;
    private double[] sweepTerm, mark, markTerm, installWb, stw;
    private double[] sweepTermCpu, assistCpu, backgroundCpu, idleCpu, markTermCpu;
    private byte[] flags, dialect;

    CycleTableBuilder(int expectedRows) {
        allocate(Math.max(16, expectedRows));
    }

    int size() {
        return size;
    }

    int gcAt(int row) {
        return gc[row];
    }

    long startMillisAt(int row) {
        return startMillis[row];
    }

    void add(GcLine l, int runNo, long lineNo, long wall, boolean periodic, boolean partial) {
        if (size == run.length) grow();
        int i = size++;
        run[i] = runNo;
        gc[i] = l.gc;
        line[i] = lineNo > Integer.MAX_VALUE ? NONE : (int) lineNo;
        startMillis[i] = l.startMillis;
        wallMillis[i] = wall;
        cpuPct[i] = l.cpuPct;
        heapStart[i] = l.heapStartMb;
        heapEnd[i] = l.heapEndMb;
        heapLive[i] = l.heapLiveMb;
        heapGoal[i] = l.heapGoalMb;
        stacks[i] = l.stacksMb;
        globals[i] = l.globalsMb;
        procs[i] = l.procs;
        clock(i, l);
        cpu(i, l);
        byte f = 0;
        if (l.forced) f |= FLAG_FORCED;
        if (periodic) f |= FLAG_PERIODIC;
        if (l.leakCheck) f |= FLAG_LEAK;
        if (partial) f |= FLAG_PARTIAL;
        flags[i] = f;
        dialect[i] = (byte) l.dialect().ordinal();
    }

    /** A {@code (forced)} that arrived on the line after its gc line. */
    void markForced(int row) {
        flags[row] |= FLAG_FORCED;
    }

    private void clock(int i, GcLine l) {
        long[] c = l.clockMicros;
        int n = l.clockCount;
        double sweep = Double.NaN, mk = Double.NaN, term = Double.NaN, wb = Double.NaN, pause = Double.NaN;
        if (l.legacy) {
            // Go <= 1.4 stopped the world for the whole collection: every printed phase is a pause.
            long sum = 0;
            for (int k = 0; k < n; k++) sum += c[k];
            pause = sum / 1000.0;
            // mgc0.c: 1.0-1.2 print mark+sweep+rest; 1.3-1.4 print stop+sweep-leftovers+mark+finish.
            int markIndex = l.legacyMicros ? 2 : 0;
            if (n > markIndex) mk = c[markIndex] / 1000.0;
        } else if (n == 5) {
            // Go 1.5: sweep term (STW) + scan + install write barriers (STW) + mark + mark term (STW)
            sweep = c[0] / 1000.0;
            mk = (c[1] + c[3]) / 1000.0;
            wb = c[2] / 1000.0;
            term = c[4] / 1000.0;
            pause = (c[0] + c[2] + c[4]) / 1000.0;
        } else if (n >= 2) {
            // Go 1.6+: sweep term (STW) + concurrent mark + mark term (STW); more terms = unknown drift,
            // read as first and last STW with the middle concurrent.
            long middle = 0;
            for (int k = 1; k < n - 1; k++) middle += c[k];
            sweep = c[0] / 1000.0;
            term = c[n - 1] / 1000.0;
            mk = n > 2 ? middle / 1000.0 : Double.NaN;
            pause = (c[0] + c[n - 1]) / 1000.0;
        }
        sweepTerm[i] = sweep;
        mark[i] = mk;
        markTerm[i] = term;
        installWb[i] = wb;
        stw[i] = pause;
    }

    private void cpu(int i, GcLine l) {
        long[] c = l.cpuMicros;
        double st = Double.NaN, as = Double.NaN, bg = Double.NaN, id = Double.NaN, mt = Double.NaN;
        if (l.cpuCount == 5) {
            st = c[0] / 1000.0;
            as = c[1] / 1000.0;
            bg = c[2] / 1000.0;
            id = c[3] / 1000.0;
            mt = c[4] / 1000.0;
        } else if (l.cpuCount == 7) {
            // Go 1.5: sweepTerm + scan + installWB + assist/background/idle + markTerm. Root scanning
            // was done by the background workers, so it counts as background; installWB is always 0.
            st = c[0] / 1000.0;
            as = c[3] / 1000.0;
            bg = (c[1] + c[4]) / 1000.0;
            id = c[5] / 1000.0;
            mt = c[6] / 1000.0;
        }
        sweepTermCpu[i] = st;
        assistCpu[i] = as;
        backgroundCpu[i] = bg;
        idleCpu[i] = id;
        markTermCpu[i] = mt;
    }

    Table build(String name) {
        int n = size;
        double[] interval = new double[n];
        double[] alloc = new double[n];
        double[] rate = new double[n];
        double[] survival = new double[n];
        derive(interval, alloc, rate, survival);

        Table t = Table.create(name);
        // The buffers become the columns, so nothing below may write to them afterwards.
        t.addColumns(ints(RUN, run), ints(GC, gc));
        t.addColumns(doubles(START_S, seconds(startMillis, n)));
        t.addColumns(wallTime());
        startMillis = null;
        t.addColumns(ints(GC_CPU_PCT, cpuPct));
        cpuPct = null;
        t.addColumns(doubles(SWEEP_TERM_MS, sweepTerm), doubles(MARK_MS, mark), doubles(MARK_TERM_MS, markTerm),
                doubles(STW_MS, stw));
        sweepTerm = mark = markTerm = stw = null;
        t.addColumns(doubles(SWEEP_TERM_CPU_MS, sweepTermCpu), doubles(ASSIST_CPU_MS, assistCpu),
                doubles(BACKGROUND_CPU_MS, backgroundCpu), doubles(IDLE_CPU_MS, idleCpu),
                doubles(MARK_TERM_CPU_MS, markTermCpu));
        sweepTermCpu = assistCpu = backgroundCpu = idleCpu = markTermCpu = null;
        t.addColumns(ints(HEAP_START_MB, heapStart), ints(HEAP_END_MB, heapEnd), ints(HEAP_LIVE_MB, heapLive),
                ints(HEAP_GOAL_MB, heapGoal), ints(STACKS_MB, stacks), ints(GLOBALS_MB, globals), ints(PROCS, procs));
        heapStart = heapEnd = heapLive = heapGoal = stacks = globals = procs = null;
        t.addColumns(flag(FORCED, (byte) (FLAG_FORCED | FLAG_PERIODIC)));
        t.addColumns(doubles(INTERVAL_S, interval), doubles(ALLOC_MB, alloc), doubles(ALLOC_RATE_MB_S, rate),
                doubles(SURVIVAL, survival));
        t.addColumns(trigger(), flag(LEAK_CHECK, FLAG_LEAK), flag(PARTIAL, FLAG_PARTIAL));
        t.addColumns(doubles(INSTALL_WB_MS, installWb));
        installWb = null;
        t.addColumns(dialects(), ints(LINE, line));
        run = gc = line = null;
        flags = dialect = null;
        return t;
    }

    /**
     * interval_s: time since the previous cycle of the same run. alloc_mb: bytes allocated between the
     * two cycles' starts — what the previous cycle's mark allocated (end − start) plus what was
     * allocated after it (this start − previous live, since the runtime resets its heap count to the
     * marked heap at mark termination). Truncation to whole MB can make that −1, so it is clamped
     * at 0. survival: live / end heap, the share of the heap the cycle found reachable.
     */
    private void derive(double[] interval, double[] alloc, double[] rate, double[] survival) {
        for (int i = 0; i < size; i++) {
            double iv = Double.NaN;
            double al = Double.NaN;
            boolean legacy = isLegacy(i);
            if (i > 0 && run[i] == run[i - 1]) {
                int j = i - 1;
                if (startMillis[i] != NO_TIME && startMillis[j] != NO_TIME) {
                    iv = (startMillis[i] - startMillis[j]) / 1000.0;
                } else if (wallMillis[i] != WallClockParser.MISSING && wallMillis[j] != WallClockParser.MISSING) {
                    iv = (wallMillis[i] - wallMillis[j]) / 1000.0;
                }
                int after = legacy ? heapEnd[j] : heapLive[j];
                if (heapStart[i] != NONE && after != NONE) {
                    long a = (long) heapStart[i] - after;
                    if (!legacy) {
                        a = (heapEnd[j] != NONE && heapStart[j] != NONE) ? a + heapEnd[j] - heapStart[j] : Long.MIN_VALUE;
                    }
                    if (a != Long.MIN_VALUE) al = Math.max(0, a);
                }
            } else if (gc[i] == 1 && startMillis[i] != NO_TIME) {
                // the first cycle of a process: everything since start-up
                iv = startMillis[i] / 1000.0;
                if (heapStart[i] != NONE) al = heapStart[i];
            }
            if (iv < 0) iv = Double.NaN; // time ran backwards inside a run: interleaved processes, not an interval
            interval[i] = iv;
            alloc[i] = al;
            rate[i] = iv > 0 ? al / iv : Double.NaN;
            int live = legacy ? heapEnd[i] : heapLive[i];
            int whole = legacy ? heapStart[i] : heapEnd[i];
            survival[i] = (live != NONE && whole != NONE && whole > 0) ? (double) live / whole : Double.NaN;
        }
    }

    private boolean isLegacy(int i) {
        return dialect[i] <= GcDialect.GO1_3_TO_1_4.ordinal();
    }

    private DateTimeColumn wallTime() {
        long[] packed = new long[size];
        long cachedDay = Long.MIN_VALUE;
        int cachedPackedDate = 0;
        for (int i = 0; i < size; i++) {
            long w = wallMillis[i];
            if (w == WallClockParser.MISSING) {
                packed[i] = DateTimeColumnType.missingValueIndicator();
                continue;
            }
            long day = Math.floorDiv(w, 86_400_000L);
            if (day != cachedDay) {
                cachedDay = day;
                cachedPackedDate = PackedLocalDate.pack(LocalDate.ofEpochDay(day));
            }
            int ms = (int) Math.floorMod(w, 86_400_000L);
            int time = PackedLocalTime.of(ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
            packed[i] = PackedLocalDateTime.create(cachedPackedDate, time);
        }
        wallMillis = null;
        return DateTimeColumn.createInternal(WALL_TIME, packed);
    }

    private BooleanColumn flag(String name, byte mask) {
        BitSet trues = new BitSet(size);
        for (int i = 0; i < size; i++) {
            if ((flags[i] & mask) != 0) trues.set(i);
        }
        return Columns.booleans(name, trues, size);
    }

    private StringColumn trigger() {
        String[] v = new String[size];
        for (int i = 0; i < size; i++) {
            byte f = flags[i];
            v[i] = (f & FLAG_PERIODIC) != 0 ? TRIGGER_PERIODIC : (f & FLAG_FORCED) != 0 ? TRIGGER_USER : TRIGGER_HEAP;
        }
        return StringColumn.create(TRIGGER, v);
    }

    private StringColumn dialects() {
        String[] v = new String[size];
        for (int i = 0; i < size; i++) v[i] = DIALECTS[dialect[i]].label();
        return StringColumn.create(DIALECT, v);
    }

    private IntColumn ints(String name, int[] values) {
        return Columns.ints(name, values, size);
    }

    private DoubleColumn doubles(String name, double[] values) {
        return Columns.doubles(name, values, size);
    }

    private static double[] seconds(long[] millis, int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = millis[i] == NO_TIME ? Double.NaN : millis[i] / 1000.0;
        return s;
    }

    private void allocate(int cap) {
        run = new int[cap]; gc = new int[cap]; cpuPct = new int[cap]; heapStart = new int[cap];
        heapEnd = new int[cap]; heapLive = new int[cap]; heapGoal = new int[cap]; stacks = new int[cap];
        globals = new int[cap]; procs = new int[cap]; line = new int[cap];
        startMillis = new long[cap]; wallMillis = new long[cap];
        sweepTerm = new double[cap]; mark = new double[cap]; markTerm = new double[cap];
        installWb = new double[cap]; stw = new double[cap];
        sweepTermCpu = new double[cap]; assistCpu = new double[cap]; backgroundCpu = new double[cap];
        idleCpu = new double[cap]; markTermCpu = new double[cap];
        flags = new byte[cap]; dialect = new byte[cap];
    }

    private void grow() {
        int cap = run.length + (run.length >> 1) + 16;
        run = Arrays.copyOf(run, cap); gc = Arrays.copyOf(gc, cap); cpuPct = Arrays.copyOf(cpuPct, cap);
        heapStart = Arrays.copyOf(heapStart, cap); heapEnd = Arrays.copyOf(heapEnd, cap);
        heapLive = Arrays.copyOf(heapLive, cap); heapGoal = Arrays.copyOf(heapGoal, cap);
        stacks = Arrays.copyOf(stacks, cap); globals = Arrays.copyOf(globals, cap);
        procs = Arrays.copyOf(procs, cap); line = Arrays.copyOf(line, cap);
        startMillis = Arrays.copyOf(startMillis, cap); wallMillis = Arrays.copyOf(wallMillis, cap);
        sweepTerm = Arrays.copyOf(sweepTerm, cap); mark = Arrays.copyOf(mark, cap);
        markTerm = Arrays.copyOf(markTerm, cap); installWb = Arrays.copyOf(installWb, cap);
        stw = Arrays.copyOf(stw, cap); sweepTermCpu = Arrays.copyOf(sweepTermCpu, cap);
        assistCpu = Arrays.copyOf(assistCpu, cap); backgroundCpu = Arrays.copyOf(backgroundCpu, cap);
        idleCpu = Arrays.copyOf(idleCpu, cap); markTermCpu = Arrays.copyOf(markTermCpu, cap);
        flags = Arrays.copyOf(flags, cap); dialect = Arrays.copyOf(dialect, cap);
    }
}
