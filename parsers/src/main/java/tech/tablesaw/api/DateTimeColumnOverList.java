package tech.tablesaw.api;

import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * A Tablesaw date-time column over a list gcscope hands it, not copied. {@code DateTimeColumn} has
 * no such factory ({@code createInternal} copies its array, the constructor that takes a list is
 * private, so the class cannot be subclassed as {@code DoubleColumn} and {@code IntColumn} are in
 * {@code dev.gcscope.parsers.table.Columns}); its list is a protected field, which this package may
 * set. That is why this one class lives in Tablesaw's package: the access is checked by the compiler
 * (an upgrade that changes the field fails the build, not a run), unlike reflection, and needs no
 * {@code setAccessible}. gcscope runs on the class path (the app is one shaded jar), where a package
 * may span two jars; Tablesaw's jar is not sealed.
 *
 * <p>Used for {@code wall_time}: a log without timestamps (most of them) would otherwise cost eight
 * bytes a cycle of missing values (issue 14).
 */
public final class DateTimeColumnOverList {
    private DateTimeColumnOverList() {}

    /** A column named {@code name} whose packed date-times are {@code data}, which it now owns. */
    public static DateTimeColumn of(String name, LongArrayList data) {
        DateTimeColumn column = DateTimeColumn.create(name);
        column.data = data;
        return column;
    }
}
