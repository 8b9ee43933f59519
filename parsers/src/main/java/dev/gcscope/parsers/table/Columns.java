package dev.gcscope.parsers.table;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.BitSet;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.columns.booleans.BitSetBooleanData;

/**
 * Tablesaw columns over arrays a parser already filled, without copying them.
 * {@code DoubleColumn.create(name, double[])} copies its argument; for a million-row trace the
 * copies of ~30 columns cost more time than parsing the numbers and double the peak memory. Tablesaw
 * exposes the list-taking constructors only to subclasses, hence the two tiny subclasses below;
 * they add no state or behaviour, and every Tablesaw operation that derives a column (copy, where,
 * sort) returns plain Tablesaw types.
 */
public final class Columns {
    private Columns() {}

    /** A double column over the first {@code size} values of {@code values}, which it now owns. */
    public static DoubleColumn doubles(String name, double[] values, int size) {
        return new WrappedDoubleColumn(name, DoubleArrayList.wrap(values, size));
    }

    /** An int column over the first {@code size} values of {@code values} ({@code Integer.MIN_VALUE} = missing). */
    public static IntColumn ints(String name, int[] values, int size) {
        return new WrappedIntColumn(name, IntArrayList.wrap(values, size));
    }

    /** A boolean column of {@code size} rows whose true rows are the set bits of {@code trues}. */
    public static BooleanColumn booleans(String name, BitSet trues, int size) {
        BitSet falses = new BitSet(size);
        falses.set(0, size);
        falses.andNot(trues);
        return new BooleanColumn(name, new BitSetBooleanData(trues, falses, new BitSet()));
    }

    private static final class WrappedDoubleColumn extends DoubleColumn {
        WrappedDoubleColumn(String name, DoubleArrayList data) {
            super(name, data);
        }
    }

    private static final class WrappedIntColumn extends IntColumn {
        WrappedIntColumn(String name, IntArrayList data) {
            super(name, data);
        }
    }
}
