package dev.gcscope.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.samples.SampleTraces;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Log-spaced bins on every gctrace sample, checked against counting each pause into the bins one by one. */
class LogHistogramTest {

    static Stream<String> samples() {
        return SampleTraces.ofFormat("gctrace").stream().map(SampleTraces.Sample::path);
    }

    private static double[] stw(String name) throws Exception {
        SampleTraces.Sample s = SampleTraces.get(name);
        return new GcTraceParser().parse(TraceSource.of(s.fileName(), s.bytes())).table(GcColumns.CYCLES_TABLE)
                .doubleColumn(GcColumns.STW_MS).asDoubleArray();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void binsCountEveryPauseOnceAsANaiveBinningDoes(String name) throws Exception {
        double[] raw = stw(name);
        LogHistogram h = LogHistogram.of(SortedSample.of(raw));
        double[] e = h.edges();
        long[] naive = new long[h.bins()];
        long zeros = 0, known = 0;
        for (double v : raw) {
            if (Double.isNaN(v)) continue;
            known++;
            if (v <= 0) {
                zeros++;
                continue;
            }
            int placed = 0;
            for (int i = 0; i < naive.length; i++) {
                if (v >= e[i] && v < e[i + 1]) {
                    naive[i]++;
                    placed++;
                }
            }
            assertEquals(1, placed, name + ": pause " + v + " lies in exactly one bin");
        }
        assertEquals(known, h.total() + h.zeroCount(), name + ": bins and zeros hold every pause");
        assertEquals(zeros, h.zeroCount());
        assertTrue(Arrays.equals(naive, h.counts()), name + ": " + Arrays.toString(naive) + " vs " + Arrays.toString(h.counts()));
        assertTrue(h.bins() <= LogHistogram.MAX_BINS && (h.bins() >= 1) == (known > zeros), name + ": " + h.bins() + " bins");
        for (int i = 1; i < e.length - 1; i++) {
            double micros = e[i] * 1000;
            assertEquals(0.5, micros - Math.floor(micros), 1e-6, name + ": edge " + e[i] + " lies between printable pauses");
            double ratio = e[i + 1] / e[i];
            assertTrue(ratio > 1, "edges ascend");
        }
    }

    @Test
    void expectedCountsOfAModelAddUpToItsMassOverTheBins() throws Exception {
        LogHistogram h = LogHistogram.of(SortedSample.of(stw(SampleTraces.DEFAULT_GCTRACE)));
        ExponentialDistribution d = new ExponentialDistribution(0.5);
        double[] expected = h.expected(d, 1000);
        double sum = Arrays.stream(expected).sum();
        double[] e = h.edges();
        assertEquals(1000 * (d.cumulativeProbability(e[e.length - 1]) - d.cumulativeProbability(e[0])), sum, 1e-9);
    }

    @Test
    void oddSamples() {
        LogHistogram empty = LogHistogram.of(SortedSample.of(new double[0]));
        assertEquals(0, empty.bins());
        assertEquals(-1, empty.binOf(1));

        LogHistogram one = LogHistogram.of(SortedSample.of(new double[] {0.25}));
        assertEquals(1, one.total());
        assertEquals(0, one.binOf(0.25));

        LogHistogram equal = LogHistogram.of(SortedSample.of(new double[] {0.2, 0.2, 0.2, 0.2, Double.NaN}));
        assertEquals(1, equal.bins(), "equal pauses: one bin, not empty neighbours");
        assertEquals(4, equal.counts()[0]);

        LogHistogram zeros = LogHistogram.of(SortedSample.of(new double[] {0, 0, 0.5, 3}));
        assertEquals(2, zeros.zeroCount());
        assertEquals(2, zeros.total());

        LogHistogram onlyZeros = LogHistogram.of(SortedSample.of(new double[] {0, 0}));
        assertEquals(0, onlyZeros.bins());
        assertEquals(2, onlyZeros.zeroCount());
    }
}
