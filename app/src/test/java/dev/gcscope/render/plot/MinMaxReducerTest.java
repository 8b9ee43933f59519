package dev.gcscope.render.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MinMaxReducerTest {

    @Test
    void aSingleLongPauseAmongAMillionShortOnesIsTheMaximumOfItsColumn() {
        int n = 1_000_000;
        double[] x = new double[n];
        double[] y = new double[n];
        Random rnd = new Random(42);
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.01;
            y[i] = 0.1 + rnd.nextDouble() * 0.2;
        }
        int spike = 654_321;
        y[spike] = 200;
        int columns = 800;
        LinearScale xs = new LinearScale(0, x[n - 1], 50, 50 + columns);
        MinMaxReducer r = new MinMaxReducer();
        r.reduce(x, y, 0, n, null, xs, 50, columns);

        int spikeColumn = (int) (xs.toPixel(x[spike]) - 50);
        assertEquals(200, r.max(spikeColumn), 0);
        long total = 0;
        double highestElsewhere = 0;
        for (int c = 0; c < columns; c++) {
            total += r.count(c);
            if (c != spikeColumn && r.count(c) > 0) highestElsewhere = Math.max(highestElsewhere, r.max(c));
        }
        assertEquals(n - 1, total, "every point but the one exactly on the right edge lands in a column");
        assertEquals(0.3, highestElsewhere, 0.01);
    }

    @Test
    void maskNaNAndOutOfRangePointsAreLeftOut() {
        double[] x = {0, 1, 2, 3, 4, 100};
        double[] y = {5, Double.NaN, 7, 9, 1, 50};
        boolean[] include = {true, true, true, false, true, true};
        LinearScale xs = new LinearScale(0, 5, 0, 5);
        MinMaxReducer r = new MinMaxReducer();
        r.reduce(x, y, 0, x.length, include, xs, 0, 5);
        assertEquals(1, r.count(0));
        assertEquals(0, r.count(1), "NaN y");
        assertEquals(1, r.count(2));
        assertEquals(0, r.count(3), "masked out");
        assertEquals(1, r.count(4));
    }

    @Test
    void minAndMaxOfAColumnHoldingSeveralPoints() {
        double[] x = {0.1, 0.2, 0.3, 1.5};
        double[] y = {3, 1, 2, 8};
        MinMaxReducer r = new MinMaxReducer();
        r.reduce(x, y, 0, 4, null, new LinearScale(0, 2, 0, 2), 0, 2);
        assertEquals(3, r.count(0));
        assertEquals(1, r.min(0), 0);
        assertEquals(3, r.max(0), 0);
        // Reused with fewer columns: old counts must not leak into the new reduction.
        r.reduce(x, y, 3, 4, null, new LinearScale(0, 2, 0, 1), 0, 1);
        assertEquals(1, r.count(0));
        assertEquals(8, r.max(0), 0);
    }
}
