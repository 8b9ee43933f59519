package dev.gcscope.parsers.io;

/**
 * A short, printable rendering of raw line bytes for messages: valid UTF-8 is kept, control
 * characters are escaped ({@code \t}, {@code \u0001}) and invalid bytes show as {@code \xNN}, so an
 * excerpt never hides what is actually in the file.
 */
public final class Excerpt {
    public static final int DEFAULT_CHARS = 120;

    private Excerpt() {}

    public static String of(byte[] b, int start, int end) {
        return of(b, start, end, DEFAULT_CHARS);
    }

    public static String of(byte[] b, int start, int end, int maxChars) {
        StringBuilder sb = new StringBuilder(Math.min(end - start, maxChars) + 8);
        int i = start;
        int chars = 0;
        while (i < end && chars < maxChars) {
            int c = b[i] & 0xff;
            if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
                i++;
            } else if (c < 0x80) {
                escapeControl(sb, c);
                i++;
            } else {
                int len = utf8Length(b, i, end);
                if (len > 0) {
                    sb.append(new String(b, i, len, java.nio.charset.StandardCharsets.UTF_8));
                    i += len;
                } else {
                    sb.append(String.format(java.util.Locale.ROOT, "\\x%02X", c));
                    i++;
                }
            }
            chars++;
        }
        if (i < end) sb.append('…');
        return sb.toString();
    }

    /**
     * Text already decoded (a task name from a table's dictionary), as {@link #of(byte[], int, int)}
     * shows bytes: control characters escaped, so an issue stays one line whatever the input held.
     */
    public static String of(String text) {
        return escape(text, DEFAULT_CHARS);
    }

    /**
     * {@code text} whole, its control characters escaped as {@link #of(String)} escapes them; the
     * same string when it has none (every issue and note passes here).
     */
    public static String escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) return escape(text, Integer.MAX_VALUE);
        }
        return text;
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f;
    }

    private static String escape(String text, int maxChars) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), maxChars) + 8);
        int chars = 0;
        int i = 0;
        while (i < text.length() && chars < maxChars) {
            int c = text.codePointAt(i);
            if (isControl(c)) escapeControl(sb, c);
            else sb.appendCodePoint(c);
            i += Character.charCount(c);
            chars++;
        }
        if (i < text.length()) sb.append('…');
        return sb.toString();
    }

    private static void escapeControl(StringBuilder sb, int c) {
        switch (c) {
            case '\t' -> sb.append("\\t");
            case '\r' -> sb.append("\\r");
            case '\n' -> sb.append("\\n");
            default -> sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
        }
    }

    /** Length of a well-formed UTF-8 sequence at {@code i}, or 0 when the bytes there are not one. */
    static int utf8Length(byte[] b, int i, int end) {
        int c = b[i] & 0xff;
        int len;
        int min;
        if (c >= 0xc2 && c <= 0xdf) { len = 2; min = 0x80; }
        else if (c >= 0xe0 && c <= 0xef) { len = 3; min = 0x800; }
        else if (c >= 0xf0 && c <= 0xf4) { len = 4; min = 0x10000; }
        else return 0;
        if (i + len > end) return 0;
        int cp = c & (0x7f >> len);
        for (int k = 1; k < len; k++) {
            int cc = b[i + k] & 0xff;
            if ((cc & 0xc0) != 0x80) return 0;
            cp = (cp << 6) | (cc & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
        return len;
    }
}
