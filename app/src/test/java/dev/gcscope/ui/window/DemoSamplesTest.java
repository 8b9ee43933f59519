package dev.gcscope.ui.window;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo set the app bundles: copies of corpus recordings (the POM copies them, the index lists
 * them; these must agree), covering every format gcscope reads.
 */
class DemoSamplesTest {

    @Test
    void everyListedDemoSampleIsBundledAsAnExactCopyOfTheCorpusRecording() throws Exception {
        assertFalse(DemoSamples.all().isEmpty(), "the index dev/gcscope/demo/index.tsv is bundled");
        for (DemoSamples.Sample demo : DemoSamples.all()) {
            SampleTraces.Sample corpus = SampleTraces.get(demo.path());
            assertEquals(corpus.format(), demo.format(), demo.path());
            assertArrayEquals(corpus.bytes(), demo.bytes(), demo.path());
        }
    }

    @Test
    void everyFormatGcscopeReadsHasADemoSample() {
        Set<String> readable = TraceLoader.standard().parsers().all().stream()
                .map(p -> p.format().id()).collect(Collectors.toSet());
        Set<String> demoed = DemoSamples.all().stream().map(DemoSamples.Sample::format).collect(Collectors.toSet());
        assertEquals(readable, demoed);
    }

    @Test
    void eachDemoSampleIsDetectedAsItsFormat() throws Exception {
        TraceLoader loader = TraceLoader.standard();
        for (DemoSamples.Sample demo : DemoSamples.all()) {
            TraceParser parser = loader.parserFor(TraceSource.of(demo.fileName(), demo.bytes()), null);
            assertEquals(demo.format(), parser.format().id(), demo.path());
        }
    }

    @Test
    void theAppStartsOnTheCorpusDefaultRecording() {
        assertEquals(SampleTraces.DEFAULT_GCTRACE, DemoSamples.DEFAULT_GCTRACE);
        assertTrue(DemoSamples.find(DemoSamples.DEFAULT_GCTRACE).isPresent());
    }
}
