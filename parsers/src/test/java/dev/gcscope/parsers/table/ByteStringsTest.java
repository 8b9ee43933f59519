package dev.gcscope.parsers.table;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A string column built from interned ids behaves like one Tablesaw built value by value. */
class ByteStringsTest {

    private static int id(ByteStrings d, String s) {
        byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.UTF_8);
        return d.id(b, 2, b.length - 2);
    }

    @Test
    void sameBytesSameIdAndTheColumnMatchesAnOrdinaryOne() {
        ByteStrings d = new ByteStrings();
        String[] values = {"java", "phases", "java", null, "<idle>", "C2 CompilerThre", "phases", "java", null, "äöü"};
        int[] ids = new int[values.length];
        for (int i = 0; i < values.length; i++) ids[i] = values[i] == null ? ByteStrings.MISSING : id(d, values[i]);
        assertEquals(ids[0], ids[2]);
        assertEquals(5, d.size());
        for (int i = 0; i < 200; i++) id(d, "t" + i); // growth and rehash
        assertEquals(ids[1], id(d, "phases"));

        StringColumn built = d.column("task", ids, ids.length);
        StringColumn plain = StringColumn.create("task");
        for (String v : values) {
            if (v == null) plain.appendMissing(); else plain.append(v);
        }
        for (int i = 0; i < values.length; i++) {
            assertEquals(plain.get(i), built.get(i), "row " + i);
            assertEquals(plain.isMissing(i), built.isMissing(i), "row " + i);
        }
        assertEquals(plain.countMissing(), built.countMissing());
        assertEquals(plain.countUnique(), built.countUnique());
        assertEquals(Set.copyOf(plain.asSet()), Set.copyOf(built.asSet()));
        assertEquals(3, built.countOccurrences("java"));
        assertArrayEquals(new int[] {0, 2, 7}, built.isEqualTo("java").toArray());

        Table t = Table.create("t", built);
        Table java = t.where(t.stringColumn("task").isEqualTo("java"));
        assertEquals(3, java.rowCount());
        Table sorted = t.sortAscendingOn("task");
        assertEquals(values.length, sorted.rowCount());
        built.append("new value");
        assertEquals("new value", built.get(values.length));
        assertEquals("java", built.get(0), "appending a value keeps the old ones");
        assertEquals(1, built.countOccurrences("new value"));
        assertEquals(values.length + 1, built.copy().size());
    }

    @Test
    void idsOfRowsNotInTheColumnDoNotShowUp() {
        ByteStrings d = new ByteStrings();
        int a = id(d, "a");
        id(d, "dropped");
        StringColumn c = d.column("c", new int[] {a, a}, 2);
        assertEquals(1, c.countUnique());
        assertFalse(c.asSet().contains("dropped"));
    }
}
