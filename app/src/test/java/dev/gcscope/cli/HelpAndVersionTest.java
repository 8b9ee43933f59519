package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelpAndVersionTest {

    @Test
    void helpListsTheCommands() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.status(), run.err());
            assertTrue(run.out().contains("summary") && run.out().contains("export"), run.out());
            assertTrue(run.out().contains("Exit status"), run.out());
            assertEquals("", run.err());
        }
    }

    @Test
    void summaryHelpDefinesThePercentilesAndThePause() {
        for (String[] args : new String[][] {{"help", "summary"}, {"summary", "--help"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.status(), run.err());
            String help = run.out().replaceAll("\\s+", " ");
            assertTrue(help.contains("linear interpolation between closest ranks"), help);
            assertTrue(help.contains("R-7") && help.contains("numpy's default"), help);
            assertTrue(help.contains("sweep termination + mark termination"), help);
            assertTrue(help.contains("write-barrier phase on Go 1.5"), help);
            for (String key : new String[] {"cycles", "forced", "runs", "stw_ms", "p999", "heap_peak_mb", "gc_cpu_pct"}) {
                assertTrue(help.contains(key), key);
            }
        }
    }

    /** Every figure key a format's summary --json prints is explained in the help, for every bundled format. */
    @Test
    void summaryHelpExplainsEveryJsonKeyOfEveryFormat() throws Exception {
        String help = CliRun.of("help", "summary").out();
        Set<String> common = Set.of("file", "format", "lines", "skipped_lines", "issue_count", "issues",
                "skipped_by_kind", "notes", "go_versions");
        for (String format : new String[] {"gctrace", "perf-sched-latency", "perf-sched-timehist", "prometheus", "metrics-json"}) {
            dev.gcscope.samples.SampleTraces.Sample sample = dev.gcscope.samples.SampleTraces.ofFormat(format).get(0);
            java.nio.file.Path file = java.nio.file.Files.createTempFile("gcscope-help", ".trace");
            try {
                java.nio.file.Files.write(file, sample.bytes());
                CliRun run = CliRun.of("summary", "--json", file.toString());
                assertEquals(0, run.status(), run.err());
                com.fasterxml.jackson.databind.JsonNode object = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get(0);
                assertEquals(format, object.get("format").asText());
                for (java.util.Iterator<String> keys = object.fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    if (!common.contains(key)) assertTrue(help.contains(key), format + " key " + key + " is not in help summary");
                }
            } finally {
                java.nio.file.Files.delete(file);
            }
        }
    }

    /** A stray '%' in a description makes picocli print a warning to the real stderr at every run. */
    @Test
    void helpTextsFormatWithoutPicocliWarnings() {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"summary", "export", "compare"}) CliRun.of("help", command);
            CliRun.of("--help");
        } finally {
            System.setErr(original);
        }
        assertEquals("", captured.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void helpLinesFitEightyColumns() {
        for (String[] args : new String[][] {{"--help"}, {"help", "summary"}, {"help", "export"}, {"help", "compare"}}) {
            for (String line : CliRun.of(args).out().split("\n")) {
                assertTrue(line.length() <= 80, () -> "too wide: " + line);
            }
        }
    }

    /**
     * Picocli wraps a help line longer than its 80 columns by starting the rest at column 0. That reads
     * well for a paragraph written as one line, but breaks an indented row (a --json key and its
     * meaning) out of its column, and leaves a word or two alone on a line when a paragraph was already
     * wrapped by hand onto indented lines. So those lines are written to fit as they are.
     */
    @Test
    void indentedAndHandWrappedHelpLinesFitEightyColumns() throws ClassNotFoundException {
        List<String> broken = new java.util.ArrayList<>();
        for (String name : new String[] {"GcscopeCli$RootCommand", "SummaryCommand", "ExportCommand", "CompareCommand",
                "ReportCommand", "DiagnoseCommand"}) {
            picocli.CommandLine.Command c = Class.forName("dev.gcscope.cli." + name).getAnnotation(picocli.CommandLine.Command.class);
            for (String[] part : List.of(c.header(), c.description(), c.footer())) {
                List<String> lines = new java.util.ArrayList<>();
                for (String text : part) lines.addAll(List.of(text.replace("%%", "%").split("%n", -1)));
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    boolean continued = i + 1 < lines.size() && lines.get(i + 1).startsWith(" ");
                    if (line.length() > 80 && (line.startsWith(" ") || continued)) broken.add(name + " (" + line.length() + "): " + line);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void exportHelpNamesTheCsvRules() {
        CliRun run = CliRun.of("help", "export");
        assertEquals(0, run.status());
        String help = run.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--csv=OUT") && help.contains("standard output"), help);
        assertTrue(help.contains("ISO-8601"), help);
    }

    @Test
    void versionNamesTheTool() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("gcscope "), run.out());
        assertTrue(run.out().contains("Java "), run.out());
    }

    @Test
    void isCliInvocationKnowsEveryCommand() {
        Set<String> commands = new TreeSet<>(
                new GcscopeCli(System.out, System.err, false).commandLine().getSubcommands().keySet());
        assertEquals(new TreeSet<>(GcscopeCli.COMMANDS), commands);
        for (String c : commands) assertTrue(GcscopeCli.isCliInvocation(c), c);
        assertTrue(GcscopeCli.isCliInvocation("--version"));
        assertTrue(!GcscopeCli.isCliInvocation("gc.log"), "a file opens the desktop app");
    }
}
