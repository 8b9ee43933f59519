package dev.gcscope.parsers.perfsched;

/**
 * A reusable position in a line's bytes for the parts of perf output that are not hot (latency
 * rows, headers, summaries): numbers are read exactly as perf printed them, as integers scaled by a
 * power of ten ({@code %.3f} milliseconds to whole microseconds), never through
 * {@code Double.parseDouble}. One per parse; {@link #reset} points it at the next piece of text.
 */
final class Cursor {
    static final long NONE = Long.MIN_VALUE;
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

    byte[] b;
    int p;
    int e;

    Cursor reset(byte[] bytes, int from, int to) {
        b = bytes;
        p = from;
        e = to;
        return this;
    }

    boolean atEnd() {
        return p >= e;
    }

    Cursor skipBlanks() {
        while (p < e && (b[p] == ' ' || b[p] == '\t')) p++;
        return this;
    }

    /** Consumes {@code lit} when the text continues with it. */
    boolean literal(String lit) {
        if (!PasteText.startsWith(b, p, e, lit)) return false;
        p += lit.length();
        return true;
    }

    /** An unsigned integer of at most 18 digits, or {@link #NONE} (position unchanged). */
    long unsigned() {
        int start = p;
        long v = 0;
        while (p < e && PasteText.isDigit(b[p]) && p - start < 18) v = v * 10 + (b[p++] - '0');
        if (p == start || (p < e && PasteText.isDigit(b[p]))) {
            p = start;
            return NONE;
        }
        return v;
    }

    /**
     * A decimal {@code [-]digits[.digits]} scaled to {@code decimals} places ({@code 40.157} with 3
     * gives 40157); more printed decimals than that are a mismatch, fewer are padded. {@link #NONE}
     * when there is no number here (position unchanged).
     */
    long scaled(int decimals) {
        int start = p;
        boolean negative = p < e && b[p] == '-';
        if (negative) p++;
        long whole = unsigned();
        if (whole == NONE) {
            p = start;
            return NONE;
        }
        long frac = 0;
        int digits = 0;
        if (p + 1 < e && b[p] == '.' && PasteText.isDigit(b[p + 1])) {
            p++;
            while (p < e && PasteText.isDigit(b[p])) {
                if (digits == decimals) {
                    p = start;
                    return NONE;
                }
                frac = frac * 10 + (b[p++] - '0');
                digits++;
            }
        }
        if (whole > Long.MAX_VALUE / POW10[decimals] - 1) {
            p = start;
            return NONE;
        }
        long v = whole * POW10[decimals] + frac * POW10[decimals - digits];
        return negative ? -v : v;
    }

    /** Whether only blanks are left. */
    boolean restIsBlank() {
        for (int i = p; i < e; i++) {
            if (b[i] != ' ' && b[i] != '\t') return false;
        }
        return true;
    }
}
