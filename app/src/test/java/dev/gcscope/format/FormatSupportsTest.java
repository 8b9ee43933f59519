package dev.gcscope.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.TraceParsers;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A format the parsers read but no entry supports would silently lose its summary keys and views. */
class FormatSupportsTest {
    private final FormatSupports supports = FormatSupports.standard();

    @Test
    void everyFormatTheParsersReadHasAnEntry() {
        for (TraceParser p : TraceParsers.standard().all()) {
            assertTrue(supports.forFormat(p.format()).isPresent(), "no support entry for " + p.format().id());
        }
    }

    @Test
    void theEntriesCoverTheParsersFormatsAndNothingElse() {
        Set<String> parsed = TraceParsers.standard().all().stream().map(p -> p.format().id()).collect(Collectors.toSet());
        Set<String> supported = supports.all().stream().flatMap(e -> e.formats().stream()).map(TraceFormat::id)
                .collect(Collectors.toSet());
        assertEquals(parsed, supported);
    }

    @Test
    void aFormatWithTwoEntriesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FormatSupports(List.of(new MetricsSupport(), new GcTraceSupport(), new MetricsSupport())));
        assertTrue(e.getMessage().contains("prometheus"), e.getMessage());
    }
}
