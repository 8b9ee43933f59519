package dev.gcscope.analysis.regime;

import static dev.gcscope.parsers.gctrace.GcColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.AnalysisSamples;
import dev.gcscope.samples.SampleTraces;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The feature window's median, kept sorted in place, must be the median of the last nine values
 * found the plain way (sort a copy, take the middle), on every recording's heaps.
 */
class SortedWindowTest {
    static Stream<String> recordings() {
        return SampleTraces.ofFormat("gctrace").stream().map(SampleTraces.Sample::path);
    }

    /** Each heap column of the recording, pushed whole through one window, against a sort of the last nine. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void medianIsTheMedianOfTheLastValuesOnRealHeaps(String path) {
        Table t = AnalysisSamples.cycles(path);
        for (String column : List.of(HEAP_LIVE_MB, HEAP_END_MB, HEAP_START_MB)) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < t.rowCount(); i++) {
                if (!t.intColumn(column).isMissing(i)) values.add((double) t.intColumn(column).getInt(i));
            }
            assertWindowMatchesNaive(values, path + " " + column);
        }
    }

    /** Few distinct values, so equal values leave and enter the window together, in every order. */
    @Test
    void medianIsTheMedianOfTheLastValuesWithManyTies() {
        Random random = new Random(14);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) values.add((double) random.nextInt(i % 1000 < 500 ? 3 : 40));
        assertWindowMatchesNaive(values, "ties");
    }

    /**
     * The live-heap feature of every cycle ({@link RegimeFeatures#of}) is log10(1 + the median of the
     * live heaps of the last nine cycles with figures in its run), computed the plain way.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void liveHeapFeatureIsTheLogOfTheWindowsMedian(String path) {
        Table t = AnalysisSamples.cycles(path);
        RegimeFeatures f = RegimeFeatures.of(t);
        List<Double> window = new ArrayList<>();
        int run = Integer.MIN_VALUE;
        for (int m = 0; m < f.size(); m++) {
            int row = f.rows[m];
            if (t.intColumn(RUN).getInt(row) != run) window.clear();
            run = t.intColumn(RUN).getInt(row);
            boolean hasLive = !t.intColumn(HEAP_LIVE_MB).isMissing(row);
            window.add((double) t.intColumn(hasLive ? HEAP_LIVE_MB : HEAP_END_MB).getInt(row));
            if (window.size() > RegimeFeatures.WINDOW) window.remove(0);
            assertEquals((float) Math.log10(naiveMedian(window) + 1), f.logLive[m], path + " feature row " + m);
        }
    }

    private static void assertWindowMatchesNaive(List<Double> values, String what) {
        RegimeFeatures.SortedWindow w = new RegimeFeatures.SortedWindow(RegimeFeatures.WINDOW);
        for (int i = 0; i < values.size(); i++) {
            w.push(values.get(i));
            List<Double> last = values.subList(Math.max(0, i + 1 - RegimeFeatures.WINDOW), i + 1);
            assertEquals(naiveMedian(last), w.median(), what + " at " + i);
        }
    }

    /** The upper median when the count is even. */
    private static double naiveMedian(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
