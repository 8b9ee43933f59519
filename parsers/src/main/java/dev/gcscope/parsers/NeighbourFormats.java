package dev.gcscope.parsers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Formats users often hand gcscope by mistake because they sit next to the ones it reads: the
 * other renderings of a {@code perf sched record} and the Go runtime's other diagnostics. Naming
 * them turns "not a format gcscope reads" into the one command that makes a readable file.
 */
final class NeighbourFormats {
    /** {@code perf sched map}: {@code "  *A0        6807.788479 secs A0 => migration/0:18"} and column rows. */
    private static final Pattern SCHED_MAP = Pattern.compile("^\\s*+(?:[*.]?[A-Za-z0-9.]{1,3}\\s++)*+\\d+\\.\\d{6} secs(?:\\s+[A-Za-z0-9.]+\\s+=> .*)?\\s*$");
    private static final Pattern SCHEDTRACE = Pattern.compile("^SCHED \\d+ms: gomaxprocs=\\d+");
    private static final byte[] PERF_DATA = "PERFILE2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GO_TRACE = "go 1.".getBytes(StandardCharsets.US_ASCII);

    private NeighbourFormats() {}

    /** What {@code sample} is and how to get a file gcscope reads from it, when it is a known neighbour. */
    static Optional<String> explain(TraceSample sample) {
        byte[] b = sample.bytes();
        if (startsWith(b, PERF_DATA)) {
            return Optional.of("a binary perf.data recording; render it first: perf sched latency -i perf.data > latency.txt"
                    + " or perf sched timehist -i perf.data > timehist.txt");
        }
        if (startsWith(b, GO_TRACE) && new String(b, 0, Math.min(b.length, 16), StandardCharsets.ISO_8859_1).contains(" trace")) {
            return Optional.of("a Go execution trace (runtime/trace, go tool trace), which gcscope does not read;"
                    + " for GC pauses run the program with GODEBUG=gctrace=1 and keep its stderr");
        }
        if (sample.looksBinary()) return Optional.empty();
        long map = 0, sched = 0, lines = 0;
        for (String line : sample.lines()) {
            if (line.isBlank()) continue;
            lines++;
            if (SCHED_MAP.matcher(line).matches()) map++;
            if (SCHEDTRACE.matcher(line).find()) sched++;
        }
        if (lines > 0 && map * 2 >= lines) {
            return Optional.of("perf sched map output, which gcscope does not read; from the same perf.data run"
                    + " perf sched latency > latency.txt or perf sched timehist > timehist.txt");
        }
        if (sched > 0) {
            return Optional.of("GODEBUG=schedtrace output, which gcscope does not read; for GC pauses use GODEBUG=gctrace=1,"
                    + " for scheduling delays perf sched timehist or the /sched/latencies:seconds runtime metric");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }
}
