package dev.gcscope.analysis.compare;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.SyntheticPauses;
import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The shift's interval against a known shift: B is A's distribution moved by 0.05 ms, each side
 * drawn as pauses whose logs drift (the recordings' correlations, {@link SyntheticPauses#correlated})
 * or independently.
 */
class HodgesLehmannTest {
    static final double SHIFT = 0.05;
    static final int PAIRS = 200, CYCLES = 1_000;

    /** Lehmann's interval, taking every cycle as independent, falls far short; widened, it holds its 95 %. */
    @Test
    void theWidenedIntervalHoldsTheShiftWhenNeighboursAreAlike() {
        int[] covered = coverage(n -> SyntheticPauses.correlated(new Well19937c(n), false, 0.3, 0.95));
        System.out.printf("HodgesLehmannTest, neighbours alike: Lehmann's %d, widened %d of %d%n", covered[0], covered[1], PAIRS);
        assertTrue(covered[0] < 0.8 * PAIRS, "Lehmann's: " + covered[0] + " of " + PAIRS);
        assertTrue(covered[1] >= (0.95 - tolerance()) * PAIRS, "widened: " + covered[1] + " of " + PAIRS);
    }

    /** On independent pauses the widening costs nothing in coverage. */
    @Test
    void theWidenedIntervalKeepsItsCoverageOnIndependentPauses() {
        int[] covered = coverage(n -> new SyntheticPauses(new Well19937c(n), false));
        System.out.printf("HodgesLehmannTest, independent: Lehmann's %d, widened %d of %d%n", covered[0], covered[1], PAIRS);
        assertTrue(covered[0] >= (0.95 - tolerance()) * PAIRS, "Lehmann's: " + covered[0] + " of " + PAIRS);
        assertTrue(covered[1] >= covered[0], "widened " + covered[1] + " against " + covered[0]);
    }

    @Test
    void theWidenedIntervalHoldsLehmannsAndEqualsItWithoutOrder() {
        SyntheticPauses source = SyntheticPauses.correlated(new Well19937c(5), false, 0.3, 0.9);
        double[] a = source.sample(500), b = source.sample(400);
        double[] sa = a.clone(), sb = b.clone();
        Arrays.sort(sa);
        Arrays.sort(sb);
        HodgesLehmann.Shift plain = HodgesLehmann.of(sa, sb, 0.95), widened = HodgesLehmann.of(sa, sb, 0.95, a, b);
        assertEquals(plain.estimate(), widened.estimate());
        assertTrue(widened.low() <= plain.low() && plain.high() <= widened.high(), plain + " inside " + widened);
        // too few cycles for batches: Lehmann's as it is
        double[] fewA = Arrays.copyOf(a, 15), fewB = Arrays.copyOf(b, 15);
        double[] sfa = fewA.clone(), sfb = fewB.clone();
        Arrays.sort(sfa);
        Arrays.sort(sfb);
        assertEquals(HodgesLehmann.of(sfa, sfb, 0.95), HodgesLehmann.of(sfa, sfb, 0.95, fewA, fewB));
    }

    private static double tolerance() {
        return 3 * Math.sqrt(0.95 * 0.05 / PAIRS);
    }

    /** {Lehmann's covered, widened covered} over {@link #PAIRS} pairs. */
    private static int[] coverage(java.util.function.LongFunction<SyntheticPauses> source) {
        int[] covered = new int[2];
        for (int i = 0; i < PAIRS; i++) {
            double[] a = source.apply(2L * i + 1).sample(CYCLES), b = source.apply(2L * i + 2).sample(CYCLES);
            for (int j = 0; j < b.length; j++) b[j] += SHIFT;
            double[] sa = a.clone(), sb = b.clone();
            Arrays.sort(sa);
            Arrays.sort(sb);
            HodgesLehmann.Shift plain = HodgesLehmann.of(sa, sb, 0.95), widened = HodgesLehmann.of(sa, sb, 0.95, a, b);
            if (plain.low() <= SHIFT && SHIFT <= plain.high()) covered[0]++;
            if (widened.low() <= SHIFT && SHIFT <= widened.high()) covered[1]++;
        }
        return covered;
    }
}
