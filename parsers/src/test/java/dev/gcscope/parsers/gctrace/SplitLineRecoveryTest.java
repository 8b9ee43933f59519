package dev.gcscope.parsers.gctrace;

import static dev.gcscope.parsers.gctrace.GcColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * The runtime prints a gc line as many separate writes ("gc ", the number, " @", the time, "s ", …:
 * gcMarkTermination in runtime/mgc.go), so another writer's line can land between any two of them.
 * Real gc lines from the recordings are split at every such boundary, with different kinds of
 * application lines in between, and must come back as the same cycle.
 */
class SplitLineRecoveryTest {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final String CRI = "2026-11-27T00:11:43.014156195Z stderr F ";

    /** Three consecutive gc lines of a real recording: the middle one gets split. */
    static List<String> threeLines(String sample, int middleGc) {
        String text = new String(SampleTraces.get(sample).bytes(), StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n")) {
            Matcher m = Pattern.compile("^gc (\\d+) @").matcher(l);
            if (m.find()) {
                int gc = Integer.parseInt(m.group(1));
                if (gc >= middleGc - 1 && gc <= middleGc + 1) out.add(l);
            }
        }
        assertEquals(3, out.size(), "lines around gc " + middleGc + " in " + sample);
        return out;
    }

    /** Positions between the runtime's separate writes: around every number, and between "%" and ": ". */
    static List<Integer> writeBoundaries(String line) {
        TreeSet<Integer> cuts = new TreeSet<>();
        Matcher m = NUMBER.matcher(line);
        while (m.find()) {
            cuts.add(m.start());
            cuts.add(m.end());
        }
        cuts.add(line.indexOf('%') + 1);
        if (line.endsWith(" (forced)")) cuts.add(line.length() - " (forced)".length());
        cuts.remove(0);
        cuts.remove(line.length());
        return new ArrayList<>(cuts);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("gctrace/go1.24-phases.log", 40, "2026/11/27 00:11:40 request id=10287 path=/healthz status=404 dur=0.8ms", false),
                Arguments.of("gctrace/go1.19-phases.log", 40, "{\"level\":\"info\",\"ts\":1732665100.1,\"msg\":\"served\"}", false),
                Arguments.of("gctrace/go1.22-phases.log", 40, "request served in 3ms", false),
                Arguments.of("gctrace/go1.24-phases.log", 40, "2026/11/27 00:11:40 request id=10287 path=/healthz status=404 dur=0.8ms", true),
                Arguments.of("gctrace/quoted/go1.5.3-golang-go-15068-forced.txt", 50, "2026/11/27 00:11:40 forcing gc", false),
                Arguments.of("gctrace/quoted/go1.7-golang-go-18896-two-runs.txt", 8, "2026/11/27 00:11:40 forcing gc", false));
    }

    static Table parse(String text) throws IOException {
        ParseResult r = new GcTraceParser(2026).parse(TraceSource.of("t", text.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(0, r.report().issueCount(), () -> r.report().issues().toString());
        return r.table(CYCLES_TABLE);
    }

    static String wrap(List<String> physicalLines, boolean cri) {
        StringBuilder sb = new StringBuilder();
        for (String l : physicalLines) sb.append(cri ? CRI : "").append(l).append('\n');
        return sb.toString();
    }

    static void assertSameRows(Table expected, Table actual, String what) {
        assertEquals(expected.rowCount(), actual.rowCount(), what);
        assertEquals(expected.columnNames(), actual.columnNames());
        for (String c : expected.columnNames()) {
            if (c.equals(LINE) || c.equals(WALL_TIME)) continue;
            for (int i = 0; i < expected.rowCount(); i++) {
                assertEquals(expected.column(c).getString(i), actual.column(c).getString(i), what + ": " + c + " row " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0} gc {1} with \"{2}\" cri={3}")
    @MethodSource("cases")
    void oneInterruptionAtEveryWriteBoundary(String sample, int gc, String appLine, boolean cri) throws IOException {
        List<String> lines = threeLines(sample, gc);
        Table expected = parse(wrap(lines, cri));
        String victim = lines.get(1);
        for (int cut : writeBoundaries(victim)) {
            List<String> split = List.of(lines.get(0), victim.substring(0, cut) + appLine, victim.substring(cut), lines.get(2));
            assertSameRows(expected, parse(wrap(split, cri)), "split at " + cut + ": " + victim.substring(0, cut) + "|");
        }
    }

    @ParameterizedTest(name = "{0} gc {1} with \"{2}\" cri={3}")
    @MethodSource("cases")
    void twoInterruptionsAndLogLinesInBetween(String sample, int gc, String appLine, boolean cri) throws IOException {
        List<String> lines = threeLines(sample, gc);
        Table expected = parse(wrap(lines, cri));
        String victim = lines.get(1);
        List<Integer> cuts = writeBoundaries(victim);
        for (int i = 0; i < cuts.size(); i += 2) {
            for (int j = i + 1; j < cuts.size(); j += 3) {
                int a = cuts.get(i), b = cuts.get(j);
                List<String> split = List.of(lines.get(0), victim.substring(0, a) + appLine, appLine,
                        victim.substring(a, b) + appLine, victim.substring(b), lines.get(2));
                assertSameRows(expected, parse(wrap(split, cri)), "split at " + a + " and " + b);
            }
        }
    }

    @ParameterizedTest(name = "{0} gc {1}")
    @MethodSource("cases")
    void wrappedByAMailClientAtAnyBlank(String sample, int gc, String ignored, boolean cri) throws IOException {
        List<String> lines = threeLines(sample, gc);
        Table expected = parse(wrap(lines, false));
        String victim = lines.get(1);
        for (int at = victim.indexOf(' '); at > 0; at = victim.indexOf(' ', at + 1)) {
            // a soft wrap turns one blank into a line end; some clients add an empty line
            List<String> wrapped = List.of(lines.get(0), victim.substring(0, at), "", victim.substring(at + 1), lines.get(2));
            assertSameRows(expected, parse(wrap(wrapped, false)), "wrapped at " + at);
        }
    }
}
