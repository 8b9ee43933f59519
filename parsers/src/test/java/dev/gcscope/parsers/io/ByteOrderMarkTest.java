package dev.gcscope.parsers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.commons.io.input.BOMInputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ByteOrderMark} and {@link CountingInputStream} replace commons-io's {@code BOMInputStream}
 * and {@code BoundedInputStream} on the parse path (for their start-up cost only): they must decide
 * and deliver exactly as those do, so they are checked against them.
 */
class ByteOrderMarkTest {
    /** Every mark's bytes, a NUL and a letter: all inputs of up to 5 of them cover every prefix case. */
    private static final byte[] ALPHABET = {0x00, (byte) 0xff, (byte) 0xfe, (byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'g'};

    @Test
    void findsTheMarkCommonsIoFindsAndLeavesTheSameBytes() throws IOException {
        int inputs = 0;
        for (int length = 0; length <= 5; length++) {
            int combinations = (int) Math.pow(ALPHABET.length, length);
            for (int c = 0; c < combinations; c++) {
                byte[] input = new byte[length];
                for (int i = 0, rest = c; i < length; i++, rest /= ALPHABET.length) input[i] = ALPHABET[rest % ALPHABET.length];
                BOMInputStream library = BOMInputStream.builder().setInputStream(new ByteArrayInputStream(input))
                        .setByteOrderMarks(org.apache.commons.io.ByteOrderMark.UTF_8, org.apache.commons.io.ByteOrderMark.UTF_16LE,
                                org.apache.commons.io.ByteOrderMark.UTF_16BE, org.apache.commons.io.ByteOrderMark.UTF_32LE,
                                org.apache.commons.io.ByteOrderMark.UTF_32BE)
                        .get();
                String expected = library.getBOM() == null ? null : library.getBOM().getCharsetName();
                byte[] expectedRest = library.readAllBytes();

                BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(input));
                ByteOrderMark mark = ByteOrderMark.skip(in);
                String what = Arrays.toString(input);
                assertEquals(expected, mark == null ? null : mark.charsetName(), what);
                assertArrayEquals(expectedRest, in.readAllBytes(), what);
                inputs++;
            }
        }
        assertEquals(19608, inputs);
    }

    @Test
    void countsWhatIsReadAndSkipped() throws IOException {
        byte[] data = new byte[100_000];
        CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(data));
        assertEquals(0, in.read());
        assertEquals(1, in.count());
        assertEquals(1000, in.read(new byte[1000]));
        assertEquals(1001, in.count());
        assertEquals(500, in.skip(500));
        assertEquals(1501, in.count());
        assertEquals(data.length - 1501, in.readAllBytes().length);
        assertEquals(data.length, in.count());
        assertEquals(-1, in.read());
        assertEquals(data.length, in.count());
    }
}
