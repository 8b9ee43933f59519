package dev.gcscope.parsers.gctrace;

/**
 * The fields of one gc line, as read. One instance is reused for every line (no allocation per
 * line); times are exact fixed-point microseconds because Go prints them from whole microseconds.
 */
final class GcLine {
    static final int NONE = Integer.MIN_VALUE;
    static final long NO_TIME = Long.MIN_VALUE;
    static final int MAX_TERMS = 12;

    int gc;
    long startMillis;
    int cpuPct;
    boolean leakCheck;
    int clockCount;
    final long[] clockMicros = new long[MAX_TERMS];
    int cpuCount;
    final long[] cpuMicros = new long[MAX_TERMS];
    /** Separator before each cpu term: '+' or '/'; tells 1.5's a+b+c+d/e/f+g from 1.6's a+b/c/d+e. */
    final byte[] cpuSeparators = new byte[MAX_TERMS];
    int heapStartMb;
    int heapEndMb;
    int heapLiveMb;
    int heapGoalMb;
    int stacksMb;
    int globalsMb;
    int procs;
    boolean forced;
    /** Legacy (pre-1.5) layout; its times were in µs (1.3–1.4) or ms (1.0–1.2). */
    boolean legacy;
    boolean legacyMicros;
    /** Text followed the {@code # P} field; a split {@code (forced)} may be on the next line. */
    boolean trailingText;
    /** Offset and length of the first field whose key was not recognised (drift), or -1. */
    int unknownFieldStart;
    int unknownFieldEnd;
    /** The unknown field is not a well-formed field but damage (stray bytes, glued text). */
    boolean damagedField;

    void reset() {
        gc = NONE;
        startMillis = NO_TIME;
        cpuPct = NONE;
        leakCheck = false;
        clockCount = 0;
        cpuCount = 0;
        heapStartMb = NONE;
        heapEndMb = NONE;
        heapLiveMb = NONE;
        heapGoalMb = NONE;
        stacksMb = NONE;
        globalsMb = NONE;
        procs = NONE;
        forced = false;
        legacy = false;
        legacyMicros = false;
        trailingText = false;
        unknownFieldStart = -1;
        unknownFieldEnd = -1;
        damagedField = false;
    }

    boolean hasHeader() {
        return gc != NONE;
    }

    GcDialect dialect() {
        if (legacy) return legacyMicros ? GcDialect.GO1_3_TO_1_4 : GcDialect.GO1_0_TO_1_2;
        if (leakCheck) return GcDialect.GO1_26_PLUS;
        if (clockCount == 5) return GcDialect.GO1_5;
        if (stacksMb != NONE || globalsMb != NONE) return GcDialect.GO1_18_PLUS;
        return GcDialect.GO1_6_TO_1_17;
    }
}
