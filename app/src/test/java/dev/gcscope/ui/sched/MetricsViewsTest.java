package dev.gcscope.ui.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.sched.SchedSamples;
import dev.gcscope.export.table.TextTable;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The summary's row per histogram: every percentile in the unit the metric's name gives. */
class MetricsViewsTest {

    @ParameterizedTest
    @ValueSource(strings = {"metrics/go1.24-client_golang-1.21.1-scrapes.txt", "metrics/go1.24-phases-histograms.jsonl"})
    void byteAndTimeHistogramsCarryTheirUnits(String sample) {
        TextTable details = new MetricsViews().details(SchedSamples.parse(sample));
        assertEquals(List.of("Histogram", "Count", "P50", "P90", "P99"), details.headers());
        int bytes = 0, seconds = 0;
        for (List<String> row : details.rows()) {
            String name = row.get(0);
            assertTrue(row.get(1).matches("[\\d,]+|—"), "count: " + row);
            for (int g = 2; g <= 4; g++) {
                String figure = row.get(g);
                if (name.contains("bytes")) {
                    assertTrue(figure.matches("[\\d.]+ B|—"), "bytes: " + row);
                    bytes++;
                } else if (name.contains("seconds")) {
                    assertTrue(figure.matches("[\\d.]+ (ns|µs|ms|s)|0 s|—"), "seconds: " + row);
                    seconds++;
                }
            }
        }
        // Both samples record the allocation-size and the pause histograms.
        assertEquals(0, bytes % 3);
        assertTrue(bytes >= 6, "two byte histograms, three figures each: " + details);
        assertTrue(seconds >= 3, details.toString());
    }
}
