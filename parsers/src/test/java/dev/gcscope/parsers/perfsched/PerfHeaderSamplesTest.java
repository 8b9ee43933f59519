package dev.gcscope.parsers.perfsched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** perf's header before a timehist: the reference time ties the monotonic timestamps to the wall clock. */
class PerfHeaderSamplesTest {
    private static final Pattern REFERENCE = Pattern.compile("^# reference time: .* = ([0-9.]+) \\(TOD\\) = ([0-9.]+) \\((\\w+)\\)$",
            Pattern.MULTILINE);

    static Stream<Sample> samples() {
        return SampleTraces.ofFormat(PerfSchedTimehistParser.FORMAT.id()).stream().filter(s -> s.has("perf-header"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void referenceTimeIsTheHeadersLine(Sample s) throws IOException {
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(s.bytes())).readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = REFERENCE.matcher(text);
        assertFalse(!m.find(), "no reference time line");
        ParseResult r = new PerfSchedTimehistParser().parse(TraceSource.of(s.path(), s.bytes()), ParseListener.NONE, ParseOptions.ALL);
        assertEquals(Double.parseDouble(m.group(1)), Double.parseDouble(r.attributes().get(TimehistColumns.ATTR_CLOCK_TOD_S)), 1e-6);
        assertEquals(Double.parseDouble(m.group(2)), Double.parseDouble(r.attributes().get(TimehistColumns.ATTR_CLOCK_REFERENCE_S)), 1e-9);
        assertEquals(m.group(3), r.attributes().get(TimehistColumns.ATTR_CLOCKID));
        assertEquals(0, r.report().issueCount(), () -> r.report().issues().toString());
    }
}
