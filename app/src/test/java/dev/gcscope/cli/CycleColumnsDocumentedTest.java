package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.gctrace.CycleColumn;
import dev.gcscope.parsers.gctrace.GcColumns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Where users read what the cycles columns are: {@code help export} and the README's column table. */
class CycleColumnsDocumentedTest {
    private static final Pattern CODE = Pattern.compile("`([a-z_]+)`");

    @Test
    void exportHelpListsEveryColumnInTableOrderWithItsUnit() {
        CliRun run = CliRun.of("help", "export");
        assertEquals(0, run.status(), run.err());
        List<String> rows = run.out().lines().filter(l -> l.matches("  [a-z_]+ .*")).toList();
        List<String> names = new ArrayList<>();
        for (String row : rows) names.add(row.trim().split(" +")[0]);
        List<String> expected = new ArrayList<>(GcColumns.CYCLE_COLUMNS);
        expected.add("regime");
        assertEquals(expected, names.subList(names.size() - expected.size(), names.size()), run.out());
        for (CycleColumn c : CycleColumn.all()) {
            String row = rows.stream().filter(r -> r.startsWith("  " + c.columnName() + " ")).findFirst().orElseThrow();
            assertTrue(row.matches("  " + c.columnName() + " +" + Pattern.quote(c.unit()) + " +\\S.*"), row);
        }
    }

    /** The README's table of the cycles columns names each column, and no other. */
    @Test
    void theReadmeTableNamesEveryColumn() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("../README.md"));
        int start = 0;
        while (start < readme.size() && !readme.get(start).startsWith("The cycles table (`export --csv`")) start++;
        while (start < readme.size() && !readme.get(start).startsWith("|---")) start++;
        assertTrue(start < readme.size(), "the README's cycles table");
        Set<String> named = new LinkedHashSet<>();
        Set<String> mentioned = new LinkedHashSet<>();
        for (int i = start + 1; i < readme.size() && readme.get(i).startsWith("|"); i++) {
            String[] cells = readme.get(i).split("\\|");
            for (Matcher m = CODE.matcher(cells[1]); m.find(); ) named.add(m.group(1));
            for (Matcher m = CODE.matcher(readme.get(i)); m.find(); ) mentioned.add(m.group(1));
        }
        assertTrue(GcColumns.CYCLE_COLUMNS.containsAll(named), () -> "not a cycles column: " + named);
        assertTrue(mentioned.containsAll(GcColumns.CYCLE_COLUMNS), () -> "not in the README: " + GcColumns.CYCLE_COLUMNS);
    }
}
