package dev.gcscope.parsers.perfsched;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.TraceParsers;
import dev.gcscope.parsers.TraceSample;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The probes over every bundled sample of every format: a perf sched probe claims its own output
 * and nothing else (gctrace, Prometheus scrapes, metrics JSON, perf sched map), and no other probe
 * claims perf sched output.
 */
class DetectionTest {
    private static final List<String> MINE = List.of(PerfSamples.LATENCY, PerfSamples.TIMEHIST);

    static Stream<Sample> everySample() {
        return SampleTraces.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySample")
    void onlyTheRightParserClaimsTheSample(Sample s) throws IOException {
        TraceParsers parsers = TraceParsers.standard();
        TraceSample sample = TraceSource.of("input", s.bytes()).sample(TraceParsers.SAMPLE_BYTES);
        List<TraceParsers.Vote> votes = parsers.rank(sample);
        boolean known = parsers.byId(s.format()).isPresent();
        if (known) assertEquals(s.format(), votes.get(0).parser().format().id(), () -> "votes: " + votes);
        for (TraceParsers.Vote v : votes) {
            String id = v.parser().format().id();
            if (id.equals(s.format())) continue;
            boolean perfInvolved = MINE.contains(id) || MINE.contains(s.format());
            if (perfInvolved) {
                assertTrue(v.probe().confidence() < TraceParsers.MIN_CONFIDENCE,
                        () -> id + " claims " + s.path() + " (" + s.format() + "): " + v.probe());
            }
        }
    }

    /** detect stops at the first sure probe: it must still pick what the full vote ranks first. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everySample")
    void detectionPicksTheFullVotesWinner(Sample s) throws IOException {
        TraceParsers parsers = TraceParsers.standard();
        TraceSample sample = TraceSource.of("input", s.bytes()).sample(TraceParsers.SAMPLE_BYTES);
        List<TraceParsers.Vote> votes = parsers.rank(sample);
        if (votes.get(0).probe().confidence() < TraceParsers.MIN_CONFIDENCE) return;
        try (dev.gcscope.parsers.DecodedInput in = TraceSource.of("input", s.bytes()).open()) {
            assertEquals(votes.get(0).parser(), parsers.detect(in), () -> "votes: " + votes);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySample")
    void probesAreDecisiveOnTheirOwnOutput(Sample s) throws IOException {
        if (!MINE.contains(s.format())) return;
        TraceParser mine = TraceParsers.standard().byId(s.format()).orElseThrow();
        TraceSample sample = TraceSource.of("input", s.bytes()).sample(TraceParsers.SAMPLE_BYTES);
        assertTrue(mine.probe(sample).confidence() >= 0.8, () -> mine.probe(sample).toString());
    }
}
