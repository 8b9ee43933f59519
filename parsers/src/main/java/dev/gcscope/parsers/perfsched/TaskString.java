package dev.gcscope.parsers.perfsched;

/**
 * A task string of {@code perf sched timehist} ({@code timehist_get_commstr}): {@code comm[tid]},
 * {@code comm[tid/pid]}, or the comm alone when pid is 0, cut to 31 characters
 * ({@code static char str[32]}); and the {@code next: comm[pid]} string, cut to 23 after its prefix.
 * A number cut short is unknown, except that seven digits are always whole (pid_max is at most
 * 4194304). Results are in the fields after {@link #read} returned true.
 */
final class TaskString {
    /** Where a string without {@code [tid]} ends: in the padded task column, at the line end, before {@code cpu A => B}. */
    static final int IN_COLUMN = 0, TO_LINE_END = 1, BEFORE_CPU = 2;
    /** A number of this many digits cannot have been cut (pid_max <= 4194304). */
    private static final int WHOLE_ID_DIGITS = 7;
    private static final int NONE = TimehistLine.NONE;

    /** Position after the string, its tid and pid ({@link TimehistLine#NONE} when unknown), and whether perf cut it. */
    int end, tid, pid;
    boolean cut;

    /**
     * The task string starting at {@code b[i]}: {@code comm[tid]} or {@code comm[tid/pid]} (the first
     * {@code [digits]} or {@code [digits/digits]} followed by a blank or the line end, within
     * {@code max} characters); else one cut at exactly {@code max} characters ({@code comm[tid/pi});
     * else a bare comm, which perf prints for pid 0 ({@code swapper}, and {@code :75} for a thread
     * it knows only by its tid): tid and pid are then unknown, except for swapper, the idle task.
     */
    boolean read(byte[] b, int i, int limit, int max, int mode) {
        int stop = Math.min(limit, i + max);
        for (int k = i + 1; k < stop; k++) {
            byte ch = b[k];
            if (ch == '\n' || ch == '\r') break;
            if (ch != '[') continue;
            int q = k + 1;
            long a = 0;
            int as = q;
            while (q < limit && PasteText.isDigit(b[q]) && q - as < 10) a = a * 10 + (b[q++] - '0');
            if (q == as) continue;
            long bb = NONE;
            if (q < limit && b[q] == '/') {
                q++;
                int bs = q;
                long x = 0;
                while (q < limit && PasteText.isDigit(b[q]) && q - bs < 10) x = x * 10 + (b[q++] - '0');
                if (q == bs) continue;
                bb = x;
            }
            if (q < limit && b[q] == ']' && (q + 1 >= limit || b[q + 1] == ' ' || b[q + 1] == '\n' || b[q + 1] == '\r')) {
                end = q + 1;
                tid = (int) a;
                pid = bb == NONE ? (int) a : (int) bb;
                cut = false;
                return true;
            }
        }
        return cutString(b, i, limit, max, mode) || bareComm(b, i, limit, max, mode);
    }

    /** {@code comm[digits} or {@code comm[digits/digits} of exactly {@code max} characters. */
    private boolean cutString(byte[] b, int i, int limit, int max, int mode) {
        int stop = i + max;
        if (stop > limit || stop < limit && b[stop] != ' ' && b[stop] != '\n' && b[stop] != '\r') return false;
        for (int k = i; k < stop; k++) {
            if (b[k] == '\n' || b[k] == '\r') return false;
        }
        int open = -1;
        for (int k = stop - 1; k > i; k--) {
            if (b[k] == '[') {
                open = k;
                break;
            }
        }
        if (open < 0) return false;
        int q = open + 1;
        int as = q;
        long a = 0;
        while (q < stop && PasteText.isDigit(b[q])) a = a * 10 + (b[q++] - '0');
        int aDigits = q - as;
        if (aDigits == 0 || aDigits > 10) return false;
        if (q == stop) {
            tid = aDigits >= WHOLE_ID_DIGITS ? (int) a : NONE;
            pid = tid;
        } else {
            if (b[q] != '/') return false;
            q++;
            int bs = q;
            long x = 0;
            while (q < stop && PasteText.isDigit(b[q])) x = x * 10 + (b[q++] - '0');
            if (q != stop || q - bs > 10) return false;
            tid = (int) a;
            pid = q - bs >= WHOLE_ID_DIGITS ? (int) x : NONE;
        }
        end = stop;
        cut = true;
        return true;
    }

    private boolean bareComm(byte[] b, int i, int limit, int max, int mode) {
        int e;
        if (mode == IN_COLUMN) {
            // padded to the column width (30 or more) and a blank: it ends where two blanks start
            e = i;
            while (e < limit && e - i <= max && b[e] != '\n' && b[e] != '\r'
                    && !(b[e] == ' ' && (e + 1 >= limit || b[e + 1] == ' '))) {
                e++;
            }
            if (e - i > max || e >= limit || b[e] != ' ') return false;
        } else {
            int lineEnd = TimehistLine.lineEnd(b, i, limit);
            e = lineEnd;
            if (mode == BEFORE_CPU) {
                e = lastCpuClause(b, i, lineEnd);
                if (e < 0) return false;
            }
            while (e > i && b[e - 1] == ' ') e--;
            if (e - i > max) return false;
        }
        if (e == i) return false;
        boolean swapper = e - i == 7 && PasteText.startsWith(b, i, e, "swapper");
        end = e;
        tid = pid = swapper ? 0 : NONE;
        cut = false;
        return true;
    }

    /** Start of the last {@code " cpu N => M"} in {@code b[i, e)}, or -1. */
    private static int lastCpuClause(byte[] b, int i, int e) {
        for (int k = e - 5; k >= i; k--) {
            if (b[k] == ' ' && PasteText.startsWith(b, k, e, " cpu ")) return k;
        }
        return -1;
    }

    /** End of the comm inside a task string that ends at {@code end} (the position of its last {@code [}). */
    static int commEnd(byte[] b, int start, int end) {
        if (end - start == 6 && PasteText.startsWith(b, start, end, "<idle>")) return end;
        for (int k = end - 1; k > start; k--) {
            if (b[k] == '[') return PasteText.isDigit(b[k + 1 < end ? k + 1 : k]) ? k : end;
        }
        return end;
    }
}
