package dev.gcscope.analysis.compare;

import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.analysis.stats.RatioOfSums;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How often the batch-means intervals of a ratio-of-sums cost ({@link RatioOfSums}) and of the ratio
 * B/A of two such costs ({@link CostRatio}) hold the truth, in traces whose truth is known.
 *
 * <p>A simulated cycle has a length x (seconds, CPU ms there were, GB allocated: log-normal around 1,
 * spread 0.3) and an amount y = θ·x·(1 + e) (cycles, GC CPU ms, MB) whose relative error e has
 * spread 0.3; both x's log and e follow an AR(1) process with correlation ρ from cycle to cycle, as
 * neighbouring cycles of a real trace are alike. Σy ÷ Σx tends to θ, the truth. For the ratio, side
 * A has θ = 1 and side B θ = {@code trueRatio}; "no change" is called when {@link CostRatio#p()} is at
 * least 0.05.
 */
public final class RatioSimulation {
    /** One cell: n cycles a side, correlation ρ. */
    public record Cell(int n, double rho, int traces, double sideCoverage, double ratioCoverage, double falseChange) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n %5d  rho %.1f  %d pairs  one side covered %5.1f%%  ratio covered %5.1f%%  change called when none %4.1f%%",
                    n, rho, traces, 100 * sideCoverage, 100 * ratioCoverage, 100 * falseChange);
        }
    }

    private RatioSimulation() {}

    /** The full table (also part of {@code bench.TruthSimulations}); args: pairs per cell, default 2000. */
    public static void main(String[] args) {
        int traces = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        table(traces, 20261127L).forEach(System.out::println);
    }

    /** Truth B/A = 1.3, then 1 (for the false changes), at 100, 1,000 and 10,000 cycles, ρ 0, 0.5, 0.9. */
    public static List<Cell> table(int traces, long seed) {
        List<Cell> out = new ArrayList<>(run(new int[] {100, 1000, 10_000}, new double[] {0, 0.5, 0.9}, traces, 1.3, seed));
        out.addAll(run(new int[] {100, 1000, 10_000}, new double[] {0, 0.5, 0.9}, traces, 1, seed + 1));
        return out;
    }

    /** Every cell of {@code ns} × {@code rhos}, {@code traces} simulated pairs each; B's truth {@code trueRatio} times A's. */
    public static List<Cell> run(int[] ns, double[] rhos, int traces, double trueRatio, long seed) {
        List<Cell> out = new ArrayList<>();
        for (int n : ns) for (double rho : rhos) out.add(cell(n, rho, traces, trueRatio, new SplittableRandom(seed + n * 31L + (long) (rho * 1000))));
        return out;
    }

    static Cell cell(int n, double rho, int traces, double trueRatio, SplittableRandom random) {
        int sideCovered = 0, ratioCovered = 0, calledEqual = 0;
        double confidence = PercentileInterval.CONFIDENCE;
        for (int t = 0; t < traces; t++) {
            RatioOfSums.Estimate a = side(n, rho, 1, random), b = side(n, rho, trueRatio, random);
            double[] ia = a.interval(confidence);
            if (ia[0] <= 1 && 1 <= ia[1]) sideCovered++;
            CostRatio r = CostRatio.of(a, b, confidence);
            if (r.low() <= trueRatio && trueRatio <= r.high()) ratioCovered++;
            if (r.p() < 1 - confidence) calledEqual++;
        }
        return new Cell(n, rho, traces, sideCovered / (double) traces, ratioCovered / (double) traces,
                trueRatio == 1 ? calledEqual / (double) traces : Double.NaN);
    }

    private static RatioOfSums.Estimate side(int n, double rho, double theta, SplittableRandom random) {
        double[] x = new double[n], y = new double[n];
        double innovation = Math.sqrt(1 - rho * rho);
        double zx = gaussian(random), ze = gaussian(random);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                zx = rho * zx + innovation * gaussian(random);
                ze = rho * ze + innovation * gaussian(random);
            }
            // log-normal with mean 1, so that E[y]/E[x] = θ exactly
            x[i] = Math.exp(0.3 * zx - 0.045);
            y[i] = theta * x[i] * (1 + 0.3 * ze);
        }
        return RatioOfSums.of(y, x, 0, 0);
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default
        double u = 1 - random.nextDouble(), v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
