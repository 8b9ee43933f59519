package dev.gcscope.parsers.gctrace;

import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.TraceSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Wall time of the serial and the split parse of one file in one JVM, alternating, against a
 * loop that only counts its newlines (the floor): median of each and the ratios. Not a test.
 *
 * <pre>
 *   java -cp "$(cat parsers/target/cp.txt):parsers/target/classes:parsers/target/test-classes" \
 *       dev.gcscope.parsers.gctrace.SplitParseTimes FILE [RUNS]
 * </pre>
 */
public final class SplitParseTimes {
    private SplitParseTimes() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int threads = Runtime.getRuntime().availableProcessors();
        ChunkedGcParse.Settings d = ChunkedGcParse.Settings.defaults();
        ChunkedGcParse.Settings serial = new ChunkedGcParse.Settings(Long.MAX_VALUE, d.chunkBytes(), 1, n -> {});
        ChunkedGcParse.Settings split = new ChunkedGcParse.Settings(0, d.chunkBytes(), threads, n -> {});
        long[] tSerial = new long[runs], tSplit = new long[runs], tLines = new long[runs];
        long[] cSerial = new long[runs], cSplit = new long[runs], cSplitCaller = new long[runs];
        for (int i = -1; i < runs; i++) { // the first round warms up
            long p0 = processCpu();
            long a = time(() -> parse(file, serial));
            long p1 = processCpu();
            long t1 = threadCpu();
            long b = time(() -> parse(file, split));
            long t2 = threadCpu();
            long p2 = processCpu();
            long c = time(() -> newlines(file));
            if (i >= 0) {
                cSerial[i] = p1 - p0;
                cSplit[i] = p2 - p1;
                cSplitCaller[i] = t2 - t1;
                tSerial[i] = a;
                tSplit[i] = b;
                tLines[i] = c;
            }
        }
        long s = median(tSerial), p = median(tSplit), n = median(tLines);
        System.out.printf(Locale.ROOT, "%s, %d bytes, %d threads, median of %d:%n", file, Files.size(file), threads, runs);
        System.out.printf(Locale.ROOT, "  serial parse   %6d ms  (%.2f x newline count)%n", s, s / (double) n);
        System.out.printf(Locale.ROOT, "  split parse    %6d ms  (%.2f x newline count, %.2f x faster than serial)%n", p, p / (double) n,
                s / (double) p);
        System.out.printf(Locale.ROOT, "  newline count  %6d ms%n", n);
        // CPU time does not depend on what else the machine runs: the split parse's critical path is
        // the calling thread (it hands every line to the run in order), the rest is spread.
        System.out.printf(Locale.ROOT, "  CPU: serial %d ms; split %d ms in all, %d ms on the calling thread%n",
                median(cSerial), median(cSplit), median(cSplitCaller));
    }

    private interface Work {
        Object run() throws IOException;
    }

    private static long time(Work w) throws IOException {
        long t0 = System.nanoTime();
        Object r = w.run();
        if (r == null) throw new AssertionError();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static Object parse(Path file, ChunkedGcParse.Settings settings) throws IOException {
        try (DecodedInput in = TraceSource.of(file).open()) {
            return new GcTraceParser(2026, settings).parse(in, ParseListener.NONE, ParseOptions.ALL);
        }
    }

    private static Object newlines(Path file) throws IOException {
        long count = 0;
        byte[] buf = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0;) {
                for (int i = 0; i < n; i++) if (buf[i] == '\n') count++;
            }
        }
        return count;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    private static long threadCpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
