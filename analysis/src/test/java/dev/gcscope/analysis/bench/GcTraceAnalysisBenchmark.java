package dev.gcscope.analysis.bench;

import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;

import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.stats.Convergence;
import dev.gcscope.analysis.stats.MutatorUtilization;
import dev.gcscope.analysis.stats.PauseStatistics;
import dev.gcscope.analysis.stats.SortedSample;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.samples.bench.BenchInputGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import tech.tablesaw.api.Table;

/**
 * The analyses of a million-cycle trace (the generated benchmark input: real lines of the
 * recordings replayed as one long process), each timed on its own and all together, against a
 * baseline in the same run: sorting the million pauses, the least any percentile needs. The
 * requirement: regimes, percentiles with intervals and convergence together in under 2 s. Run:
 * <pre>
 * mvn -q install -DskipTests && mvn -q -Pbench -pl analysis test-compile exec:exec
 * </pre>
 * or, without installing (the reactor's classes, the dependencies' class path written by the
 * dependency plugin):
 * <pre>
 * mvn -o -q -pl analysis -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp analysis/target/test-classes:analysis/target/classes:$(cat analysis/target/cp.txt) \
 *     dev.gcscope.analysis.bench.GcTraceAnalysisBenchmark -wi 3 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@State(Scope.Benchmark)
public class GcTraceAnalysisBenchmark {
    @Param("1000000")
    public long lines;

    private Table cycles;
    private double[] stw;

    @Setup(Level.Trial)
    public void parse() throws IOException {
        Path dir = Files.createTempDirectory("gcscope-analysis-bench");
        Path file = dir.resolve("gctrace.log");
        BenchInputGenerator.generate(file, BenchInputGenerator.Options.defaults().withLines(lines));
        cycles = new GcTraceParser().parse(TraceSource.of(file)).table(GcColumns.CYCLES_TABLE);
        stw = cycles.doubleColumn(STW_MS).asDoubleArray();
        Files.delete(file);
        Files.delete(dir);
    }

    @Benchmark
    public double[] sortBaseline() {
        double[] copy = stw.clone();
        Arrays.sort(copy);
        return copy;
    }

    @Benchmark
    public RegimeAnalysis.Result regimes() {
        return RegimeAnalysis.of(cycles);
    }

    @Benchmark
    public PauseStatistics percentilesWithIntervals() {
        return PauseStatistics.of(SortedSample.of(cycles.doubleColumn(STW_MS)));
    }

    @Benchmark
    public Convergence.Result convergence() {
        return Convergence.of(stw);
    }

    /** The MMU curve: 40 window lengths, each a sweep over three segments per cycle. */
    @Benchmark
    public List<MutatorUtilization.Point> mmuCurve() {
        return MutatorUtilization.curve(cycles);
    }

    @Benchmark
    public Object[] all() {
        return new Object[] {RegimeAnalysis.of(cycles), PauseStatistics.of(SortedSample.of(cycles.doubleColumn(STW_MS))),
                Convergence.of(stw)};
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions options = new CommandLineOptions(withDefaultInclude(args));
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> ms = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            ms.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        Double base = ms.get("sortBaseline");
        System.out.println();
        System.out.println("ms per analysis of " + (results.isEmpty() ? "?" : results.iterator().next().getParams().getParam("lines"))
                + " cycles, same run:");
        for (String k : new String[] {"sortBaseline", "regimes", "percentilesWithIntervals", "convergence", "mmuCurve", "all"}) {
            if (!ms.containsKey(k)) continue;
            System.out.printf(Locale.ROOT, "  %-26s %9.1f ms%s%n", k, ms.get(k),
                    base == null ? "" : String.format(Locale.ROOT, "  = %5.1f x sorting the pauses", ms.get(k) / base));
        }
    }

    private static String[] withDefaultInclude(String[] args) {
        for (String a : args) if (!a.startsWith("-")) return args;
        String[] out = Arrays.copyOf(args, args.length + 1);
        out[args.length] = GcTraceAnalysisBenchmark.class.getSimpleName();
        return out;
    }
}
