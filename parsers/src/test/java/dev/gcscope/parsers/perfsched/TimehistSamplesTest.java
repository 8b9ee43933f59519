package dev.gcscope.parsers.perfsched;

import static dev.gcscope.parsers.perfsched.TimehistColumns.*;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/** Every bundled perf sched timehist sample, checked against an independent reading of the same bytes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimehistSamplesTest {
    private static final PerfSchedTimehistParser PARSER = new PerfSchedTimehistParser();
    private static final Pattern IDLE_FOR = Pattern.compile("^\\s*CPU\\s+(\\d+) idle for\\s+(\\d+\\.\\d{3})\\s+msec\\s+\\(\\s*(\\d+\\.\\d{2})%\\)\\s*$");
    private static final Pattern IDLE_ALL = Pattern.compile("^\\s*CPU\\s+(\\d+) idle entire time window\\s*$");
    private static final Pattern SWITCHES = Pattern.compile("Total number of context switches: (\\d+)");
    private static final Pattern UNIQUE = Pattern.compile("Total number of unique tasks: (\\d+)");

    static Stream<Sample> samples() {
        return PerfSamples.of(PerfSamples.TIMEHIST).stream();
    }

    static Stream<Sample> clean() {
        return samples().filter(s -> PerfSamples.original(s).isEmpty() && !s.has("quoted") && !s.has("pasted"));
    }

    /** Whole recordings: quoted excerpts may hold damage. */
    static Stream<Sample> recordings() {
        return samples().filter(s -> !s.has("quoted") && !s.has("snip"));
    }

    /** Quoted, pasted or otherwise wrapped copies of a bundled sample. */
    static Stream<Sample> variants() {
        return samples().filter(s -> PerfSamples.original(s).isPresent());
    }

    private final ParsedSamples parsed = new ParsedSamples(s -> PerfSamples.parse(PARSER, s));

    ParseResult parse(Sample s) {
        return parsed.of(s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void detectedByContent(Sample s) throws IOException {
        assertEquals(PerfSamples.TIMEHIST, TraceParsers.standard().detect(TraceSource.of("input", s.bytes())).format().id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyLineIsCountedOnce(Sample s) {
        var r = parse(s).report();
        assertTrue(r.linesRead() > 0);
        assertEquals(r.linesRead(), r.linesUsed() + r.linesSkipped(), r.skippedByKind()::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eventsMatchAnIndependentReading(Sample s) {
        Table t = parse(s).table(EVENTS_TABLE);
        List<TimehistOracle.Event> expected = TimehistOracle.events(PerfSamples.text(s));
        assertEquals(expected.size(), t.rowCount(), "events");
        if (!s.has("summary-only")) assertFalse(expected.isEmpty(), "the oracle found no events");
        for (int i = 0; i < expected.size(); i++) {
            TimehistOracle.Event e = expected.get(i);
            String at = s.path() + " line " + e.line();
            assertEquals(e.line(), t.intColumn(LINE).getInt(i), at);
            assertEquals(e.timeS().doubleValue(), t.doubleColumn(TIME_S).getDouble(i), at);
            assertEquals(e.cpu(), t.intColumn(CPU).getInt(i), at);
            assertEquals(e.event(), t.stringColumn(EVENT).get(i), at);
            assertTask(e.task(), t, TASK, TID, PID, i, at);
            assertMs(e.waitMs(), t.doubleColumn(WAIT_MS).getDouble(i), at + " wait");
            assertMs(e.delayMs(), t.doubleColumn(SCH_DELAY_MS).getDouble(i), at + " sch delay");
            assertMs(e.runMs(), t.doubleColumn(RUN_MS).getDouble(i), at + " run");
            assertEquals(e.state() == null ? "" : e.state(), t.stringColumn(STATE).get(i), at);
            assertEquals(e.next() == null ? "" : e.next(), t.stringColumn(NEXT).get(i), at);
            assertEquals(e.nextTid(), t.intColumn(NEXT_TID).isMissing(i) ? null : t.intColumn(NEXT_TID).getInt(i), at);
            assertTask(e.target(), t, TARGET, TARGET_TID, TARGET_PID, i, at);
            assertEquals(e.from(), t.intColumn(FROM_CPU).isMissing(i) ? null : t.intColumn(FROM_CPU).getInt(i), at);
            assertEquals(e.to(), t.intColumn(TO_CPU).isMissing(i) ? null : t.intColumn(TO_CPU).getInt(i), at);
            assertEquals(e.lost(), t.longColumn(LOST).isMissing(i) ? null : t.longColumn(LOST).getLong(i), at);
            assertEquals(e.callchain() == null ? "" : e.callchain(), t.stringColumn(CALLCHAIN).get(i), at);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void summaryRowsMatchAnIndependentReading(Sample s) {
        Table t = parse(s).table(SUMMARY_TABLE);
        List<TimehistOracle.SummaryRow> expected = TimehistOracle.summaryRows(PerfSamples.text(s));
        assertEquals(expected.size(), t.rowCount(), "summary rows");
        if (s.has("summary-only") || s.has("with-summary")) assertFalse(expected.isEmpty(), "the oracle found no summary rows");
        for (int i = 0; i < expected.size(); i++) {
            TimehistOracle.SummaryRow e = expected.get(i);
            String at = s.path() + " line " + e.line();
            assertEquals(e.line(), t.intColumn(LINE).getInt(i), at);
            assertEquals(e.section(), t.stringColumn(SECTION).get(i), at);
            assertEquals(e.task().comm(), t.stringColumn(COMM).get(i), at);
            assertEquals(e.task().tid(), t.intColumn(TID).isMissing(i) ? null : t.intColumn(TID).getInt(i), at);
            assertEquals(e.task().pid(), t.intColumn(PID).isMissing(i) ? null : t.intColumn(PID).getInt(i), at);
            assertEquals(e.parent(), t.intColumn(PARENT).getInt(i), at);
            assertEquals(e.schedIn(), t.longColumn(SCHED_IN).getLong(i), at);
            assertEquals(e.runTimeMs().doubleValue(), t.doubleColumn(RUN_TIME_MS).getDouble(i), at);
            List<String> cols = e.section().equals(SECTION_WAIT_TIME) ? List.of(SLEEP_MS, IOWAIT_MS, PREEMPT_MS, DELAY_MS)
                    : List.of(MIN_RUN_MS, AVG_RUN_MS, MAX_RUN_MS, STDDEV_PCT);
            for (int k = 0; k < cols.size(); k++) {
                assertEquals(new BigDecimal(e.rest().get(k)).doubleValue(), t.doubleColumn(cols.get(k)).getDouble(i), at + " " + cols.get(k));
            }
            if (!e.section().equals(SECTION_WAIT_TIME)) assertEquals(Long.parseLong(e.rest().get(4)), t.longColumn(MIGRATIONS).getLong(i), at);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void idleStatsAndTotals(Sample s) {
        ParseResult r = parse(s);
        String text = PerfSamples.text(s);
        Table idle = r.table(IDLE_TABLE);
        int k = 0;
        for (String raw : text.split("\\r?\\n")) {
            String line = TimehistOracle.unprefixed(raw);
            Matcher m = IDLE_FOR.matcher(line);
            Matcher all = IDLE_ALL.matcher(line);
            if (m.matches()) {
                assertEquals(Integer.parseInt(m.group(1)), idle.intColumn(CPU).getInt(k));
                assertEquals(new BigDecimal(m.group(2)).doubleValue(), idle.doubleColumn(IDLE_MS).getDouble(k));
                assertEquals(new BigDecimal(m.group(3)).doubleValue(), idle.doubleColumn(IDLE_PCT).getDouble(k));
                assertFalse(idle.booleanColumn(IDLE_ENTIRE_WINDOW).get(k));
                k++;
            } else if (all.matches()) {
                assertEquals(Integer.parseInt(all.group(1)), idle.intColumn(CPU).getInt(k));
                assertTrue(idle.booleanColumn(IDLE_ENTIRE_WINDOW).get(k));
                k++;
            }
        }
        assertEquals(k, idle.rowCount());
        Table totals = r.table(TOTALS_TABLE);
        Matcher sw = SWITCHES.matcher(text);
        Matcher un = UNIQUE.matcher(text);
        assertEquals(sw.find() ? 1 : 0, totals.rowCount());
        if (totals.rowCount() == 1) {
            assertEquals(Long.parseLong(sw.group(1)), totals.longColumn(CONTEXT_SWITCHES).getLong(0));
            assertTrue(un.find());
            assertEquals(Long.parseLong(un.group(1)), totals.longColumn(UNIQUE_TASKS).getLong(0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void recordingsHaveNoIssues(Sample s) {
        var r = parse(s).report();
        assertEquals(0, r.issueCount(), () -> String.join("\n", r.issues().stream().map(i -> i.describe(s.path())).toList()));
        assertEquals(0, r.skippedByKind().getOrDefault(TimehistRun.KIND_MALFORMED, 0L));
        if (!s.has("pasted") && !s.has("stderr-mixed")) assertEquals(0, r.skippedByKind().getOrDefault(PasteText.KIND_OTHER, 0L));
    }

    /** What each recording was made with shows in the table. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void optionsShowInTheColumns(Sample s) {
        ParseResult r = parse(s);
        Table t = r.table(EVENTS_TABLE);
        String text = PerfSamples.text(s);
        long awakened = text.lines().filter(l -> l.contains(" awakened: ")).count();
        long migrated = text.lines().filter(l -> l.contains(" migrated: ")).count();
        assertEquals(awakened, t.stringColumn(EVENT).countOccurrences(EVENT_AWAKENED));
        assertEquals(migrated, t.stringColumn(EVENT).countOccurrences(EVENT_MIGRATED));
        if (s.has("awakened")) assertTrue(awakened > 0);
        if (s.has("migrated")) assertTrue(migrated > 0);
        Table switches = t.where(t.stringColumn(EVENT).isEqualTo(EVENT_SWITCH));
        if (s.has("state")) assertEquals(0, switches.stringColumn(STATE).countMissing(), "every switch row has a state");
        else assertEquals(switches.rowCount(), switches.stringColumn(STATE).countMissing());
        if (s.has("next")) assertEquals(0, switches.stringColumn(NEXT).countMissing(), "every switch row has a next task");
        if (s.has("cpu-visual")) assertTrue(r.attributes().get("options").contains("-V"));
        if (s.has("summary-only")) {
            assertEquals(0, t.rowCount());
            assertTrue(r.table(SUMMARY_TABLE).rowCount() > 0);
        }
        if (s.has("with-summary")) assertTrue(t.rowCount() > 0 && r.table(SUMMARY_TABLE).rowCount() > 0);
        for (int i = 0; i < switches.rowCount(); i++) {
            if (switches.stringColumn(TASK).get(i).equals("<idle>")) {
                assertEquals(0, switches.intColumn(TID).getInt(i));
                assertEquals(0, switches.intColumn(PID).getInt(i));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void variantsGiveTheEventsOfTheirOriginal(Sample s) {
        ParseResult o = parse(PerfSamples.original(s).orElseThrow());
        ParseResult v = parse(s);
        PerfSamples.assertSameRows(o.table(EVENTS_TABLE), v.table(EVENTS_TABLE), s.path(), LINE);
        PerfSamples.assertSameRows(o.table(SUMMARY_TABLE), v.table(SUMMARY_TABLE), s.path(), LINE);
        PerfSamples.assertSameRows(o.table(IDLE_TABLE), v.table(IDLE_TABLE), s.path());
        PerfSamples.assertSameRows(o.table(TOTALS_TABLE), v.table(TOTALS_TABLE), s.path());
    }

    /** Quoted in a mail, indented in Markdown, with CRLF line ends: the same events and summary. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("clean")
    void quotedIndentedAndCrlfCopiesGiveTheSameTables(Sample s) {
        ParseResult o = parse(s);
        String text = PerfSamples.text(s);
        for (String prefix : new String[] {"> ", "    ", "\t", "> > "}) {
            String copy = Wrapping.quote(text, prefix).replace("\n", "\r\n");
            ParseResult c = PerfSamples.parse(PARSER, "copy", copy.getBytes(StandardCharsets.UTF_8));
            String what = s.path() + " prefixed '" + prefix + "'";
            PerfSamples.assertSameRows(o.table(EVENTS_TABLE), c.table(EVENTS_TABLE), what);
            PerfSamples.assertSameRows(o.table(SUMMARY_TABLE), c.table(SUMMARY_TABLE), what);
            assertEquals(0, c.report().issueCount(), what);
        }
    }

    /**
     * A log shipped twice (at-least-once shippers resend lines: every line twice in a row) gives the
     * events and the summary of the recording once, each copy counted as a duplicate: perf never
     * prints the same row twice in a row, so no event of a genuine recording is taken for one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void everyLineShippedTwiceGivesTheEventsOfOnce(Sample s) {
        ParseResult o = parse(s);
        ParseResult c = PerfSamples.parse(PARSER, "twice", ShippedTwice.everyLine(PerfSamples.bytes(s)));
        PerfSamples.assertSameRows(o.table(EVENTS_TABLE), c.table(EVENTS_TABLE), s.path() + " shipped twice", LINE);
        PerfSamples.assertSameRows(o.table(SUMMARY_TABLE), c.table(SUMMARY_TABLE), s.path() + " shipped twice", LINE);
        assertEquals(o.table(EVENTS_TABLE).rowCount(),
                (long) c.report().skippedByKind().getOrDefault(TimehistRun.KIND_DUPLICATE, 0L), "one duplicate row per event");
    }

    private static void assertTask(TimehistOracle.Task e, Table t, String name, String tid, String pid, int i, String at) {
        if (e == null) {
            assertEquals("", t.stringColumn(name).get(i), at + " " + name);
            assertTrue(t.intColumn(tid).isMissing(i) && t.intColumn(pid).isMissing(i), at + " " + name);
            return;
        }
        assertEquals(e.comm(), t.stringColumn(name).get(i), at + " " + name);
        assertEquals(e.tid(), t.intColumn(tid).isMissing(i) ? null : t.intColumn(tid).getInt(i), at + " " + tid);
        assertEquals(e.pid(), t.intColumn(pid).isMissing(i) ? null : t.intColumn(pid).getInt(i), at + " " + pid);
    }

    private static void assertMs(BigDecimal expected, double actual, String at) {
        if (expected == null) assertTrue(Double.isNaN(actual), at + ": expected missing, got " + actual);
        else assertEquals(expected.doubleValue(), actual, at);
    }
}
