package dev.gcscope.parsers.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.CycleColumn;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.samples.SampleTraces;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.doubles.DoubleListIterator;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntListIterator;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongListIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The encoded columns on real data: every number column of every bundled gctrace recording, one
 * sample after another (16,000-odd cycles: blocks of every kind the parser meets), is written into
 * {@link PackedLongs} as the parser writes it, and every method of the list over it is checked
 * against a plain fastutil list of the same values. The values themselves are checked against an
 * independent reading of the samples by SampleTracesTest.
 */
class EncodedColumnsTest {
    private static final double THOUSAND = 1000.0;

    /** Each number column of the cycles table, as the values the parser stores (thousandths for a double). */
    private static final Map<String, long[]> COLUMNS = columns();

    private static Map<String, long[]> columns() {
        List<Table> tables = new ArrayList<>();
        for (SampleTraces.Sample s : SampleTraces.ofFormat("gctrace")) {
            try {
                tables.add(new GcTraceParser(2026).parse(TraceSource.of(s.path(), s.bytes()), ParseListener.NONE, ParseOptions.ALL)
                        .table(GcColumns.CYCLES_TABLE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int rows = tables.stream().mapToInt(Table::rowCount).sum();
        Map<String, long[]> out = new LinkedHashMap<>();
        for (CycleColumn c : CycleColumn.parsed()) {
            if (c.type() != CycleColumn.Type.INT && c.type() != CycleColumn.Type.DOUBLE && c.type() != CycleColumn.Type.DATE_TIME) continue;
            long[] values = new long[rows];
            int i = 0;
            for (Table t : tables) {
                Column<?> column = t.column(c.columnName());
                for (int r = 0; r < t.rowCount(); r++) values[i++] = stored(column, r);
            }
            out.put(c.columnName(), values);
        }
        return out;
    }

    private static long stored(Column<?> column, int row) {
        if (column instanceof IntColumn ints) {
            int v = ints.getInt(row);
            return v == Integer.MIN_VALUE ? PackedLongs.MISSING : v;
        }
        if (column instanceof DoubleColumn doubles) {
            double v = doubles.getDouble(row);
            if (Double.isNaN(v)) return PackedLongs.MISSING;
            long n = Math.round(v * THOUSAND);
            assertEquals(v, n / THOUSAND, column.name() + " row " + row + " is whole thousandths");
            return n;
        }
        return ((DateTimeColumn) column).getLongInternal(row);
    }

    static Stream<String> names() {
        return COLUMNS.keySet().stream();
    }

    @Test
    void theSamplesGiveEveryKindOfBlock() {
        assertTrue(COLUMNS.get(GcColumns.GC).length > 10_000, COLUMNS.get(GcColumns.GC).length + " cycles");
        // wall_time: timestamps in some samples, none in most
        long[] wall = COLUMNS.get(GcColumns.WALL_TIME);
        assertTrue(Arrays.stream(wall).anyMatch(v -> v == PackedLongs.MISSING));
        assertTrue(Arrays.stream(wall).anyMatch(v -> v != PackedLongs.MISSING));
    }

    /** The values of a column, written in order as the parser writes them, read back, also through views taken on the way. */
    @ParameterizedTest
    @MethodSource("names")
    void valuesReadBackAsWritten(String name) {
        long[] values = COLUMNS.get(name);
        PackedLongs packed = new PackedLongs(values.length / 3); // grows on the way, as with a low row estimate
        List<PackedLongs.View> views = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (i >= packed.capacity()) packed.ensureCapacity(i + i / 2 + 16);
            packed.set(i, values[i]);
            if (i % 1000 == 999 || i == 130) views.add(packed.view(i + 1));
        }
        for (int i = 0; i < values.length; i++) assertEquals(values[i], packed.get(i), name + " row " + i);
        packed.trim(values.length);
        views.add(packed.view(values.length));
        for (PackedLongs.View v : views) {
            for (int i = 0; i < v.size(); i++) assertEquals(values[i], v.get(i), name + " row " + i + " of a view of " + v.size());
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void intListsBehaveAsPlainOnes(String name) {
        long[] values = COLUMNS.get(name);
        if (name.equals(GcColumns.WALL_TIME) || !fitsInts(values)) return;
        int[] plain = new int[values.length];
        for (int i = 0; i < values.length; i++) plain[i] = values[i] == PackedLongs.MISSING ? Integer.MIN_VALUE : (int) values[i];
        IntArrayList expected = IntArrayList.wrap(plain);
        PackedLongs.View view = packed(values);
        CompactIntList compact = new CompactIntList(view);
        assertEquals(expected.size(), compact.size());
        for (int i = 0; i < plain.length; i++) assertEquals(expected.getInt(i), compact.getInt(i));
        assertArrayEquals(expected.toIntArray(), compact.toIntArray());
        assertArrayEquals(expected.toArray(new int[3]), compact.toArray(new int[3]));
        assertArrayEquals(expected.toArray(new int[plain.length + 2]), compact.toArray(new int[plain.length + 2]));
        int[] a = new int[40], b = new int[40];
        expected.getElements(plain.length / 2, a, 3, 30);
        compact.getElements(plain.length / 2, b, 3, 30);
        assertArrayEquals(a, b);
        IntArrayList seen = new IntArrayList();
        compact.forEach(seen::add);
        assertEquals(expected, seen);
        IntArrayList iterated = new IntArrayList();
        compact.iterator().forEachRemaining((int v) -> iterated.add(v));
        assertEquals(expected, iterated);
        IntArrayList split = new IntArrayList();
        compact.spliterator().forEachRemaining((int v) -> split.add(v));
        assertEquals(expected, split);
        IntListIterator back = compact.listIterator(plain.length), expectedBack = expected.listIterator(plain.length);
        while (expectedBack.hasPrevious()) assertEquals(expectedBack.previousInt(), back.previousInt());
        assertFalse(back.hasPrevious());
        for (int probe : new int[] {plain[0], plain[plain.length / 2], plain[plain.length - 1], Integer.MIN_VALUE, 123_456_789}) {
            assertEquals(expected.indexOf(probe), compact.indexOf(probe), "indexOf " + probe);
            assertEquals(expected.lastIndexOf(probe), compact.lastIndexOf(probe), "lastIndexOf " + probe);
            assertEquals(expected.contains(probe), compact.contains(probe));
        }
        // (A plain list's equals reads the other's array directly: only the compact list can be asked.)
        assertEquals(compact, expected);
        assertEquals(expected.hashCode(), compact.hashCode());
        assertEquals(0, compact.compareTo(expected));
        assertEquals(0, compact.compareTo((List<? extends Integer>) expected));
        assertEquals(expected, compact.clone());
        assertEquals(IntColumn.create(name, plain).summary().print(), Columns.packedInts(name, view).summary().print());
        // Changes: each on a fresh compact list, against the same change to a plain one.
        assertEquals(changed(expected.clone(), l -> l.subList(2, 9).clear()), changed(new CompactIntList(view), l -> l.subList(2, 9).clear()));
        assertEquals(changed(expected.clone(), l -> l.set(5, 77)), changed(new CompactIntList(view), l -> l.set(5, 77)));
        assertEquals(changed(expected.clone(), l -> l.add(1, 9)), changed(new CompactIntList(view), l -> l.add(1, 9)));
        assertEquals(changed(expected.clone(), l -> l.removeInt(0)), changed(new CompactIntList(view), l -> l.removeInt(0)));
        assertEquals(changed(expected.clone(), l -> l.sort(null)), changed(new CompactIntList(view), l -> l.sort(null)));
        assertEquals(changed(expected.clone(), l -> l.removeIf(v -> v % 2 == 0)), changed(new CompactIntList(view), l -> l.removeIf(v -> v % 2 == 0)));
        assertEquals(changed(expected.clone(), l -> l.size(3)), changed(new CompactIntList(view), l -> l.size(3)));
    }

    @ParameterizedTest
    @MethodSource("names")
    void doubleListsBehaveAsPlainOnes(String name) {
        long[] values = COLUMNS.get(name);
        if (name.equals(GcColumns.WALL_TIME)) return;
        double[] plain = new double[values.length];
        for (int i = 0; i < values.length; i++) plain[i] = values[i] == PackedLongs.MISSING ? Double.NaN : values[i] / THOUSAND;
        PackedLongs.View view = packed(values);
        checkDoubles(DoubleArrayList.wrap(plain), () -> new CompactDoubleList(view, THOUSAND));
        // Computed on read: the same values through a function of the row.
        checkDoubles(DoubleArrayList.wrap(plain), () -> new CompactDoubleList(plain.length, i -> plain[i]));
        String expected = DoubleColumn.create(name, plain).summary().print();
        assertEquals(expected, Columns.fixedPoint(name, view, THOUSAND).summary().print());
        assertEquals(expected, Columns.computed(name, plain.length, i -> plain[i]).summary().print());
    }

    private static void checkDoubles(DoubleArrayList expected, java.util.function.Supplier<CompactDoubleList> fresh) {
        double[] plain = expected.toDoubleArray();
        CompactDoubleList compact = fresh.get();
        assertEquals(expected.size(), compact.size());
        for (int i = 0; i < plain.length; i++) assertEquals(expected.getDouble(i), compact.getDouble(i));
        assertArrayEquals(expected.toDoubleArray(), compact.toDoubleArray());
        assertArrayEquals(expected.toArray(new double[3]), compact.toArray(new double[3]));
        double[] a = new double[40], b = new double[40];
        expected.getElements(plain.length / 2, a, 3, 30);
        compact.getElements(plain.length / 2, b, 3, 30);
        assertArrayEquals(a, b);
        DoubleArrayList seen = new DoubleArrayList();
        compact.forEach(seen::add);
        same(expected, seen);
        DoubleArrayList iterated = new DoubleArrayList();
        compact.iterator().forEachRemaining((double v) -> iterated.add(v));
        same(expected, iterated);
        DoubleArrayList split = new DoubleArrayList();
        compact.spliterator().forEachRemaining((double v) -> split.add(v));
        same(expected, split);
        DoubleListIterator back = compact.listIterator(plain.length), expectedBack = expected.listIterator(plain.length);
        while (expectedBack.hasPrevious()) assertEquals(expectedBack.previousDouble(), back.previousDouble());
        for (double probe : new double[] {plain[0], plain[plain.length / 2], plain[plain.length - 1], Double.NaN, -1.5}) {
            assertEquals(expected.indexOf(probe), compact.indexOf(probe), "indexOf " + probe);
            assertEquals(expected.lastIndexOf(probe), compact.lastIndexOf(probe), "lastIndexOf " + probe);
        }
        assertEquals(compact, expected);
        assertEquals(expected.hashCode(), compact.hashCode());
        assertEquals(0, compact.compareTo(expected));
        same(expected, compact.clone());
        same(changed(expected.clone(), l -> l.subList(2, 9).clear()), changed(fresh.get(), l -> l.subList(2, 9).clear()));
        same(changed(expected.clone(), l -> l.set(5, 0.25)), changed(fresh.get(), l -> l.set(5, 0.25)));
        same(changed(expected.clone(), l -> l.add(0.5)), changed(fresh.get(), l -> l.add(0.5)));
        same(changed(expected.clone(), l -> l.removeDouble(1)), changed(fresh.get(), l -> l.removeDouble(1)));
        same(changed(expected.clone(), l -> l.sort(null)), changed(fresh.get(), l -> l.sort(null)));
        same(changed(expected.clone(), l -> l.size(3)), changed(fresh.get(), l -> l.size(3)));
    }

    /** Plain double lists compare NaN as unequal to itself; these are compared bit for bit. */
    private static void same(DoubleArrayList expected, DoubleArrayList actual) {
        assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray());
    }

    @ParameterizedTest
    @MethodSource("names")
    void longListsBehaveAsPlainOnes(String name) {
        long[] values = COLUMNS.get(name);
        LongArrayList expected = LongArrayList.wrap(values.clone());
        PackedLongs.View view = packed(values);
        CompactLongList compact = new CompactLongList(view);
        assertEquals(expected.size(), compact.size());
        for (int i = 0; i < values.length; i++) assertEquals(expected.getLong(i), compact.getLong(i));
        assertArrayEquals(expected.toLongArray(), compact.toLongArray());
        assertArrayEquals(expected.toArray(new long[3]), compact.toArray(new long[3]));
        long[] a = new long[40], b = new long[40];
        expected.getElements(values.length / 2, a, 3, 30);
        compact.getElements(values.length / 2, b, 3, 30);
        assertArrayEquals(a, b);
        LongArrayList seen = new LongArrayList();
        compact.forEach(seen::add);
        assertEquals(expected, seen);
        LongArrayList split = new LongArrayList();
        compact.spliterator().forEachRemaining((long v) -> split.add(v));
        assertEquals(expected, split);
        LongListIterator back = compact.listIterator(values.length), expectedBack = expected.listIterator(values.length);
        while (expectedBack.hasPrevious()) assertEquals(expectedBack.previousLong(), back.previousLong());
        for (long probe : new long[] {values[0], values[values.length / 2], values[values.length - 1], PackedLongs.MISSING, 1L << 60}) {
            assertEquals(expected.indexOf(probe), compact.indexOf(probe), "indexOf " + probe);
            assertEquals(expected.lastIndexOf(probe), compact.lastIndexOf(probe), "lastIndexOf " + probe);
        }
        assertEquals(compact, expected);
        assertEquals(expected.hashCode(), compact.hashCode());
        assertEquals(0, compact.compareTo(expected));
        assertEquals(expected, compact.clone());
        assertEquals(changed(expected.clone(), l -> l.set(5, 77L)), changed(new CompactLongList(view), l -> l.set(5, 77L)));
        assertEquals(changed(expected.clone(), l -> l.add(9L)), changed(new CompactLongList(view), l -> l.add(9L)));
        assertEquals(changed(expected.clone(), l -> l.sort(null)), changed(new CompactLongList(view), l -> l.sort(null)));
        assertEquals(changed(expected.clone(), l -> l.subList(2, 9).clear()), changed(new CompactLongList(view), l -> l.subList(2, 9).clear()));
    }

    @Test
    void wallTimeColumnsReadAsTablesawsOwn() {
        long[] values = COLUMNS.get(GcColumns.WALL_TIME);
        DateTimeColumn expected = DateTimeColumn.createInternal(GcColumns.WALL_TIME, values);
        DateTimeColumn compact = Columns.dateTimes(GcColumns.WALL_TIME, values, values.length);
        assertEquals(expected.size(), compact.size());
        assertEquals(expected.countMissing(), compact.countMissing());
        for (int i = 0; i < values.length; i++) assertEquals(expected.get(i), compact.get(i), "row " + i);
        assertEquals(expected.max(), compact.max());
        assertArrayEquals(expected.asObjectArray(), compact.copy().asObjectArray());
        assertEquals(expected.print(), compact.print());
        DateTimeColumn missing = Columns.missingDateTimes(GcColumns.WALL_TIME, values.length);
        assertEquals(values.length, missing.size());
        assertEquals(values.length, missing.countMissing());
        assertEquals(DateTimeColumn.create(GcColumns.WALL_TIME, values.length).print(), missing.print());
        // A change turns the list into a plain one, with the change applied.
        missing.appendMissing();
        missing.set(0, expected.get(values.length - 1));
        assertEquals(values.length + 1, missing.size());
        assertEquals(expected.get(values.length - 1), missing.get(0));
    }

    private static boolean fitsInts(long[] values) {
        for (long v : values) if (v != PackedLongs.MISSING && (v <= Integer.MIN_VALUE || v > Integer.MAX_VALUE)) return false;
        return true;
    }

    private static PackedLongs.View packed(long[] values) {
        PackedLongs p = new PackedLongs(values.length);
        for (int i = 0; i < values.length; i++) p.set(i, values[i]);
        p.trim(values.length);
        return p.view(values.length);
    }

    private static <L> L changed(L list, java.util.function.Consumer<L> change) {
        change.accept(list);
        return list;
    }
}
