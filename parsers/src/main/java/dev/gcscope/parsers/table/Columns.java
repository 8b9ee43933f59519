package dev.gcscope.parsers.table;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.BitSet;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DateTimeColumnOverList;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.booleans.BitSetBooleanData;

/**
 * Tablesaw columns over arrays a parser already filled, without copying them.
 * {@code DoubleColumn.create(name, double[])} copies its argument; for a million-row trace the
 * copies of ~30 columns cost more time than parsing the numbers and double the peak memory. Tablesaw
 * exposes the list-taking constructors only to subclasses, hence the two tiny subclasses below;
 * they add no state or behaviour, and every Tablesaw operation that derives a column (copy, where,
 * sort) returns plain Tablesaw types. {@code DateTimeColumn} cannot be subclassed; see
 * {@link DateTimeColumnOverList} for how its list is handed over.
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

    /** An int column over packed values ({@link PackedLongs#MISSING} = missing), kept packed. */
    public static IntColumn packedInts(String name, PackedLongs.View values) {
        return new WrappedIntColumn(name, new CompactIntList(values));
    }

    /**
     * A double column whose values are {@code n / scale} for the packed whole numbers {@code n}
     * ({@link PackedLongs#MISSING} = NaN), kept packed: the value read is bit for bit the
     * {@code n / scale} a parser would have stored.
     */
    public static DoubleColumn fixedPoint(String name, PackedLongs.View values, double scale) {
        return new WrappedDoubleColumn(name, new CompactDoubleList(values, scale));
    }

    /**
     * A double column over the first {@code size} of {@code values}: packed as whole numbers, or else
     * as thousandths, when every value is exactly some {@code n} or {@code n / 1000.0} (or NaN), as
     * derived sizes and times of gctrace cycles mostly are, so that reading gives back the very same
     * bits; otherwise over the array as it is.
     */
    public static DoubleColumn compactDoubles(String name, double[] values, int size) {
        for (double scale : new double[] {1.0, THOUSAND}) {
            PackedLongs packed = packed(values, size, scale);
            if (packed != null) return fixedPoint(name, packed.view(size), scale);
        }
        return doubles(name, values, size);
    }

    /** {@code values} as {@code n / scale}, or null when one of them is not exactly that. */
    private static PackedLongs packed(double[] values, int size, double scale) {
        PackedLongs packed = new PackedLongs(size);
        for (int i = 0; i < size; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                packed.set(i, PackedLongs.MISSING);
                continue;
            }
            double scaled = v * scale;
            if (!(Math.abs(scaled) < MAX_EXACT)) return null;
            long n = Math.round(scaled);
            if (Double.doubleToRawLongBits(n / scale) != Double.doubleToRawLongBits(v)) return null;
            packed.set(i, n);
        }
        return packed;
    }

    private static final double THOUSAND = 1000.0;
    /** Whole numbers up to 2^53 convert to double and back exactly. */
    private static final double MAX_EXACT = 0x1p53;

    /**
     * A date-time column over Tablesaw's packed date-times ({@link PackedLongs#MISSING} = missing,
     * which is Tablesaw's missing value too), kept packed.
     */
    public static DateTimeColumn dateTimes(String name, PackedLongs.View packedDateTimes) {
        return DateTimeColumnOverList.of(name, new CompactLongList(packedDateTimes));
    }

    /** A date-time column of the first {@code size} packed date-times of {@code values}, kept packed. */
    public static DateTimeColumn dateTimes(String name, long[] values, int size) {
        PackedLongs packed = new PackedLongs(size);
        for (int i = 0; i < size; i++) packed.set(i, values[i]);
        packed.trim(size);
        return dateTimes(name, packed.view(size));
    }

    /** A date-time column of {@code size} missing values, which take a few bits per hundred rows. */
    public static DateTimeColumn missingDateTimes(String name, int size) {
        return dateTimes(name, PackedLongs.allMissing(size));
    }

    /**
     * A double column whose row i is {@code values.applyAsDouble(i)}, computed on each read and not
     * stored: for a ratio of other columns, which would take eight bytes a row stored. {@code values}
     * must read only data that does not change ({@link #unchangingInts}, {@link #unchangingDoubles}).
     */
    public static DoubleColumn computed(String name, int size, IntToDoubleFunction values) {
        return new WrappedDoubleColumn(name, new CompactDoubleList(size, values));
    }

    /**
     * Row i of {@code column} as it is now, for good: the rows of its packed data, which no change to
     * the column reaches (a change gives the column a copy); null for a column of another kind, whose
     * values could change under a reader.
     */
    public static IntUnaryOperator unchangingInts(Column<?> column) {
        if (column instanceof WrappedIntColumn w && w.list() instanceof CompactIntList list) return list.unchanging();
        return null;
    }

    /** As {@link #unchangingInts}, for a double column (packed, or computed from unchanging data). */
    public static IntToDoubleFunction unchangingDoubles(Column<?> column) {
        if (column instanceof WrappedDoubleColumn w && w.list() instanceof CompactDoubleList list) return list.unchanging();
        return null;
    }

    /**
     * Rows {@code [from, to)} of {@code column} into {@code into} from {@code at} (missing:
     * {@code Integer.MIN_VALUE}), at once from the column's list when it is one of these (an array
     * copy, or packed blocks decoded a few at a time), else cell by cell.
     */
    public static void read(IntColumn column, int from, int to, int[] into, int at) {
        if (column instanceof WrappedIntColumn w) {
            w.list().getElements(from, into, at, to - from);
        } else {
            for (int i = from; i < to; i++) into[at + i - from] = column.getInt(i);
        }
    }

    /** As {@link #read(IntColumn, int, int, int[], int)}, for a double column (missing: NaN). */
    public static void read(DoubleColumn column, int from, int to, double[] into, int at) {
        if (column instanceof WrappedDoubleColumn w) {
            w.list().getElements(from, into, at, to - from);
        } else {
            for (int i = from; i < to; i++) into[at + i - from] = column.getDouble(i);
        }
    }

    /**
     * The rows of {@code column} that are true, as a new set: from the column's bits when they are a
     * {@link BitSetBooleanData}'s (a copy of an eighth of a byte a row), else row by row.
     */
    public static BitSet trues(BooleanColumn column) {
        if (column.data() instanceof BitSetBooleanData bits) return BitSet.valueOf(bits.trueBytes());
        BitSet out = new BitSet(column.size());
        for (int i = 0; i < column.size(); i++) {
            if (column.getByte(i) == 1) out.set(i);
        }
        return out;
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

        DoubleArrayList list() {
            return data;
        }
    }

    private static final class WrappedIntColumn extends IntColumn {
        WrappedIntColumn(String name, IntArrayList data) {
            super(name, data);
        }

        IntArrayList list() {
            return data;
        }
    }
}
