package dev.gcscope.parsers.perfsched;

/**
 * One task row of {@code perf sched latency}, read field by field between the {@code |} separators.
 * The task name is padded to 24 columns but never truncated, and may hold spaces, {@code [} and
 * {@code :}, so nothing is read by position; after the task come the runtime (the first unkeyed
 * {@code N ms} field), the count, then fields read by their key, whatever their order or era:
 * <pre>
 *   GC Thread#1:16516     |      7.149 ms |        5 | avg:  10.228 ms | max:  40.157 ms | max start:  5658.025957 s | max end:  5658.066114 s
 *   phases-1.24:(4)       |    923.431 ms |      573 | avg:   0.905 ms | max:  33.290 ms | max start:  5658.004231 s | max end:  5658.037521 s
 *   ksoftirqd/8       |    0.071 ms |        2 | avg:    0.458 ms | max:    0.913 ms |                                  (era A)
 *   hackbench:(401)       |   ... ms |   ...    | avg: ... ms | max: ... ms | max at: 30125.234567 s                  (era B)
 *   1 massive_intr:(5)      | 846018.956 ms |   779188 | avg:   0.273 ms | max:  58.337 ms | sum:212545.245 ms |   (sum column)
 * </pre>
 * (The first two lines are perf 6.1 output recorded here; the others are from formats.md §2.1 and
 * Peter Zijlstra's EEVDF commit message.) Durations are kept in nanoseconds, timestamps too, both
 * exactly as printed.
 */
final class LatencyRow {
    static final int KEY_AVG = 1;
    static final int KEY_MAX = 2;
    static final int KEY_AT = 4;
    static final int KEY_START = 8;
    static final int KEY_END = 16;
    static final int KEY_SUM = 32;
    static final long NONE = Cursor.NONE;
    private static final int MAX_FIELDS = 32;

    // the text the row was read from (the line, or the lines re-joined) and the task's bounds in it
    byte[] text;
    int taskStart;
    int taskEnd;
    long runtimeNs;
    long switches;
    long avgNs;
    long maxNs;
    long sumNs;
    long atNs;
    long startNs;
    long endNs;
    /** KEY_* bits of the keyed fields read. */
    int keys;
    /** Column (0-based, in the text) of the first field that could not be read, or -1. */
    int badField = -1;
    /** The last field had no unit or closing bar: the line may have been cut (wrapped) inside the row. */
    boolean openEnd;
    /** The row's text ends with a bar (era A and the sum variant close their rows with one). */
    boolean endsWithBar;

    /** Index of the runtime field among the row's bar-separated fields, and their number. */
    int runtimeField;
    int fields;

    private final int[] starts = new int[MAX_FIELDS];
    private final int[] ends = new int[MAX_FIELDS];
    private final Cursor cursor = new Cursor();

    /**
     * Reads {@code b[p, e)} (the line's text, prefix removed) as a task row. False when it is none:
     * no task field followed by an unkeyed runtime field.
     */
    boolean parse(byte[] b, int p, int e) {
        text = b;
        runtimeNs = switches = avgNs = maxNs = sumNs = atNs = startNs = endNs = NONE;
        keys = 0;
        badField = -1;
        openEnd = false;
        int n = split(b, p, e);
        if (n < 2) return false;
        int runtime = -1;
        for (int i = 1; i < n; i++) {
            long v = plainNumber(b, starts[i], ends[i], "ms", 6);
            if (v != NONE) {
                runtime = i;
                runtimeNs = v;
                break;
            }
            if (!isBlank(b, starts[i], ends[i]) && !hasKey(b, starts[i], ends[i])) continue;
            return false; // a keyed field before any runtime: a continuation, not a row
        }
        if (runtime < 0) return false;
        taskStart = PasteText.textStart(b, starts[0], ends[0]);
        taskEnd = PasteText.trimEnd(b, taskStart, ends[runtime - 1]);
        if (taskEnd <= taskStart || hasKey(b, taskStart, taskEnd) && !looksLikeTask(b, taskStart, taskEnd)) return false;
        // "42.579 ms | 845307.017 ms |": the rest of a wrapped TOTAL row, not a task called "42.579 ms"
        if (plainNumber(b, taskStart, taskEnd, "ms", 6) != NONE || plainNumber(b, taskStart, taskEnd, "s", 9) != NONE) return false;
        runtimeField = runtime;
        fields = n;
        int i = runtime + 1;
        if (i < n) {
            long count = plainNumber(b, starts[i], ends[i], null, 0);
            if (count != NONE) {
                switches = count;
                i++;
            }
        }
        for (; i < n; i++) {
            if (isBlank(b, starts[i], ends[i])) continue;
            if (!keyedField(b, starts[i], ends[i]) && badField < 0) badField = starts[i];
        }
        // Where the row's text stopped: after a closing bar, a unit (ms / s), or in the middle of a field.
        int last = PasteText.trimEnd(b, p, e);
        endsWithBar = b[last - 1] == '|';
        openEnd = !(endsWithBar || b[last - 1] == 's' && last - 2 >= p && (b[last - 2] == ' ' || b[last - 2] == 'm'));
        return true;
    }

    /** Field {@code i} ({@code |}-separated, 0 = task) read as {@code N ms}: nanoseconds, or NONE (also when blank). */
    long unkeyedMs(int i) {
        return i < fields ? plainNumber(text, starts[i], ends[i], "ms", 6) : NONE;
    }

    /** Whether field {@code i} starts with a key ({@code avg:}, {@code max:} …). */
    boolean isKeyedField(int i) {
        return i < fields && hasKey(text, starts[i], ends[i]);
    }

    boolean isBlankField(int i) {
        return i >= fields || isBlank(text, starts[i], ends[i]);
    }

    boolean has(int key) {
        return (keys & key) != 0;
    }

    /** The fields every era prints: task, runtime, count, average and maximum delay. */
    boolean hasCore() {
        return runtimeNs != NONE && switches != NONE && has(KEY_AVG) && has(KEY_MAX);
    }

    private int split(byte[] b, int p, int e) {
        int n = 0;
        int s = p;
        for (int i = p; i < e && n < MAX_FIELDS - 1; i++) {
            if (b[i] == '|') {
                starts[n] = s;
                ends[n++] = i;
                s = i + 1;
            }
        }
        starts[n] = s;
        ends[n++] = e;
        return n;
    }

    /** {@code avg: 0.905 ms}, {@code max at: 5658.03 s}, {@code max start: ... s}, {@code sum:212545.245 ms}. */
    private boolean keyedField(byte[] b, int s, int e) {
        Cursor c = cursor.reset(b, s, e).skipBlanks();
        int key;
        String unit;
        if (c.literal("avg:")) {
            key = KEY_AVG;
            unit = "ms";
        } else if (c.literal("max:")) {
            key = KEY_MAX;
            unit = "ms";
        } else if (c.literal("sum:")) {
            key = KEY_SUM;
            unit = "ms";
        } else if (c.literal("max at:")) {
            key = KEY_AT;
            unit = "s";
        } else if (c.literal("max start:")) {
            key = KEY_START;
            unit = "s";
        } else if (c.literal("max end:")) {
            key = KEY_END;
            unit = "s";
        } else {
            return false;
        }
        long v = c.skipBlanks().scaled(unit.equals("ms") ? 6 : 9);
        if (v == NONE) return false;
        c.skipBlanks();
        c.literal(unit);
        if (!c.restIsBlank()) return false;
        keys |= key;
        switch (key) {
            case KEY_AVG -> avgNs = v;
            case KEY_MAX -> maxNs = v;
            case KEY_SUM -> sumNs = v;
            case KEY_AT -> atNs = v;
            case KEY_START -> startNs = v;
            default -> endNs = v;
        }
        return true;
    }

    /** A number with an optional unit and nothing else ({@code 7.149 ms}, {@code 573}); NONE otherwise. */
    private long plainNumber(byte[] b, int s, int e, String unit, int decimals) {
        Cursor c = cursor.reset(b, s, e).skipBlanks();
        long v = decimals == 0 ? c.unsigned() : c.scaled(decimals);
        if (v == NONE) return NONE;
        c.skipBlanks();
        if (unit != null) c.literal(unit);
        return c.restIsBlank() ? v : NONE;
    }

    /** A field that starts with a key of a latency row ({@code avg:}, {@code max}, {@code sum:}). */
    static boolean hasKey(byte[] b, int s, int e) {
        int p = PasteText.textStart(b, s, e);
        return PasteText.startsWith(b, p, e, "avg:") || PasteText.startsWith(b, p, e, "max:")
                || PasteText.startsWith(b, p, e, "max at:") || PasteText.startsWith(b, p, e, "max start:")
                || PasteText.startsWith(b, p, e, "max end:") || PasteText.startsWith(b, p, e, "sum:");
    }

    /** A task called {@code max:1234} is still a task: a comm then a colon and digits or (N). */
    private static boolean looksLikeTask(byte[] b, int s, int e) {
        int colon = lastColon(b, s, e);
        return colon >= 0 && colon + 1 < e && (PasteText.isDigit(b[colon + 1]) || b[colon + 1] == '(')
                && !PasteText.contains(b, colon, e, " ");
    }

    static int lastColon(byte[] b, int s, int e) {
        for (int i = e - 1; i >= s; i--) {
            if (b[i] == ':') return i;
        }
        return -1;
    }

    private static boolean isBlank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] != ' ' && b[i] != '\t') return false;
        }
        return true;
    }
}
