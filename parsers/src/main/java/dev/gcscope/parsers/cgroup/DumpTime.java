package dev.gcscope.parsers.cgroup;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamp line a sampling loop writes before each {@code cpu.stat} dump, as Unix seconds:
 * <ul>
 *   <li>{@code date +%s.%N} → {@code 1796198078.993682123}, {@code date +%s} → {@code 1796198078}
 *       (busybox's {@code date} has no {@code %N});</li>
 *   <li>{@code date -Ins}, {@code date --rfc-3339=ns}, {@code date -u +%FT%T.%N} →
 *       {@code 2026-12-02T07:54:38,993682123+00:00}, {@code 2026-12-02 07:54:38.993682123+00:00},
 *       {@code 2026-12-02T07:54:38.993682123} (no zone: taken as UTC);</li>
 *   <li>plain {@code date} in UTC → {@code Wed Dec  2 07:54:41 UTC 2026}.</li>
 * </ul>
 * A file holds a few timestamps a second, so this uses java.time and regular expressions rather
 * than a byte cursor.
 */
final class DumpTime {
    /** Unix seconds from 2001-09-09 to 2286: ten digits, so a bare counter value is not taken for a time. */
    private static final Pattern EPOCH = Pattern.compile("\\d{10}(?:\\.\\d{1,9})?");
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern DATE = Pattern.compile(
            "[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\\d{1,2}) (\\d{2}:\\d{2}:\\d{2}) (UTC|GMT) (\\d{4})");
    private static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy", Locale.ROOT);

    /** A time read, and whether it had a zone (ISO without one is taken as UTC) and below-second digits. */
    record Reading(double unixS, boolean zoned, boolean subSecond) {}

    private DumpTime() {}

    /** The timestamp {@code text} (trimmed) is, or null when it is none. */
    static Reading parse(String text) {
        if (text.isEmpty()) return null;
        char c = text.charAt(0);
        if (c >= '0' && c <= '9') {
            if (EPOCH.matcher(text).matches()) return new Reading(Double.parseDouble(text), true, text.indexOf('.') > 0);
            Matcher m = ISO.matcher(text);
            if (m.matches()) return iso(m);
            return null;
        }
        Matcher m = DATE.matcher(text);
        if (!m.matches()) return null;
        try {
            LocalDateTime t = LocalDateTime.parse(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(5), DATE_FORMAT);
            return new Reading(t.toEpochSecond(ZoneOffset.UTC), true, false);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Reading iso(Matcher m) {
        String frac = m.group(3) == null ? "" : m.group(3);
        String zone = m.group(4);
        try {
            LocalDateTime t = LocalDateTime.parse(m.group(1) + "T" + m.group(2));
            ZoneOffset offset = ZoneOffset.UTC;
            if (zone != null && !zone.equals("Z")) offset = ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
            double seconds = OffsetDateTime.of(t, offset).toEpochSecond();
            if (!frac.isEmpty()) seconds += Long.parseLong(frac) / Math.pow(10, frac.length());
            return new Reading(seconds, zone != null, !frac.isEmpty());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
