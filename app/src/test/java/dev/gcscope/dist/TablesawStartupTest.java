package dev.gcscope.dist;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.table.Columns;
import io.github.classgraph.ClassGraph;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * On the application's class path the ClassGraph stand-in (io.github.classgraph in this module)
 * replaces the real library, Tablesaw's file readers' dependencies are gone, and the parts of
 * Tablesaw gcscope uses still work without them.
 */
class TablesawStartupTest {

    @Test
    void theRealClassGraphIsNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("nonapi.io.github.classgraph.utils.JarUtils"));
        assertTrue(new ClassGraph().enableAllInfo().whitelistPackages("tech.tablesaw.io").scan()
                .getClassesImplementing("tech.tablesaw.io.DataReader").getNames().isEmpty());
    }

    @Test
    void tablesawsFileReadersDependenciesAreNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.ibm.icu.text.CharsetDetector"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.univocity.parsers.csv.CsvParser"));
    }

    @Test
    void tablesGcscopeBuildsStillWork() {
        double[] stw = {0.5, 0.1, 0.3, 0.2};
        Table t = Table.create("cycles", Columns.ints("gc", new int[] {1, 2, 3, 4, 99}, 4), Columns.doubles("stw_ms", stw, 4));
        assertEquals(4, t.rowCount());
        Table slow = t.where(t.doubleColumn("stw_ms").isGreaterThan(0.25));
        assertEquals(2, slow.rowCount());
        assertEquals(3, slow.intColumn("gc").getInt(1));
        Table sorted = t.sortDescendingOn("stw_ms");
        assertEquals(1, sorted.intColumn("gc").getInt(0));
        assertEquals(0.25, t.doubleColumn("stw_ms").median(), 1e-12);
        assertTrue(t.copy().column("stw_ms") instanceof DoubleColumn);
        assertTrue(t.emptyCopy().column("gc") instanceof IntColumn);
        assertTrue(t.print().contains("stw_ms"));
    }
}
