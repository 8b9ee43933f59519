package dev.gcscope.parsers.perfsched;

import static dev.gcscope.parsers.perfsched.TimehistColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Row forms the bundled recordings do not show (perf 6.1 here never printed them), built exactly as
 * builtin-sched.c prints them: {@code printf("%15s [%04d] ", ...)}, {@code " %-*s "} of the 31-character
 * task string, {@code print_sched_time} as {@code %6lu.%03lu }, {@code process_lost}, and
 * {@code snprintf(nstr, 30, "next: %s[%d]")}.
 */
class TimehistLineTest {
    private static final PerfSchedTimehistParser PARSER = new PerfSchedTimehistParser();

    private static Table events(String... lines) {
        ParseResult r = PerfSamples.parse(PARSER, "lines", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(0, r.report().issueCount(), r.report().issues()::toString);
        return r.table(EVENTS_TABLE);
    }

    /** A row as perf prints it: the task string padded to the column width (30) and a blank, then the times. */
    private static String row(String time, int cpu, String task, String rest) {
        return String.format("%15s [%04d]  %-30s %s", time, cpu, task, rest);
    }

    @Test
    void aTaskStringCutAt31CharactersKeepsItsIdsWhenTheyAreWhole() {
        // formats.md §2.2: "Pingora HTTP Pr[3045283/3045241" lost only its closing bracket
        String task = "Pingora HTTP Pr[3045283/3045241";
        assertEquals(31, task.length());
        Table t = events(row("1642313.655957", 3, task, "     0.010      0.002      1.250 "));
        assertEquals("Pingora HTTP Pr", t.stringColumn(TASK).get(0));
        assertEquals(3045283, t.intColumn(TID).getInt(0));
        assertEquals(3045241, t.intColumn(PID).getInt(0), "seven digits cannot have been cut (pid_max <= 4194304)");
        assertEquals(1.25, t.doubleColumn(RUN_MS).getDouble(0));
        assertEquals(1642313.655957, t.doubleColumn(TIME_S).getDouble(0));
    }

    @Test
    void aNumberCutShortIsMissingNotWrong() {
        String task = "abcdefghijabcdefghij[123456/123"; // a 20-character comm leaves 3 digits of the pid
        assertEquals(31, task.length());
        Table t = events(row("10.000001", 0, task, "     0.000      0.000      0.001 "));
        assertEquals("abcdefghijabcdefghij", t.stringColumn(TASK).get(0));
        assertEquals(123456, t.intColumn(TID).getInt(0));
        assertTrue(t.intColumn(PID).isMissing(0));
    }

    @Test
    void lostEvents() {
        Table t = events(row("100.000001", 1, "app[12/12]", "     0.000      0.000      0.001 "),
                String.format("%15s lost %d events on cpu %d", "100.500000", 42, 1));
        assertEquals(EVENT_LOST, t.stringColumn(EVENT).get(1));
        assertEquals(42, t.longColumn(LOST).getLong(1));
        assertEquals(1, t.intColumn(CPU).getInt(1));
        assertEquals(100.5, t.doubleColumn(TIME_S).getDouble(1));
        assertTrue(t.doubleColumn(WAIT_MS).isMissing(1));
        assertEquals("", t.stringColumn(TASK).get(1));
    }

    @Test
    void everyOptionAtOnce() {
        // --show-prio (" %-8s "), -P (a fourth time), --state (" %5c "), -n (" %-*s" of nstr), then a callchain
        String line = String.format("%15s [%04d]  %-30s  %-8s %6d.%03d %6d.%03d %6d.%03d %6d.%03d  %5c  %-30s  %s",
                "23952.034843", 3, "nice[535]", "120->129", 0, 189, 0, 24, 23, 314, 0, 5, 'S', "next: Pingora HTTP Pr[3045283",
                "schedule_hrtimeout_range <- do_sys_poll");
        Table t = events(line);
        assertEquals(129, t.intColumn(PRIO).getInt(0));
        assertEquals(120, t.intColumn(PRIO_FROM).getInt(0));
        assertEquals(0.189, t.doubleColumn(WAIT_MS).getDouble(0));
        assertEquals(0.024, t.doubleColumn(SCH_DELAY_MS).getDouble(0));
        assertEquals(23.314, t.doubleColumn(RUN_MS).getDouble(0));
        assertEquals(0.005, t.doubleColumn(PRE_MIG_MS).getDouble(0));
        assertEquals("S", t.stringColumn(STATE).get(0));
        assertEquals("Pingora HTTP Pr", t.stringColumn(NEXT).get(0), "next: cut by nstr[30], seven digits are whole");
        assertEquals(3045283, t.intColumn(NEXT_TID).getInt(0));
        assertEquals("schedule_hrtimeout_range <- do_sys_poll", t.stringColumn(CALLCHAIN).get(0));
    }

    @Test
    void bareNamesForPidZero() {
        // timehist_get_commstr prints the comm alone when pid is 0: the idle task's "swapper" waking a
        // thread, and ":75", perf's name for a thread it knows only by its tid
        Table t = events(String.format("%15s [%04d]  %-30s  %9s  %9s  %9s awakened: %s", "5.000001", 0, "swapper", "", "", "", ":75"),
                String.format("%15s [%04d]  %-30s  %9s  %9s  %9s migrated: %s cpu %d => %d", "5.000002", 1, "migration/1[21]", "", "", "",
                        "phases-1.24[16550/16547]", 1, 0));
        assertEquals("swapper", t.stringColumn(TASK).get(0));
        assertEquals(0, t.intColumn(PID).getInt(0));
        assertEquals(":75", t.stringColumn(TARGET).get(0));
        assertTrue(t.intColumn(TARGET_TID).isMissing(0));
        assertEquals(EVENT_MIGRATED, t.stringColumn(EVENT).get(1));
        assertEquals(16550, t.intColumn(TARGET_TID).getInt(1));
        assertEquals(1, t.intColumn(FROM_CPU).getInt(1));
        assertEquals(0, t.intColumn(TO_CPU).getInt(1));
    }

    @Test
    void aRowMissingItsRunTimeIsReportedNotGuessed() {
        String cut = row("7.000001", 0, "app[1/1]", "     0.000      0.002");
        ParseResult r = PerfSamples.parse(PARSER, "cut", (row("7.000000", 0, "app[1/1]", "     0.000      0.000      0.001 ") + "\n" + cut + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, r.table(EVENTS_TABLE).rowCount());
        assertEquals(2, r.report().issues().get(0).line());
        assertEquals(1, r.report().skippedByKind().get(TimehistRun.KIND_MALFORMED));
    }
}
