package dev.gcscope.ui.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.sched.SchedSamples;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The summary's one line per histogram: every percentile in the unit the metric's name gives. */
class MetricsViewsTest {
    /** {@code name · count 1,234 · p50 X · p90 Y · p99 Z} */
    private static final Pattern LINE = Pattern.compile("(\\S+) · count [\\d,]+ · p50 (.+) · p90 (.+) · p99 (.+)");

    @ParameterizedTest
    @ValueSource(strings = {"metrics/go1.24-client_golang-1.21.1-scrapes.txt", "metrics/go1.24-phases-histograms.jsonl"})
    void byteAndTimeHistogramsCarryTheirUnits(String sample) {
        List<String> details = new MetricsViews().details(SchedSamples.parse(sample));
        int bytes = 0, seconds = 0;
        for (String line : details) {
            var m = LINE.matcher(line);
            assertTrue(m.matches(), line);
            String name = m.group(1);
            for (int g = 2; g <= 4; g++) {
                String figure = m.group(g);
                if (name.contains("bytes")) {
                    assertTrue(figure.matches("[\\d.]+ B|—"), "bytes: " + line);
                    bytes++;
                } else if (name.contains("seconds")) {
                    assertTrue(figure.matches("[\\d.]+ (ns|µs|ms|s)|0 s|—"), "seconds: " + line);
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
