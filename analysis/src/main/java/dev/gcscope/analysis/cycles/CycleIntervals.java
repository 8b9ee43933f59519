package dev.gcscope.analysis.cycles;

import static dev.gcscope.parsers.gctrace.GcColumns.GC;
import static dev.gcscope.parsers.gctrace.GcColumns.RUN;
import static dev.gcscope.parsers.gctrace.GcColumns.START_S;
import static dev.gcscope.parsers.gctrace.GcColumns.WALL_TIME;

import java.util.Set;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.DateTimeColumnType;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;
import tech.tablesaw.columns.times.PackedLocalTime;

/**
 * {@code interval_s}: the time since the previous cycle of the same run, from the {@code @} times,
 * else (Go 1.4 and older printed none) from the log lines' timestamps; for a process's first cycle
 * (gc 1), the time since start-up. A step backwards inside a run (interleaved processes) is not an
 * interval.
 */
final class CycleIntervals {
    static final Set<String> INPUTS = Set.of(RUN, GC, START_S, WALL_TIME);

    private static final long MS_PER_DAY = 86_400_000L;

    private CycleIntervals() {}

    static double[] of(Table cycles) {
        IntColumn run = cycles.intColumn(RUN);
        IntColumn gc = cycles.intColumn(GC);
        DoubleColumn start = cycles.doubleColumn(START_S);
        DateTimeColumn wall = cycles.dateTimeColumn(WALL_TIME);
        int n = cycles.rowCount();
        double[] out = new double[n];
        // Each block also holds the row before it (index k - 1), which every row is computed against.
        int[] runs = new int[RowBlocks.ROWS + 1], gcs = new int[RowBlocks.ROWS + 1];
        double[] starts = new double[RowBlocks.ROWS + 1];
        for (int from = 0; from < n; from += RowBlocks.ROWS) {
            int lo = Math.max(0, from - 1), to = Math.min(n, from + RowBlocks.ROWS);
            RowBlocks.copy(run, lo, to, runs);
            RowBlocks.copy(gc, lo, to, gcs);
            RowBlocks.copy(start, lo, to, starts);
            block(from, to, lo, runs, gcs, starts, wall, out);
        }
        return out;
    }

    /**
     * Rows {@code [from, to)}, the block's arrays starting at row {@code lo}. A method of its own so
     * that the loop over blocks above never runs hot enough to be compiled with all of this inlined.
     */
    private static void block(int from, int to, int lo, int[] runs, int[] gcs, double[] starts, DateTimeColumn wall,
                              double[] out) {
        for (int i = from; i < to; i++) {
            int k = i - lo;
            double iv = Double.NaN;
            double s = starts[k];
            if (i > 0 && runs[k] == runs[k - 1]) {
                double previous = starts[k - 1];
                if (!Double.isNaN(s) && !Double.isNaN(previous)) {
                    // both are whole milliseconds: round the difference back to them exactly
                    iv = Math.rint((s - previous) * 1000) / 1000.0;
                } else {
                    iv = wallSeconds(wall, i - 1, i);
                }
            } else if (gcs[k] == 1 && !Double.isNaN(s)) {
                iv = s;
            }
            out[i] = iv < 0 ? Double.NaN : iv;
        }
    }

    /** Seconds from row {@code from}'s wall-clock time to row {@code to}'s, NaN unless both have one. */
    private static double wallSeconds(DateTimeColumn wall, int from, int to) {
        long missing = DateTimeColumnType.missingValueIndicator();
        long a = wall.getLongInternal(from), b = wall.getLongInternal(to);
        if (a == missing || b == missing) return Double.NaN;
        return (epochMillis(b) - epochMillis(a)) / 1000.0;
    }

    /** The parser packs the prefix's epoch milliseconds as a UTC date-time; this is the inverse. */
    private static long epochMillis(long packed) {
        return PackedLocalDate.toEpochDay(PackedLocalDateTime.date(packed)) * MS_PER_DAY
                + PackedLocalTime.getMillisecondOfDay(PackedLocalDateTime.time(packed));
    }
}
