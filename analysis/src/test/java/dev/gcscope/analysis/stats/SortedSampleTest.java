package dev.gcscope.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.samples.SampleTraces;
import java.util.Arrays;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.DoubleColumn;

/**
 * SortedSample sorts whole microseconds by counting them: on every gctrace sample's pauses (and on
 * values that are not whole microseconds, which take the general sort) the result is bit for bit
 * what the JDK's sort of the non-missing values gives.
 */
class SortedSampleTest {

    static Stream<String> samples() {
        return SampleTraces.ofFormat("gctrace").stream().map(SampleTraces.Sample::path);
    }

    private static double[] jdkSorted(double[] values) {
        double[] v = DoubleStream.of(values).filter(x -> !Double.isNaN(x)).toArray();
        Arrays.sort(v);
        return v;
    }

    private static double[] sorted(SortedSample s) {
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) out[i] = s.get(i);
        return out;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void pausesOfEverySampleSortAsTheJdkSortsThem(String name) throws Exception {
        SampleTraces.Sample s = SampleTraces.get(name);
        DoubleColumn stw = new GcTraceParser().parse(TraceSource.of(s.fileName(), s.bytes())).table(GcColumns.CYCLES_TABLE)
                .doubleColumn(GcColumns.STW_MS);
        double[] expected = jdkSorted(stw.asDoubleArray());
        assertArrayEquals(expected, sorted(SortedSample.of(stw)), name);
    }

    @Test
    void aSampleOfManyRepeatedPausesSortsAsTheJdkSortsIt() throws Exception {
        SampleTraces.Sample s = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE);
        double[] one = new GcTraceParser().parse(TraceSource.of(s.fileName(), s.bytes())).table(GcColumns.CYCLES_TABLE)
                .doubleColumn(GcColumns.STW_MS).asDoubleArray();
        double[] many = new double[one.length * 50];
        for (int i = 0; i < many.length; i++) many[i] = one[(i * 7919) % one.length];
        assertTrue(many.length > 10_000);
        assertArrayEquals(jdkSorted(many), sorted(SortedSample.of(many)));
    }

    @Test
    void valuesThatAreNotWholeMicrosecondsSortAsTheJdkSortsThem() {
        double[][] cases = {
            {0.5, 0.0001, 0.25, Double.NaN, 0.1},
            {0.001, -0.0, 0.0, 0.002, 0.0},
            {1.5, -0.25, 0.75, 3.0},
            {0.3, 0.1 + 0.2, 0.3},
            {2e12, 0.001, 7.0},
            {},
            {Double.NaN},
        };
        for (double[] c : cases) assertArrayEquals(jdkSorted(c), sorted(SortedSample.of(c)), Arrays.toString(c));
    }
}
