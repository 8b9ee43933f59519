package dev.gcscope.parsers.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.ShippedTwice;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/** Every dump of the bundled cpu.stat logs, read again from the raw text by a loop of its own. */
class CpuStatSamplesTest {
    static Stream<Sample> samples() {
        List<Sample> s = SampleTraces.ofFormat(CpuStatLogParser.FORMAT.id());
        assertFalse(s.isEmpty());
        return s.stream();
    }

    /** {time, nr_periods, nr_throttled, throttled ms, usage ms} per dump, NaN where the dump lacks one. */
    static List<double[]> raw(byte[] bytes) {
        List<double[]> out = new ArrayList<>();
        double[] cur = null;
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (line.matches("\\d+\\.\\d+")) {
                cur = new double[] {Double.parseDouble(line), Double.NaN, Double.NaN, Double.NaN, Double.NaN};
                out.add(cur);
                continue;
            }
            String[] kv = line.split(" ");
            double v = Double.parseDouble(kv[1]);
            switch (kv[0]) {
                case "nr_periods" -> cur[1] = v;
                case "nr_throttled" -> cur[2] = v;
                case "throttled_time" -> cur[3] = v / 1e6;
                case "throttled_usec" -> cur[3] = v / 1e3;
                case "usage_usec" -> cur[4] = v / 1e3;
                default -> { }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyDumpIsARowWithTheCountersAsDumped(Sample s) throws IOException {
        ParseResult r = new CpuStatLogParser().parse(TraceSource.of(s.path(), s.bytes()), ParseListener.NONE, ParseOptions.ALL);
        assertEquals(0, r.report().issueCount(), () -> r.report().issues().toString());
        assertEquals(r.report().linesRead(), r.report().linesUsed());
        Table t = r.table(CpuStatColumns.TABLE);
        List<double[]> raw = raw(s.bytes());
        assertEquals(raw.size(), t.rowCount());
        Map<String, Integer> index = new HashMap<>(Map.of(CpuStatColumns.TIME_S, 0, CpuStatColumns.NR_PERIODS, 1,
                CpuStatColumns.NR_THROTTLED, 2, CpuStatColumns.THROTTLED_TOTAL_MS, 3, CpuStatColumns.USAGE_TOTAL_MS, 4));
        for (Map.Entry<String, Integer> c : index.entrySet()) {
            boolean inFile = raw.stream().anyMatch(d -> !Double.isNaN(d[c.getValue()]));
            for (int i = 0; i < raw.size(); i++) {
                double expected = raw.get(i)[c.getValue()];
                var col = (tech.tablesaw.api.NumericColumn<?>) t.column(c.getKey());
                double actual = col.isMissing(i) ? Double.NaN : col.getDouble(i);
                assertEquals(expected, actual, Double.isNaN(expected) ? 0 : Math.abs(expected) * 1e-12, s.path() + " dump " + (i + 1) + " " + c.getKey());
            }
            if (c.getKey().equals(CpuStatColumns.TIME_S)) assertTrue(inFile);
        }
        // per-interval columns are the counters' differences
        for (int i = 1; i < raw.size(); i++) {
            if (Double.isNaN(raw.get(i)[1])) break;
            assertEquals(raw.get(i)[1] - raw.get(i - 1)[1], t.doubleColumn(CpuStatColumns.PERIODS).getDouble(i), 1e-9);
        }
    }

    /**
     * A log shipped twice (at-least-once shippers resend lines: every line twice in a row) gives the
     * dumps of the log once, each copy counted as a duplicate line and no issue.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyLineShippedTwiceGivesTheDumpsOfOnce(Sample s) throws IOException {
        ParseResult o = new CpuStatLogParser().parse(TraceSource.of(s.path(), s.bytes()), ParseListener.NONE, ParseOptions.ALL);
        ParseResult c = new CpuStatLogParser().parse(TraceSource.of("twice", ShippedTwice.everyLine(s.bytes())),
                ParseListener.NONE, ParseOptions.ALL);
        assertEquals(0, c.report().issueCount(), () -> c.report().issues().toString());
        assertEquals(withoutLines(o.table(CpuStatColumns.TABLE)), withoutLines(c.table(CpuStatColumns.TABLE)), s.path() + " shipped twice");
        assertTrue(c.report().skippedByKind().getOrDefault(CpuStatRun.KIND_DUPLICATE, 0L) >= o.table(CpuStatColumns.TABLE).rowCount());
    }

    private static String withoutLines(Table t) {
        StringWriter csv = new StringWriter();
        t.copy().removeColumns(CpuStatColumns.LINE).write().csv(csv);
        return csv.toString();
    }
}
