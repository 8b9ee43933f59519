package dev.gcscope.parsers.perfsched;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent reading of {@code perf sched timehist} output for tests: one regular expression per
 * row kind, BigDecimal for numbers — nothing shared with the cursor under test. Task strings are
 * split by a separate expression ({@code comm[tid]}, {@code comm[tid/pid]}, {@code <idle>}, bare).
 */
final class TimehistOracle {
    private static final Pattern PREFIX = Pattern.compile("^(?:[ \\t]*>(?=[ \\t>]|$))*");
    private static final String HEAD = "^\\s*(\\d+\\.\\d{6}) \\[(\\d{4})\\]\\s+(?:[sim]\\s+)?";
    static final Pattern SWITCH = Pattern.compile(HEAD
            + "(.+?)\\s+(?:(\\d+)(?:->(\\d+))?\\s+)?(\\d+\\.\\d{3})\\s+(\\d+\\.\\d{3})\\s+(\\d+\\.\\d{3})(?:\\s+(\\d+\\.\\d{3}))?"
            + "(?:\\s+(\\S)(?=\\s|$))?(?:\\s+next: (.+?\\[\\d+\\]?))?\\s*(.*?)\\s*$");
    static final Pattern AWAKENED = Pattern.compile(HEAD + "(.+?)\\s+awakened: (.+?)\\s*$");
    static final Pattern MIGRATED = Pattern.compile(HEAD + "(.+?)\\s+migrated: (.+?) cpu (\\d+) => (\\d+)\\s*$");
    static final Pattern LOST = Pattern.compile("^\\s*(\\d+\\.\\d{6}) lost (\\d+) events on cpu (\\d+)\\s*$");
    static final Pattern TASK = Pattern.compile("^(.*)\\[(\\d+)(?:/(\\d+))?\\]$");
    static final Pattern CUT_TASK = Pattern.compile("^(.*)\\[(\\d+)(?:/(\\d*))?$");
    static final Pattern RUNTIME_ROW = Pattern.compile(
            "^\\s*(.+?)\\s+(-?\\d+)\\s+(\\d+)\\s+(\\d+\\.\\d{3})\\s+(\\d+\\.\\d{3})\\s+(\\d+\\.\\d{3})\\s+(\\d+\\.\\d{3})\\s+(\\S+)\\s+(\\d+)\\s*$");
    static final Pattern WAIT_ROW = Pattern.compile(
            "^\\s*(.+?)\\s+(-?\\d+)\\s+(\\d+)\\s+(\\d+\\.\\d{3})\\s+(\\d+\\.\\d{3})\\s+(\\d+\\.\\d{3})\\s+(\\d+\\.\\d{3})\\s+(\\d+\\.\\d{3})\\s*$");

    record Task(String comm, Integer tid, Integer pid) {}

    record Event(int line, BigDecimal timeS, int cpu, String event, Task task, BigDecimal waitMs, BigDecimal delayMs,
                 BigDecimal runMs, String state, String next, Integer nextTid, Task target, Integer from, Integer to,
                 Long lost, String callchain) {}

    record SummaryRow(int line, String section, Task task, int parent, long schedIn, BigDecimal runTimeMs, List<String> rest) {}

    static String unprefixed(String line) {
        return PREFIX.matcher(line).replaceFirst("");
    }

    static List<Event> events(String text) {
        List<Event> out = new ArrayList<>();
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = unprefixed(lines[i]);
            int no = i + 1;
            Matcher m = LOST.matcher(line);
            if (m.matches()) {
                out.add(new Event(no, new BigDecimal(m.group(1)), Integer.parseInt(m.group(3)), "lost", null, null, null, null,
                        null, null, null, null, null, null, Long.parseLong(m.group(2)), null));
                continue;
            }
            // Each pattern only on lines holding its literal (a necessary condition, so the result is the
            // same): elsewhere its lazy task group and the blanks after it retry every run of spaces, and
            // that failing search was most of the perf sched tests' time.
            m = AWAKENED.matcher(line);
            if (line.contains("awakened: ") && m.matches()) {
                out.add(new Event(no, new BigDecimal(m.group(1)), Integer.parseInt(m.group(2)), "awakened", task(m.group(3)),
                        null, null, null, null, null, null, task(m.group(4)), null, null, null, null));
                continue;
            }
            m = MIGRATED.matcher(line);
            if (line.contains("migrated: ") && m.matches()) {
                out.add(new Event(no, new BigDecimal(m.group(1)), Integer.parseInt(m.group(2)), "migrated", task(m.group(3)),
                        null, null, null, null, null, null, task(m.group(4)), Integer.valueOf(m.group(5)),
                        Integer.valueOf(m.group(6)), null, null));
                continue;
            }
            m = SWITCH.matcher(line);
            if (m.matches()) {
                String next = null;
                Integer nextTid = null;
                if (m.group(11) != null) {
                    Task t = task(m.group(11));
                    next = t.comm();
                    nextTid = t.tid();
                }
                out.add(new Event(no, new BigDecimal(m.group(1)), Integer.parseInt(m.group(2)), "switch", task(m.group(3)),
                        new BigDecimal(m.group(6)), new BigDecimal(m.group(7)), new BigDecimal(m.group(8)), m.group(10), next,
                        nextTid, null, null, null, null, m.group(12).isEmpty() ? null : m.group(12)));
            }
        }
        return out;
    }

    /** comm[tid], comm[tid/pid], a 31-character cut one, {@code <idle>}, or a bare comm (pid 0). */
    static Task task(String s) {
        s = s.trim();
        if (s.equals("<idle>") || s.equals("swapper")) return new Task(s, 0, 0);
        Matcher m = TASK.matcher(s);
        if (m.matches()) {
            int tid = Integer.parseInt(m.group(2));
            return new Task(m.group(1), tid, m.group(3) == null ? tid : Integer.parseInt(m.group(3)));
        }
        m = CUT_TASK.matcher(s);
        if (s.length() == 31 && m.matches()) {
            Integer tid = Integer.valueOf(m.group(2));
            if (m.group(3) == null) return new Task(m.group(1), m.group(2).length() >= 7 ? tid : null, m.group(2).length() >= 7 ? tid : null);
            return new Task(m.group(1), tid, m.group(3).length() >= 7 ? Integer.valueOf(m.group(3)) : null);
        }
        return new Task(s, null, null);
    }

    /** Rows of the runtime, wait-time and idle-time summaries, read from the right. */
    static List<SummaryRow> summaryRows(String text) {
        List<SummaryRow> out = new ArrayList<>();
        String section = null;
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = unprefixed(lines[i]).trim();
            if (line.equals("Runtime summary")) section = "runtime";
            else if (line.equals("Wait-time summary")) section = "wait-time";
            else if (line.equals("Idle-time summary")) section = "idle-time";
            else if (line.startsWith("Idle stats")) section = null;
            if (section == null) continue;
            Matcher m = (section.equals("wait-time") ? WAIT_ROW : RUNTIME_ROW).matcher(line);
            if (!m.matches()) continue;
            List<String> rest = new ArrayList<>();
            for (int g = 5; g <= m.groupCount(); g++) rest.add(m.group(g));
            out.add(new SummaryRow(i + 1, section, task(m.group(1)), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
                    new BigDecimal(m.group(4)), rest));
        }
        return out;
    }

    private TimehistOracle() {}
}
