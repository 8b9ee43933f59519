package dev.gcscope.parsers.gctrace;

import static dev.gcscope.parsers.gctrace.GcColumns.TRIGGER;
import static dev.gcscope.parsers.gctrace.GcColumns.TRIGGER_HEAP;
import static dev.gcscope.parsers.gctrace.GcColumns.TRIGGER_PERIODIC;
import static dev.gcscope.parsers.gctrace.GcColumns.TRIGGER_USER;
import static dev.gcscope.parsers.gctrace.GcColumns.WALL_TIME;

import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.prefix.WallClockParser;
import dev.gcscope.parsers.table.Columns;
import dev.gcscope.parsers.table.PackedLongs;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.DateTimeColumnType;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;
import tech.tablesaw.columns.times.PackedLocalTime;

/**
 * Primitive column buffers for the cycles table, filled one row per gc line and handed to Tablesaw
 * once at the end without copying (a Tablesaw append per value would box and check every cell).
 * The buffers are {@link PackedLongs}, each as narrow as its values allow: times are kept as the
 * whole microseconds (milliseconds for {@code start_s}) Go printed and read back as {@code n / 1000.0},
 * so a cycle costs about a third of what plain int and double arrays did (issue 14: 15 M cycles in a
 * 1 GB heap).
 * The buffers are indexed by {@link CycleColumn}, so the table is built by walking the column
 * declarations. Only the buffers of the requested columns exist (a null buffer is simply not
 * filled), so a summary does not pay for thirty columns it never reads. The derived columns
 * (interval, allocation, survival) are not built here: the analysis module computes them from these.
 */
final class CycleTableBuilder {
    private static final int NONE = GcLine.NONE;
    private static final long NO_TIME = GcLine.NO_TIME;
    private static final byte FLAG_FORCED = 1;
    private static final byte FLAG_PERIODIC = 2;
    private static final byte FLAG_LEAK = 4;
    private static final byte FLAG_PARTIAL = 8;
    /** The flag bits behind each boolean column: {@code forced} is also true for the periodic GC. */
    private static final Map<CycleColumn, Byte> FLAGS_OF = new EnumMap<>(Map.of(
            CycleColumn.FORCED, (byte) (FLAG_FORCED | FLAG_PERIODIC),
            CycleColumn.LEAK_CHECK, FLAG_LEAK,
            CycleColumn.PARTIAL, FLAG_PARTIAL));

    // Buffer indices, as constants for the per-row code.
    private static final int RUN = CycleColumn.RUN.ordinal(), GC = CycleColumn.GC.ordinal(),
            LINE = CycleColumn.LINE.ordinal(), START_S = CycleColumn.START_S.ordinal(),
            GC_CPU_PCT = CycleColumn.GC_CPU_PCT.ordinal(), HEAP_START = CycleColumn.HEAP_START_MB.ordinal(),
            HEAP_END = CycleColumn.HEAP_END_MB.ordinal(), HEAP_LIVE = CycleColumn.HEAP_LIVE_MB.ordinal(),
            HEAP_GOAL = CycleColumn.HEAP_GOAL_MB.ordinal(), STACKS = CycleColumn.STACKS_MB.ordinal(),
            GLOBALS = CycleColumn.GLOBALS_MB.ordinal(), PROCS = CycleColumn.PROCS.ordinal(),
            SWEEP_TERM = CycleColumn.SWEEP_TERM_MS.ordinal(), MARK = CycleColumn.MARK_MS.ordinal(),
            MARK_TERM = CycleColumn.MARK_TERM_MS.ordinal(), INSTALL_WB = CycleColumn.INSTALL_WB_MS.ordinal(),
            STW = CycleColumn.STW_MS.ordinal(), SWEEP_TERM_CPU = CycleColumn.SWEEP_TERM_CPU_MS.ordinal(),
            ASSIST_CPU = CycleColumn.ASSIST_CPU_MS.ordinal(), BACKGROUND_CPU = CycleColumn.BACKGROUND_CPU_MS.ordinal(),
            IDLE_CPU = CycleColumn.IDLE_CPU_MS.ordinal(), MARK_TERM_CPU = CycleColumn.MARK_TERM_CPU_MS.ordinal();

    private final ParseOptions wanted;
    private final boolean keepWall;
    private int size;
    private int capacity;
    /** Per row: the FLAG_ bits, always kept (the boolean columns and the trigger come from them). */
    private byte[] flags;
    /**
     * Per column of type INT or DOUBLE, when asked for: its values; a DOUBLE column's are thousandths
     * (microseconds of a {@code _ms} column, milliseconds of {@code start_s}).
     */
    private final PackedLongs[] columns = new PackedLongs[CycleColumn.all().size()];
    /**
     * The last rows' values of each column that {@link #columns} has, not written there yet: a row
     * goes into plain arrays, and every {@link #STAGE_ROWS} rows each column takes them in one loop
     * of its own, where the packed buffer's width stays the same from value to value (written one
     * cell at a time, every row switched between a dozen columns of different widths).
     */
    private final long[][] stage = new long[columns.length][];
    private static final int STAGE_ROWS = 1024;
    /** Rows in {@link #stage}: the last ones before {@link #size}. */
    private int staged;
    private static final double THOUSANDTHS = 1000.0;
    private static final long MISSING = PackedLongs.MISSING;
    /** Wall-clock prefix times, kept from the first line that has one on (most logs have none). */
    private long[] wallMillis;

    CycleTableBuilder(int expectedRows, ParseOptions wanted) {
        this.wanted = wanted;
        keepWall = wanted.wants(WALL_TIME);
        capacity = Math.max(16, expectedRows);
        flags = new byte[capacity];
        for (CycleColumn c : CycleColumn.parsed()) {
            if (!wanted.wants(c.columnName())) continue;
            if (c.type() == CycleColumn.Type.INT || c.type() == CycleColumn.Type.DOUBLE) {
                columns[c.ordinal()] = new PackedLongs(capacity);
                stage[c.ordinal()] = new long[STAGE_ROWS];
            }
        }
    }

    int size() {
        return size;
    }

    void add(GcLine l, int runNo, long lineNo, long wall, boolean periodic, boolean partial) {
        if (size == capacity) grow();
        int i = size++;
        int k = staged++;
        put(RUN, k, runNo);
        put(GC, k, l.gc);
        put(LINE, k, lineNo > Integer.MAX_VALUE ? NONE : (int) lineNo);
        put(START_S, k, l.startMillis == NO_TIME ? MISSING : l.startMillis);
        if (wallMillis == null && keepWall && wall != WallClockParser.MISSING) {
            wallMillis = new long[capacity];
            Arrays.fill(wallMillis, 0, i, WallClockParser.MISSING);
        }
        if (wallMillis != null) wallMillis[i] = wall;
        put(GC_CPU_PCT, k, l.cpuPct);
        put(HEAP_START, k, l.heapStartMb);
        put(HEAP_END, k, l.heapEndMb);
        put(HEAP_LIVE, k, l.heapLiveMb);
        put(HEAP_GOAL, k, l.heapGoalMb);
        put(STACKS, k, l.stacksMb);
        put(GLOBALS, k, l.globalsMb);
        put(PROCS, k, l.procs);
        clock(k, l);
        cpu(k, l);
        byte f = 0;
        if (l.forced) f |= FLAG_FORCED;
        if (periodic) f |= FLAG_PERIODIC;
        if (l.leakCheck) f |= FLAG_LEAK;
        if (partial) f |= FLAG_PARTIAL;
        flags[i] = f;
        if (staged == STAGE_ROWS) flush();
    }

    /** Into the stage at {@code k}. */
    private void put(int column, int k, int value) {
        long[] values = stage[column];
        if (values != null) values[k] = value == NONE ? MISSING : value;
    }

    /** A DOUBLE column's value in thousandths, or {@link #MISSING}, into the stage at {@code k}. */
    private void put(int column, int k, long thousandths) {
        long[] values = stage[column];
        if (values != null) values[k] = thousandths;
    }

    /** Writes the staged rows to the columns, one column at a time. */
    private void flush() {
        int first = size - staged;
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != null) append(columns[c], stage[c], first, staged);
        }
        staged = 0;
    }

    private static void append(PackedLongs column, long[] values, int first, int n) {
        for (int k = 0; k < n; k++) column.set(first + k, values[k]);
    }

    /** A {@code (forced)} that arrived on the line after its gc line. */
    void markForced(int row) {
        flags[row] |= FLAG_FORCED;
    }

    private void clock(int i, GcLine l) {
        long[] c = l.clockMicros;
        int n = l.clockCount;
        // In microseconds, as Go printed them (the columns read them as n / 1000.0 ms).
        long sweep = MISSING, mk = MISSING, term = MISSING, wb = MISSING, pause = MISSING;
        if (l.legacy) {
            // Go <= 1.4 stopped the world for the whole collection: every printed phase is a pause.
            long sum = 0;
            for (int k = 0; k < n; k++) sum += c[k];
            pause = sum;
            // mgc0.c: 1.0-1.2 print mark+sweep+rest; 1.3-1.4 print stop+sweep-leftovers+mark+finish.
            int markIndex = l.legacyMicros ? 2 : 0;
            if (n > markIndex) mk = c[markIndex];
        } else if (n == 5) {
            // Go 1.5: sweep term (STW) + scan + install write barriers (STW) + mark + mark term (STW)
            sweep = c[0];
            mk = c[1] + c[3];
            wb = c[2];
            term = c[4];
            pause = c[0] + c[2] + c[4];
        } else if (n >= 2) {
            // Go 1.6+: sweep term (STW) + concurrent mark + mark term (STW); more terms = unknown drift,
            // read as first and last STW with the middle concurrent.
            long middle = 0;
            for (int k = 1; k < n - 1; k++) middle += c[k];
            sweep = c[0];
            term = c[n - 1];
            mk = n > 2 ? middle : MISSING;
            pause = c[0] + c[n - 1];
        }
        put(SWEEP_TERM, i, sweep);
        put(MARK, i, mk);
        put(MARK_TERM, i, term);
        put(INSTALL_WB, i, wb);
        put(STW, i, pause);
    }

    private void cpu(int i, GcLine l) {
        long[] c = l.cpuMicros;
        long st = MISSING, as = MISSING, bg = MISSING, id = MISSING, mt = MISSING;
        if (l.cpuCount == 5) {
            st = c[0];
            as = c[1];
            bg = c[2];
            id = c[3];
            mt = c[4];
        } else if (l.cpuCount == 7) {
            // Go 1.5: sweepTerm + scan + installWB + assist/background/idle + markTerm. Root scanning
            // was done by the background workers, so it counts as background; installWB is always 0.
            st = c[0];
            as = c[3];
            bg = c[1] + c[4];
            id = c[5];
            mt = c[6];
        }
        put(SWEEP_TERM_CPU, i, st);
        put(ASSIST_CPU, i, as);
        put(BACKGROUND_CPU, i, bg);
        put(IDLE_CPU, i, id);
        put(MARK_TERM_CPU, i, mt);
    }

    /** The table: the parsed columns asked for, in {@link CycleColumn} order; the buffers become its columns. */
    Table build(String name) {
        flush();
        Table t = Table.create(name);
        for (CycleColumn c : CycleColumn.parsed()) {
            if (wanted.wants(c.columnName())) t.addColumns(column(c));
        }
        return t;
    }

    private Column<?> column(CycleColumn c) {
        String name = c.columnName();
        return switch (c.type()) {
            case INT -> Columns.packedInts(name, columns[c.ordinal()].view(size));
            case DOUBLE -> Columns.fixedPoint(name, columns[c.ordinal()].view(size), THOUSANDTHS);
            case BOOLEAN -> flag(name, FLAGS_OF.get(c));
            case TEXT -> trigger(); // the only text column
            case DATE_TIME -> wallTime(); // the only date-time column
        };
    }

    private DateTimeColumn wallTime() {
        // Most logs have no timestamps: then a column that stores no value at all.
        if (wallMillis == null) return Columns.missingDateTimes(WALL_TIME, size);
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
        return Columns.dateTimes(WALL_TIME, packed, size);
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

    /**
     * Gives back the room reserved for rows that never came, once no row will: the row estimate
     * from the input's head can be off by half, and a table lives as long as its window.
     */
    void trim() {
        flush();
        for (PackedLongs c : columns) {
            if (c != null) c.trim(size);
        }
        capacity = Math.max(size, 0);
        flags = Arrays.copyOf(flags, size);
        if (wallMillis != null) wallMillis = Arrays.copyOf(wallMillis, size);
    }

    private void grow() {
        capacity = capacity + (capacity >> 1) + 16;
        flags = Arrays.copyOf(flags, capacity);
        for (PackedLongs c : columns) {
            if (c != null) c.ensureCapacity(capacity);
        }
        if (wallMillis != null) wallMillis = Arrays.copyOf(wallMillis, capacity);
    }
}
