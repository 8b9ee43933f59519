package dev.gcscope.parsers.io;

import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * The Unicode byte-order marks a text file can start with, and {@link #skip} to find and drop one.
 * Written here rather than taken from commons-io ({@code BOMInputStream} and its
 * {@code ByteOrderMark}): its builder, with {@code BoundedInputStream}'s, loaded ~65 classes from
 * the jar (builders, origins, the {@code IOUtils} family) on every command-line {@code summary}
 * (counted with {@code -Xlog:class+load}; a cold start is mostly class loading), to compare four
 * bytes. The input here is always buffered, so the mark is found by looking at the first bytes and
 * skipping it. {@code ByteOrderMarkTest} checks it decides as {@code BOMInputStream} does.
 */
public enum ByteOrderMark {
    // Longest first: FF FE 00 00 is UTF-32LE, not UTF-16LE followed by a NUL (as commons-io decides).
    UTF_32LE("UTF-32LE", 0xff, 0xfe, 0x00, 0x00),
    UTF_32BE("UTF-32BE", 0x00, 0x00, 0xfe, 0xff),
    UTF_8("UTF-8", 0xef, 0xbb, 0xbf),
    UTF_16LE("UTF-16LE", 0xff, 0xfe),
    UTF_16BE("UTF-16BE", 0xfe, 0xff);

    private static final int LONGEST = 4;

    private final String charsetName;
    private final int[] bytes;

    ByteOrderMark(String charsetName, int... bytes) {
        this.charsetName = charsetName;
        this.bytes = bytes;
    }

    /** The charset the mark announces, e.g. {@code UTF-16LE}. */
    public String charsetName() {
        return charsetName;
    }

    /**
     * Reads past the byte-order mark {@code in} starts with, if any (waiting for up to four bytes or
     * the end, as a reader of the text would); the bytes after it are then read next.
     *
     * @return the mark skipped, or null when the content starts with none (nothing is then consumed)
     */
    public static ByteOrderMark skip(BufferedInputStream in) throws IOException {
        in.mark(LONGEST);
        byte[] first = in.readNBytes(LONGEST);
        in.reset();
        for (ByteOrderMark mark : values()) {
            if (mark.matches(first)) {
                in.skipNBytes(mark.bytes.length);
                return mark;
            }
        }
        return null;
    }

    private boolean matches(byte[] first) {
        if (first.length < bytes.length) return false;
        for (int i = 0; i < bytes.length; i++) {
            if ((first[i] & 0xff) != bytes[i]) return false;
        }
        return true;
    }
}
