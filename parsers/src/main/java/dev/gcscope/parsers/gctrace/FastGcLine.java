package dev.gcscope.parsers.gctrace;

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

    private FastGcLine() {}

    /** Parses {@code b[s, e)} (which starts with {@code "gc "}) into {@code out}; false means "use the slow path". */
    static boolean parse(byte[] b, int s, int e, GcLine out) {
        if (e >= 1 << POS_BITS) return false;
        long r = uint(b, s + 3, e);
        if (r < 0) return false;
        int p = pos(r);
        if (p + 2 >= e || b[p] != ' ' || b[p + 1] != '@') return false;
        int gc = (int) val(r);
        // @3.456s
        r = uint(b, p + 2, e);
        if (r < 0) return false;
        p = pos(r);
        if (p + 6 >= e || b[p] != '.' || b[p + 4] != 's' || b[p + 5] != ' ') return false;
        int d1 = b[p + 1] - '0', d2 = b[p + 2] - '0', d3 = b[p + 3] - '0';
        if ((d1 | d2 | d3) < 0 || d1 > 9 || d2 > 9 || d3 > 9) return false;
        long startMillis = val(r) * 1000 + d1 * 100 + d2 * 10 + d3;
        // 4%:
        r = uint(b, p + 6, e);
        if (r < 0) return false;
        p = pos(r);
        if (p + 3 >= e || b[p] != '%' || b[p + 1] != ':' || b[p + 2] != ' ') return false;
        int pct = (int) val(r);
        // 0.012+1.5+0.003 ms clock,
        long[] clock = out.clockMicros;
        r = ms(b, p + 3, e);
        if (r < 0 || pos(r) >= e || b[pos(r)] != '+') return false;
        clock[0] = val(r);
        r = ms(b, pos(r) + 1, e);
        if (r < 0 || pos(r) >= e || b[pos(r)] != '+') return false;
        clock[1] = val(r);
        r = ms(b, pos(r) + 1, e);
        if (r < 0) return false;
        clock[2] = val(r);
        p = literal(b, pos(r), e, " ms clock, ");
        if (p < 0) return false;
        // 0.048+0.40/1.2/0.29+0.012 ms cpu,
        long[] cpu = out.cpuMicros;
        r = ms(b, p, e);
        if (r < 0 || pos(r) >= e || b[pos(r)] != '+') return false;
        cpu[0] = val(r);
        r = ms(b, pos(r) + 1, e);
        if (r < 0 || pos(r) >= e || b[pos(r)] != '/') return false;
        cpu[1] = val(r);
        r = ms(b, pos(r) + 1, e);
        if (r < 0 || pos(r) >= e || b[pos(r)] != '/') return false;
        cpu[2] = val(r);
        r = ms(b, pos(r) + 1, e);
        if (r < 0 || pos(r) >= e || b[pos(r)] != '+') return false;
        cpu[3] = val(r);
        r = ms(b, pos(r) + 1, e);
        if (r < 0) return false;
        cpu[4] = val(r);
        p = literal(b, pos(r), e, " ms cpu, ");
        if (p < 0) return false;
        // 4->4->2 MB,
        r = uint(b, p, e);
        if (r < 0 || pos(r) + 1 >= e || b[pos(r)] != '-' || b[pos(r) + 1] != '>') return false;
        int h0 = (int) val(r);
        r = uint(b, pos(r) + 2, e);
        if (r < 0 || pos(r) + 1 >= e || b[pos(r)] != '-' || b[pos(r) + 1] != '>') return false;
        int h1 = (int) val(r);
        r = uint(b, pos(r) + 2, e);
        if (r < 0) return false;
        int h2 = (int) val(r);
        p = literal(b, pos(r), e, " MB, ");
        if (p < 0) return false;
        // 5 MB goal,
        r = uint(b, p, e);
        if (r < 0) return false;
        int goal = (int) val(r);
        p = literal(b, pos(r), e, " MB goal, ");
        if (p < 0) return false;
        // [0 MB stacks, 0 MB globals, ]4 P
        r = uint(b, p, e);
        if (r < 0) return false;
        int stacks = GcLine.NONE;
        int globals = GcLine.NONE;
        p = pos(r);
        if (p + 1 < e && b[p] == ' ' && b[p + 1] == 'M') {
            stacks = (int) val(r);
            p = literal(b, p, e, " MB stacks, ");
            if (p < 0) return false;
            r = uint(b, p, e);
            if (r < 0) return false;
            globals = (int) val(r);
            p = literal(b, pos(r), e, " MB globals, ");
            if (p < 0) return false;
            r = uint(b, p, e);
            if (r < 0) return false;
            p = pos(r);
        }
        if (p + 2 > e || b[p] != ' ' || b[p + 1] != 'P') return false;
        int procs = (int) val(r);
        p += 2;
        boolean forced = false;
        if (p < e) {
            if (literal(b, p, e, " (forced)") != e) return false;
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
        return true;
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

    /**
     * Milliseconds as fmtNSAsMS prints them — {@code 0.012}, {@code 0.40}, {@code 1.5}, {@code 15} —
     * to whole microseconds, packed with the end position; -1 for anything else.
     */
    private static long ms(byte[] b, int p, int e) {
        int start = p;
        long v = 0;
        while (p < e) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) break;
            v = v * 10 + d;
            p++;
        }
        int intDigits = p - start;
        if (intDigits == 0 || intDigits > 9) return FAIL;
        v *= 1000;
        if (p < e && b[p] == '.') {
            p++;
            int scale = 100;
            int fstart = p;
            while (p < e) {
                int d = b[p] - '0';
                if (d < 0 || d > 9) break;
                v += d * scale;
                scale /= 10;
                p++;
            }
            int frac = p - fstart;
            if (frac == 0 || frac > 3) return FAIL;
        }
        return (v << POS_BITS) | p;
    }

    /** Position after {@code lit} at {@code p}, or -1. */
    private static int literal(byte[] b, int p, int e, String lit) {
        int n = lit.length();
        if (p + n > e) return -1;
        for (int i = 0; i < n; i++) {
            if (b[p + i] != lit.charAt(i)) return -1;
        }
        return p + n;
    }
}
