package dev.gcscope.parsers.gctrace;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent reading of Go 1.5+ gc lines for tests: the regular expression from
 * ../shared/formats.md §1.9 (searched, not anchored) and BigDecimal arithmetic — nothing shared with
 * the parser under test, so the two can only agree by both being right.
 */
final class GcTraceOracle {
    static final Pattern GC_LINE = Pattern.compile(
            "gc (\\d+) @(\\d+\\.\\d{3})s (\\d+)%(?: \\(checking for goroutine leaks\\))?: ([0-9.]+(?:\\+[0-9.]+){2,4}) ms clock, "
                    + "([0-9.+/]+) ms cpu, (\\d+)->(\\d+)->(\\d+) MB, (\\d+) MB goal, (?:(\\d+) MB stacks, (\\d+) MB globals, )?(\\d+) P( \\(forced\\))?");

    /** A Go log line ("2026/11/27 00:11:40 …") with its line end, as the workloads write them to stderr. */
    static final Pattern GO_LOG_LINE = Pattern.compile("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2} [^\\n]*\\n");

    record Cycle(int gc, double startS, int pct, double stwMs, double sweepTermMs, double markTermMs,
                 double assistCpuMs, int heapStart, int heapEnd, int heapLive, int goal, Integer stacks,
                 Integer globals, int procs, boolean forced) {}

    static List<Cycle> cycles(String text) {
        List<Cycle> out = new ArrayList<>();
        Matcher m = GC_LINE.matcher(text);
        while (m.find()) {
            String[] clock = m.group(4).split("\\+");
            String[] cpu = m.group(5).split("[+/]");
            BigDecimal first = new BigDecimal(clock[0]);
            BigDecimal last = new BigDecimal(clock[clock.length - 1]);
            BigDecimal stw = first.add(last);
            if (clock.length == 5) stw = stw.add(new BigDecimal(clock[2]));
            out.add(new Cycle(Integer.parseInt(m.group(1)), new BigDecimal(m.group(2)).doubleValue(),
                    Integer.parseInt(m.group(3)), stw.doubleValue(), first.doubleValue(), last.doubleValue(),
                    new BigDecimal(cpu[cpu.length == 7 ? 3 : 1]).doubleValue(),
                    Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)),
                    Integer.parseInt(m.group(9)), m.group(10) == null ? null : Integer.valueOf(m.group(10)),
                    m.group(11) == null ? null : Integer.valueOf(m.group(11)), Integer.parseInt(m.group(12)),
                    m.group(13) != null));
        }
        return out;
    }

    /**
     * The runtime's own stream, recovered from a file where an application's log lines landed in the
     * middle of gc lines: every Go log line (timestamp to newline) is cut out wherever it starts.
     */
    static String withoutGoLogLines(String text) {
        return GO_LOG_LINE.matcher(text).replaceAll("");
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private GcTraceOracle() {}
}
