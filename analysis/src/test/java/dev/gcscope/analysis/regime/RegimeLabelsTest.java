package dev.gcscope.analysis.regime;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.AnalysisSamples;
import dev.gcscope.samples.SampleTraces;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A regime's kind words and its description are read from the same figures (issue 15: a regime
 * called "low survival" beside "~35% surviving" contradicts itself). The description is parsed
 * back, as a reader reads it, and the words must follow from the numbers it prints.
 */
class RegimeLabelsTest {
    private static final Pattern SURVIVAL = Pattern.compile("~(\\d+)% of the heap surviving");
    private static final Pattern RATE = Pattern.compile("allocating ~([0-9.]+) (MB|GB)/s");

    static Stream<String> gctraceSamples() {
        return SampleTraces.ofFormat("gctrace").stream().map(SampleTraces.Sample::path);
    }

    @ParameterizedTest
    @MethodSource("gctraceSamples")
    void everyBundledRegimesWordsFollowFromTheFiguresItsDescriptionPrints(String sample) {
        for (Regime g : RegimeAnalysis.of(AnalysisSamples.cycles(sample)).regimes()) {
            Matcher s = SURVIVAL.matcher(g.description());
            if (s.find()) {
                int pct = Integer.parseInt(s.group(1));
                String expected = pct < 35 ? "low_survival" : pct >= 80 ? "high_survival" : "moderate_survival";
                assertTrue(g.labels().contains(expected), sample + ": " + g.labels() + " vs " + g.description());
            }
            Matcher r = RATE.matcher(g.description());
            if (r.find()) {
                double mbS = Double.parseDouble(r.group(1)) * (r.group(2).equals("GB") ? 1000 : 1);
                String expected = mbS < 50 ? "low_alloc_rate" : mbS >= 200 ? "high_alloc_rate" : "moderate_alloc_rate";
                assertTrue(g.labels().contains(expected), sample + ": " + g.labels() + " vs " + g.description());
            }
        }
    }

    @Test
    void aSurvivalPrintedAsTheThresholdIsNotBelowIt() {
        // 34.6 % prints "~35%": below the 35 % threshold as a raw figure, but a reader sees 35
        assertEquals("moderate_survival", RegimeLabels.of(20, 0.346, 100, 100, 100).get(1));
        assertEquals("low_survival", RegimeLabels.of(20, 0.344, 100, 100, 100).get(1));
        assertEquals("high_survival", RegimeLabels.of(20, 0.796, 100, 100, 100).get(1));
    }

    @Test
    void aRatePrintedAsTheThresholdIsNotBelowIt() {
        // 49.6 MB/s prints "~50 MB/s", 199.4 MB/s prints "~200 MB/s"
        assertEquals("moderate_alloc_rate", RegimeLabels.of(49.6, 0.5, 100, 100, 100).get(0));
        assertEquals("low_alloc_rate", RegimeLabels.of(49.4, 0.5, 100, 100, 100).get(0));
        assertEquals("high_alloc_rate", RegimeLabels.of(199.4, 0.5, 100, 100, 100).get(0));
        assertEquals(List.of("moderate_survival"), RegimeLabels.of(Double.NaN, 0.5, 100, 100, 100));
        assertEquals("480", String.format(Locale.ROOT, "%.0f", RegimeLabels.shownRate(483.2)));
    }
}
