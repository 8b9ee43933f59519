package dev.gcscope.parsers.gctrace;

import dev.gcscope.parsers.io.Excerpt;
import dev.gcscope.parsers.io.PreviousLine;
import dev.gcscope.parsers.prefix.WallClockParser;
import java.util.Arrays;

/**
 * Holds a gc line that did not complete and tries to finish it with the lines that follow.
 *
 * <p>Why lines split: the runtime prints a gc line with many separate writes to fd 2 ({@code "gc "},
 * the number, {@code " @"}, …) while the application's {@code log} writes whole lines to the same fd,
 * so an application line can land between any two pieces, even inside what looks like one number
 * (formats.md §1.1; real examples in the {@code split-lines} samples):
 * <pre>
 * gc 6 @0.636s 0%: 0.073+0.12+0.007 ms clock, 0.142026/11/27 00:11:43 request id=761 path=/metrics status=200 dur=8.5ms
 * +0.046/0.14/0+0.014 ms cpu, 4->4->2 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P
 * </pre>
 * Mail clients and terminals also wrap long lines. The head is cut back at each position, deepest
 * first, and joined with the next line — after removing that line's own collector prefix, which has
 * as many blank-separated words as the head's — then parsed in strict mode, which accepts only what
 * Go can print. Of the complete joins, the deepest whose gc number continues the sequence wins
 * ({@code gc 1|2026/11/27…} + {@code 2 @…} is gc 12, not gc 12026…).
 */
final class SplitLineJoiner {
    /**
     * Lines after the head that may hold its continuation. Lines that start with a timestamp are
     * log lines of their own and don't count, up to {@link #MAX_LOG_LINES_BETWEEN}: a busy service can
     * log dozens of lines before the runtime writes its next piece (the app-log sample has 18).
     */
    static final int LOOKAHEAD_LINES = 4;
    static final int MAX_LOG_LINES_BETWEEN = 10_000;
    /** How far back from where the head stops making sense a cut is tried. */
    private static final int MAX_POSITIONS_TRIED = 200;

    enum Outcome { NONE, LOG_LINE, COMPLETE, MORE }

    private byte[] head = new byte[512];
    private int headLen;
    private int anchor;
    private int prefixWords;
    private int status;
    private int failPos;
    private byte[] joined = new byte[1024];
    private byte[] lastInput;
    private final PreviousLine lastPiece = new PreviousLine();

    private boolean active;
    /** The held line only has {@code gc } in it, not a gc number yet: likely just a word in other text. */
    boolean weak;
    long headLine;
    long wallMillis;
    /** A {@code GC forced} line announced the held cycle. */
    boolean periodic;
    int linesWaited;
    int logLinesWaited;
    /** Physical lines merged into the held gc line so far, the head included. */
    int lines;

    boolean active() {
        return active;
    }

    void hold(byte[] b, int s, int e, int anchorAbs, int status, int failPosAbs, long lineNo, long wall,
              boolean periodic, boolean weak) {
        headLen = copy(b, s, e);
        lastPiece.keep(b, s, e);
        anchor = anchorAbs - s;
        prefixWords = countWords(b, s, anchorAbs);
        this.status = status;
        this.failPos = failPosAbs - s;
        this.periodic = periodic;
        this.weak = weak;
        headLine = lineNo;
        wallMillis = wall;
        linesWaited = 0;
        logLinesWaited = 0;
        lines = 1;
        active = true;
    }

    void clear() {
        active = false;
    }

    /**
     * Whether {@code b[s, e)} is the piece last taken (the held line, or a line joined to it) again,
     * byte for byte: a log shipped twice (at-least-once shippers resend lines) repeats each piece of
     * a cut gc line before the next arrives. Joined to the copy, the next piece makes a different,
     * wrong cycle; the copy of the piece that completed it would read as a stray rest of a gc line.
     */
    boolean repeatsLastPiece(byte[] b, int s, int e) {
        return lastPiece.is(b, s, e);
    }

    /** The line after the last piece was not its copy: only a copy right after its piece is one. */
    void forgetPiece() {
        lastPiece.forget();
    }

    /**
     * Tries {@code b[s, e)} as the continuation. On {@link Outcome#COMPLETE}, {@code out} holds the
     * whole gc line; on {@link Outcome#MORE} the joined text is held, still incomplete.
     *
     * @param expectedGc the gc number that would continue the sequence, or {@link GcLine#NONE}
     */
    Outcome tryJoin(byte[] b, int s, int e, int expectedGc, GcLineParser parser, GcLine out) {
        // The runtime's next piece starts the line (after the collector's own prefix, which has as many
        // words as the head's). A line whose text starts with a timestamp is a log line of its own.
        int afterPrefix = skipWords(b, s, e, prefixWords);
        int plain = skipBlanks(b, s, e);
        int[] starts = {afterPrefix, plain == afterPrefix ? -1 : plain};
        if (afterPrefix < 0 || startsTimestamp(b, afterPrefix, e)) starts[0] = -1;
        if (starts[1] >= 0 && startsTimestamp(b, plain, e)) starts[1] = -1;
        if (starts[0] < 0 && starts[1] < 0) return Outcome.LOG_LINE;
        // No cut beyond where the head stops making sense, or beyond the first timestamp in it (where
        // the glued-on log line begins), can be right.
        int limit = Math.min(Math.min(headLen, strictEnd(parser, out)), firstTimestamp(head, anchor + 3, headLen));
        int fallbackCut = -1, fallbackGlue = 0, fallbackStart = 0;
        int moreCut = -1, moreGlue = 0, moreStart = 0, moreProgress = 0;
        for (int start : starts) {
            if (start < 0 || start >= e) continue;
            int tried = 0;
            for (int cut = limit; cut >= anchor + 2 && tried < MAX_POSITIONS_TRIED; cut--, tried++) {
                for (int glue = 0; glue <= (cut == headLen ? 1 : 0); glue++) {
                    int r = attempt(cut, glue, b, start, e, parser, out);
                    if (r == GcLineParser.COMPLETE) {
                        if (expectedGc == GcLine.NONE || out.gc == expectedGc || out.gc == 1) {
                            lastPiece.keep(b, s, e);
                            return complete();
                        }
                        if (fallbackCut < 0) {
                            fallbackCut = cut; fallbackGlue = glue; fallbackStart = start;
                        }
                    } else if (endsCleanly(r, parser.failPos, cut + glue + (e - start))) {
                        int progress = parser.failPos - (cut + glue);
                        if (progress > moreProgress) {
                            moreProgress = progress; moreCut = cut; moreGlue = glue; moreStart = start;
                        }
                    }
                }
            }
        }
        if (fallbackCut >= 0) {
            attempt(fallbackCut, fallbackGlue, b, fallbackStart, e, parser, out);
            lastPiece.keep(b, s, e);
            return complete();
        }
        if (moreCut < 0) return Outcome.NONE;
        // Split twice, or wrapped twice: hold the joined text and wait for the rest.
        int r = attempt(moreCut, moreGlue, b, moreStart, e, parser, out);
        int n = moreCut + moreGlue + (e - moreStart);
        byte[] t = head;
        head = joined;
        joined = t;
        headLen = n;
        status = r;
        failPos = parser.failPos;
        weak = false;
        lines++;
        linesWaited = 0;
        lastPiece.keep(b, s, e);
        return Outcome.MORE;
    }

    /**
     * A partial join is only believable when the continuation's gc text runs to the end of its line
     * or up to where another log line visibly begins (a timestamp, or a letter no gc token starts with).
     */
    private boolean endsCleanly(int status, int failPos, int joinedLen) {
        if (status == GcLineParser.INCOMPLETE) return true;
        if (failPos >= joinedLen) return true;
        byte c = joined[failPos];
        return startsTimestamp(joined, failPos, joinedLen)
                || (c != '.' && c != '+' && c != '/' && c != '-' && c != '>' && (c < '0' || c > '9') && c != ' ');
    }

    private static boolean startsTimestamp(byte[] b, int p, int e) {
        return WallClockParser.startsAt(b, p, e);
    }

    private static int firstTimestamp(byte[] b, int from, int e) {
        for (int i = from; i < e; i++) {
            if ((i == from || !SideLineClassifier.isWordChar(b[i - 1]) || isDigitByte(b[i]))
                    && startsTimestamp(b, i, e)) {
                return i;
            }
        }
        return e;
    }

    private static boolean isDigitByte(byte c) {
        return c >= '0' && c <= '9';
    }

    /** End of the longest prefix of the held head that strict parsing accepts. */
    private int strictEnd(GcLineParser parser, GcLine out) {
        int r = parser.parse(head, anchor, headLen, true, out);
        return r == GcLineParser.INCOMPLETE ? headLen : Math.max(parser.failPos, anchor + 3);
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

    byte[] headBytes() {
        return head;
    }

    int headLength() {
        return headLen;
    }

    /** The held text, for messages. */
    String excerpt() {
        return Excerpt.of(head, anchor, headLen);
    }

    int failColumn() {
        return failPos + 1;
    }

    private Outcome complete() {
        lines++;
        active = false;
        return Outcome.COMPLETE;
    }

    private int attempt(int cut, int glue, byte[] b, int start, int e, GcLineParser parser, GcLine out) {
        int n = cut + glue + (e - start);
        if (joined.length < n) joined = Arrays.copyOf(joined, Math.max(n, joined.length * 2));
        System.arraycopy(head, 0, joined, 0, cut);
        if (glue == 1) joined[cut] = ' ';
        System.arraycopy(b, start, joined, cut + glue, e - start);
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
