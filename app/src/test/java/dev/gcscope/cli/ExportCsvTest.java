package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code export --csv} against the raw lines of the bundled recordings. */
class ExportCsvTest {
    private static final Pattern EXPONENT = Pattern.compile("[0-9][eE][-+]?[0-9]");
    private static final Pattern WALL_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");

    @TempDir
    Path dir;

    static Stream<Named<Sample>> wholeLineRecordings() {
        return SummaryJsonTest.wholeLineRecordings();
    }

    static Stream<Named<Sample>> splitLineRecordings() {
        return SummaryJsonTest.splitLineRecordings();
    }

    private List<String[]> export(Path input, Path out) throws IOException {
        CliRun run = CliRun.of("export", "--csv", out.toString(), input.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.out());
        return parse(Files.readString(out, StandardCharsets.UTF_8));
    }

    /** These tables hold no commas or quotes, so a plain split reads them; the test checks that too. */
    private static List<String[]> parse(String csv) {
        assertFalse(csv.contains("\""), "no field needed quoting");
        assertFalse(EXPONENT.matcher(csv).find(), "numbers must be plain");
        assertFalse(csv.contains("NaN"));
        return csv.lines().map(l -> l.split(",", -1)).toList();
    }

    /** Other output split some gc lines of these: still one row per cycle. */
    @ParameterizedTest(name = "{arguments}")
    @MethodSource("splitLineRecordings")
    void aRecordingWithSplitLinesHasOneRowPerCycle(Sample sample) throws IOException {
        List<String[]> csv = export(sample.copyTo(dir), dir.resolve("cycles.csv"));
        assertEquals(RawGcTrace.of(sample).starts, csv.size() - 1, "one row per cycle");
    }

    @ParameterizedTest(name = "{arguments}")
    @MethodSource("wholeLineRecordings")
    void everyRowRoundTripsItsGcLine(Sample sample) throws IOException {
        RawGcTrace raw = RawGcTrace.of(sample);
        List<String[]> csv = export(sample.copyTo(dir), dir.resolve("cycles.csv"));
        assertEquals(raw.starts, csv.size() - 1, "one row per cycle");

        List<String> header = Arrays.asList(csv.get(0));
        List<String> expected = new java.util.ArrayList<>(GcColumns.CYCLE_COLUMNS);
        expected.add("regime");
        assertEquals(expected, header, "header = the table's columns, in order, then each cycle's regime");
        int gc = header.indexOf(GcColumns.GC), line = header.indexOf(GcColumns.LINE);
        int sweep = header.indexOf(GcColumns.SWEEP_TERM_MS), term = header.indexOf(GcColumns.MARK_TERM_MS);
        int heapStart = header.indexOf(GcColumns.HEAP_START_MB), forced = header.indexOf(GcColumns.FORCED);
        int installWb = header.indexOf(GcColumns.INSTALL_WB_MS), wall = header.indexOf(GcColumns.WALL_TIME);
        for (int i = 0; i < raw.gcLines.size(); i++) {
            RawGcTrace.Line l = raw.gcLines.get(i);
            String[] row = csv.get(i + 1);
            String at = sample.path() + " line " + l.lineNo();
            assertEquals(GcColumns.CYCLE_COLUMNS.size() + 1, row.length, at);
            assertEquals(Integer.toString(l.lineNo()), row[line], at);
            assertEquals(Integer.toString(l.gc()), row[gc], at);
            // Go prints 0.10 and 1.0 with their trailing zero; the CSV has the plain shortest form.
            assertEquals(l.sweepTerm().stripTrailingZeros().toPlainString(), row[sweep], at);
            assertEquals(0, l.markTerm().compareTo(new BigDecimal(row[term])), at);
            assertEquals(Integer.toString(l.heapStart()), row[heapStart], at);
            assertEquals(Boolean.toString(l.forced() || l.periodic()), row[forced], at);
            assertEquals("", row[installWb], at + ": a Go 1.6+ line has no write-barrier phase, so the field is empty");
            assertTrue(row[wall].isEmpty() || WALL_TIME.matcher(row[wall]).matches(), at + ": " + row[wall]);
        }
    }

    /** containerd and kubectl stamp each line in UTC with nanoseconds; the CSV keeps milliseconds. */
    @Test
    void wallTimeIsTheStampOfTheLine() throws IOException {
        List<Sample> stamped = SampleTraces.ofFormat("gctrace").stream()
                .filter(s -> s.has("cri") || s.has("kubectl")).filter(s -> RawGcTrace.of(s).complete()).toList();
        assertFalse(stamped.isEmpty(), "no CRI or kubectl recording bundled");
        for (Sample sample : stamped) {
            RawGcTrace raw = RawGcTrace.of(sample);
            List<String[]> csv = export(sample.copyTo(dir), dir.resolve("stamped.csv"));
            int wall = Arrays.asList(csv.get(0)).indexOf(GcColumns.WALL_TIME);
            for (int i = 0; i < raw.gcLines.size(); i++) {
                String rawLine = raw.lines.get(raw.gcLines.get(i).lineNo() - 1);
                assertEquals(rawLine.substring(0, 23), csv.get(i + 1)[wall], sample.path());
            }
        }
    }

    @Test
    void dashWritesTheSameCsvToStdout() throws IOException {
        Path input = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        Path file = dir.resolve("cycles.csv");
        export(input, file);
        CliRun run = CliRun.of("export", "--csv", "-", input.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), run.out());
        assertFalse(Files.exists(dir.resolve("-")));
    }

    @Test
    void replacesAnExistingFileWholly() throws IOException {
        Path input = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        Path out = dir.resolve("cycles.csv");
        Files.writeString(out, "x".repeat(5_000_000));
        List<String[]> csv = export(input, out);
        assertEquals(GcColumns.CYCLE_COLUMNS, Arrays.asList(csv.get(0)).subList(0, GcColumns.CYCLE_COLUMNS.size()));
        assertEquals(RawGcTrace.of(SampleTraces.get(SampleTraces.DEFAULT_GCTRACE)).starts, csv.size() - 1);
        assertNoTemporaryFiles();
    }

    @Test
    void refusesToWriteOverTheInput() throws IOException {
        Path input = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        byte[] before = Files.readAllBytes(input);
        CliRun.of("export", "--csv", input.toString(), input.toString()).assertOneLineError(ExitStatus.INPUT, "input");
        // the same file by another name
        Path other = dir.resolve(".").resolve(input.getFileName());
        CliRun.of("export", "--csv", other.toString(), input.toString()).assertOneLineError(ExitStatus.INPUT, "input");
        assertArrayEquals(before, Files.readAllBytes(input));
        assertNoTemporaryFiles();
    }

    @Test
    void refusesToWriteOverTheInputThroughALink() throws IOException {
        Path input = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        byte[] before = Files.readAllBytes(input);
        Path link = dir.resolve("link.csv");
        try {
            Files.createSymbolicLink(link, input);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        CliRun.of("export", "--csv", link.toString(), input.toString()).assertOneLineError(ExitStatus.INPUT, "input");
        assertArrayEquals(before, Files.readAllBytes(input));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aFailedExportLeavesNoFileAndKeepsTheOldOne() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "Meeting notes\nnothing about garbage collection here\n");
        Path fresh = dir.resolve("fresh.csv");
        CliRun.of("export", "--csv", fresh.toString(), text.toString()).assertOneLineError(ExitStatus.INPUT, "notes.txt");
        assertFalse(Files.exists(fresh));

        Path old = dir.resolve("old.csv");
        Files.writeString(old, "keep me\n");
        CliRun.of("export", "--csv", old.toString(), dir.resolve("missing.log").toString())
                .assertOneLineError(ExitStatus.INPUT, "missing.log");
        assertEquals("keep me\n", Files.readString(old));
        assertNoTemporaryFiles();
    }

    @Test
    void outputIntoAMissingFolderOrOntoAFolderIsAnInputError() throws IOException {
        Path input = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        CliRun.of("export", "--csv", dir.resolve("no/such/dir/x.csv").toString(), input.toString())
                .assertOneLineError(ExitStatus.INPUT, "does not exist");
        CliRun.of("export", "--csv", dir.toString(), input.toString()).assertOneLineError(ExitStatus.INPUT, "directory");
    }

    @Test
    void csvOptionIsRequired() throws IOException {
        Path input = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        CliRun.of("export", input.toString()).assertOneLineError(ExitStatus.USAGE, "--csv");
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> temps = files.filter(p -> p.getFileName().toString().contains(".gcscope-tmp-")).toList();
            assertEquals(List.of(), temps);
        }
    }
}
