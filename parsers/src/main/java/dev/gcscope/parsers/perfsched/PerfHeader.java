package dev.gcscope.parsers.perfsched;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of {@code perf report --header-only} put before a timehist (the recipe for an incident),
 * which tie perf's timestamps to the wall clock. With {@code perf sched record -k mono} (perf 5.11+)
 * perf stores wall and monotonic time read together:
 *
 * <pre>
 * # captured on    : Wed Dec  2 07:54:41 2026
 * # time of first sample : 10157.188159
 * # time of last sample : 10157.460054
 * # clockid: monotonic (1)
 * # reference time: 2026-12-02 07:54:38.993682 = 1796198078.993682 (TOD) = 10156.692973720 (monotonic)
 * </pre>
 *
 * {@code captured on} is the data file's modification time (perf stats the file) in the recording
 * machine's local time, to the second: the fallback when there is no reference time.
 */
final class PerfHeader {
    private static final Pattern REFERENCE = Pattern.compile("=\\s*(\\d+(?:\\.\\d+)?)\\s*\\(TOD\\)\\s*=\\s*(\\d+(?:\\.\\d+)?)\\s*\\((\\w+)\\)");
    private static final Pattern CAPTURED = Pattern.compile("[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\\d{1,2}) (\\d{2}:\\d{2}:\\d{2}) (\\d{4})");
    private static final Pattern RULE = Pattern.compile("=+");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z _]*[a-z]");
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy", Locale.ROOT);

    private final Map<String, String> attributes = new LinkedHashMap<>();

    /** Reads {@code b[p, q)} when it is one of the header lines above; returns whether it was. */
    boolean line(byte[] b, int p, int q) {
        if (q - p < 1 || b[p] != '#') return false;
        String text = new String(b, p + 1, q - p - 1, StandardCharsets.ISO_8859_1).strip();
        // perf report --header-only frames its header with "# ========" and a lone "#"
        if (text.isEmpty() || RULE.matcher(text).matches() || text.endsWith(" info available, use -I to display")) return true;
        int colon = text.indexOf(':');
        if (colon < 0) return false;
        String key = text.substring(0, colon).strip();
        String value = text.substring(colon + 1).strip();
        switch (key) {
            case "reference time" -> {
                Matcher m = REFERENCE.matcher(value);
                if (!m.find()) return false;
                attributes.put(TimehistColumns.ATTR_CLOCK_TOD_S, m.group(1));
                attributes.put(TimehistColumns.ATTR_CLOCK_REFERENCE_S, m.group(2));
                attributes.putIfAbsent(TimehistColumns.ATTR_CLOCKID, m.group(3));
            }
            case "clockid" -> attributes.put(TimehistColumns.ATTR_CLOCKID, value.replaceAll("\\s*\\(\\d+\\)$", ""));
            case "captured on" -> {
                Matcher m = CAPTURED.matcher(value);
                if (!m.find()) return false;
                try {
                    LocalDateTime t = LocalDateTime.parse(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4), CTIME);
                    attributes.put(TimehistColumns.ATTR_CAPTURED_ON_S, Long.toString(t.toEpochSecond(ZoneOffset.UTC)));
                } catch (DateTimeParseException e) {
                    return false;
                }
            }
            case "time of first sample" -> attributes.put(TimehistColumns.ATTR_FIRST_SAMPLE_S, value);
            case "time of last sample" -> attributes.put(TimehistColumns.ATTR_LAST_SAMPLE_S, value);
            default -> {
                // the header's other "# key : value" lines (hostname, cmdline, event, ...): read, nothing kept
                return KEY.matcher(key).matches();
            }
        }
        return true;
    }

    /** What the header said, by the attribute names in {@link TimehistColumns}; empty without a header. */
    Map<String, String> attributes() {
        return attributes;
    }
}
