package dev.gcscope.parsers.metrics;

import static dev.gcscope.parsers.metrics.MetricsColumns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/** The bundled query_range exports: every point of every non-histogram series is a value row, at its timestamp. */
class PrometheusRangeSamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Sample> samples() {
        List<Sample> s = SampleTraces.ofFormat(PrometheusRangeParser.FORMAT.id());
        assertFalse(s.isEmpty());
        return s.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyScalarPointIsAValueAtItsTimestamp(Sample s) throws IOException {
        ParseResult r = new PrometheusRangeParser().parse(TraceSource.of(s.path(), s.bytes()), ParseListener.NONE, ParseOptions.ALL);
        assertEquals(0, r.report().issueCount(), () -> r.report().issues().toString());
        Table values = r.table(VALUES_TABLE);
        Table snapshots = r.table(SNAPSHOTS_TABLE);
        int checked = 0;
        boolean prom = values.columnNames().contains(PROM_NAME);
        for (String line : RawMetrics.text(s.bytes()).split("\n")) {
            if (line.isBlank()) continue;
            for (JsonNode element : JSON.readTree(line).get("data").get("result")) {
                String name = element.get("metric").get("__name__").asText();
                if (name.endsWith("_bucket")) continue;
                for (JsonNode point : element.get("values")) {
                    double t = point.get(0).asDouble(), v = Double.parseDouble(point.get(1).asText());
                    int snapshot = -1;
                    for (int i = 0; i < snapshots.rowCount(); i++) {
                        if (snapshots.doubleColumn(WALL_S).getDouble(i) == t) snapshot = snapshots.intColumn(SNAPSHOT).getInt(i);
                    }
                    assertTrue(snapshot > 0, name + " at " + t + " has no snapshot");
                    boolean found = false;
                    for (int i = 0; i < values.rowCount() && !found; i++) {
                        found = values.intColumn(SNAPSHOT).getInt(i) == snapshot && values.doubleColumn(VALUE).getDouble(i) == v
                                && (values.stringColumn(METRIC).get(i).equals(name) || prom && values.stringColumn(PROM_NAME).get(i).equals(name));
                    }
                    assertTrue(found, name + " " + v + " at " + t);
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, "points checked: " + checked);
    }
}
