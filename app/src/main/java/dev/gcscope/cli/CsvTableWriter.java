package dev.gcscope.cli;

import dev.gcscope.format.PlainNumbers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table as CSV (RFC 4180 quoting, LF line ends): header = the column names in table order,
 * numbers in plain shortest form ({@code +Inf}/{@code -Inf} for infinities), missing values as empty
 * fields, booleans {@code true}/{@code false},
 * date-times as ISO-8601 with milliseconds.
 *
 * <p>Why not Tablesaw's {@code table.write().csv(...)} (0.44.4): it prints doubles through
 * {@code Double.toString}, so a cycles table comes out as {@code 0.0}, {@code 3.0}, {@code 12189.0},
 * and small or large values as {@code 1.0E-4} and {@code 1.0E7}; and it leaves a field such as
 * {@code q"x} unquoted, which RFC 4180 readers reject. Its date-times ({@code .SSS}) were fine.
 */
final class CsvTableWriter {
    static final DateTimeFormatter WALL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);

    /** How often a write to stdout checks whether the reader went away. */
    private static final int CHECK_EVERY_ROWS = 4096;

    private CsvTableWriter() {}

    static void write(Table table, Writer out) throws IOException {
        List<Column<?>> columns = table.columns();
        StringBuilder row = new StringBuilder(512);
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) row.append(',');
            appendQuoted(row, columns.get(c).name());
        }
        row.append('\n');
        out.write(row.toString());
        int rows = table.rowCount();
        for (int r = 0; r < rows; r++) {
            row.setLength(0);
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) row.append(',');
                appendCell(row, columns.get(c), r);
            }
            row.append('\n');
            out.write(row.toString());
            // A PrintWriter (stdout) swallows errors: stop once `| head` has closed the pipe.
            if (r % CHECK_EVERY_ROWS == 0 && out instanceof PrintWriter p && p.checkError()) return;
        }
        out.flush();
    }

    private static void appendCell(StringBuilder sb, Column<?> column, int row) {
        if (column.isMissing(row)) return;
        if (column instanceof IntColumn i) {
            sb.append(i.getInt(row));
        } else if (column instanceof LongColumn l) {
            sb.append(l.getLong(row)); // not through double: longs above 2^53 would lose digits
        } else if (column instanceof NumberColumn<?, ?> n) {
            double v = n.getDouble(row);
            // Bucket bounds of runtime/metrics histograms are ±Inf at the ends; Prometheus spells them so.
            if (Double.isInfinite(v)) sb.append(v > 0 ? "+Inf" : "-Inf"); else sb.append(PlainNumbers.plain(v));
        } else if (column instanceof BooleanColumn b) {
            sb.append(b.get(row) ? "true" : "false");
        } else if (column instanceof DateTimeColumn t) {
            sb.append(WALL_TIME.format(t.get(row)));
        } else {
            appendQuoted(sb, column.getString(row));
        }
    }

    /** RFC 4180: a field holding a comma, quote, CR or LF is quoted, its quotes doubled. */
    static void appendQuoted(StringBuilder sb, String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char ch = s.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') sb.append('"');
            sb.append(ch);
        }
        sb.append('"');
    }
}
