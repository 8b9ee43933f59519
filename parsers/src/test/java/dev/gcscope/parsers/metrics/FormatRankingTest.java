package dev.gcscope.parsers.metrics;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.TraceParsers;
import dev.gcscope.parsers.TraceSample;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The registry's ranking over every bundled sample of every format: the sample's own format wins,
 * the metrics probes claim no gctrace or perf file, and no other probe claims a metrics file.
 */
class FormatRankingTest {
    private static final Set<String> METRICS = Set.of(PrometheusTextParser.FORMAT.id(), MetricsJsonParser.FORMAT.id());

    static Stream<Sample> samples() {
        return SampleTraces.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void ownFormatWinsAndNoOtherClaimsIt(Sample s) throws IOException {
        TraceParsers registry = TraceParsers.standard();
        TraceSample sample = TraceSource.of("input", s.bytes()).sample(TraceParsers.SAMPLE_BYTES);
        List<TraceParsers.Vote> votes = registry.rank(sample);
        boolean registered = registry.byId(s.format()).isPresent();
        if (registered) {
            assertEquals(s.format(), votes.get(0).parser().format().id(), votes::toString);
            assertTrue(votes.get(0).probe().confidence() >= TraceParsers.MIN_CONFIDENCE, votes::toString);
        }
        for (TraceParsers.Vote v : votes) {
            String id = v.parser().format().id();
            if (id.equals(s.format())) continue;
            boolean mine = METRICS.contains(id) || METRICS.contains(s.format());
            if (mine) {
                assertTrue(v.probe().confidence() < TraceParsers.MIN_CONFIDENCE,
                        id + " claims a " + s.format() + " sample: " + v.probe());
            }
        }
    }
}
