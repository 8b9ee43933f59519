package dev.gcscope.parsers.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;

class CompactListsTest {

    /** A fastutil method the compact lists do not override would read the superclass's (null) array. */
    @Test
    void everyPublicMethodOfTheArrayListsIsOverridden() {
        assertEquals(List.of(), notOverridden(DoubleArrayList.class, CompactDoubleList.class));
        assertEquals(List.of(), notOverridden(IntArrayList.class, CompactIntList.class));
        assertEquals(List.of(), notOverridden(LongArrayList.class, CompactLongList.class));
    }

    private static List<String> notOverridden(Class<?> base, Class<?> compact) {
        List<String> missing = new ArrayList<>();
        for (Method m : base.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()) || m.isSynthetic()) continue;
            // size(), isEmpty() read the superclass's size, which the compact lists keep.
            if (m.getName().equals("size") && m.getParameterCount() == 0 || m.getName().equals("isEmpty")) continue;
            try {
                compact.getDeclaredMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                missing.add(m.toString());
            }
        }
        return missing;
    }

    @Test
    void packedValuesReadBackAndKeepMissing() {
        long[] values = {0, -127, 127, PackedLongs.MISSING, 300, -32767, 70_000, 5_000_000_000L,
                Long.MAX_VALUE, Long.MIN_VALUE + 1, PackedLongs.MISSING};
        PackedLongs p = new PackedLongs(8);
        PackedLongs.View early = null;
        for (int i = 0; i < values.length; i++) {
            p.set(i, values[i]);
            if (i == 3) early = p.view(4);
        }
        for (int i = 0; i < values.length; i++) assertEquals(values[i], p.get(i), "row " + i);
        // A view taken before more rows came still reads what it had.
        for (int i = 0; i < 4; i++) assertEquals(values[i], early.get(i));
        p.trim(values.length);
        assertEquals(values.length, p.capacity());
        PackedLongs.View all = p.view(values.length);
        for (int i = 0; i < values.length; i++) assertEquals(values[i], all.get(i), "row " + i + " after trim");
    }

    @Test
    void aFixedPointColumnReadsBackTheParsersBitsAndBehavesAsAPlainOne() {
        long[] micros = {1_234, 0, PackedLongs.MISSING, 9, 3_000_001, 17};
        PackedLongs p = new PackedLongs(micros.length);
        double[] plain = new double[micros.length];
        for (int i = 0; i < micros.length; i++) {
            p.set(i, micros[i]);
            plain[i] = micros[i] == PackedLongs.MISSING ? Double.NaN : micros[i] / 1000.0;
        }
        DoubleColumn compact = Columns.fixedPoint("stw_ms", p.view(micros.length), 1000.0);
        DoubleColumn expected = DoubleColumn.create("stw_ms", plain);
        assertArrayEquals(expected.asDoubleArray(), compact.asDoubleArray());
        assertEquals(1, compact.countMissing());
        assertEquals(expected.sum(), compact.sum());
        assertEquals(expected.max(), compact.max());
        assertArrayEquals(expected.where(expected.isGreaterThan(1.0)).asDoubleArray(),
                compact.where(compact.isGreaterThan(1.0)).asDoubleArray());
        assertArrayEquals(expected.copy().asDoubleArray(), compact.copy().asDoubleArray());
        List<Double> iterated = new ArrayList<>();
        List<Double> expectedIterated = new ArrayList<>();
        compact.forEach(iterated::add);
        expected.forEach(expectedIterated::add);
        assertEquals(expectedIterated, iterated);
        // A change turns the list into a plain one, with the change applied.
        compact.set(1, 2.5);
        compact.append(4.0);
        expected.set(1, 2.5);
        expected.append(4.0);
        assertArrayEquals(expected.asDoubleArray(), compact.asDoubleArray());
        compact.sortAscending();
        expected.sortAscending();
        assertArrayEquals(expected.asDoubleArray(), compact.asDoubleArray());
    }

    @Test
    void aPackedIntColumnBehavesAsAPlainOne() {
        int[] values = {3, Integer.MIN_VALUE, 40_000, -5, 0};
        PackedLongs p = new PackedLongs(values.length);
        for (int i = 0; i < values.length; i++) p.set(i, values[i] == Integer.MIN_VALUE ? PackedLongs.MISSING : values[i]);
        IntColumn compact = Columns.packedInts("heap_live_mb", p.view(values.length));
        IntColumn expected = IntColumn.create("heap_live_mb", values);
        assertArrayEquals(expected.asIntArray(), compact.asIntArray());
        assertEquals(1, compact.countMissing());
        assertEquals(expected.getInt(2), compact.getInt(2));
        assertArrayEquals(expected.unique().asIntArray(), compact.unique().asIntArray());
        compact.sortDescending();
        expected.sortDescending();
        assertArrayEquals(expected.asIntArray(), compact.asIntArray());
    }

    @Test
    void derivedDoublesArePackedOnlyWhenEveryValueComesBackExactly() {
        double[] thousandths = {0.001, 12.5, Double.NaN, 1234.567, 0};
        assertTrue(isPacked(Columns.compactDoubles("interval_s", thousandths, thousandths.length)));
        assertArrayEquals(thousandths, Columns.compactDoubles("interval_s", thousandths, thousandths.length).asDoubleArray());
        for (double odd : new double[] {0.1 + 0.2, -0.0, 1e300, Double.POSITIVE_INFINITY, 1.0 / 3}) {
            double[] values = {1.0, odd};
            DoubleColumn c = Columns.compactDoubles("survival", values, 2);
            assertTrue(!isPacked(c), "packed " + odd);
            assertArrayEquals(values, c.asDoubleArray());
        }
    }

    /** Whether a column's list is still compact: its copy comes back plain, but asking costs nothing here. */
    private static boolean isPacked(DoubleColumn c) {
        try {
            var f = DoubleColumn.class.getDeclaredField("data");
            f.setAccessible(true);
            return f.get(c) instanceof CompactDoubleList;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
