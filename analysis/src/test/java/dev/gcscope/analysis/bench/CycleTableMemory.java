package dev.gcscope.analysis.bench;

import dev.gcscope.analysis.GcTraceAnalysis;
import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import java.nio.file.Path;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Bytes per cycle the cycles table keeps in the heap, measured the plain way: the heap in use after
 * full collections before the parse and after it, with only the table kept, divided by its rows.
 * The parse's own buffers and the input are garbage by then, so this is what a loaded trace costs
 * for as long as it is open (the window, {@code summary}'s analysis).
 *
 * <pre>
 *   java -Xmx4g -cp "$(cat analysis/target/cp.txt):analysis/target/classes:analysis/target/test-classes" \
 *       dev.gcscope.analysis.bench.CycleTableMemory FILE [summary|all]
 * </pre>
 * {@code summary}: the columns {@code gcscope summary} asks for ({@link GcTraceAnalysis#COLUMNS});
 * {@code all}: every column, as the window loads a trace. One mode per JVM, so neither sees the other's heap.
 */
public final class CycleTableMemory {
    private CycleTableMemory() {}

    /** Held here while the heap is measured, so the collector cannot take it. */
    private static Table kept;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String mode = args.length > 1 ? args[1] : "summary";
        ParseOptions options = mode.equals("all") ? ParseOptions.ALL : ParseOptions.columns(GcTraceAnalysis.COLUMNS);
        long before = usedAfterGc();
        kept = DerivedColumns.parse(new GcTraceParser(), TraceSource.of(file), ParseListener.NONE, options)
                .table(GcColumns.CYCLES_TABLE);
        long after = usedAfterGc();
        int rows = kept.rowCount();
        System.out.printf(Locale.ROOT, "%s: %,d cycles, %d columns, %,d bytes in the heap = %.1f bytes per cycle%n",
                mode, rows, kept.columnCount(), after - before, (after - before) / (double) rows);
        if (args.length > 2 && args[2].equals("--columns")) {
            // Each column's share: the heap freed when it is dropped from the table.
            long last = after;
            for (String name : kept.columnNames()) {
                kept.removeColumns(name);
                long now = usedAfterGc();
                System.out.printf(Locale.ROOT, "  %-20s %6.1f bytes per cycle%n", name, (last - now) / (double) rows);
                last = now;
            }
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
