package dev.gcscope.analysis.cycles;

import dev.gcscope.parsers.table.Columns;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;

/**
 * Copies a few thousand rows of a column at a time into a reused array, for the derived columns'
 * row loops. Reading six packed columns cell by cell inside one loop made that loop one large
 * compilation: in a fresh process the JIT spent 1.5 s of CPU compiling {@code AllocatedMegabytes}'
 * loop (on 1 M cycles, more than the loop's own run). Copying one column per small loop, and
 * computing a block in a method of its own, keeps each compilation small (the loop over blocks runs
 * a few hundred times and is never compiled with them inlined); blocks (not whole columns) keep the
 * memory at a few arrays of {@link #ROWS} whatever the number of cycles.
 */
public final class RowBlocks {
    /** Rows per block. */
    public static final int ROWS = 4096;

    private RowBlocks() {}

    /** Rows {@code [from, to)} of {@code column} into {@code into[0, to - from)} (missing: {@code Integer.MIN_VALUE}). */
    public static int[] copy(IntColumn column, int from, int to, int[] into) {
        Columns.read(column, from, to, into, 0);
        return into;
    }

    /** Rows {@code [from, to)} of {@code column} into {@code into[0, to - from)} (missing: NaN). */
    public static double[] copy(DoubleColumn column, int from, int to, double[] into) {
        Columns.read(column, from, to, into, 0);
        return into;
    }
}
