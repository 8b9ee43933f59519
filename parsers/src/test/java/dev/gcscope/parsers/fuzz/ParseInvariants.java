package dev.gcscope.parsers.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What must hold of any parse, whatever the bytes: a result or one {@link TraceInputException} line
 * (never another exception), a report whose counts add up, messages of one line, no impossible
 * figure in a table, and the same outcome from a stream that cannot be rewound as from the bytes.
 */
final class ParseInvariants {
    private static final TraceLoader LOADER = TraceLoader.standard();

    private ParseInvariants() {}

    /** Parses {@code input} as {@code format} (null: detected) and checks every invariant. */
    static void check(String format, byte[] input) {
        ParseResult result;
        try {
            result = LOADER.load(TraceSource.of("fuzz.log", input), format, ParseListener.NONE);
        } catch (TraceInputException e) {
            assertOneLine(e.getMessage());
            return;
        } catch (IOException e) {
            throw new AssertionError("bytes in memory failed as IO: " + e, e);
        }
        ParseReport report = result.report();
        assertEquals(report.linesRead(), report.linesUsed() + report.linesSkipped(), "every line counted once");
        report.skippedByKind().values().forEach(n -> assertTrue(n >= 0, "negative skip count " + n));
        report.issues().forEach(issue -> assertOneLine(issue.toString()));
        for (Map.Entry<String, Table> t : result.tables().entrySet()) assertPossible(t.getKey(), t.getValue());
        try {
            ParseResult streamed = LOADER.load(TraceSource.of("fuzz.log", new ByteArrayInputStream(input)), format,
                    ParseListener.NONE);
            assertEquals(result.format(), streamed.format());
            assertEquals(report.linesRead(), streamed.report().linesRead());
            assertEquals(report.issues(), streamed.report().issues());
        } catch (IOException e) {
            fail("read from bytes, failed from a stream of the same bytes: " + e.getMessage());
        }
    }

    /**
     * Figures that cannot be: a negative or infinite duration or size, a GC CPU share outside 0–100 %.
     * A missing value is allowed (the parsers leave a field the line lacks empty).
     */
    private static void assertPossible(String tableName, Table table) {
        for (Column<?> c : table.columns()) {
            if (!(c instanceof NumericColumn<?> n) || c.type() == ColumnType.BOOLEAN) continue;
            String name = c.name().toLowerCase(Locale.ROOT);
            boolean duration = name.endsWith("_ms");
            boolean size = name.endsWith("_mb") || name.endsWith("_kib") || name.endsWith("_bytes");
            boolean cpuShare = name.equals("gc_cpu_pct");
            if (!duration && !size && !cpuShare) continue;
            for (int i = 0; i < n.size(); i++) {
                if (n.isMissing(i)) continue;
                double v = n.getDouble(i);
                String where = tableName + "." + c.name() + " row " + i + " = " + v;
                assertFalse(Double.isNaN(v) || Double.isInfinite(v), where);
                assertTrue(v >= 0, "negative " + where);
                if (cpuShare) assertTrue(v <= 100, "over 100 % " + where);
            }
        }
    }

    private static void assertOneLine(String message) {
        assertTrue(message != null && !message.isBlank(), "empty message");
        assertFalse(message.contains("\n"), "a message of several lines: " + message);
    }
}
