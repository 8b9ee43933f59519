package dev.gcscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The correlated pauses the coverage simulation tries the intervals on keep the independent ones'
 * percentiles (the truth it scores against) and have the recordings' correlation between neighbours.
 */
class SyntheticPausesTest {
    @Test
    void correlatedPausesKeepTheTruePercentilesAndAreAlikeNextToEachOther() {
        SyntheticPauses source = SyntheticPauses.correlated(new Well19937c(5), false, 0.3, 0.95);
        double[] x = source.sample(200_000);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        for (double p : new double[] {10, 50, 90, 99}) {
            // the share below the true percentile, against its own: independent draws would be within 0.002 of it
            double truth = source.percentile(p);
            double below = (double) -Arrays.binarySearch(sorted, truth) / sorted.length;
            assertEquals(p / 100, below, 0.01, "P" + p);
        }
        double[] rank = new double[x.length];
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        for (int i = 0; i < x.length; i++) rank[order[i]] = i;
        double lag1 = rankCorrelation(rank, 1), lag50 = rankCorrelation(rank, 50);
        assertTrue(lag1 > 0.2 && lag1 < 0.35, "lag 1: " + lag1);
        assertTrue(Math.abs(lag50) < 0.06, "lag 50: " + lag50);
        double[] independent = new SyntheticPauses(new Well19937c(5), false).sample(200_000);
        Integer[] o2 = new Integer[independent.length];
        for (int i = 0; i < o2.length; i++) o2[i] = i;
        Arrays.sort(o2, (a, b) -> Double.compare(independent[a], independent[b]));
        double[] r2 = new double[o2.length];
        for (int i = 0; i < o2.length; i++) r2[o2[i]] = i;
        assertTrue(Math.abs(rankCorrelation(r2, 1)) < 0.01, "independent pauses are not alike");
    }

    private static double rankCorrelation(double[] rank, int lag) {
        double mean = (rank.length - 1) / 2.0, xy = 0, xx = 0;
        for (int i = 0; i + lag < rank.length; i++) {
            xy += (rank[i] - mean) * (rank[i + lag] - mean);
            xx += (rank[i] - mean) * (rank[i] - mean);
        }
        return xy / xx;
    }
}
