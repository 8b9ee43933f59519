package dev.gcscope.parsers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The first bytes of a decoded input, which probes look at. Text is exposed as ISO-8859-1 so every
 * byte maps to one char and nothing fails on invalid UTF-8.
 */
public final class TraceSample {
    private final String sourceName;
    private final byte[] bytes;
    private final String encoding;
    private String text;

    public TraceSample(String sourceName, byte[] bytes, String encoding) {
        this.sourceName = sourceName;
        this.bytes = bytes;
        this.encoding = encoding;
    }

    public static TraceSample of(String text) {
        return new TraceSample("sample", text.getBytes(StandardCharsets.UTF_8), "");
    }

    public String sourceName() { return sourceName; }
    public byte[] bytes() { return bytes; }
    public String encoding() { return encoding; }
    public boolean isEmpty() { return bytes.length == 0; }

    public String text() {
        if (text == null) text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text;
    }

    /** Lines of the sample (CR, LF or CRLF ends); the last may be cut short by the sample size. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        String t = text();
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(t.substring(start, i));
                if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        if (start < t.length()) out.add(t.substring(start));
        return out;
    }

    /** True when the sample looks like binary data rather than text (NUL bytes or many control bytes). */
    public boolean looksBinary() {
        int control = 0;
        for (byte b : bytes) {
            if (b == 0) return true;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x1b) control++;
        }
        return bytes.length > 0 && control * 20 > bytes.length;
    }
}
