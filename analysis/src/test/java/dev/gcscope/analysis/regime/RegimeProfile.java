package dev.gcscope.analysis.regime;

import dev.gcscope.analysis.GcTraceAnalysis;
import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Where {@link RegimeAnalysis#of}'s CPU time goes on one file, warm: the features, the k-means fit on
 * the sample, and the rest (assignment, merges, tallies, descriptions); with a fingerprint of the
 * result, so a change can be seen to leave it alone. The parse is done once. Median of RUNS after
 * WARMUP runs. Not a test.
 *
 * <pre>
 *   java -cp "$(cat analysis/target/cp.txt):analysis/target/classes:analysis/target/test-classes" \
 *       dev.gcscope.analysis.regime.RegimeProfile FILE [RUNS] [WARMUP]
 * </pre>
 */
public final class RegimeProfile {
    private RegimeProfile() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        ParseOptions columns = ParseOptions.columns(GcTraceAnalysis.COLUMNS);
        Table cycles;
        try (DecodedInput in = TraceSource.of(file).open()) {
            cycles = DerivedColumns.addTo(new GcTraceParser().parse(in, ParseListener.NONE, DerivedColumns.inputsFor(columns))
                    .table(GcColumns.CYCLES_TABLE), columns);
        }
        long[] features = new long[runs], kMeans = new long[runs], whole = new long[runs];
        String print = null;
        for (int r = -warmup; r < runs; r++) {
            long t0 = cpu();
            RegimeFeatures f = RegimeFeatures.of(cycles);
            long t1 = cpu();
            RegimeClustering.kMeans(f, Work.serial());
            long t2 = cpu();
            RegimeAnalysis.Result result = RegimeAnalysis.of(cycles, RegimeAnalysis.Method.KMEANS, Work.serial());
            long t3 = cpu();
            String p = result.regimes() + " " + result.method() + " " + Arrays.hashCode(result.regimeOfRow());
            if (print == null) print = p;
            else if (!print.equals(p)) throw new AssertionError("results differ between runs");
            if (r == -warmup) {
                System.out.printf(Locale.ROOT, "first run, cold (thread CPU ms): features %.1f, k-means %.1f, RegimeAnalysis.of %.1f%n",
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
            }
            if (r < 0) continue;
            features[r] = t1 - t0;
            kMeans[r] = t2 - t1;
            whole[r] = t3 - t2;
        }
        System.out.printf(Locale.ROOT, "%s: %,d cycles, median of %d runs (thread CPU ms): features %.1f, k-means %.1f, RegimeAnalysis.of %.1f"
                + " (rest %.1f)%n", file, cycles.rowCount(), runs, ms(features), ms(kMeans), ms(whole),
                ms(whole) - ms(features) - ms(kMeans));
        System.out.println("fingerprint " + Integer.toHexString(print.hashCode()) + " rows " + print.substring(print.lastIndexOf(' ') + 1));
    }

    /** This thread's CPU time: on a shared machine it depends far less on the other processes than wall time. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double ms(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
