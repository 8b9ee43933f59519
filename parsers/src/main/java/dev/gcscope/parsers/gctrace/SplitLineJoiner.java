package dev.gcscope.parsers.gctrace;

import java.util.Arrays;

/**
 * Holds a gc line that did not complete and tries to finish it with the lines that follow.
 *
 * <p>Why lines split: the runtime prints a gc line with many separate writes to fd 2 while the
 * application's {@code log} writes whole lines to the same fd, so an application line can land
 * between two pieces (formats.md §1.1):
 * <pre>
 * gc 24 @0.446s 0%: 2019/04/06 14:28:27 force gc.
 * 0.005+107+0.007 ms clock, 0.020+0/0.10/107+0.028 ms cpu, 4->4->0 MB, 5 MB goal, 2 P (forced)
 * </pre>
 * Mail clients and terminals also wrap long lines. The head is cut back to one of the token ends the
 * parser recorded (deepest first) and joined with the next line — after removing that line's own
 * collector prefix, which has as many blank-separated words as the head's — then parsed in strict
 * mode, which accepts only what Go can print, so the first complete join is the right one.
 */
final class SplitLineJoiner {
    /** Lines after the head that may hold its continuation (other application lines can come first). */
    static final int LOOKAHEAD_LINES = 4;
    private static final int MAX_CUTS_TRIED = 32;

    enum Outcome { NONE, COMPLETE, MORE }

    private byte[] head = new byte[512];
    private int headLen;
    private int anchor;
    private int prefixWords;
    private int status;
    private int[] cuts = new int[GcLineParser.MAX_CUTS];
    private int cutCount;
    private int failPos;
    private byte[] joined = new byte[1024];
    private byte[] lastInput;
    private int joinedLen;

    private boolean active;
    long headLine;
    long wallMillis;
    /** A {@code GC forced} line announced the held cycle. */
    boolean periodic;
    int linesWaited;
    /** Physical lines merged into the held gc line so far, the head included. */
    int lines;

    boolean active() {
        return active;
    }

    void hold(byte[] b, int s, int e, int anchorAbs, int status, GcLineParser parser, long lineNo, long wall,
              boolean periodic) {
        this.periodic = periodic;
        headLen = copy(b, s, e);
        anchor = anchorAbs - s;
        prefixWords = countWords(b, s, anchorAbs);
        this.status = status;
        cutCount = Math.min(parser.cutCount, cuts.length);
        for (int i = 0; i < cutCount; i++) cuts[i] = parser.cuts[i] - s;
        failPos = parser.failPos - s;
        headLine = lineNo;
        wallMillis = wall;
        linesWaited = 0;
        lines = 1;
        active = true;
    }

    void clear() {
        active = false;
    }

    /**
     * Tries {@code b[s, e)} as the continuation. On {@link Outcome#COMPLETE}, {@code out} holds the
     * whole gc line; on {@link Outcome#MORE} the joined text is held and still incomplete.
     */
    Outcome tryJoin(byte[] b, int s, int e, GcLineParser parser, GcLine out) {
        int afterPrefix = skipWords(b, s, e, prefixWords);
        int plain = skipBlanks(b, s, e);
        int bestCut = -1;
        int bestGlue = 0;
        int bestStart = -1;
        for (int round = 0; round < 2; round++) {
            int start = round == 0 ? afterPrefix : plain;
            if (start < 0 || (round == 1 && start == afterPrefix)) continue;
            int tried = 0;
            if (status == GcLineParser.INCOMPLETE) {
                for (int glue = 0; glue <= 1; glue++) {
                    int r = attempt(headLen, glue, b, start, e, parser, out);
                    if (r == GcLineParser.COMPLETE) return complete();
                    if (r == GcLineParser.INCOMPLETE && bestCut < 0 && progressed(parser, headLen + glue, e - start)) {
                        bestCut = headLen; bestGlue = glue; bestStart = start;
                    }
                }
            }
            for (int k = cutCount - 1; k >= 0 && tried < MAX_CUTS_TRIED; k--) {
                int cut = cuts[k];
                if (cut > failPos || cut <= anchor + 2 || (k < cutCount - 1 && cuts[k + 1] == cut)) continue;
                tried++;
                int r = attempt(cut, 0, b, start, e, parser, out);
                if (r == GcLineParser.COMPLETE) return complete();
                if (r == GcLineParser.INCOMPLETE && bestCut < 0 && progressed(parser, cut, e - start)) {
                    bestCut = cut; bestGlue = 0; bestStart = start;
                }
            }
        }
        if (bestCut < 0) return Outcome.NONE;
        // Still incomplete (a line split twice, or wrapped twice): hold the joined text instead.
        int r = attempt(bestCut, bestGlue, b, bestStart, e, parser, out);
        byte[] t = head;
        head = joined;
        joined = t;
        headLen = joinedLen;
        status = r;
        cutCount = Math.min(parser.cutCount, cuts.length);
        System.arraycopy(parser.cuts, 0, cuts, 0, cutCount);
        failPos = parser.failPos;
        lines++;
        linesWaited = 0;
        return Outcome.MORE;
    }

    /** Parses the held head leniently so that what it has can be kept; returns the parser status. */
    int parseHead(GcLineParser parser, GcLine out) {
        lastInput = head;
        return parser.parse(head, anchor, headLen, false, out);
    }

    /** The bytes the last parse ran over: the joined text after a join, the head after {@link #parseHead}. */
    byte[] lastInput() {
        return lastInput;
    }

    /** The held text, for messages. */
    String excerpt() {
        return dev.gcscope.parsers.io.Excerpt.of(head, anchor, headLen);
    }

    int failColumn() {
        return failPos + 1;
    }

    int status() {
        return status;
    }

    private Outcome complete() {
        lines++;
        active = false;
        return Outcome.COMPLETE;
    }

    /** The strict parse consumed the whole continuation and at least two of its tokens. */
    private static boolean progressed(GcLineParser parser, int joinAt, int contLen) {
        int beyond = 0;
        for (int i = 0; i < parser.cutCount; i++) {
            if (parser.cuts[i] > joinAt) beyond++;
        }
        return beyond >= 2 && parser.failPos >= joinAt + contLen - 1;
    }

    private int attempt(int cut, int glue, byte[] b, int start, int e, GcLineParser parser, GcLine out) {
        int n = cut + glue + (e - start);
        if (joined.length < n) joined = Arrays.copyOf(joined, Math.max(n, joined.length * 2));
        System.arraycopy(head, 0, joined, 0, cut);
        if (glue == 1) joined[cut] = ' ';
        System.arraycopy(b, start, joined, cut + glue, e - start);
        joinedLen = n;
        lastInput = joined;
        return parser.parse(joined, anchor, n, true, out);
    }

    private int copy(byte[] b, int s, int e) {
        int n = e - s;
        if (head.length < n) head = new byte[Math.max(n, head.length * 2)];
        System.arraycopy(b, s, head, 0, n);
        return n;
    }

    static int countWords(byte[] b, int s, int e) {
        int words = 0;
        boolean in = false;
        for (int i = s; i < e; i++) {
            boolean blank = b[i] == ' ' || b[i] == '\t';
            if (!blank && !in) words++;
            in = !blank;
        }
        return words;
    }

    /** Position after {@code words} blank-separated words and the blanks after them, or -1. */
    static int skipWords(byte[] b, int s, int e, int words) {
        int i = skipBlanks(b, s, e);
        for (int w = 0; w < words; w++) {
            if (i >= e) return -1;
            while (i < e && b[i] != ' ' && b[i] != '\t') i++;
            i = skipBlanks(b, i, e);
        }
        return i;
    }

    private static int skipBlanks(byte[] b, int i, int e) {
        while (i < e && (b[i] == ' ' || b[i] == '\t')) i++;
        return i;
    }
}
