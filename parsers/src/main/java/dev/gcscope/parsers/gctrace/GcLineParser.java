package dev.gcscope.parsers.gctrace;

import dev.gcscope.parsers.prefix.WallClockParser;

/**
 * A cursor over one gc line's bytes. It anchors on the literals Go prints and reads the
 * comma-separated fields after {@code ms clock} by their key ({@code ms cpu}, {@code MB goal},
 * {@code MB stacks}, {@code P}, …), never by position, so a field added by a future Go release is
 * skipped instead of breaking the line (GCViewer's single regex drops every Go 1.19+ line).
 *
 * <p>Blanks between tokens are optional, which lets wrapped lines be re-joined without guessing
 * where a space was lost. Strict mode (used by {@link SplitLineJoiner} to re-join split lines)
 * rejects unknown fields and numbers Go's {@code fmtNSAsMS} could not have printed
 * ({@code 20190.005}), so a wrong join point fails.
 */
final class GcLineParser {
    static final int COMPLETE = 0;
    /** The line ended where more of the gc line was expected: cut off, wrapped, or split. */
    static final int INCOMPLETE = 1;
    /** Something other than the next expected token: application text or a damaged line. */
    static final int BROKEN = 2;

    private static final int MAX_DIGITS = 15;
    private static final byte[] FORCED = ascii("(forced)");
    private static final byte[] LEAK_CHECK = ascii("(checking for goroutine leaks)");

    private byte[] b;
    private int p;
    private int end;
    private boolean strict;
    private boolean lastHadFraction;
    private GcLine out;

    /** Where the parse stopped when it did not complete. */
    int failPos;

    private final long[] values = new long[GcLine.MAX_TERMS];
    /** Per value: printed the way fmtNSAsMS prints milliseconds. */
    private final boolean[] msShape = new boolean[GcLine.MAX_TERMS];
    /** Per value: printed as a plain integer (MB, P). */
    private final boolean[] intShape = new boolean[GcLine.MAX_TERMS];
    private boolean lastMsShape;
    private boolean lastIntShape;
    private final byte[] separators = new byte[GcLine.MAX_TERMS];

    /**
     * Parses {@code buf[anchor, end)}, where {@code anchor} points at the {@code gc} of the line.
     *
     * @return {@link #COMPLETE}, {@link #INCOMPLETE} or {@link #BROKEN}; fields read before a
     *     failure stay in {@code out}
     */
    int parse(byte[] buf, int anchor, int end, boolean strict, GcLine out) {
        this.b = buf;
        this.end = end;
        this.strict = strict;
        this.out = out;
        this.failPos = -1;
        out.reset();
        p = anchor + 2;
        if (p < end && isDigit(b[p])) return legacy();
        return modern();
    }

    // gc 12 @3.456s 4%: 0.012+1.5+0.003 ms clock, 0.048+0.40/1.2/0.29+0.012 ms cpu, 4->4->2 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 4 P
    private int modern() {
        skipBlanks();
        int gc = uint();
        if (gc < 0) return fail();
        out.gc = gc;
        skipBlanks();
        if (!expect('@')) return fail();
        long millis = seconds();
        if (millis < 0) return fail();
        if (!expect('s')) return fail();
        out.startMillis = millis;
        skipBlanks();
        int pct = uint();
        if (pct < 0) return fail();
        if (!expect('%')) return fail();
        out.cpuPct = pct;
        skipBlanks();
        if (p < end && b[p] == '(') {
            if (!parenthetical()) return fail();
            skipBlanks();
        }
        if (!expect(':')) return fail();
        if (!clock()) return fail();
        while (true) {
            skipBlanks();
            if (p >= end) return fail();
            if (!expect(',')) return fail();
            skipBlanks();
            int r = field();
            if (r < 0) return fail();
            if (r == 1) break;
        }
        int afterProcs = p;
        skipBlanks();
        if (startsWith(FORCED)) {
            p += FORCED.length;
            out.forced = true;
        } else {
            p = afterProcs;
        }
        skipBlanks();
        if (p < end) out.trailingText = true;
        return COMPLETE;
    }

    // Go 1.26: "4% (checking for goroutine leaks): "
    private boolean parenthetical() {
        if (startsWith(LEAK_CHECK)) {
            p += LEAK_CHECK.length;
            out.leakCheck = true;
            return true;
        }
        if (strict) return false;
        int close = p;
        while (close < end && b[close] != ')' && b[close] != ':') close++;
        if (close >= end || b[close] != ')') {
            p = close;
            return false;
        }
        out.unknownFieldStart = p;
        out.unknownFieldEnd = close + 1;
        p = close + 1;
        return true;
    }

    private boolean clock() {
        skipBlanks();
        int n = valueList();
        if (n <= 0) return false;
        for (int i = 1; i < n; i++) {
            if (separators[i] != '+') return false;
        }
        if (strict && !allShaped(msShape, n)) return false;
        skipBlanks();
        if (!word('m', 's')) return false;
        skipBlanks();
        if (!word('c', 'l', 'o', 'c', 'k')) return false;
        if (n > GcLine.MAX_TERMS) n = GcLine.MAX_TERMS;
        System.arraycopy(values, 0, out.clockMicros, 0, n);
        out.clockCount = n;
        return true;
    }

    /**
     * One field after {@code ms clock}, identified by its key.
     *
     * @return 0 for a field, 1 for the final {@code # P} field, -1 on failure
     */
    private int field() {
        int start = p;
        int n = valueList();
        if (n <= 0) return -1;
        skipBlanks();
        if (p >= end) return -1;
        byte c = b[p];
        if (c == 'm' && word('m', 's')) {
            skipBlanks();
            if (word('c', 'p', 'u')) return cpu(n) ? 0 : unknown(start);
            return unknown(start);
        }
        if (c == 'M' && word('M', 'B')) {
            int afterMb = p;
            skipBlanks();
            if (p >= end || b[p] == ',') {
                p = afterMb;
                if (heap(n)) return 0;
                return n == 3 && allShaped(intShape, 3) ? damaged(start) : unknown(start);
            }
            if (n == 1 && intShape[0] && !fitsInt(values[0])) return damaged(start);
            if (n == 1 && intShape[0] && fitsInt(values[0])) {
                int v = (int) (values[0] / 1000);
                if (word('g', 'o', 'a', 'l')) {
                    out.heapGoalMb = v;
                    return 0;
                }
                if (word('s', 't', 'a', 'c', 'k', 's')) {
                    out.stacksMb = v;
                    return 0;
                }
                if (word('g', 'l', 'o', 'b', 'a', 'l', 's')) {
                    out.globalsMb = v;
                    return 0;
                }
            }
            return unknown(start);
        }
        if (c == 'P' && n == 1 && intShape[0] && fitsInt(values[0]) && (p + 1 >= end || !isLetter(b[p + 1]))) {
            p++;
            out.procs = (int) (values[0] / 1000);
            return 1;
        }
        return unknown(start);
    }

    /**
     * Whether an integer field (MB, P) read as thousandths fits the int it is kept in. Go prints
     * these from uint64s, but no heap reaches 2^31 MB; a longer number is damage, and cast to an int
     * it wrapped to a negative size (found by ParserFuzzTest).
     */
    private static boolean fitsInt(long thousandths) {
        return thousandths / 1000 <= Integer.MAX_VALUE;
    }

    // 4->4->2 MB
    private boolean heap(int n) {
        if (n != 3 || separators[1] != '>' || separators[2] != '>') return false;
        if (!allShaped(intShape, 3) || !fitsInt(values[0]) || !fitsInt(values[1]) || !fitsInt(values[2])) return false;
        out.heapStartMb = (int) (values[0] / 1000);
        out.heapEndMb = (int) (values[1] / 1000);
        out.heapLiveMb = (int) (values[2] / 1000);
        return true;
    }

    // 1.6+: a+b/c/d+e (sweep term + assist/background/idle + mark term); 1.5: a+b+c+d/e/f+g
    private boolean cpu(int n) {
        if (n == 5 && separators[1] == '+' && separators[2] == '/' && separators[3] == '/' && separators[4] == '+') {
            // fine as it is
        } else if (n == 7 && separators[1] == '+' && separators[2] == '+' && separators[3] == '+'
                && separators[4] == '/' && separators[5] == '/' && separators[6] == '+') {
            // fine as it is
        } else {
            return false;
        }
        if (strict && !allShaped(msShape, n)) return false;
        System.arraycopy(values, 0, out.cpuMicros, 0, n);
        System.arraycopy(separators, 0, out.cpuSeparators, 0, n);
        out.cpuCount = n;
        return true;
    }

    /** A known field whose number cannot be ({@link #fitsInt}): lost, and said so on its line. */
    private int damaged(int start) {
        int r = unknown(start);
        if (r == 0) {
            out.damagedField = true;
            out.unknownFieldStart = start;
            out.unknownFieldEnd = p;
        }
        return r;
    }

    private int unknown(int start) {
        if (strict) return -1;
        while (p < end && b[p] != ',') p++;
        if (!looksLikeAField(start, p)) out.damagedField = true;
        if (out.unknownFieldStart < 0 || out.damagedField) {
            out.unknownFieldStart = start;
            out.unknownFieldEnd = p;
        }
        return 0;
    }

    /**
     * A field a future Go could add looks like the others: numbers, a blank, then words
     * ({@code 12 MB arenas}). Anything else — stray bytes, a log line glued in — is damage.
     */
    private boolean looksLikeAField(int from, int to) {
        int i = from;
        while (i < to && (isDigit(b[i]) || b[i] == '.' || b[i] == '+' || b[i] == '/' || b[i] == '-' || b[i] == '>')) i++;
        if (i == from || i >= to || b[i] != ' ') return false;
        for (; i < to; i++) {
            byte c = b[i];
            if (!isLetter(c) && c != ' ' && c != '(' && c != ')' && c != '/' && !isDigit(c)) return false;
        }
        return true;
    }

    /**
     * Numbers joined by {@code +}, {@code /} or {@code ->} (stored as '>'), into {@link #values}.
     *
     * @return how many, or -1 when the first is missing
     */
    private int valueList() {
        int n = 0;
        while (true) {
            long v = fixed();
            if (v < 0) return n == 0 ? -1 : -1;
            if (n < values.length) {
                values[n] = v;
                msShape[n] = lastMsShape;
                intShape[n] = lastIntShape;
            }
            n++;
            if (p >= end) return n;
            byte c = b[p];
            if (c == '+' || c == '/') {
                p++;
            } else if (c == '-' && p + 1 < end && b[p + 1] == '>') {
                p += 2;
                c = '>';
            } else if (c == '-' && p + 1 >= end) {
                p++;
                return -1;
            } else {
                return n;
            }
            if (n < separators.length) separators[n] = c;
        }
    }

    /**
     * A decimal as Go's {@code fmtNSAsMS} prints it, in microseconds (value × 1000 for plain
     * integers such as MB). Exact: fixed-point, no {@code Double.parseDouble}. Records whether the
     * number has a shape Go prints for milliseconds ({@code 0}, {@code 0.0dd}, {@code 0.dd},
     * {@code d.d}, {@code dd…}) or for integers; strict mode insists on them.
     *
     * @return the value, or -1 when there is no number here
     */
    private long fixed() {
        int start = p;
        long ip = 0;
        while (p < end && isDigit(b[p]) && !gluedLogLine()) {
            if (p - start >= MAX_DIGITS) return -1;
            ip = ip * 10 + (b[p] - '0');
            p++;
        }
        int intDigits = p - start;
        if (intDigits == 0) return -1;
        long frac = 0;
        int fracDigits = 0;
        lastHadFraction = false;
        if (p < end && b[p] == '.') {
            p++;
            lastHadFraction = true;
            while (p < end && isDigit(b[p]) && !gluedLogLine() && !(strict && fracDigits == 3)) {
                if (fracDigits < 3) frac = frac * 10 + (b[p] - '0');
                fracDigits++;
                p++;
            }
        }
        for (int k = Math.min(fracDigits, 3); k < 3; k++) frac *= 10;
        lastMsShape = goPrints(b[start], intDigits, ip, fracDigits, frac);
        lastIntShape = fracDigits == 0 && !lastHadFraction && (intDigits == 1 || b[start] != '0');
        if (strict && !lastMsShape && !lastIntShape) {
            // Not a number Go prints (e.g. "0.142026": "0.14" with a date glued on). Fail here, not
            // at the end of the field, so the re-joiner sees exactly where the line stops making sense.
            p = start;
            return -1;
        }
        return ip * 1000 + frac;
    }

    private static boolean allShaped(boolean[] shape, int n) {
        for (int i = 0; i < Math.min(n, shape.length); i++) {
            if (!shape[i]) return false;
        }
        return true;
    }

    private static boolean goPrints(byte first, int intDigits, long ip, int fracDigits, long fracMicros) {
        switch (fracDigits) {
            case 0:
                return (intDigits == 1 && ip == 0) || (ip >= 10 && first != '0');
            case 1:
                return intDigits == 1 && ip >= 1 && ip <= 9;
            case 2:
                return intDigits == 1 && ip == 0 && fracMicros >= 100;
            case 3:
                return intDigits == 1 && ip == 0 && fracMicros >= 1 && fracMicros <= 99;
            default:
                return false;
        }
    }

    // @3.456s: Go prints exactly three decimals (itoaDiv(ms, 3)).
    private long seconds() {
        int start = p;
        long whole = 0;
        while (p < end && isDigit(b[p]) && !gluedLogLine()) {
            if (p - start >= MAX_DIGITS) return -1;
            whole = whole * 10 + (b[p] - '0');
            p++;
        }
        if (p == start) return -1;
        long millis = 0;
        int digits = 0;
        if (p < end && b[p] == '.') {
            p++;
            while (p < end && isDigit(b[p]) && !(strict && digits == 3)) {
                if (digits < 3) millis = millis * 10 + (b[p] - '0');
                digits++;
                p++;
            }
        }
        if (strict && digits != 3) return -1;
        for (int k = Math.min(digits, 3); k < 3; k++) millis *= 10;
        return whole * 1000 + millis;
    }

    // gc6(5): 0+0+0+1000 us, 0 -> 0 MB, 2118 (2655-537) objects, …   (Go 1.3–1.4, µs)
    // gc13(2): 0+0+0 ms, 0 -> 0 MB 4 -> 4 (14-10) objects, …        (Go 1.1–1.2; 1.0 has no comma)
    private int legacy() {
        out.legacy = true;
        int gc = uint();
        if (gc < 0) return fail();
        out.gc = gc;
        if (!expect('(')) return fail();
        int procs = uint();
        if (procs < 0) return fail();
        if (!expect(')') || !expect(':')) return fail();
        int n = 0;
        do {
            skipBlanks();
            int v = uint();
            if (v < 0) return fail();
            if (n < values.length) values[n] = v;
            n++;
        } while (expect('+'));
        skipBlanks();
        boolean micros;
        if (word('u', 's')) {
            micros = true;
        } else if (word('m', 's')) {
            micros = false;
        } else {
            return fail();
        }
        skipBlanks();
        if (p < end && b[p] == ',') {
            p++;
        }
        skipBlanks();
        int heap0 = uint();
        if (heap0 < 0) return fail();
        skipBlanks();
        if (!expect('-') || !expect('>')) return fail();
        skipBlanks();
        int heap1 = uint();
        if (heap1 < 0) return fail();
        skipBlanks();
        if (!word('M', 'B')) return fail();
        out.legacyMicros = micros;
        n = Math.min(n, GcLine.MAX_TERMS);
        for (int i = 0; i < n; i++) out.clockMicros[i] = micros ? values[i] : values[i] * 1000;
        out.clockCount = n;
        out.procs = procs;
        out.heapStartMb = heap0;
        out.heapEndMb = heap1;
        return COMPLETE;
    }

    private int uint() {
        int start = p;
        long v = 0;
        while (p < end && isDigit(b[p]) && !gluedLogLine()) {
            v = v * 10 + (b[p] - '0');
            if (v > Integer.MAX_VALUE) return -1;
            p++;
        }
        return p == start ? -1 : (int) v;
    }

    /**
     * In strict mode, digits stop where a timestamp starts: {@code 0.0482026/11/27 00:11:40 request…}
     * is the runtime's {@code 0.048} with an application log line glued on.
     */
    private boolean gluedLogLine() {
        return strict && WallClockParser.startsAt(b, p, end);
    }

    private boolean expect(char c) {
        if (p < end && b[p] == c) {
            p++;
            return true;
        }
        return false;
    }

    private boolean word(char c0, char c1) {
        if (p + 1 < end && b[p] == c0 && b[p + 1] == c1 && (p + 2 >= end || !isLetter(b[p + 2]))) {
            p += 2;
            return true;
        }
        return false;
    }

    private boolean word(char... cs) {
        int n = cs.length;
        if (p + n > end) return false;
        for (int i = 0; i < n; i++) {
            if (b[p + i] != cs[i]) return false;
        }
        if (p + n < end && isLetter(b[p + n])) return false;
        p += n;
        return true;
    }

    private boolean startsWith(byte[] lit) {
        if (p + lit.length > end) return false;
        for (int i = 0; i < lit.length; i++) {
            if (b[p + i] != lit[i]) return false;
        }
        return true;
    }

    private void skipBlanks() {
        while (p < end && (b[p] == ' ' || b[p] == '\t')) p++;
    }

    private int fail() {
        failPos = p;
        int q = p;
        while (q < end && (b[q] == ' ' || b[q] == '\t')) q++;
        return q >= end ? INCOMPLETE : BROKEN;
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
