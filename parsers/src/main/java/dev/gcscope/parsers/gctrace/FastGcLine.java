package dev.gcscope.parsers.gctrace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path for the line every Go release since 1.6 prints, exactly as the runtime prints it:
 * <pre>
 * gc 12 @3.456s 4%: 0.012+1.5+0.003 ms clock, 0.048+0.40/1.2/0.29+0.012 ms cpu, 4->4->2 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 4 P
 * </pre>
 * ({@code MB stacks}/{@code MB globals} optional, {@code (forced)} optional.) Everything is a local
 * and each number comes back packed with the position after it, so the JIT keeps the cursor in a
 * register; a line that differs in any way (prefix blanks, Go 1.5 or 1.26 forms, new fields, damage)
 * returns false and goes to {@link GcLineParser}, which handles all of it.
 */
final class FastGcLine {
    private static final int POS_BITS = 24;
    private static final long POS_MASK = (1L << POS_BITS) - 1;
    private static final long FAIL = -1;
    private static final Literal MS_CLOCK = new Literal(" ms clock, ");
    private static final Literal MS_CPU = new Literal(" ms cpu, ");
    private static final Literal MB_GOAL = new Literal(" MB goal, ");
    private static final Literal MB_STACKS = new Literal(" MB stacks, ");
    private static final Literal MB_GLOBALS = new Literal(" MB globals, ");
    private static final Literal FORCED = new Literal(" (forced)");

    private FastGcLine() {}

    /** Parses {@code b[s, e)} (which starts with {@code "gc "}) into {@code out}; false means "use the slow path". */
    static boolean parse(byte[] b, int s, int e, GcLine out) {
        return parseTo(b, s, e, out) == e;
    }

    /**
     * Parses a gc line starting at {@code b[s]} when the line's end is not known yet: {@code limit}
     * is the end of the data. Returns the index of the CR or LF that ends the line, or -1 when the
     * line is not the common form or its end is not in the data. Saves finding the line end first.
     */
    static int parseLine(byte[] b, int s, int limit, GcLine out) {
        int p = parseTo(b, s, limit, out);
        return p >= 0 && p < limit && (b[p] == '\n' || b[p] == '\r') ? p : -1;
    }

    /** Position after the line's last field ({@code P} or {@code (forced)}), or -1. */
    private static int parseTo(byte[] b, int s, int e, GcLine out) {
        if (e >= 1 << POS_BITS) return -1;
        long r = uint(b, s + 3, e);
        if (r < 0) return -1;
        int p = pos(r);
        if (p + 2 >= e || b[p] != ' ' || b[p + 1] != '@') return -1;
        int gc = (int) val(r);
        // @3.456s
        r = uint(b, p + 2, e);
        if (r < 0) return -1;
        p = pos(r);
        if (p + 6 >= e || b[p] != '.' || b[p + 4] != 's' || b[p + 5] != ' ') return -1;
        int d1 = b[p + 1] - '0', d2 = b[p + 2] - '0', d3 = b[p + 3] - '0';
        if ((d1 | d2 | d3) < 0 || d1 > 9 || d2 > 9 || d3 > 9) return -1;
        long startMillis = val(r) * 1000 + d1 * 100 + d2 * 10 + d3;
        // 4%:
        r = uint(b, p + 6, e);
        if (r < 0) return -1;
        p = pos(r);
        if (p + 3 >= e || b[p] != '%' || b[p + 1] != ':' || b[p + 2] != ' ') return -1;
        int pct = (int) val(r);
        // 0.012+1.5+0.003 ms clock,
        long[] clock = out.clockMicros;
        r = ms(b, p + 3, e);
        if (r < 0 || pos(r) >= e || b[pos(r)] != '+') return -1;
        clock[0] = val(r);
        r = ms(b, pos(r) + 1, e);
        if (r < 0 || pos(r) >= e || b[pos(r)] != '+') return -1;
        clock[1] = val(r);
        r = ms(b, pos(r) + 1, e);
        if (r < 0) return -1;
        clock[2] = val(r);
        p = literal(b, pos(r), e, MS_CLOCK);
        if (p < 0) return -1;
        // 0.048+0.40/1.2/0.29+0.012 ms cpu,
        long[] cpu = out.cpuMicros;
        r = ms(b, p, e);
        if (r < 0 || pos(r) >= e || b[pos(r)] != '+') return -1;
        cpu[0] = val(r);
        r = ms(b, pos(r) + 1, e);
        if (r < 0 || pos(r) >= e || b[pos(r)] != '/') return -1;
        cpu[1] = val(r);
        r = ms(b, pos(r) + 1, e);
        if (r < 0 || pos(r) >= e || b[pos(r)] != '/') return -1;
        cpu[2] = val(r);
        r = ms(b, pos(r) + 1, e);
        if (r < 0 || pos(r) >= e || b[pos(r)] != '+') return -1;
        cpu[3] = val(r);
        r = ms(b, pos(r) + 1, e);
        if (r < 0) return -1;
        cpu[4] = val(r);
        p = literal(b, pos(r), e, MS_CPU);
        if (p < 0) return -1;
        // 4->4->2 MB,
        r = uint(b, p, e);
        if (r < 0 || pos(r) + 1 >= e || b[pos(r)] != '-' || b[pos(r) + 1] != '>') return -1;
        int h0 = (int) val(r);
        r = uint(b, pos(r) + 2, e);
        if (r < 0 || pos(r) + 1 >= e || b[pos(r)] != '-' || b[pos(r) + 1] != '>') return -1;
        int h1 = (int) val(r);
        r = uint(b, pos(r) + 2, e);
        if (r < 0) return -1;
        int h2 = (int) val(r);
        p = pos(r);
        if (p + 5 > e || b[p] != ' ' || b[p + 1] != 'M' || b[p + 2] != 'B' || b[p + 3] != ',' || b[p + 4] != ' ') return -1;
        p += 5;
        // 5 MB goal,
        r = uint(b, p, e);
        if (r < 0) return -1;
        int goal = (int) val(r);
        p = literal(b, pos(r), e, MB_GOAL);
        if (p < 0) return -1;
        // [0 MB stacks, 0 MB globals, ]4 P
        r = uint(b, p, e);
        if (r < 0) return -1;
        int stacks = GcLine.NONE;
        int globals = GcLine.NONE;
        p = pos(r);
        if (p + 1 < e && b[p] == ' ' && b[p + 1] == 'M') {
            stacks = (int) val(r);
            p = literal(b, p, e, MB_STACKS);
            if (p < 0) return -1;
            r = uint(b, p, e);
            if (r < 0) return -1;
            globals = (int) val(r);
            p = literal(b, pos(r), e, MB_GLOBALS);
            if (p < 0) return -1;
            r = uint(b, p, e);
            if (r < 0) return -1;
            p = pos(r);
        }
        if (p + 2 > e || b[p] != ' ' || b[p + 1] != 'P') return -1;
        int procs = (int) val(r);
        p += 2;
        boolean forced = false;
        int afterForced = p < e && b[p] == ' ' ? literal(b, p, e, FORCED) : -1;
        if (afterForced >= 0) {
            p = afterForced;
            forced = true;
        }
        out.reset();
        out.gc = gc;
        out.startMillis = startMillis;
        out.cpuPct = pct;
        out.clockCount = 3;
        out.cpuCount = 5;
        out.heapStartMb = h0;
        out.heapEndMb = h1;
        out.heapLiveMb = h2;
        out.heapGoalMb = goal;
        out.stacksMb = stacks;
        out.globalsMb = globals;
        out.procs = procs;
        out.forced = forced;
        return p;
    }

    private static int pos(long r) {
        return (int) (r & POS_MASK);
    }

    private static long val(long r) {
        return r >>> POS_BITS;
    }

    /** Unsigned integer of at most 9 digits at {@code p}: value and end position packed, or -1. */
    private static long uint(byte[] b, int p, int e) {
        int start = p;
        long v = 0;
        while (p < e) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) break;
            v = v * 10 + d;
            p++;
        }
        if (p == start || p - start > 9) return FAIL;
        return (v << POS_BITS) | p;
    }

    /** Microseconds per unit of the last digit, by how many decimals a millisecond figure has (0 to 3). */
    private static final long[] MICROS_PER_DIGIT = {1000, 100, 10, 1};

    /**
     * Milliseconds as fmtNSAsMS prints them — {@code 0.012}, {@code 0.40}, {@code 1.5}, {@code 15} —
     * to whole microseconds, packed with the end position; -1 for anything else.
     *
     * <p>One loop for every form, the decimals counted by arithmetic rather than by branches: the JIT
     * compiles the line parser around the branches it has seen taken, so a trace whose first
     * minutes have only sub-millisecond pauses and which then prints a "15" would otherwise throw
     * the compiled parser away and compile it again.
     */
    private static long ms(byte[] b, int p, int e) {
        int start = p;
        long v = 0;
        int afterDot = 0, decimals = 0;
        for (; p < e; p++) {
            int c = b[p];
            int d = c - '0';
            if (d >= 0 && d <= 9) {
                v = v * 10 + d;
                decimals += afterDot;
            } else if (c == '.' && afterDot == 0) {
                afterDot = 1;
            } else {
                break;
            }
        }
        // a digit first, at most 9 before the point, 1 to 3 after it when there is one
        int digits = p - start - afterDot;
        if (p == start || b[start] == '.' || digits - decimals > 9 || decimals > 3 || afterDot > decimals) return FAIL;
        return (v * MICROS_PER_DIGIT[decimals] << POS_BITS) | p;
    }

    /**
     * Position after {@code lit} at {@code p}, or -1. Compared as bytes, not as two 8-byte words
     * through a byte-array VarHandle: C2 compiled this parser assuming the VarHandle class had one
     * concrete subclass, and the first other VarHandle any thread loaded (the preloader's, in a
     * fresh process) threw that compilation away ("concurrent class loading", 0.5-0.9 s of
     * compiler time lost on the 1 M-cycle summary).
     */
    private static int literal(byte[] b, int p, int e, Literal lit) {
        int n = lit.length;
        if (p + n > e || !Arrays.equals(b, p, p + n, lit.bytes, 0, n)) return -1;
        return p + n;
    }

    /** A literal of ASCII bytes. */
    private static final class Literal {
        final int length;
        final byte[] bytes;

        Literal(String text) {
            bytes = text.getBytes(StandardCharsets.US_ASCII);
            length = bytes.length;
        }
    }
}
