package dev.gcscope.parsers.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What the parser does not do but a writer may: skip rows, write a row again after its block was
 * encoded, go on after {@link PackedLongs#trim}. Each is checked against a plain array that takes the
 * same writes (EncodedColumnsTest checks the parser's own way of writing on the bundled samples).
 */
class PackedLongsTest {

    @Test
    void rowsNotWrittenReadAsZero() {
        PackedLongs p = new PackedLongs(10);
        p.set(3, 7);
        p.set(300, -5); // skips the rest of block 0 and all of block 1
        p.set(302, 9);
        long[] expected = new long[303];
        expected[3] = 7;
        expected[300] = -5;
        expected[302] = 9;
        assertRows(expected, p);
        p.trim(303);
        assertRows(expected, p);
    }

    @Test
    void aRowWrittenAgainAfterItsBlockWasEncodedReadsTheNewValueAndOldViewsTheOld() {
        PackedLongs p = new PackedLongs(400);
        long[] expected = new long[400];
        for (int i = 0; i < 400; i++) p.set(i, expected[i] = 1000 + i);
        PackedLongs.View before = p.view(400);
        p.set(5, PackedLongs.MISSING);
        p.set(200, Long.MAX_VALUE);
        long[] old = expected.clone();
        expected[5] = PackedLongs.MISSING;
        expected[200] = Long.MAX_VALUE;
        assertRows(expected, p);
        for (int i = 0; i < 400; i++) assertEquals(old[i], before.get(i), "old view, row " + i);
        p.trim(400);
        assertRows(expected, p);
    }

    @Test
    void writingGoesOnAfterTrim() {
        PackedLongs p = new PackedLongs(1);
        long[] expected = new long[500];
        for (int i = 0; i < 200; i++) p.set(i, expected[i] = i * 3L);
        p.trim(200);
        PackedLongs.View trimmed = p.view(200);
        for (int i = 200; i < 500; i++) p.set(i, expected[i] = -i);
        assertRows(expected, p);
        for (int i = 0; i < 200; i++) assertEquals(expected[i], trimmed.get(i));
    }

    @Test
    void aViewEndsAtItsSize() {
        PackedLongs p = new PackedLongs(300);
        for (int i = 0; i < 300; i++) p.set(i, i);
        PackedLongs.View v = p.view(150);
        assertEquals(149, v.get(149));
        assertThrows(IndexOutOfBoundsException.class, () -> v.get(150));
        assertThrows(IndexOutOfBoundsException.class, () -> v.get(-1));
    }

    /** Runs of every shape a block can take (constant, rising, noisy, missing, huge), mixed at random, with views on the way. */
    @Test
    void mixedRunsReadBackAsWritten() {
        SplittableRandom random = new SplittableRandom(14);
        for (int round = 0; round < 20; round++) {
            int n = 1 + random.nextInt(3000);
            long[] expected = new long[n];
            PackedLongs p = new PackedLongs(random.nextInt(n + 1));
            List<long[]> snapshots = new ArrayList<>();
            List<PackedLongs.View> views = new ArrayList<>();
            int i = 0;
            while (i < n) {
                int run = Math.min(n - i, 1 + random.nextInt(300));
                int shape = random.nextInt(6);
                long start = random.nextLong(-1_000_000, 1_000_000);
                for (int k = 0; k < run; k++, i++) {
                    long v = switch (shape) {
                        case 0 -> start;
                        case 1 -> start + k * (long) random.nextInt(1, 1000) / 10;
                        case 2 -> start + random.nextInt(70_000);
                        case 3 -> random.nextInt(5) == 0 ? PackedLongs.MISSING : random.nextInt(100);
                        case 4 -> random.nextBoolean() ? Long.MAX_VALUE - random.nextInt(3) : Long.MIN_VALUE + 1 + random.nextInt(3);
                        default -> random.nextLong();
                    };
                    if (v == PackedLongs.MISSING && shape != 3) v = 0;
                    if (i >= p.capacity()) p.ensureCapacity(i * 2 + 1);
                    p.set(i, expected[i] = v);
                }
                views.add(p.view(i));
                snapshots.add(Arrays.copyOf(expected, i));
            }
            assertRows(expected, p);
            p.trim(n);
            assertRows(expected, p);
            for (int s = 0; s < views.size(); s++) {
                long[] want = snapshots.get(s);
                for (int r = 0; r < want.length; r++) assertEquals(want[r], views.get(s).get(r), "round " + round + " view " + s + " row " + r);
                assertRangesRead(want, views.get(s)); // a view taken while its last block was being filled
            }
        }
    }

    @Test
    void anAllMissingViewReadsMissingEverywhere() {
        long[] expected = new long[300];
        Arrays.fill(expected, PackedLongs.MISSING);
        PackedLongs.View v = PackedLongs.allMissing(300);
        for (int i = 0; i < 300; i++) assertEquals(PackedLongs.MISSING, v.get(i));
        assertRangesRead(expected, v);
    }

    private static void assertRows(long[] expected, PackedLongs p) {
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], p.get(i), "row " + i);
        PackedLongs.View v = p.view(expected.length);
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], v.get(i), "view row " + i);
        assertRangesRead(expected, v);
    }

    /** Ranges of a view read at once: the whole, every block border, and random spans, at an offset. */
    private static void assertRangesRead(long[] expected, PackedLongs.View v) {
        int n = expected.length;
        long[] all = new long[n + 3];
        v.get(0, n, all, 3);
        assertArrayEquals(expected, Arrays.copyOfRange(all, 3, n + 3), "whole view at once");
        SplittableRandom random = new SplittableRandom(n);
        for (int round = 0; round < 50 && n > 0; round++) {
            int from = round < 3 ? Math.min(n - 1, round * PackedLongs.BLOCK - round) : random.nextInt(n);
            int to = from + random.nextInt(n - from + 1);
            long[] out = new long[to - from + 1];
            out[0] = 42;
            v.get(from, to, out, 1);
            assertEquals(42, out[0], "nothing written before the offset");
            assertArrayEquals(Arrays.copyOfRange(expected, from, to), Arrays.copyOfRange(out, 1, out.length), "rows " + from + " to " + to);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> v.get(0, n + 1, new long[n + 1], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> v.get(-1, 0, new long[1], 0));
    }
}
