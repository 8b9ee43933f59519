package dev.gcscope.parsers.io;

import java.util.Arrays;

/**
 * A copy of the line before, to tell a line that comes twice in a row: a log shipped twice
 * (at-least-once shippers resend lines) repeats each line right after itself. Only a copy right
 * after its line is one: whatever comes between ends the comparison ({@link #forget}). The bytes
 * are copied into one buffer, kept from line to line.
 */
public final class PreviousLine {
    private byte[] bytes = new byte[256];
    private int length = -1;

    /** Whether {@code b[s, e)} is the line kept, byte for byte. */
    public boolean is(byte[] b, int s, int e) {
        return length >= 0 && Arrays.equals(bytes, 0, length, b, s, e);
    }

    /** Keeps {@code b[s, e)} as the line before the next. */
    public void keep(byte[] b, int s, int e) {
        int n = e - s;
        if (bytes.length < n) bytes = new byte[Math.max(n, bytes.length * 2)];
        System.arraycopy(b, s, bytes, 0, n);
        length = n;
    }

    /** No line is kept: the next line is nobody's copy. */
    public void forget() {
        length = -1;
    }
}
