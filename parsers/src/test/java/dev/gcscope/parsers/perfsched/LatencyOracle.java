package dev.gcscope.parsers.perfsched;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent reading of {@code perf sched latency} rows for tests: one regular expression per
 * row kind over each line (quote markers and indentation removed), BigDecimal for the numbers —
 * nothing shared with the parser under test. It reads whole rows only: wrapped rows are the
 * parser's business, checked against the unwrapped original.
 */
final class LatencyOracle {
    private static final Pattern PREFIX = Pattern.compile("^(?:[ \\t]*>(?=[ \\t>]|$))*[ \\t]*");
    // task | runtime ms | count | avg: x ms | max: x ms [| max at: t s | max start: t s | max end: t s | sum: x ms] [|]
    static final Pattern ROW = Pattern.compile(
            "^(.+?)\\s*\\|\\s*(\\d+\\.\\d+) ms\\s*(?:\\|\\s*(\\d+)\\s*)?\\|\\s*avg:\\s*(\\d+\\.\\d+)\\s+ms\\s*\\|\\s*max:\\s*(\\d+\\.\\d+)\\s+ms"
                    + "(?:\\s*\\|\\s*max at:\\s*(\\d+\\.\\d+)\\s+s)?"
                    + "(?:\\s*\\|\\s*max start:\\s*(\\d+\\.\\d+)\\s+s\\s*\\|\\s*max end:\\s*(\\d+\\.\\d+)\\s+s)?"
                    + "(?:\\s*\\|\\s*sum:\\s*(\\d+\\.\\d+)\\s+ms)?\\s*\\|?\\s*$");
    static final Pattern TOTAL = Pattern.compile("^TOTAL:\\s*\\|\\s*(\\d+\\.\\d+) ms\\s*\\|\\s*(\\d+)\\s*\\|.*$");
    static final Pattern TASK = Pattern.compile("^(.*):(?:\\((\\d+)\\)|(\\d+))$");

    record Row(String task, String comm, Integer pid, int threads, BigDecimal runtimeMs, Long switches,
               BigDecimal avgMs, BigDecimal maxMs, BigDecimal startS, BigDecimal endS, BigDecimal sumMs) {}

    record Total(BigDecimal runtimeMs, long switches) {}

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A raw quoted-printable mail body with its soft line breaks ({@code =} at a line end) removed. */
    static String withoutSoftBreaks(String text) {
        return text.replaceAll("=\\r?\\n", "");
    }

    static String unprefixed(String line) {
        return PREFIX.matcher(line).replaceFirst("");
    }

    static List<Row> rows(String text) {
        List<Row> out = new ArrayList<>();
        for (String raw : text.split("\\r\\n|\\r|\\n")) {
            String line = unprefixed(raw);
            Matcher m = ROW.matcher(line);
            if (!m.matches() || m.group(1).trim().equals("TOTAL:")) continue;
            String task = m.group(1).trim();
            Matcher t = TASK.matcher(task);
            String comm = task;
            Integer pid = null;
            int threads = 1;
            if (t.matches()) {
                comm = t.group(1);
                if (t.group(2) != null) threads = Integer.parseInt(t.group(2)); else pid = Integer.valueOf(t.group(3));
            }
            BigDecimal end = m.group(8) != null ? new BigDecimal(m.group(8)) : m.group(6) != null ? new BigDecimal(m.group(6)) : null;
            out.add(new Row(task, comm, pid, threads, new BigDecimal(m.group(2)), m.group(3) == null ? null : Long.valueOf(m.group(3)),
                    new BigDecimal(m.group(4)), new BigDecimal(m.group(5)),
                    m.group(7) == null ? null : new BigDecimal(m.group(7)), end,
                    m.group(9) == null ? null : new BigDecimal(m.group(9))));
        }
        return out;
    }

    static List<Total> totals(String text) {
        List<Total> out = new ArrayList<>();
        for (String raw : text.split("\\r\\n|\\r|\\n")) {
            Matcher m = TOTAL.matcher(unprefixed(raw).trim());
            if (m.matches()) out.add(new Total(new BigDecimal(m.group(1)), Long.parseLong(m.group(2))));
        }
        return out;
    }

    static List<String> infoLines(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.split("\\r\\n|\\r|\\n")) {
            String line = unprefixed(raw).trim();
            if (line.startsWith("INFO:")) out.add(line);
        }
        return out;
    }

    private LatencyOracle() {}
}
