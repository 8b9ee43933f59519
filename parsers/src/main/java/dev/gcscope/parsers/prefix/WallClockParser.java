package dev.gcscope.parsers.prefix;

/**
 * Reads the wall-clock timestamp a log collector put in front of a trace line, so cycles line up
 * with application logs. Recognised, at the start of the line (after blanks, {@code >} quotes and
 * an opening bracket):
 * <ul>
 *   <li>RFC 3339 / ISO 8601, with {@code T} or a space, any fraction, {@code Z} or an offset —
 *       CRI and {@code kubectl logs --timestamps}: {@code 2024-06-12T01:02:03.123456789Z stderr F gc 1 @…};
 *       rsyslog's default: {@code 2026-11-27T00:01:02.123456+00:00 host app: gc 1 @…}</li>
 *   <li>Go's {@code log} package: {@code 2019/04/06 14:28:27.123456 …}</li>
 *   <li>syslog / {@code journalctl -o short[-precise]}: {@code Feb 26 12:52:23.767 host app[1]: gc 93 @…}
 *       (no year: the reference year is assumed, and a December→January step adds one)</li>
 *   <li>klog/glog: {@code I0612 01:02:03.123456    1 main.go:42] …} (no year either)</li>
 * </ul>
 * The result is the time as printed, at millisecond precision, encoded as milliseconds since
 * 1970-01-01T00:00 of that local time; an offset is not applied, because users compare these
 * times with other lines of the same log, which carry the same zone.
 *
 * <p>Hand-written rather than {@code DateTimeFormatter}: it runs once per line of a CRI log (a
 * million times for a big file) and must not allocate or throw on the many lines that are not
 * timestamps.
 */
public final class WallClockParser {
    public static final long MISSING = Long.MIN_VALUE;
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private final int referenceYear;
    private int yearlessYear;
    private int lastYearlessMonth = -1;
    private boolean assumedYear;

    public WallClockParser(int referenceYear) {
        this.referenceYear = referenceYear;
        this.yearlessYear = referenceYear;
    }

    private static final WallClockParser PROBE = new WallClockParser(2000);

    /**
     * Whether a timestamp starts exactly at {@code b[p]} — where a log line glued onto a split gc line
     * begins. Stateless (does not advance any year rollover tracking).
     */
    public static boolean startsAt(byte[] b, int p, int e) {
        if (p >= e) return false;
        byte c = b[p];
        if (!isDigit(c) && (c < 'A' || c > 'Z')) return false;
        synchronized (PROBE) {
            long t = PROBE.parse(b, p, e);
            PROBE.lastYearlessMonth = -1;
            PROBE.yearlessYear = PROBE.referenceYear;
            return t != MISSING;
        }
    }

    /** True once a timestamp without a year (syslog, klog) was read with an assumed year. */
    public boolean assumedYear() {
        return assumedYear;
    }

    public int referenceYear() {
        return referenceYear;
    }

    /** Timestamp at the start of {@code b[from, to)}, or {@link #MISSING}. */
    public long parse(byte[] b, int from, int to) {
        int p = from;
        while (p < to && (b[p] == ' ' || b[p] == '\t' || b[p] == '>' || b[p] == '[' || b[p] == '"')) p++;
        if (to - p < 14) return MISSING;
        byte c = b[p];
        if (isDigit(c)) return parseNumericDate(b, p, to);
        if (c >= 'A' && c <= 'Z') {
            if ((c == 'I' || c == 'W' || c == 'E' || c == 'F') && isDigit(b[p + 1])) return parseKlog(b, p, to);
            return parseSyslog(b, p, to);
        }
        return MISSING;
    }

    // 2024-06-12T01:02:03.123456789Z | 2024-06-12 01:02:03,123 | 2019/04/06 14:28:27.123456
    private long parseNumericDate(byte[] b, int p, int to) {
        if (to - p < 19) return MISSING;
        int year = digits(b, p, 4);
        byte sep = b[p + 4];
        if (year < 0 || (sep != '-' && sep != '/') || b[p + 7] != sep) return MISSING;
        int month = digits(b, p + 5, 2);
        int day = digits(b, p + 8, 2);
        byte t = b[p + 10];
        if (sep == '-' ? (t != 'T' && t != ' ') : t != ' ') return MISSING;
        return time(b, p + 11, to, year, month, day);
    }

    // Feb 26 12:52:23.767 | Feb  6 12:52:23
    private long parseSyslog(byte[] b, int p, int to) {
        int month = month(b, p);
        if (month < 0 || b[p + 3] != ' ') return MISSING;
        int q = p + 4;
        if (b[q] == ' ') q++;
        int day;
        if (isDigit(b[q]) && isDigit(b[q + 1])) {
            day = digits(b, q, 2);
            q += 2;
        } else if (isDigit(b[q])) {
            day = b[q] - '0';
            q += 1;
        } else {
            return MISSING;
        }
        if (q >= to || b[q] != ' ') return MISSING;
        return yearless(b, q + 1, to, month, day);
    }

    // I0612 01:02:03.123456
    private long parseKlog(byte[] b, int p, int to) {
        int month = digits(b, p + 1, 2);
        int day = digits(b, p + 3, 2);
        if (b[p + 5] != ' ') return MISSING;
        return yearless(b, p + 6, to, month, day);
    }

    private long yearless(byte[] b, int p, int to, int month, int day) {
        if (month < 1 || month > 12) return MISSING;
        long t = time(b, p, to, yearlessYear, month, day);
        if (t == MISSING) return MISSING;
        if (lastYearlessMonth == 12 && month == 1) {
            yearlessYear++;
            t = time(b, p, to, yearlessYear, month, day);
        }
        lastYearlessMonth = month;
        assumedYear = true;
        return t;
    }

    // HH:MM:SS[.fff…|,fff…][Z|±HH:MM|±HHMM] — the zone is read past and ignored (see class comment).
    private static long time(byte[] b, int p, int to, int year, int month, int day) {
        if (to - p < 8 || b[p + 2] != ':' || b[p + 5] != ':') return MISSING;
        int hour = digits(b, p, 2);
        int minute = digits(b, p + 3, 2);
        int second = digits(b, p + 6, 2);
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return MISSING;
        }
        int millis = 0;
        int q = p + 8;
        if (q < to && (b[q] == '.' || b[q] == ',')) {
            q++;
            int scale = 100;
            while (q < to && isDigit(b[q])) {
                millis += (b[q] - '0') * scale;
                scale /= 10;
                q++;
            }
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + Math.min(second, 59) * 1000L + millis;
    }

    private static int month(byte[] b, int p) {
        for (int m = 0; m < 12; m++) {
            int k = m * 3;
            if (b[p] == MONTHS.charAt(k) && b[p + 1] == MONTHS.charAt(k + 1) && b[p + 2] == MONTHS.charAt(k + 2)) {
                return m + 1;
            }
        }
        return -1;
    }

    private static int digits(byte[] b, int p, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            byte c = b[p + i];
            if (!isDigit(c)) return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
