package dev.gcscope.parsers.metrics;

import static dev.gcscope.parsers.metrics.MetricsColumns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/** JSON lines with {@code wall} and {@code values}: each line's wall clock and scalars, as the raw JSON has them. */
class WallAndValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Sample> samples() {
        return SampleTraces.ofFormat(MetricsJsonParser.FORMAT.id()).stream().filter(s -> s.has("wall"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void wallAndValuesAreTheLines(Sample s) throws IOException {
        ParseResult r = new MetricsJsonParser().parse(TraceSource.of(s.path(), s.bytes()), ParseListener.NONE, ParseOptions.ALL);
        Table snapshots = r.table(SNAPSHOTS_TABLE), values = r.table(VALUES_TABLE);
        String[] lines = RawMetrics.text(s.bytes()).split("\n");
        assertEquals(lines.length, snapshots.rowCount());
        int row = 0;
        for (int k = 0; k < lines.length; k++) {
            JsonNode n = JSON.readTree(lines[k]);
            assertEquals(n.get("wall").asDouble(), snapshots.doubleColumn(WALL_S).getDouble(k), 0, "line " + (k + 1));
            assertEquals(n.get("t").asDouble(), snapshots.doubleColumn(TIME_S).getDouble(k), 0, "line " + (k + 1));
            for (Iterator<Map.Entry<String, JsonNode>> it = n.get("values").fields(); it.hasNext(); row++) {
                Map.Entry<String, JsonNode> e = it.next();
                assertEquals(k + 1, values.intColumn(SNAPSHOT).getInt(row));
                assertEquals(e.getKey(), values.stringColumn(METRIC).get(row));
                assertEquals(e.getValue().asDouble(), values.doubleColumn(VALUE).getDouble(row), 0, e.getKey() + " line " + (k + 1));
            }
        }
        assertEquals(row, values.rowCount());
        assertFalse(values.isEmpty());
    }
}
