package dev.gcscope.parsers.metrics;

import static dev.gcscope.parsers.metrics.MetricsColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The sample-line cursor on the forms Go's float writer and the exposition formats produce, and the column projection. */
class ExpositionLineTest {
    static double f(String s) {
        return ExpositionLine.parseFloat(s);
    }

    @Test
    void goFloats() {
        assertEquals(1208354, f("1.208354e+06"));
        assertEquals(6.399999999999999e-08, f("6.399999999999999e-08"));
        assertEquals(-5e-324, f("-5e-324"));
        assertEquals(1.0, f("1.0"));
        assertEquals(0.25, f(".25"));
        assertEquals(Double.POSITIVE_INFINITY, f("+Inf"));
        assertEquals(Double.POSITIVE_INFINITY, f("Inf"));
        assertEquals(Double.POSITIVE_INFINITY, f("infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, f("-Inf"));
        for (String bad : List.of("NaN", "", "four", "1d", "0x1p3", "1.0f", "--1", "Infinityx")) assertTrue(Double.isNaN(f(bad)), bad);
    }

    @Test
    void sampleLines() {
        ExpositionLine x = new ExpositionLine();
        assertTrue(parse(x, "go_gc_duration_seconds{quantile=\"0.25\"} 4.5532e-05"));
        assertEquals("go_gc_duration_seconds", x.name);
        assertEquals("0.25", x.label("quantile"));
        assertEquals(4.5532e-05, x.value);
        assertTrue(Double.isNaN(x.timestampS));

        String s = "x_bucket{b=\"2\", a=\"q\\\"\\\\\\n\",le=\"+Inf\",} 7 1.7e9 # {id=\"1\"} 2";
        assertTrue(parse(x, s), x.error);
        assertEquals("q\"\\\n", x.label("a"));
        assertEquals("a=\"q\\\"\\\\\\n\",b=\"2\"", x.canonicalLabels("le", null));
        assertEquals(1.7e9, x.timestampS, "OpenMetrics seconds");
        assertTrue(x.exemplar);

        assertTrue(parse(x, "go_goroutines 12 1700000000123"));
        assertEquals(1700000000.123, x.timestampS, 1e-6, "text-format milliseconds");

        for (String bad : List.of("go_x{le=\"1\" 3", "go_x{le=1} 3", "go_x 3 4 5", "go_x{le=\"1\"}", "go_x{\"a\",\"b\"} 1")) {
            assertFalse(parse(x, bad), bad);
            assertNotNull(x.error, bad);
            assertTrue(x.lookedLikeSample, bad);
        }
        assertFalse(parse(x, "Hello world"));
        assertFalse(x.lookedLikeSample, "prose is other text, not a malformed sample");
    }

    @Test
    void onlyTheColumnsAskedForAreBuiltInTheirUsualOrder() throws IOException {
        byte[] b = SampleTraces.get("metrics/go1.24-client_golang-1.21.1-scrapes.txt").bytes();
        ParseResult all = new PrometheusTextParser().parse(TraceSource.of("x", b));
        Set<String> wanted = Set.of(COUNT, UPPER, SNAPSHOT, METRIC);
        ParseResult some = new PrometheusTextParser().parse(TraceSource.of("x", b), (d, t) -> true, ParseOptions.columns(wanted));
        Table t = some.table(BUCKETS_TABLE);
        assertEquals(List.of(SNAPSHOT, METRIC, UPPER, COUNT), t.columnNames());
        for (String c : wanted) assertEquals(all.table(BUCKETS_TABLE).column(c).asList(), t.column(c).asList(), c);
        assertEquals(all.table(SERIES_TABLE).rowCount(), some.table(SERIES_TABLE).rowCount(), "the small tables are whole");
    }

    private static boolean parse(ExpositionLine x, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return x.parse(b, 0, b.length);
    }
}
