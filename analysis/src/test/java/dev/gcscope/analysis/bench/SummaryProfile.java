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
        Map<String, long[]> times = new LinkedHashMap<>();
        for (String step : new String[] {"parse", "derived columns", "sort pauses", "key figures", "percentiles + intervals", "regimes"}) {
            times.put(step, new long[runs]);
        }
        int rows = 0;
        for (int r = -1; r < runs; r++) {
            long t0 = System.nanoTime();
            var parsed = parse(file, DerivedColumns.inputsFor(summaryColumns));
            long t1 = System.nanoTime();
            Table cycles = DerivedColumns.addTo(parsed.table(GcColumns.CYCLES_TABLE), summaryColumns);
            long t2 = System.nanoTime();
            SortedSample stw = SortedSample.of(cycles.doubleColumn(STW_MS));
            long t3 = System.nanoTime();
            GcSummary.of(cycles, stw);
            long t4 = System.nanoTime();
            PauseStatistics.of(stw);
            long t5 = System.nanoTime();
            RegimeAnalysis.of(cycles, RegimeAnalysis.Method.KMEANS, Work.serial());
            long t6 = System.nanoTime();
            rows = cycles.rowCount();
            if (r < 0) continue;
            long[] stamps = {t0, t1, t2, t3, t4, t5, t6};
            int i = 0;
            for (long[] v : times.values()) {
                v[r] = (stamps[i + 1] - stamps[i]) / 1_000_000;
                i++;
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d cycles, median of %d runs, each step on one thread:%n", file, rows, runs);
        long total = 0;
        for (var e : times.entrySet()) total += median(e.getValue());
        for (var e : times.entrySet()) {
            long m = median(e.getValue());
            System.out.printf(Locale.ROOT, "  %-24s %6d ms  %4.0f %%%n", e.getKey(), m, 100.0 * m / total);
        }
        System.out.printf(Locale.ROOT, "  %-24s %6d ms%n", "sum", total);
    }

    private static dev.gcscope.parsers.ParseResult parse(Path file, ParseOptions options) throws Exception {
        try (DecodedInput in = TraceSource.of(file).open()) {
            return new GcTraceParser().parse(in, ParseListener.NONE, options);
        }
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
