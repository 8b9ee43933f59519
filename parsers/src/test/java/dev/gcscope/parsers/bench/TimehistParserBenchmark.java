package dev.gcscope.parsers.bench;

import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.io.LineReader;
import dev.gcscope.parsers.perfsched.PerfSchedTimehistParser;
import dev.gcscope.samples.bench.TimehistInputGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 * Throughput of the whole timehist parse ({@code new PerfSchedTimehistParser().parse(TraceSource.of(path))}:
 * read, split, parse, build all four tables) over a 1,000,000-event input generated from real rows
 * ({@link TimehistInputGenerator}), against the same baselines as {@link GcTraceParserBenchmark},
 * measured in the same run over the same file:
 * <ul>
 *   <li>{@code newlineCount}: {@code Files.newInputStream} into a 256 KiB buffer and a loop counting
 *       {@code '\n'} — what it costs just to touch every byte;</li>
 *   <li>{@code lineReader}: the parser's own {@link LineReader} with an empty sink — reading and line
 *       splitting without any row work.</li>
 * </ul>
 * {@code parseSummaryColumns} parses with the projection {@code gcscope summary} asks for. Each
 * benchmark reports {@code mb} in MB/s (10^6 bytes of input per second); {@link #main} ends with the
 * ratios to {@code newlineCount}. Run:
 * <pre>
 * mvn -o -q -pl parsers -am test-compile exec:exec@parsers-bench -Dbench.class=dev.gcscope.parsers.bench.TimehistParserBenchmark
 * mvn -o -q -pl parsers -am test-compile exec:exec@parsers-bench -Dbench.class=dev.gcscope.parsers.bench.TimehistParserBenchmark -Djmh.args="-f 1 -wi 3 -i 5 -r 5s -p events=100000"
 * </pre>
 * {@code -p options=all} generates the input from every recording instead (awakened and migrated
 * rows, CPU visual, next and state columns). Speed is never asserted in unit tests.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@State(Scope.Benchmark)
public class TimehistParserBenchmark {
    private static final int BUFFER = 256 * 1024;

    /** Event rows of the generated input. */
    @Param("1000000")
    public long events;

    /** {@code default}: rows of the default-column recordings; {@code all}: of every recording. */
    @Param("default")
    public String options;

    private Path dir;
    private Path file;
    private long bytes;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("gcscope-bench");
        file = dir.resolve("timehist-" + events + ".txt");
        TimehistInputGenerator.Options o = new TimehistInputGenerator.Options(events, java.util.List.of(), options.equals("all"));
        TimehistInputGenerator.Result r = TimehistInputGenerator.generate(file, o);
        bytes = r.bytes();
        // A parse that silently drops rows would look fast: check it reads every event once, without issues.
        ParseResult check = new PerfSchedTimehistParser().parse(TraceSource.of(file));
        if (check.mainTable().rowCount() != r.events() || check.report().issueCount() != 0) {
            throw new IllegalStateException("parsed " + check.mainTable().rowCount() + " events with "
                    + check.report().issueCount() + " issues, generated " + r.events());
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
        ParseResult r = new PerfSchedTimehistParser().parse(TraceSource.of(file));
        counter.mb += bytes / 1e6;
        return r;
    }

    @Benchmark
    public ParseResult parseSummaryColumns(Megabytes counter) throws IOException {
        ParseResult r = new PerfSchedTimehistParser().parse(TraceSource.of(file), ParseListener.NONE,
                dev.gcscope.parsers.ParseOptions.columns(java.util.Set.of("event", "task", "tid", "sch_delay_ms")));
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
     * {@code -p events=100000}, {@code -prof gc}) and then prints each one's MB/s as a ratio to
     * {@code newlineCount} from the same run.
     */
    public static void main(String[] args) throws Exception {
        if (Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("-l") || a.startsWith("-lp") || a.equals("-lrf"))) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(cli);
        if (cli.getIncludes().isEmpty()) builder.include(TimehistParserBenchmark.class.getName());
        Collection<RunResult> results = new Runner(builder.build()).run();
        // per parameter set (events, options), each benchmark's MB/s and its ratio to that set's newlineCount
        Map<String, Map<String, Result<?>>> mbPerSecond = new TreeMap<>();
        for (RunResult rr : results) {
            String name = rr.getParams().getBenchmark();
            Result<?> mb = rr.getSecondaryResults().get("mb");
            String params = "events=" + rr.getParams().getParam("events") + " options=" + rr.getParams().getParam("options");
            if (mb != null) mbPerSecond.computeIfAbsent(params, k -> new TreeMap<>()).put(name.substring(name.lastIndexOf('.') + 1), mb);
        }
        System.out.println();
        System.out.println("MB/s (10^6 bytes of input per second), same run:");
        for (Map.Entry<String, Map<String, Result<?>>> set : mbPerSecond.entrySet()) {
            System.out.println(" " + set.getKey());
            Result<?> base = set.getValue().get("newlineCount");
            for (Map.Entry<String, Result<?>> e : set.getValue().entrySet()) {
                Result<?> r = e.getValue();
                String ratio = base == null ? "" : String.format(Locale.ROOT, "  = %.2f x newlineCount", r.getScore() / base.getScore());
                System.out.printf(Locale.ROOT, "  %-20s %9.1f ± %.1f MB/s%s%n", e.getKey(), r.getScore(), r.getScoreError(), ratio);
            }
        }
    }
}
