package dev.gcscope.parsers.perfsched;

import java.util.Arrays;

/**
 * Quoted-printable soft line breaks, as a raw mail stores a long line: cut near column 76, with
 * {@code =} at the end of each piece and nothing added to the next (LKML, 2021):
 * <pre>
 *   nfsd:2246             |  31297.564 ms |  1514806 | avg:    0.002 ms | ma=
 * x:  555.543 ms | max at:   9130.660504 s
 * </pre>
 * A line is taken for such a piece only when it ends in {@code =} and is about as long as an
 * encoder makes them, so an ordinary line that happens to end in {@code =} stays what it is.
 */
final class SoftBreaks {
    /** Quoted-printable lines are at most 76 characters; encoders cut close to that. */
    static final int MIN_PIECE = 60;
    static final int MAX_PIECE = 77;
    private static final int MAX_PIECES = 8;

    private byte[] buf = new byte[256];
    private int length;
    private int lines;
    private long firstLine;

    static boolean isPiece(byte[] b, int s, int e) {
        int n = e - s;
        return n >= MIN_PIECE && n <= MAX_PIECE && b[e - 1] == '=';
    }

    boolean active() {
        return lines > 0;
    }

    /**
     * Adds a line: a piece without its {@code =}, or the last piece as it is.
     *
     * @return true when the line was a piece and more are to come
     */
    boolean add(byte[] b, int s, int e, long lineNo) {
        boolean piece = isPiece(b, s, e) && lines < MAX_PIECES - 1;
        int end = piece ? e - 1 : e;
        if (lines == 0) firstLine = lineNo;
        if (length + (end - s) > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + (end - s)));
        System.arraycopy(b, s, buf, length, end - s);
        length += end - s;
        lines++;
        return piece;
    }

    byte[] bytes() {
        return buf;
    }

    int length() {
        return length;
    }

    int lines() {
        return lines;
    }

    long firstLine() {
        return firstLine;
    }

    void clear() {
        length = 0;
        lines = 0;
    }
}
