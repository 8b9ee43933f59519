package dev.gcscope.parsers.perfsched;

/**
 * What people wrap around perf output when they paste it into a mail, a bug or a commit message,
 * and the lines perf itself prints around its tables. Both perf sched parsers use it to find where
 * a line's own text starts and to name the lines that are not table content, so they are counted
 * under a kind instead of being reported as garbage.
 */
final class PasteText {
    static final String KIND_BLANK = "blank";
    static final String KIND_RULE = "table rule";
    static final String KIND_PROMPT = "shell prompt";
    static final String KIND_BANNER = "perf message";
    static final String KIND_ELISION = "elision";
    static final String KIND_OTHER = "other text";
    static final String KIND_TOO_LONG = "line too long";

    private PasteText() {}

    /**
     * Index of the first byte of the line's own text in {@code b[s, e)}: after blanks, tabs and
     * e-mail quote markers ({@code > }, {@code >> }, {@code > > }); {@code e} when there is none.
     */
    static int textStart(byte[] b, int s, int e) {
        int p = s;
        while (p < e) {
            byte c = b[p];
            if (c == ' ' || c == '\t') {
                p++;
            } else if (c == '>' && (p + 1 == e || b[p + 1] == ' ' || b[p + 1] == '\t' || b[p + 1] == '>')) {
                p++;
            } else {
                break;
            }
        }
        return p;
    }

    /** End of {@code b[s, e)} without trailing blanks, tabs and a stray CR. */
    static int trimEnd(byte[] b, int s, int e) {
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t' || b[e - 1] == '\r')) e--;
        return e;
    }

    /** A line of dashes (perf's table rules), at least four, nothing else but blanks. */
    static boolean isRule(byte[] b, int p, int e) {
        int dashes = 0;
        for (int i = p; i < e; i++) {
            byte c = b[i];
            if (c == '-') dashes++;
            else if (c != ' ' && c != '\t') return false;
        }
        return dashes >= 4;
    }

    /** {@code <SNIP>}, {@code ...}, {@code [...]}, {@code ...]}, {@code …}: where a paste left lines out. */
    static boolean isElision(byte[] b, int p, int e) {
        int q = trimEnd(b, p, e);
        if (q == p) return false;
        String t = ascii(b, p, Math.min(q, p + 16)).toLowerCase(java.util.Locale.ROOT);
        if (q - p <= 16 && (t.equals("<snip>") || t.equals("[snip]") || t.equals("snip") || t.equals("<...>")
                || t.equals("[...]") || t.equals("...]") || t.equals("[..."))) {
            return true;
        }
        // dots only (two or more), or the UTF-8 ellipsis character(s) alone
        boolean dots = true;
        int n = 0;
        for (int i = p; i < q; i++) {
            if (b[i] == '.') {
                n++;
            } else if ((b[i] & 0xff) == 0xE2 && i + 2 < q && (b[i + 1] & 0xff) == 0x80 && (b[i + 2] & 0xff) == 0xA6) {
                n += 3;
                i += 2;
            } else if (b[i] != ' ') {
                dots = false;
                break;
            }
        }
        return dots && n >= 2;
    }

    /**
     * A shell prompt with a command ({@code $ perf sched latency}, {@code root@host:~# perf sched
     * timehist -w}, {@code [user@box tmp]$ ...}) or a bare {@code perf ...} command line.
     */
    static boolean isPrompt(byte[] b, int p, int e) {
        if (startsWith(b, p, e, "perf ")) return true;
        if (p + 1 < e && (b[p] == '$' || b[p] == '#' || b[p] == '%') && b[p + 1] == ' ') {
            return contains(b, p, e, "perf") || contains(b, p, e, "sleep") || contains(b, p, e, "go ")
                    || contains(b, p, e, "./");
        }
        // user@host:dir# / user@host dir]$
        int at = -1;
        for (int i = p; i < e && i < p + 64; i++) {
            byte c = b[i];
            if (c == '@' && at < 0) at = i;
            if ((c == '#' || c == '$') && at > p && i + 1 < e && b[i + 1] == ' ') return true;
            if (c == ' ' && at < 0) return false;
        }
        return false;
    }

    /** Lines perf prints around its output: record banners and the callchain notice. */
    static boolean isBanner(byte[] b, int p, int e) {
        return startsWith(b, p, e, "[ perf record:") || startsWith(b, p, e, "Samples do not have callchains")
                || startsWith(b, p, e, "Samples of sched_switch event do not have callchains")
                || startsWith(b, p, e, "Warning:") || startsWith(b, p, e, "Processed ")
                || startsWith(b, p, e, "Check IO/CPU overload");
    }

    /** The kind of a line that is no table content: blank, rule, prompt, banner, elision or other text. */
    static String kindOf(byte[] b, int s, int e) {
        int p = textStart(b, s, e);
        int q = trimEnd(b, p, e);
        if (p >= q) return KIND_BLANK;
        if (isRule(b, p, q)) return KIND_RULE;
        if (isElision(b, p, q)) return KIND_ELISION;
        if (isBanner(b, p, q)) return KIND_BANNER;
        if (isPrompt(b, p, q)) return KIND_PROMPT;
        return KIND_OTHER;
    }

    static boolean startsWith(byte[] b, int p, int e, String lit) {
        int n = lit.length();
        if (p + n > e) return false;
        for (int k = 0; k < n; k++) {
            if (b[p + k] != lit.charAt(k)) return false;
        }
        return true;
    }

    static boolean contains(byte[] b, int p, int e, String lit) {
        return indexOf(b, p, e, lit) >= 0;
    }

    /** Index of {@code lit} in {@code b[p, e)}, or -1. */
    static int indexOf(byte[] b, int p, int e, String lit) {
        char c0 = lit.charAt(0);
        for (int i = p; i + lit.length() <= e; i++) {
            if (b[i] == c0 && startsWith(b, i, e, lit)) return i;
        }
        return -1;
    }

    static String ascii(byte[] b, int p, int e) {
        return new String(b, p, Math.max(0, e - p), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
