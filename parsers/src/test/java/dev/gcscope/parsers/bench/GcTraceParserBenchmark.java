package dev.gcscope.parsers.bench;

import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.parsers.io.LineReader;
import dev.gcscope.samples.bench.BenchInputGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Throughput of the whole gctrace parse ({@code new GcTraceParser().parse(TraceSource.of(path))}: read,
 * split, parse, build both tables) over the 1,000,000-cycle benchmark input, against two baselines
 * measured in the same run over the same file:
 * <ul>
 *   <li>{@code newlineCount}: {@code Files.newInputStream} into a 256 KiB buffer, a plain loop
 *       counting {@code '\n'} — what it costs just to touch every byte;</li>
 *   <li>{@code lineReader}: the parser's own {@link LineReader} over {@link TraceSource#open()} with
 *       an empty sink — reading and line splitting without any gc-line work, which shows how the
 *       parse time divides.</li>
 * </ul>
 * Each reports a secondary result {@code mb} in MB/s (10^6 bytes of input per second); ratios
 * against {@code newlineCount} are printed at the end when run through {@link #main}. Run:
 * <pre>
 * mvn -o -q -pl parsers -am test-compile exec:exec@parsers-bench
 * mvn -o -q -pl parsers -am test-compile exec:exec@parsers-bench -Djmh.args="-f 1 -wi 3 -i 5 -r 5s -p lines=100000"
 * </pre>
 * Speed is never asserted in unit tests; these figures are evidence, quoted as ratios.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@State(Scope.Benchmark)
public class GcTraceParserBenchmark {
    private static final int BUFFER = 256 * 1024;

    /** Lines (= cycles, gc-only input) of the generated input. */
    @Param("1000000")
    public long lines;

    private Path dir;
    private Path file;
    private long bytes;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("gcscope-bench");
        file = dir.resolve("gctrace-" + lines + ".log");
        BenchInputGenerator.Result r = BenchInputGenerator.generate(file, BenchInputGenerator.Options.defaults().withLines(lines));
        bytes = r.bytes();
        // A parse that silently drops lines would look fast: check it reads every cycle once.
        ParseResult check = new GcTraceParser().parse(TraceSource.of(file));
        if (check.mainTable().rowCount() != r.gcLines()) {
            throw new IllegalStateException("parsed " + check.mainTable().rowCount() + " cycles, generated " + r.gcLines());
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    /** Input megabytes (10^6 bytes) processed; JMH reports it per second, i.e. MB/s. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Megabytes {
        public double mb;

        @Setup(Level.Iteration)
        public void reset() {
            mb = 0;
        }
    }

    @Benchmark
    public ParseResult parse(Megabytes counter) throws IOException {
        ParseResult r = new GcTraceParser().parse(TraceSource.of(file));
        counter.mb += bytes / 1e6;
        return r;
    }

    @Benchmark
    public long newlineCount(Megabytes counter) throws IOException {
        long n = 0;
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf, 0, buf.length)) > 0) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') n++;
                }
            }
        }
        counter.mb += bytes / 1e6;
        return n;
    }

    @Benchmark
    public long lineReader(Megabytes counter) throws IOException {
        TraceSource source = TraceSource.of(file);
        LineReader.Outcome outcome;
        try (DecodedInput in = source.open()) {
            outcome = new LineReader().read(in, new CountingSink(), ParseListener.NONE, source.storedSize(), source.name());
        }
        counter.mb += bytes / 1e6;
        return outcome.lines();
    }

    /** Touches each line's first byte so the split cannot be optimised away. */
    private static final class CountingSink implements LineReader.Sink {
        long sum;

        @Override
        public void line(byte[] buf, int start, int end, long lineNo) {
            if (end > start) sum += buf[start];
        }

        @Override
        public void overlongLine(byte[] head, long lineNo, long length) {
            sum += length;
        }

        @Override
        public void damagedInput(long lineNo, String reason) {
            sum += lineNo;
        }
    }

    /**
     * Runs the benchmarks with JMH's usual command-line options (e.g. {@code -f 1 -wi 3 -i 5 -r 5s},
     * {@code -p lines=100000}, {@code -prof gc}) and then prints each one's MB/s as a ratio to
     * {@code newlineCount} from the same run.
     */
    public static void main(String[] args) throws Exception {
        if (Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("-l") || a.startsWith("-lp") || a.equals("-lrf"))) {
            org.openjdk.jmh.Main.main(args); // help and listings: nothing to run, nothing to compare
            return;
        }
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder options = new OptionsBuilder();
        options.parent(cli);
        if (cli.getIncludes().isEmpty()) options.include(GcTraceParserBenchmark.class.getName());
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Result<?>> mbPerSecond = new HashMap<>();
        for (RunResult rr : results) {
            String name = rr.getParams().getBenchmark();
            Result<?> mb = rr.getSecondaryResults().get("mb");
            if (mb != null) mbPerSecond.put(name.substring(name.lastIndexOf('.') + 1), mb);
        }
        Result<?> base = mbPerSecond.get("newlineCount");
        System.out.println();
        System.out.println("MB/s (10^6 bytes of input per second), same run:");
        for (Map.Entry<String, Result<?>> e : mbPerSecond.entrySet()) {
            Result<?> r = e.getValue();
            String ratio = base == null ? "" : String.format(Locale.ROOT, "  = %.2f x newlineCount", r.getScore() / base.getScore());
            System.out.printf(Locale.ROOT, "  %-14s %9.1f ± %.1f MB/s%s%n", e.getKey(), r.getScore(), r.getScoreError(), ratio);
        }
    }
}
