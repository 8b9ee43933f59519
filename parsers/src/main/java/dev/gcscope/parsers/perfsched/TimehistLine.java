package dev.gcscope.parsers.perfsched;

/**
 * One event row of {@code perf sched timehist}, read by a cursor over the bytes in one pass
 * (builtin-sched.c {@code timehist_print_sample}, {@code _print_wakeup_event},
 * {@code _print_migration_event}, {@code process_lost}). Recorded with perf 6.1 here:
 * <pre>
 *     5657.783760 [0000]  java[16472/16423]                   0.000      0.000      0.471
 *     5657.801840 [0000]  &lt;idle&gt;                              0.000      0.000      0.248
 *     5763.542012 [0000]  s    perf[17375]                         0.000      0.000      0.000      D  next: migration/0[18]            schedule_timeout &lt;- wait_for_completion
 *     5657.783213 [0000]       perf[16560]                                                      awakened: migration/0[18]
 *     5657.783234 [0000]   m     migration/0[18]                                                  migrated: perf[16560] cpu 0 =&gt; 1
 * </pre>
 * quoted from the patches that added the newer columns (perf/quoted/ samples):
 * <pre>
 *     23952.034843 [0003]  nice[535]                       120->129      0.189      0.024     23.314     (--show-prio)
 *    38456.722800 [0002]  schbench[28773/28574]              60.371     60.237      3.955     60.197     (-P, pre-mig time)
 * </pre>
 * and from the source: {@code    1234.567890 lost 12 events on cpu 3}. Optional columns are told
 * apart by their content (a priority has no decimal point, times have exactly three decimals, a
 * state is one character), so rows parse the same with or without the header. Task strings:
 * {@link TaskString}.
 *
 * <p>Times are {@code %6lu.%03lu} (msec.usec) and timestamps {@code sec.usec}: read exactly as
 * integers (microseconds, nanoseconds), no {@code Double.parseDouble}. Results are written to the
 * fields only once the row has been read whole.
 */
final class TimehistLine {
    /** {@link #parse} result: not an event row (does not start with a timestamp and {@code [cpu]}). */
    static final int NOT_A_ROW = -1;
    /** {@link #parse} result: starts like an event row but something after the CPU cannot be read. */
    static final int MALFORMED = -2;

    static final byte SWITCH = 1;
    static final byte AWAKENED = 2;
    static final byte MIGRATED = 3;
    static final byte LOST = 4;

    static final int NONE = Integer.MIN_VALUE;
    static final long NO_TIME = Long.MIN_VALUE;
    static final long NO_LOST = Long.MIN_VALUE;
    /** Longest task string perf prints (31 characters, {@code char str[32]}). */
    static final int TASK_MAX = 31;
    /** Longest {@code next: comm[pid]} perf prints ({@code char nstr[30]}), without {@code "next: "}. */
    static final int NEXT_MAX = 23;

    // the row, valid after parse() returned an end
    long timeNs;
    int cpu;
    byte event;
    int taskStart, taskEnd, tid, pid;
    boolean taskCut;
    long waitUs, delayUs, runUs, preMigUs;
    int prio, prioFrom;
    byte state;
    int nextStart, nextEnd, nextTid;
    boolean nextCut;
    int targetStart, targetEnd, targetTid, targetPid;
    boolean targetCut;
    int fromCpu, toCpu;
    long lost;
    int chainStart, chainEnd;
    /** Where {@link #MALFORMED} was decided, for the excerpt. */
    int failAt;

    private final TaskString ts = new TaskString();

    /**
     * Reads the row starting at {@code b[p]} up to its line end (a CR or LF) or {@code limit}.
     *
     * @return the index of the line end (a CR/LF, or {@code limit}), {@link #NOT_A_ROW} or {@link #MALFORMED}
     */
    int parse(byte[] b, int p, int limit) {
        int i = p;
        while (i < limit && b[i] == ' ') i++;
        // 5657.783760 — seconds, then 6 decimals (up to 9 accepted)
        int start = i;
        long sec = 0;
        while (i < limit) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) break;
            sec = sec * 10 + d;
            i++;
        }
        if (i == start || i - start > 12 || i >= limit || b[i] != '.') return NOT_A_ROW;
        i++;
        long frac = 0;
        int decimals = 0;
        while (i < limit && decimals < 9) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) break;
            frac = frac * 10 + d;
            i++;
            decimals++;
        }
        if (decimals < 6 || i >= limit || b[i] != ' ') return NOT_A_ROW;
        for (int k = decimals; k < 9; k++) frac *= 10;
        long time = sec * 1_000_000_000L + frac;
        i++;
        if (i < limit && b[i] == 'l') return lostRow(b, i, limit, time);
        // [0003]
        if (i >= limit || b[i] != '[') return NOT_A_ROW;
        i++;
        start = i;
        int c = 0;
        while (i < limit) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) break;
            c = c * 10 + d;
            i++;
        }
        if (i == start || i - start > 6 || i >= limit || b[i] != ']') return NOT_A_ROW;
        i++;
        while (i < limit && b[i] == ' ') i++;
        // -V: the CPU visual, one s/i/m among blanks (all blank on awakened rows)
        if (i + 1 < limit && b[i + 1] == ' ' && (b[i] == 's' || b[i] == 'i' || b[i] == 'm')) {
            i += 2;
            while (i < limit && b[i] == ' ') i++;
        }
        failAt = i;
        if (!task(b, i, limit)) return MALFORMED;
        int tStart = i, tEnd = ts.end, tTid = ts.tid, tPid = ts.pid;
        boolean tCut = ts.cut;
        i = ts.end;
        while (i < limit && b[i] == ' ') i++;
        failAt = i;
        if (i >= limit || b[i] == '\n' || b[i] == '\r') return MALFORMED;
        byte ev;
        int end;
        byte first = b[i];
        if (first == 'a' && PasteText.startsWith(b, i, limit, "awakened: ")) {
            int after = targetTask(b, i + 10, limit, TaskString.TO_LINE_END);
            if (after < 0) return MALFORMED;
            end = lineEnd(b, after, limit);
            if (!blank(b, after, end)) return MALFORMED;
            ev = AWAKENED;
            waitUs = delayUs = runUs = preMigUs = NO_TIME;
            prio = prioFrom = NONE;
            state = 0;
            nextStart = nextEnd = -1;
            nextTid = NONE;
            fromCpu = toCpu = NONE;
        } else if (first == 'm' && PasteText.startsWith(b, i, limit, "migrated: ")) {
            int q = targetTask(b, i + 10, limit, TaskString.BEFORE_CPU);
            if (q < 0) return MALFORMED;
            // " cpu 0 => 1"
            if (!PasteText.startsWith(b, q, limit, " cpu ")) return MALFORMED;
            q += 5;
            int from = 0, fs = q;
            while (q < limit && PasteText.isDigit(b[q])) from = from * 10 + (b[q++] - '0');
            if (q == fs || !PasteText.startsWith(b, q, limit, " => ")) return MALFORMED;
            q += 4;
            int to = 0, ts = q;
            while (q < limit && PasteText.isDigit(b[q])) to = to * 10 + (b[q++] - '0');
            if (q == ts) return MALFORMED;
            end = lineEnd(b, q, limit);
            if (!blank(b, q, end)) return MALFORMED;
            ev = MIGRATED;
            fromCpu = from;
            toCpu = to;
            waitUs = delayUs = runUs = preMigUs = NO_TIME;
            prio = prioFrom = NONE;
            state = 0;
            nextStart = nextEnd = -1;
            nextTid = NONE;
        } else {
            end = switchRow(b, i, limit);
            if (end < 0) return MALFORMED;
            ev = SWITCH;
            fromCpu = toCpu = NONE;
            targetStart = targetEnd = -1;
            targetTid = targetPid = NONE;
            targetCut = false;
        }
        timeNs = time;
        cpu = c;
        event = ev;
        taskStart = tStart;
        taskEnd = tEnd;
        tid = tTid;
        pid = tPid;
        taskCut = tCut;
        lost = NO_LOST;
        if (ev != SWITCH) chainStart = chainEnd = -1;
        return end;
    }

    /**
     * After the task column of a switch row: [prio] wait delay run [pre-mig] [state] [next: task]
     * [callchain]. Fills the switch fields; returns the line end or -1.
     */
    private int switchRow(byte[] b, int i, int limit) {
        int pr = NONE, prFrom = NONE;
        // --show-prio: "120" or "120->100", never with a decimal point
        long v = 0;
        int s = i;
        while (i < limit) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) break;
            v = v * 10 + d;
            i++;
        }
        if (i > s && i < limit && b[i] != '.') {
            if (i - s > 9) return -1;
            pr = (int) v;
            if (b[i] == '-' && i + 1 < limit && b[i + 1] == '>') {
                prFrom = pr;
                i += 2;
                s = i;
                v = 0;
                while (i < limit && PasteText.isDigit(b[i])) v = v * 10 + (b[i++] - '0');
                if (i == s || i - s > 9) return -1;
                pr = (int) v;
            }
            if (i < limit && b[i] != ' ') return -1;
            while (i < limit && b[i] == ' ') i++;
        } else {
            i = s;
        }
        // %6lu.%03lu three times: msec.usec to microseconds
        long w = msec(b, i, limit);
        if (w < 0) return -1;
        i = pos;
        long dl = msec(b, i, limit);
        if (dl < 0) return -1;
        i = pos;
        long rn = msec(b, i, limit);
        if (rn < 0) return -1;
        i = pos;
        long pm = NO_TIME;
        if (i < limit && PasteText.isDigit(b[i])) {
            pm = msec(b, i, limit); // -P: a fourth time
            if (pm < 0) return -1;
            i = pos;
        }
        byte st = 0;
        if (i < limit && b[i] > ' ' && !PasteText.isDigit(b[i])
                && (i + 1 >= limit || b[i + 1] == ' ' || b[i + 1] == '\n' || b[i + 1] == '\r')) {
            st = b[i]; // --state: one character
            i++;
            while (i < limit && b[i] == ' ') i++;
        }
        int ns = -1, ne = -1, nt = NONE;
        boolean nc = false;
        if (PasteText.startsWith(b, i, limit, "next: ")) {
            int q = i + 6;
            int end = nextTask(b, q, limit);
            if (end < 0) return -1;
            ns = q;
            ne = ts.end;
            nt = ts.tid;
            nc = ts.cut;
            i = ts.end;
            while (i < limit && b[i] == ' ') i++;
        }
        int end = lineEnd(b, i, limit);
        int cs = -1, ce = -1;
        int trimmed = end;
        while (trimmed > i && b[trimmed - 1] == ' ') trimmed--;
        if (trimmed > i) {
            cs = i;
            ce = trimmed;
        }
        waitUs = w;
        delayUs = dl;
        runUs = rn;
        preMigUs = pm;
        prio = pr;
        prioFrom = prFrom;
        state = st;
        nextStart = ns;
        nextEnd = ne;
        nextTid = nt;
        nextCut = nc;
        chainStart = cs;
        chainEnd = ce;
        return end;
    }

    /** Position after the last {@link #msec} read. */
    private int pos;

    /** {@code digits.ddd} followed by a blank or the line end, in microseconds (pos after the blanks), or -1. */
    private long msec(byte[] b, int i, int limit) {
        long ms = 0;
        int s = i;
        while (i < limit) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) break;
            ms = ms * 10 + d;
            i++;
        }
        if (i == s || i - s > 15 || i + 4 > limit || b[i] != '.') return -1;
        int d1 = b[i + 1] - '0', d2 = b[i + 2] - '0', d3 = b[i + 3] - '0';
        if ((d1 | d2 | d3) < 0 || d1 > 9 || d2 > 9 || d3 > 9) return -1;
        i += 4;
        if (i < limit && b[i] != ' ' && b[i] != '\n' && b[i] != '\r') return -1;
        while (i < limit && b[i] == ' ') i++;
        pos = i;
        return ms * 1000 + d1 * 100 + d2 * 10 + d3;
    }

    // "<timestamp> lost 12 events on cpu 3"
    private int lostRow(byte[] b, int i, int limit, long time) {
        if (!PasteText.startsWith(b, i, limit, "lost ")) return NOT_A_ROW;
        i += 5;
        long n = 0;
        int s = i;
        while (i < limit && PasteText.isDigit(b[i]) && i - s < 18) n = n * 10 + (b[i++] - '0');
        failAt = i;
        if (i == s || !PasteText.startsWith(b, i, limit, " events on cpu ")) return MALFORMED;
        i += 15;
        int c = 0;
        s = i;
        while (i < limit && PasteText.isDigit(b[i]) && i - s < 6) c = c * 10 + (b[i++] - '0');
        int end = lineEnd(b, i, limit);
        if (i == s || !blank(b, i, end)) return MALFORMED;
        timeNs = time;
        cpu = c;
        event = LOST;
        lost = n;
        taskStart = taskEnd = -1;
        tid = pid = NONE;
        taskCut = false;
        waitUs = delayUs = runUs = preMigUs = NO_TIME;
        prio = prioFrom = NONE;
        state = 0;
        nextStart = nextEnd = -1;
        nextTid = NONE;
        targetStart = targetEnd = -1;
        targetTid = targetPid = NONE;
        fromCpu = toCpu = NONE;
        chainStart = chainEnd = -1;
        return end;
    }

    /** The task string at {@code b[i]} into {@link #ts}; false when there is none. */
    private boolean task(byte[] b, int i, int limit) {
        if (PasteText.startsWith(b, i, limit, "<idle>")) {
            ts.end = i + 6;
            ts.tid = ts.pid = 0;
            ts.cut = false;
            return true;
        }
        return ts.read(b, i, limit, TASK_MAX, TaskString.IN_COLUMN);
    }

    /** "awakened: X" / "migrated: X cpu A => B": the task string; returns the position after it, or -1. */
    private int targetTask(byte[] b, int i, int limit, int mode) {
        if (!ts.read(b, i, limit, TASK_MAX, mode)) return -1;
        targetStart = i;
        targetEnd = ts.end;
        targetTid = ts.tid;
        targetPid = ts.pid;
        targetCut = ts.cut;
        return ts.end;
    }

    /** "next: comm[pid]" (next_pid is the thread id), cut to 23 characters by {@code char nstr[30]}. */
    private int nextTask(byte[] b, int i, int limit) {
        if (!ts.read(b, i, limit, NEXT_MAX, TaskString.TO_LINE_END)) return -1;
        ts.pid = NONE;
        return ts.end;
    }

    /** Index of the CR or LF that ends the line at or after {@code i}, or {@code limit}. */
    static int lineEnd(byte[] b, int i, int limit) {
        while (i < limit && b[i] != '\n' && b[i] != '\r') i++;
        return i;
    }

    private static boolean blank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] != ' ' && b[i] != '\t') return false;
        }
        return true;
    }
}
