package dev.gcscope.analysis.bench;

import dev.gcscope.analysis.compare.RatioSimulation;
import dev.gcscope.analysis.compare.VerdictSimulation;
import dev.gcscope.analysis.regime.RegimeSimulation;
import dev.gcscope.analysis.stats.CoverageSimulation;
import dev.gcscope.analysis.stats.PercentileInterval;
import java.util.Locale;

/**
 * The simulations behind issue 13 at full size, printed as a table: interval coverage of P50, P90,
 * P99 and P99.9 at 100, 1,000 and 10,000 cycles; regimes found in traces with known phases; the
 * comparison's false alarms and power; the ratio-of-sums costs' intervals; KS p-values with ties against brute-force permutations. The
 * test suite runs reduced forms of the same simulations and asserts on them. Run:
 * <pre>
 * mvn -o -q -pl analysis -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp analysis/target/test-classes:analysis/target/classes:$(cat analysis/target/cp.txt) \
 *     dev.gcscope.analysis.bench.TruthSimulations [traces, default 2000]
 * </pre>
 * About five minutes at 2,000 traces on two cores.
 */
public final class TruthSimulations {
    private TruthSimulations() {}

    public static void main(String[] args) {
        int traces = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = 20261127L;
        long t0 = System.nanoTime();
        System.out.println("== percentile intervals, nominal 95%, " + traces + " traces per cell: the order statistics alone"
                + " (CoverageSimulation.INDEPENDENT), on independent pauses");
        for (boolean go : new boolean[] {false, true}) {
            for (CoverageSimulation.Cell c : CoverageSimulation.run(CoverageSimulation.INDEPENDENT, traces, go, seed)) {
                double exact = PercentileInterval.ranks(c.n(), c.p() / 100, PercentileInterval.CONFIDENCE).coverage();
                System.out.printf(Locale.ROOT, "%s  (exact for continuous data %.1f%%)%n", c, 100 * exact);
            }
        }
        for (CoverageSimulation.Method m : new CoverageSimulation.Method[] {CoverageSimulation.INDEPENDENT, CoverageSimulation.CURRENT}) {
            System.out.println("== percentile intervals, nominal 95%, " + (m == CoverageSimulation.CURRENT
                    ? "widened for neighbours being alike, as gcscope computes them (CoverageSimulation.CURRENT)"
                    : "the order statistics alone") + ", on traces whose neighbouring pauses are alike"
                    + (m == CoverageSimulation.CURRENT ? ", and on independent ones" : ""));
            // the recordings' correlations, then bursts far stronger than any recording's (0.6, φ 0.98 and 1, φ 0.99)
            double[][] kinds = m == CoverageSimulation.CURRENT ? new double[][] {{0.3, 0.9}, {0.3, 0.95}, {0.6, 0.98}, {1, 0.99}, {0, 0}}
                    : new double[][] {{0.3, 0.9}, {0.3, 0.95}};
            for (double[] c : kinds) {
                for (boolean go : new boolean[] {false, true}) {
                    if (go && (c[0] == 0 || c[0] > 0.3 || m != CoverageSimulation.CURRENT)) continue;
                    for (CoverageSimulation.Cell cell : CoverageSimulation.run(m, traces,
                            n -> c[0] == 0 ? new dev.gcscope.analysis.SyntheticPauses(new org.apache.commons.math3.random.Well19937c(seed + n), go)
                                    : dev.gcscope.analysis.SyntheticPauses.correlated(new org.apache.commons.math3.random.Well19937c(seed + n),
                                            go, c[0], c[1]))) {
                        System.out.println(cell);
                    }
                }
            }
        }
        double[] one = CoverageSimulation.oneCycle(CoverageSimulation.CURRENT);
        System.out.printf(Locale.ROOT, "one-cycle trace (0.25 ms): interval %s .. %s%n", one[0], one[1]);
        System.out.println("== regimes, 20 seeds per case");
        RegimeSimulation.run(20, seed).forEach(System.out::println);
        System.out.println("== comparison verdict, " + traces + " pairs per row");
        VerdictSimulation.run(VerdictSimulation.CURRENT, traces, seed).forEach(System.out::println);
        System.out.println("== ratio-of-sums costs (GC CPU, cycles per s and per GB, ...): batch-means intervals, " + traces
                + " pairs per row; truth B/A 1.3, then 1");
        RatioSimulation.table(traces, seed).forEach(System.out::println);
        System.out.println("== KS p-value with ties vs 20,000 permutations");
        VerdictSimulation.ksWithTies(VerdictSimulation.CURRENT_KS, 20_000, seed).forEach(System.out::println);
        System.out.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - t0) / 1e9);
    }
}
