package dev.gcscope.cli;

import dev.gcscope.analysis.GcTraceAnalysis;
import dev.gcscope.parsers.gctrace.CycleColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code help export} section listing the gctrace cycles table's columns, written from their
 * declarations ({@link CycleColumn}) so that it cannot drift from the table: name, unit, meaning.
 */
final class CycleColumnsHelp {
    static final String HEADING = "%nColumns of a gctrace file's table, in order (one row per GC cycle):%n";

    private static final int WIDTH = 80;
    private static final String ROW = "  %-18s%-6s";

    private CycleColumnsHelp() {}

    /** Footer lines for picocli: '%' doubled, each at most {@value #WIDTH} characters. */
    static String[] lines() {
        List<String> out = new ArrayList<>();
        for (CycleColumn c : CycleColumn.all()) {
            String meaning = c.origin() == CycleColumn.Origin.DERIVED ? "derived: " + c.meaning() : c.meaning();
            add(out, c.columnName(), c.unit(), meaning);
        }
        add(out, GcTraceAnalysis.REGIME, "", "each cycle's regime id (see --regimes; -1: forced GCs, noise)");
        return out.stream().map(l -> l.replace("%", "%%")).toArray(String[]::new);
    }

    /** One column, its meaning wrapped at word boundaries under the meaning column. */
    private static void add(List<String> out, String name, String unit, String meaning) {
        String indent = String.format(Locale.ROOT, ROW, name, unit);
        StringBuilder line = new StringBuilder(indent);
        for (String word : meaning.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                out.add(line.toString());
                line.setLength(0);
                line.append(" ".repeat(indent.length()));
            }
            if (line.length() > indent.length()) line.append(' ');
            line.append(word);
        }
        out.add(line.toString());
    }
}
