package dev.gcscope.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gcscope.format.FormatSupport;
import dev.gcscope.format.FormatSupports;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceParsers;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.sched.LatencyViews;
import dev.gcscope.ui.view.FormatViews;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The window opens every format the parsers read either as a cycle document (its entry finds GC
 * cycles) or with the views of its desktop entry, and that entry belongs to the same family as the
 * headless one.
 */
class FormatViewsRegistryTest {
    private final FormatSupports supports = FormatSupports.standard();
    private final FormatViewsRegistry views = FormatViewsRegistry.standard();

    @Test
    void eachBundledFormatOpensAsCyclesOrWithItsOwnViews() throws Exception {
        TraceParsers parsers = TraceParsers.standard();
        Map<String, SampleTraces.Sample> firstOfEachFormat = new LinkedHashMap<>();
        for (SampleTraces.Sample s : SampleTraces.all()) {
            if (parsers.byId(s.format()).isPresent()) firstOfEachFormat.putIfAbsent(s.format(), s);
        }
        assertEquals(parsers.all().stream().map(p -> p.format().id()).collect(Collectors.toSet()), firstOfEachFormat.keySet(),
                "a bundled sample of every format the parsers read");
        for (SampleTraces.Sample s : firstOfEachFormat.values()) {
            ParseResult r = TraceLoader.standard().load(TraceSource.of(s.fileName(), s.bytes()), null, ParseListener.NONE);
            FormatSupport support = supports.forFormat(r.format()).orElseThrow();
            boolean cycles = support.gcCycles(r).isPresent();
            Optional<FormatViews> own = views.forFormat(r.format());
            assertNotEquals(cycles, own.isPresent(), s.path() + ": a cycle document or the format's own views, one of the two");
            own.ifPresent(v -> assertEquals(support.getClass(), v.support().getClass(), s.path()));
        }
    }

    @Test
    void aFormatWithTwoViewEntriesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FormatViewsRegistry(List.of(new LatencyViews(), new LatencyViews())));
    }
}
