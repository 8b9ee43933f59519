package dev.gcscope.parsers.gctrace;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.prefix.WallClockParser;
import dev.gcscope.parsers.table.Columns;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
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
 * Primitive column buffers for the cycles table, filled one row per gc line and handed to Tablesaw
 * once at the end without copying (a Tablesaw append per value would box and check every cell).
 * Only the buffers the requested columns need exist (a null buffer is simply not filled), so a
 * summary does not pay for thirty columns it never reads.
 */
final class CycleTableBuilder {
    private static final int NONE = GcLine.NONE;
    private static final long NO_TIME = GcLine.NO_TIME;
    private static final byte FLAG_FORCED = 1;
    private static final byte FLAG_PERIODIC = 2;
    private static final byte FLAG_LEAK = 4;
    private static final byte FLAG_PARTIAL = 8;

    private final ParseOptions wanted;
    private final boolean wallForIntervals;
    private int size;
    // always kept: run numbering, the derived columns and the flag columns need them
    private int[] run;
    private byte[] flags, dialect;
    // kept when asked for, or when a derived column asked for needs them
    private int[] gc, cpuPct, heapStart, heapEnd, heapLive, heapGoal, stacks, globals, procs, line;
    private double[] startS;
    private long[] wallMillis;
    private double[] sweepTerm, mark, markTerm, installWb, stw;
    private double[] sweepTermCpu, assistCpu, backgroundCpu, idleCpu, markTermCpu;

    CycleTableBuilder(int expectedRows, ParseOptions wanted) {
        this.wanted = wanted;
        int cap = Math.max(16, expectedRows);
        boolean interval = wanted.wants(INTERVAL_S) || wanted.wants(ALLOC_RATE_MB_S);
        // the first cycle of a process is recognised by its gc number 1
        boolean alloc = wanted.wants(ALLOC_MB) || wanted.wants(ALLOC_RATE_MB_S);
        boolean survival = wanted.wants(SURVIVAL);
        run = new int[cap];
        flags = new byte[cap];
        dialect = new byte[cap];
        gc = ints(cap, wanted.wants(GC) || alloc || interval);
        line = ints(cap, wanted.wants(LINE));
        startS = doubles(cap, wanted.wants(START_S) || interval);
        // interval_s falls back to wall-clock prefixes only for lines without @ times (Go <= 1.4):
        // kept from the first timestamp on, not up front for every plain log
        wallMillis = longs(cap, wanted.wants(WALL_TIME));
        wallForIntervals = interval && !wanted.wants(WALL_TIME);
        cpuPct = ints(cap, wanted.wants(GC_CPU_PCT));
        sweepTerm = doubles(cap, wanted.wants(SWEEP_TERM_MS));
        mark = doubles(cap, wanted.wants(MARK_MS));
        markTerm = doubles(cap, wanted.wants(MARK_TERM_MS));
        installWb = doubles(cap, wanted.wants(INSTALL_WB_MS));
        stw = doubles(cap, wanted.wants(STW_MS));
        sweepTermCpu = doubles(cap, wanted.wants(SWEEP_TERM_CPU_MS));
        assistCpu = doubles(cap, wanted.wants(ASSIST_CPU_MS));
        backgroundCpu = doubles(cap, wanted.wants(BACKGROUND_CPU_MS));
        idleCpu = doubles(cap, wanted.wants(IDLE_CPU_MS));
        markTermCpu = doubles(cap, wanted.wants(MARK_TERM_CPU_MS));
        heapStart = ints(cap, wanted.wants(HEAP_START_MB) || alloc || survival);
        heapEnd = ints(cap, wanted.wants(HEAP_END_MB) || alloc || survival);
        heapLive = ints(cap, wanted.wants(HEAP_LIVE_MB) || alloc || survival);
        heapGoal = ints(cap, wanted.wants(HEAP_GOAL_MB));
        stacks = ints(cap, wanted.wants(STACKS_MB));
        globals = ints(cap, wanted.wants(GLOBALS_MB));
        procs = ints(cap, wanted.wants(PROCS));
    }

    int size() {
        return size;
    }

    void add(GcLine l, int runNo, long lineNo, long wall, boolean periodic, boolean partial) {
        if (size == run.length) grow();
        int i = size++;
        run[i] = runNo;
        if (gc != null) gc[i] = l.gc;
        if (line != null) line[i] = lineNo > Integer.MAX_VALUE ? NONE : (int) lineNo;
        if (startS != null) startS[i] = l.startMillis == NO_TIME ? Double.NaN : l.startMillis / 1000.0;
        if (wallMillis == null && wallForIntervals && wall != WallClockParser.MISSING) {
            wallMillis = new long[run.length];
            Arrays.fill(wallMillis, 0, i, WallClockParser.MISSING);
        }
        if (wallMillis != null) wallMillis[i] = wall;
        if (cpuPct != null) cpuPct[i] = l.cpuPct;
        if (heapStart != null) heapStart[i] = l.heapStartMb;
        if (heapEnd != null) heapEnd[i] = l.heapEndMb;
        if (heapLive != null) heapLive[i] = l.heapLiveMb;
        if (heapGoal != null) heapGoal[i] = l.heapGoalMb;
        if (stacks != null) stacks[i] = l.stacksMb;
        if (globals != null) globals[i] = l.globalsMb;
        if (procs != null) procs[i] = l.procs;
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
        if (sweepTerm != null) sweepTerm[i] = sweep;
        if (mark != null) mark[i] = mk;
        if (markTerm != null) markTerm[i] = term;
        if (installWb != null) installWb[i] = wb;
        if (stw != null) stw[i] = pause;
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
        if (sweepTermCpu != null) sweepTermCpu[i] = st;
        if (assistCpu != null) assistCpu[i] = as;
        if (backgroundCpu != null) backgroundCpu[i] = bg;
        if (idleCpu != null) idleCpu[i] = id;
        if (markTermCpu != null) markTermCpu[i] = mt;
    }

    /** The table, columns in {@link GcColumns#CYCLE_COLUMNS} order; the buffers become its columns. */
    Table build(String name) {
        int n = size;
        double[] interval = wanted.wants(INTERVAL_S) || wanted.wants(ALLOC_RATE_MB_S) ? intervals() : null;
        double[] alloc = wanted.wants(ALLOC_MB) || wanted.wants(ALLOC_RATE_MB_S) ? allocations() : null;
        Table t = Table.create(name);
        for (String c : CYCLE_COLUMNS) {
            if (!wanted.wants(c)) continue;
            switch (c) {
                case RUN -> t.addColumns(Columns.ints(c, run, n));
                case GC -> t.addColumns(Columns.ints(c, gc, n));
                case START_S -> t.addColumns(Columns.doubles(c, startS, n));
                case WALL_TIME -> t.addColumns(wallTime());
                case GC_CPU_PCT -> t.addColumns(Columns.ints(c, cpuPct, n));
                case SWEEP_TERM_MS -> t.addColumns(Columns.doubles(c, sweepTerm, n));
                case MARK_MS -> t.addColumns(Columns.doubles(c, mark, n));
                case MARK_TERM_MS -> t.addColumns(Columns.doubles(c, markTerm, n));
                case STW_MS -> t.addColumns(Columns.doubles(c, stw, n));
                case SWEEP_TERM_CPU_MS -> t.addColumns(Columns.doubles(c, sweepTermCpu, n));
                case ASSIST_CPU_MS -> t.addColumns(Columns.doubles(c, assistCpu, n));
                case BACKGROUND_CPU_MS -> t.addColumns(Columns.doubles(c, backgroundCpu, n));
                case IDLE_CPU_MS -> t.addColumns(Columns.doubles(c, idleCpu, n));
                case MARK_TERM_CPU_MS -> t.addColumns(Columns.doubles(c, markTermCpu, n));
                case HEAP_START_MB -> t.addColumns(Columns.ints(c, heapStart, n));
                case HEAP_END_MB -> t.addColumns(Columns.ints(c, heapEnd, n));
                case HEAP_LIVE_MB -> t.addColumns(Columns.ints(c, heapLive, n));
                case HEAP_GOAL_MB -> t.addColumns(Columns.ints(c, heapGoal, n));
                case STACKS_MB -> t.addColumns(Columns.ints(c, stacks, n));
                case GLOBALS_MB -> t.addColumns(Columns.ints(c, globals, n));
                case PROCS -> t.addColumns(Columns.ints(c, procs, n));
                case FORCED -> t.addColumns(flag(c, (byte) (FLAG_FORCED | FLAG_PERIODIC)));
                case INTERVAL_S -> t.addColumns(Columns.doubles(c, interval, n));
                case ALLOC_MB -> t.addColumns(Columns.doubles(c, alloc, n));
                case ALLOC_RATE_MB_S -> t.addColumns(Columns.doubles(c, rates(alloc, interval), n));
                case SURVIVAL -> t.addColumns(Columns.doubles(c, survival(), n));
                case TRIGGER -> t.addColumns(trigger());
                case LEAK_CHECK -> t.addColumns(flag(c, FLAG_LEAK));
                case PARTIAL -> t.addColumns(flag(c, FLAG_PARTIAL));
                case INSTALL_WB_MS -> t.addColumns(Columns.doubles(c, installWb, n));
                case LINE -> t.addColumns(Columns.ints(c, line, n));
                default -> throw new IllegalStateException("no builder for column " + c);
            }
        }
        return t;
    }

    /**
     * Time since the previous cycle of the same run (from the @ times, else from wall-clock
     * prefixes); for a process's first cycle, time since start-up. A step backwards inside a run
     * (interleaved processes) is not an interval.
     */
    private double[] intervals() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            double iv = Double.NaN;
            if (i > 0 && run[i] == run[i - 1]) {
                int j = i - 1;
                if (!Double.isNaN(startS[i]) && !Double.isNaN(startS[j])) {
                    // both are whole milliseconds: round the difference back to them exactly
                    iv = Math.rint((startS[i] - startS[j]) * 1000) / 1000.0;
                } else if (wallMillis != null && wallMillis[i] != WallClockParser.MISSING && wallMillis[j] != WallClockParser.MISSING) {
                    iv = (wallMillis[i] - wallMillis[j]) / 1000.0;
                }
            } else if (gc[i] == 1 && !Double.isNaN(startS[i])) {
                iv = startS[i];
            }
            out[i] = iv < 0 ? Double.NaN : iv;
        }
        return out;
    }

    /**
     * MB allocated between the previous cycle's start and this one's: what the previous cycle's mark
     * allocated (end − start) plus what was allocated after it (this start − previous live, since the
     * runtime resets its heap count to the marked heap at mark termination). Truncation to whole MB
     * can make that −1, so it is clamped at 0. Before Go 1.5 the collection stopped the world, so it
     * is just this start − previous end. A process's first cycle: everything since start-up.
     */
    private double[] allocations() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            double al = Double.NaN;
            if (i > 0 && run[i] == run[i - 1]) {
                int j = i - 1;
                boolean legacy = isLegacy(i);
                int after = legacy ? heapEnd[j] : heapLive[j];
                if (heapStart[i] != NONE && after != NONE) {
                    long a = (long) heapStart[i] - after;
                    if (!legacy) {
                        a = (heapEnd[j] != NONE && heapStart[j] != NONE) ? a + heapEnd[j] - heapStart[j] : Long.MIN_VALUE;
                    }
                    if (a != Long.MIN_VALUE) al = Math.max(0, a);
                }
            } else if (gc[i] == 1 && heapStart[i] != NONE) {
                al = heapStart[i];
            }
            out[i] = al;
        }
        return out;
    }

    private double[] rates(double[] alloc, double[] interval) {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) out[i] = interval[i] > 0 ? alloc[i] / interval[i] : Double.NaN;
        return out;
    }

    /** Live / end heap: the share of the heap the cycle found reachable (before Go 1.5: after / before). */
    private double[] survival() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            boolean legacy = isLegacy(i);
            int live = legacy ? heapEnd[i] : heapLive[i];
            int whole = legacy ? heapStart[i] : heapEnd[i];
            out[i] = (live != NONE && whole != NONE && whole > 0) ? (double) live / whole : Double.NaN;
        }
        return out;
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

    private static int[] ints(int cap, boolean wanted) {
        return wanted ? new int[cap] : null;
    }

    private static long[] longs(int cap, boolean wanted) {
        return wanted ? new long[cap] : null;
    }

    private static double[] doubles(int cap, boolean wanted) {
        return wanted ? new double[cap] : null;
    }

    private void grow() {
        int cap = run.length + (run.length >> 1) + 16;
        run = Arrays.copyOf(run, cap);
        flags = Arrays.copyOf(flags, cap);
        dialect = Arrays.copyOf(dialect, cap);
        gc = grow(gc, cap); line = grow(line, cap); cpuPct = grow(cpuPct, cap);
        heapStart = grow(heapStart, cap); heapEnd = grow(heapEnd, cap); heapLive = grow(heapLive, cap);
        heapGoal = grow(heapGoal, cap); stacks = grow(stacks, cap); globals = grow(globals, cap); procs = grow(procs, cap);
        startS = grow(startS, cap); wallMillis = grow(wallMillis, cap);
        sweepTerm = grow(sweepTerm, cap); mark = grow(mark, cap); markTerm = grow(markTerm, cap);
        installWb = grow(installWb, cap); stw = grow(stw, cap);
        sweepTermCpu = grow(sweepTermCpu, cap); assistCpu = grow(assistCpu, cap);
        backgroundCpu = grow(backgroundCpu, cap); idleCpu = grow(idleCpu, cap); markTermCpu = grow(markTermCpu, cap);
    }

    private static int[] grow(int[] a, int cap) {
        return a == null ? null : Arrays.copyOf(a, cap);
    }

    private static long[] grow(long[] a, int cap) {
        return a == null ? null : Arrays.copyOf(a, cap);
    }

    private static double[] grow(double[] a, int cap) {
        return a == null ? null : Arrays.copyOf(a, cap);
    }
}
