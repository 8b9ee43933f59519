package dev.gcscope.parsers.perfsched;

import static dev.gcscope.parsers.perfsched.LatencyColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.ParsedSamples;
import dev.gcscope.parsers.ShippedTwice;
import dev.gcscope.parsers.TraceParsers;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/** Every bundled perf sched latency sample, checked against an independent reading of the same bytes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LatencySamplesTest {
    private static final PerfSchedLatencyParser PARSER = new PerfSchedLatencyParser();

    static Stream<Sample> samples() {
        return PerfSamples.of(PerfSamples.LATENCY).stream();
    }

    /** Samples that are nobody's variant, and not already wrapped by quoted-printable. */
    static Stream<Sample> clean() {
        return samples().filter(s -> PerfSamples.original(s).isEmpty() && !s.has("qp-soft-breaks"));
    }

    /** Whole recordings: quoted excerpts may hold damage. */
    static Stream<Sample> recordings() {
        return samples().filter(s -> !s.has("quoted") && !s.has("snip"));
    }

    /** Quoted, pasted or otherwise wrapped copies of a bundled sample. */
    static Stream<Sample> variants() {
        return samples().filter(s -> PerfSamples.original(s).isPresent());
    }

    /** Recorded with {@code latency -s max}. */
    static Stream<Sample> sortedByMax() {
        return samples().filter(s -> s.has("sort-max"));
    }

    private final ParsedSamples parsed = new ParsedSamples(s -> PerfSamples.parse(PARSER, s));

    ParseResult parse(Sample s) {
        return parsed.of(s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void detectedByContent(Sample s) throws IOException {
        assertEquals(PerfSamples.LATENCY, TraceParsers.standard().detect(TraceSource.of("input", s.bytes())).format().id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyLineIsCountedOnce(Sample s) {
        var r = parse(s).report();
        assertTrue(r.linesRead() > 0);
        assertEquals(r.linesRead(), r.linesUsed() + r.linesSkipped(), r.skippedByKind()::toString);
    }

    /** Rows the oracle reads whole are the parser's rows that were neither re-joined nor partial, in order. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void rowsMatchAnIndependentReading(Sample s) {
        Table all = parse(s).table(TASKS_TABLE);
        // rows of a raw quoted-printable mail are all re-joined: the oracle reads them from the decoded text
        Table t = s.has("qp-soft-breaks") ? all.where(all.booleanColumn(PARTIAL).isFalse())
                : all.where(all.booleanColumn(REJOINED).isFalse().and(all.booleanColumn(PARTIAL).isFalse()));
        List<LatencyOracle.Row> expected = LatencyOracle.rows(oracleText(s));
        assertEquals(expected.size(), t.rowCount(), "rows read whole");
        if (!s.has("quoted") && !s.has("snip")) assertFalse(expected.isEmpty(), "the oracle found no rows");
        for (int i = 0; i < expected.size(); i++) {
            LatencyOracle.Row e = expected.get(i);
            String at = s.path() + " row " + i + " (line " + t.intColumn(LINE).getInt(i) + ")";
            assertEquals(e.task(), t.stringColumn(TASK).get(i), at);
            assertEquals(e.comm(), t.stringColumn(COMM).get(i), at);
            assertEquals(e.pid(), t.intColumn(PID).isMissing(i) ? null : t.intColumn(PID).getInt(i), at);
            assertEquals(e.threads(), t.intColumn(THREADS).getInt(i), at);
            assertEquals(e.runtimeMs().doubleValue(), t.doubleColumn(RUNTIME_MS).getDouble(i), at);
            assertEquals(e.switches(), t.longColumn(SWITCHES).isMissing(i) ? null : t.longColumn(SWITCHES).getLong(i), at);
            assertEquals(e.avgMs().doubleValue(), t.doubleColumn(AVG_DELAY_MS).getDouble(i), at);
            assertEquals(e.maxMs().doubleValue(), t.doubleColumn(MAX_DELAY_MS).getDouble(i), at);
            assertDecimal(e.startS(), t.doubleColumn(MAX_DELAY_START_S).getDouble(i), at + " start");
            assertDecimal(e.endS(), t.doubleColumn(MAX_DELAY_END_S).getDouble(i), at + " end");
            assertDecimal(e.sumMs(), t.doubleColumn(SUM_DELAY_MS).getDouble(i), at + " sum");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void totalRowsAndInfoLines(Sample s) {
        ParseResult r = parse(s);
        Table totals = r.table(TOTALS_TABLE);
        List<LatencyOracle.Total> expected = LatencyOracle.totals(oracleText(s));
        assertEquals(expected.size(), totals.rowCount());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).runtimeMs().doubleValue(), totals.doubleColumn(TOTAL_RUNTIME_MS).getDouble(i));
            assertEquals(expected.get(i).switches(), totals.longColumn(TOTAL_SWITCHES).getLong(i));
        }
        for (String info : LatencyOracle.infoLines(oracleText(s))) {
            assertTrue(r.report().notes().stream().anyMatch(n -> n.endsWith(info)), "note for " + info);
        }
        if (!s.has("snip") && !s.has("quoted") && !expected.isEmpty()) {
            // perf's TOTAL counts every printed task (swapper is never printed)
            Table t = r.table(TASKS_TABLE);
            long switches = 0;
            for (int i = 0; i < t.rowCount(); i++) switches += t.longColumn(SWITCHES).getLong(i);
            assertEquals(expected.get(0).switches(), switches, "TOTAL switches = sum over the rows");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void recordingsHaveNoIssues(Sample s) {
        var r = parse(s).report();
        assertEquals(0, r.issueCount(), () -> String.join("\n", r.issues().stream().map(i -> i.describe(s.path())).toList()));
        assertEquals(0, r.skippedByKind().getOrDefault(LatencyRun.KIND_MALFORMED, 0L));
        if (!s.has("pasted") && !s.has("stderr-mixed")) assertEquals(0, r.skippedByKind().getOrDefault(PasteText.KIND_OTHER, 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void perThreadRowsHaveAPidAndMergedRowsCountTheirThreads(Sample s) {
        Table t = parse(s).table(TASKS_TABLE);
        for (int i = 0; i < t.rowCount(); i++) {
            String task = t.stringColumn(TASK).get(i);
            boolean merged = task.matches(".*:\\(\\d+\\)");
            assertEquals(merged, t.intColumn(PID).isMissing(i), task);
            if (s.has("per-thread")) assertFalse(merged, "latency -p prints comm:tid only: " + task);
            if (!merged) assertEquals(1, t.intColumn(THREADS).getInt(i), task);
        }
        if (!s.has("per-thread") && s.has("phases")) {
            // a Go program runs several threads: perf merges them into one comm:(N) row
            assertTrue(t.intColumn(THREADS).max() > 1, "no merged row");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sortedByMax")
    void sortByMaxGivesDescendingMaxima(Sample s) {
        Table t = parse(s).table(TASKS_TABLE);
        for (int i = 1; i < t.rowCount(); i++) {
            assertTrue(t.doubleColumn(MAX_DELAY_MS).getDouble(i) <= t.doubleColumn(MAX_DELAY_MS).getDouble(i - 1), "row " + i);
        }
    }

    /** A quoted, pasted or otherwise wrapped copy of a recording gives the recording's rows. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void variantsGiveTheRowsOfTheirOriginal(Sample s) {
        ParseResult original = parse(PerfSamples.original(s).orElseThrow());
        PerfSamples.assertSameRows(original.table(TASKS_TABLE), parse(s).table(TASKS_TABLE), s.path(), LINE, REJOINED);
        PerfSamples.assertSameRows(original.table(TOTALS_TABLE), parse(s).table(TOTALS_TABLE), s.path(), LINE);
    }

    /** What a mail client makes of a recording: quoted, wrapped at 60-78 columns, CRLF; the rows survive. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("clean")
    void wrappedAndQuotedCopiesGiveTheSameRows(Sample s) {
        Table original = parse(s).table(TASKS_TABLE);
        String text = PerfSamples.text(s);
        for (int width : new int[] {60, 72, 78}) {
            String mail = Wrapping.quote(Wrapping.fold(text, width), "> ").replace("\n", "\r\n");
            ParseResult r = PerfSamples.parse(PARSER, "mail-" + width, mail.getBytes(StandardCharsets.UTF_8));
            PerfSamples.assertSameRows(original, r.table(TASKS_TABLE), s.path() + " wrapped at " + width, LINE, REJOINED);
            assertEquals(0, r.report().issueCount(), () -> r.report().issues().toString());
            boolean longRows = text.lines().anyMatch(l -> l.length() > width && LatencyOracle.ROW.matcher(LatencyOracle.unprefixed(l)).matches());
            assertEquals(longRows, r.table(TASKS_TABLE).booleanColumn(REJOINED).countTrue() > 0, "rows longer than " + width + " were re-joined");
            PerfSamples.assertSameRows(parse(s).table(TOTALS_TABLE), r.table(TOTALS_TABLE), s.path() + " TOTAL wrapped at " + width, LINE);
        }
        ParseResult indented = PerfSamples.parse(PARSER, "indented", Wrapping.quote(text, "\t    ").getBytes(StandardCharsets.UTF_8));
        PerfSamples.assertSameRows(original, indented.table(TASKS_TABLE), s.path() + " indented", LINE, REJOINED);
    }

    /**
     * A log shipped twice (at-least-once shippers resend lines: every line twice in a row) gives the
     * rows and totals of the recording once, also wrapped by a mail client (each wrapped piece twice),
     * each copy counted as a duplicate line.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("clean")
    void everyLineShippedTwiceGivesTheRowsOfOnce(Sample s) {
        String text = PerfSamples.text(s);
        for (String copy : new String[] {text, Wrapping.fold(text, 60)}) {
            ParseResult o = PerfSamples.parse(PARSER, "once", copy.getBytes(StandardCharsets.UTF_8));
            ParseResult c = PerfSamples.parse(PARSER, "twice", ShippedTwice.everyLine(copy.getBytes(StandardCharsets.UTF_8)));
            PerfSamples.assertSameRows(o.table(TASKS_TABLE), c.table(TASKS_TABLE), s.path() + " shipped twice", LINE);
            PerfSamples.assertSameRows(o.table(TOTALS_TABLE), c.table(TOTALS_TABLE), s.path() + " shipped twice", LINE);
            assertEquals(o.report().issueCount(), c.report().issueCount(), () -> "no issue from the copies: " + c.report().issues());
            assertTrue(c.report().skippedByKind().getOrDefault(LatencyRun.KIND_DUPLICATE, 0L) >= o.table(TASKS_TABLE).rowCount(),
                    "each row's copy is a duplicate");
        }
    }

    static String oracleText(Sample s) {
        String text = PerfSamples.text(s);
        return s.has("qp-soft-breaks") ? LatencyOracle.withoutSoftBreaks(text) : text;
    }

    private static void assertDecimal(BigDecimal expected, double actual, String at) {
        if (expected == null) assertTrue(Double.isNaN(actual), at + ": expected missing, got " + actual);
        else assertEquals(expected.doubleValue(), actual, at);
    }
}
