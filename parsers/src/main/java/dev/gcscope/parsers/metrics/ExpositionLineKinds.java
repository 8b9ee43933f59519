package dev.gcscope.parsers.metrics;

import java.nio.charset.StandardCharsets;

/**
 * What a line of a Prometheus text / OpenMetrics file is, before anything is done with it: blank,
 * binary, an elision, a {@code #} line, a sample (read into {@link #sample}), a sample glued to
 * other text, a malformed sample, or other text. Quote markers and blanks around the text are read
 * past; {@link #start} and {@link #end} then bound the text itself.
 */
final class ExpositionLineKinds {
    enum Kind { BLANK, BINARY, ELISION, COMMENT, SAMPLE, GLUED_SAMPLE, MALFORMED, OTHER }

    /** Lines longer than this are not searched for a glued-on sample. */
    private static final int GLUED_MAX_LINE = 4096;

    /** The sample of the last {@link Kind#SAMPLE} or {@link Kind#GLUED_SAMPLE} line; why a malformed one failed. */
    final ExpositionLine sample = new ExpositionLine();
    /** The last line's text, after its quote prefix and without its trailing blanks. */
    int start, end;
    /** The last line had {@code >} quote markers. */
    boolean quoted;

    Kind classify(byte[] b, int s, int e) {
        int p = skipQuotePrefix(b, s, e);
        quoted = false;
        for (int q = s; q < p && !quoted; q++) quoted = b[q] == '>';
        int t = e;
        while (t > p && (b[t - 1] == ' ' || b[t - 1] == '\t')) t--;
        start = p;
        end = t;
        if (p == t) return Kind.BLANK;
        if (hasControlBytes(b, p, t)) return Kind.BINARY;
        if (isElision(b, p, t)) return Kind.ELISION;
        if (b[p] == '#') return Kind.COMMENT;
        if (sample.parse(b, p, t)) return Kind.SAMPLE;
        int glued = sample.lookedLikeSample ? -1 : gluedSampleStart(b, p, t);
        if (glued >= 0) {
            // `  0     0    0 … --:--:--     0go_gc_cycles_automatic_gc_cycles_total 24958`: curl's
            // progress meter (stderr) glued to the first sample when both went to one terminal.
            sample.parse(b, glued, t);
            return Kind.GLUED_SAMPLE;
        }
        // `go_gc_pauses_seconds_bucket{le="...` – a paste cut with "...".
        if (endsWithEllipsis(b, p, t)) return Kind.ELISION;
        return sample.lookedLikeSample ? Kind.MALFORMED : Kind.OTHER;
    }

    /**
     * Where a whole sample line starts inside other text, or -1: a metric name (with an underscore, as
     * every exposed Go metric has) that does not continue a word and parses to the end of the line.
     */
    private int gluedSampleStart(byte[] b, int s, int e) {
        if (e - s > GLUED_MAX_LINE) return -1;
        for (int q = s + 1; q < e; q++) {
            byte c = b[q];
            boolean starts = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!starts || isNameByte(b[q - 1]) && !(b[q - 1] >= '0' && b[q - 1] <= '9')) continue;
            if (sample.parse(b, q, e) && sample.name.indexOf('_') > 0) return q;
        }
        return -1;
    }

    private static boolean isNameByte(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':';
    }

    /** Leading blanks and e-mail/Markdown quote markers ({@code > }, {@code >> }). */
    static int skipQuotePrefix(byte[] b, int s, int e) {
        int p = s;
        while (p < e && (b[p] == ' ' || b[p] == '\t' || b[p] == '>')) p++;
        return p;
    }

    private static boolean hasControlBytes(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if ((c >= 0 && c < 0x20 && c != '\t') || c == 0x7f) return true;
        }
        return false;
    }

    /** {@code ...}, {@code …}, {@code [...]}, {@code <snip>} alone on a line. */
    private static boolean isElision(byte[] b, int s, int e) {
        if (e - s > 16) return false;
        String t = new String(b, s, e - s, StandardCharsets.UTF_8).trim();
        return t.matches("\\.{3,}|…+|\\[(\\.{3}|…)]|\\(\\.{3}\\)|<snip>|\\[snip]|\\[SNIP]|<SNIP>");
    }

    private static boolean endsWithEllipsis(byte[] b, int s, int e) {
        if (e - s >= 3 && b[e - 1] == '.' && b[e - 2] == '.' && b[e - 3] == '.') return true;
        return e - s >= 3 && (b[e - 3] & 0xff) == 0xE2 && (b[e - 2] & 0xff) == 0x80 && (b[e - 1] & 0xff) == 0xA6;
    }
}
