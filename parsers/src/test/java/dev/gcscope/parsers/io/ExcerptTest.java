package dev.gcscope.parsers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.ParseIssue;
import dev.gcscope.parsers.ParseReport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An excerpt is one line of printable text whatever the input held: a terminal shows it as is. */
class ExcerptTest {
    @Test
    void decodedTextHasItsControlCharactersEscapedAsBytesDo() {
        String name = "\n\0\0\uFFFD\0s\tperf\r\u007f";
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        assertEquals("\\n\\u0000\\u0000\uFFFD\\u0000s\\tperf\\r\\u007F", Excerpt.of(name));
        assertEquals(Excerpt.of(bytes, 0, bytes.length), Excerpt.of(name));
    }

    @Test
    void longTextIsCutAsBytesAre() {
        String text = "x".repeat(Excerpt.DEFAULT_CHARS + 5);
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        assertEquals("x".repeat(Excerpt.DEFAULT_CHARS) + "…", Excerpt.of(text));
        assertEquals(Excerpt.of(bytes, 0, bytes.length), Excerpt.of(text));
    }

    /** Found by the fuzzer: a task name holding a newline and NULs made a perf sched issue of several lines. */
    @Test
    void anIssueKeepsItsExcerptOnOneLineWhoeverMadeIt() {
        ParseReport.Builder report = ParseReport.builder("fuzz.txt");
        report.issue(2, "task name is not valid UTF-8", "\n\0s    perf");
        report.issue(3, "plain", "already one line: \\n stays");
        ParseReport r = report.build();
        assertEquals(new ParseIssue(2, "task name is not valid UTF-8", "\\n\\u0000s    perf"), r.issues().get(0));
        assertEquals("already one line: \\n stays", r.issues().get(1).excerpt());
    }

    /** Found by the fuzzer: a Prometheus label value holding an escaped newline ({@code \\n}) was quoted in a reason. */
    @Test
    void aReasonOrNoteThatQuotesTheInputStaysOnOneLineHoweverLongItIs() {
        ParseReport.Builder report = ParseReport.builder("fuzz.txt");
        String le = "p into blocks. These allocations are co\nted " + "x".repeat(200);
        report.issue(25, "le=\"" + le + "\" is not a number", "");
        report.damage(3, "gzip\rtrailer");
        report.note("perf sched timehist:\tnote");
        ParseReport r = report.build();
        String reason = r.issues().stream().filter(i -> i.line() == 25).findFirst().orElseThrow().reason();
        assertEquals("le=\"" + le.replace("\n", "\\n") + "\" is not a number", reason, "escaped, and not cut");
        assertTrue(r.issues().stream().anyMatch(i -> i.reason().equals("gzip\\rtrailer")), r.issues().toString());
        assertEquals(java.util.List.of("perf sched timehist:\\tnote"), r.notes());
    }
}
