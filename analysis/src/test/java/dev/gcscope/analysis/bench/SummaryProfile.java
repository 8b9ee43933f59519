package dev.gcscope.analysis.bench;

import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;

import dev.gcscope.analysis.GcSummary;
import dev.gcscope.analysis.GcTraceAnalysis;
import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.stats.PauseStatistics;
import dev.gcscope.analysis.stats.SortedSample;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Where {@code gcscope summary}'s time goes, step by step, each step alone on one thread (the
 * summary runs the regimes beside the pauses): the parse of the summary's columns, the derived
 * columns, sorting the pauses, the key figures, the percentiles with their intervals, the regimes.
 * Median of RUNS after one warm-up. Not a test.
 *
 * <pre>
 *   java -cp "$(cat analysis/target/cp.txt):analysis/target/classes:analysis/target/test-classes" \
 *       dev.gcscope.analysis.bench.SummaryProfile FILE [RUNS]
 * </pre>
 */
public final class SummaryProfile {
    private SummaryProfile() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ParseOptions summaryColumns = ParseOptions.columns(GcTraceAnalysis.COLUMNS);
        Map<String, long[]> times = new LinkedHashMap<>(), cpuTimes = new LinkedHashMap<>();
        for (String step : new String[] {"parse", "derived columns", "sort pauses", "key figures", "percentiles + intervals", "regimes"}) {
            times.put(step, new long[runs]);
            cpuTimes.put(step, new long[runs]);
        }
        int rows = 0;
        for (int r = -1; r < runs; r++) {
            long t0 = System.nanoTime(), c0 = cpu();
            var parsed = parse(file, DerivedColumns.inputsFor(summaryColumns));
            long t1 = System.nanoTime(), c1 = cpu();
            Table cycles = DerivedColumns.addTo(parsed.table(GcColumns.CYCLES_TABLE), summaryColumns);
            long t2 = System.nanoTime(), c2 = cpu();
            SortedSample stw = SortedSample.of(cycles.doubleColumn(STW_MS));
            long t3 = System.nanoTime(), c3 = cpu();
            GcSummary.of(cycles, stw);
            long t4 = System.nanoTime(), c4 = cpu();
            PauseStatistics.of(stw);
            long t5 = System.nanoTime(), c5 = cpu();
            RegimeAnalysis.of(cycles, RegimeAnalysis.Method.KMEANS, Work.serial());
            long t6 = System.nanoTime(), c6 = cpu();
            rows = cycles.rowCount();
            if (r < 0) continue;
            long[] stamps = {t0, t1, t2, t3, t4, t5, t6};
            long[] cpuStamps = {c0, c1, c2, c3, c4, c5, c6};
            int i = 0;
            for (var e : times.entrySet()) {
                e.getValue()[r] = (stamps[i + 1] - stamps[i]) / 1_000_000;
                cpuTimes.get(e.getKey())[r] = (cpuStamps[i + 1] - cpuStamps[i]) / 1_000_000;
                i++;
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d cycles, median of %d runs, each step on one thread:%n", file, rows, runs);
        // CPU time (every thread of the process) hardly depends on what else the machine runs; wall time does.
        long total = 0, cpuTotal = 0;
        for (var e : times.entrySet()) total += median(e.getValue());
        for (var e : cpuTimes.entrySet()) cpuTotal += median(e.getValue());
        System.out.printf(Locale.ROOT, "  %-24s %8s %8s %6s%n", "step", "wall ms", "CPU ms", "CPU %");
        for (var e : times.entrySet()) {
            long m = median(e.getValue()), c = median(cpuTimes.get(e.getKey()));
            System.out.printf(Locale.ROOT, "  %-24s %8d %8d %5.0f %%%n", e.getKey(), m, c, 100.0 * c / cpuTotal);
        }
        System.out.printf(Locale.ROOT, "  %-24s %8d %8d%n", "sum", total, cpuTotal);
    }

    private static dev.gcscope.parsers.ParseResult parse(Path file, ParseOptions options) throws Exception {
        try (DecodedInput in = TraceSource.of(file).open()) {
            return new GcTraceParser().parse(in, ParseListener.NONE, options);
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
