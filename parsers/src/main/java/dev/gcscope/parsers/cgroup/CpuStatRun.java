package dev.gcscope.parsers.cgroup;

import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.io.Excerpt;
import dev.gcscope.parsers.io.LineReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The state of one {@code cgroup-cpu-stat} parse. A dump starts at a timestamp line and takes the
 * {@code key value} lines after it (read by key; {@code nr_bursts}, {@code user_usec} and other
 * fields are used but not kept); a key seen twice starts a dump without a time, as when a loop
 * forgot its {@code date}:
 *
 * <pre>
 * 1796198078.993682123
 * nr_periods 120
 * nr_throttled 31
 * throttled_time 1534622914
 * </pre>
 *
 * A line may also carry a timestamp and the pairs together ({@code echo $(date +%s.%N) $(cat cpu.stat)}).
 */
final class CpuStatRun implements LineReader.Sink {
    static final String KIND_BLANK = "blank";
    static final String KIND_OTHER = "other text";
    static final String KIND_TOO_LONG = "line too long";
    static final String KIND_DUPLICATE = "duplicate line";

    private final ParseReport.Builder report;
    private final CpuStatTable table;
    private CpuStatTable.Dump dump;
    private double pendingTime = Double.NaN;
    private boolean pendingTimeUsed = true;
    private long timestamps, zoneless, wholeSeconds;
    private boolean v1, v2;
    private String lastText = "";

    CpuStatRun(ParseReport.Builder report, CpuStatTable table) {
        this.report = report;
        this.table = table;
    }

    @Override
    public void line(byte[] b, int s, int e, long lineNo) {
        String text = new String(b, s, e - s, StandardCharsets.ISO_8859_1).strip();
        if (text.isEmpty()) {
            report.skipped(KIND_BLANK);
            lastText = "";
            return;
        }
        if (text.equals(lastText)) {
            // A dump holds each field once and each timestamp is its own: the same line twice in a
            // row is a log shipped twice (at-least-once shippers resend lines), whose copy would
            // end the dump early and start a broken one.
            report.skipped(KIND_DUPLICATE, lineNo, b, s, e);
            return;
        }
        lastText = text;
        String[] words = text.split("\\s+");
        int first = 0;
        DumpTime.Reading time = DumpTime.parse(text);
        if (time == null && words.length >= 3) {
            // "1796198078.99 nr_periods 120 nr_throttled 31 …", or "Wed Dec  2 07:54:41 UTC 2026 nr_periods …" (not read)
            time = DumpTime.parse(words[0]);
            if (time != null) first = 1;
        } else if (time != null) {
            first = words.length;
        }
        if (time != null) startDump(time, lineNo);
        int pairs = 0;
        for (int i = first; i + 1 < words.length; i += 2) {
            if (!isKey(words[i]) || !isCount(words[i + 1])) break;
            field(words[i], Double.parseDouble(words[i + 1]), lineNo);
            pairs++;
        }
        boolean whole = first + 2 * pairs == words.length;
        if ((time != null || pairs > 0) && whole) {
            report.used();
        } else if (pairs > 0 || time != null) {
            report.used();
            report.issue(lineNo, "text after the cpu.stat fields was ignored", Excerpt.of(b, s, e));
        } else {
            report.skipped(KIND_OTHER);
            if (words.length == 1 && isCount(words[0])) {
                report.issue(lineNo, "a number alone that is not a Unix time in seconds (ten digits) nor a cpu.stat field; skipped",
                        Excerpt.of(b, s, e));
            }
        }
    }

    private void startDump(DumpTime.Reading time, long lineNo) {
        timestamps++;
        if (!time.zoned()) zoneless++;
        if (!time.subSecond()) wholeSeconds++;
        finishDump();
        pendingTime = time.unixS();
        pendingTimeUsed = false;
    }

    private void field(String key, double value, long lineNo) {
        if (dump == null || dump.has(key)) {
            finishDump();
            dump = new CpuStatTable.Dump(pendingTimeUsed ? Double.NaN : pendingTime, lineNo);
            pendingTimeUsed = true;
        }
        dump.put(key, value);
        switch (key) {
            case "throttled_time" -> v1 = true;
            case "throttled_usec", "usage_usec" -> v2 = true;
            default -> { }
        }
    }

    private void finishDump() {
        if (dump != null) table.add(dump, report);
        dump = null;
    }

    /** Ends the last dump and adds the notes about the timestamps (the table adds its own once built). */
    void finish() {
        finishDump();
        int dumps = table.size();
        if (dumps > 0 && timestamps == 0) {
            report.note("no timestamp line before the dumps: they cannot be placed in time; sample with"
                    + " while sleep 0.1; do date +%s.%N; cat cpu.stat; done > cpu.log");
        } else if (table.untimed() > 0) {
            report.note(String.format(Locale.ROOT, "%d dump(s) without a timestamp line before them: no interval figures there",
                    table.untimed()));
        }
        if (zoneless > 0) report.note("timestamps without a zone were taken as UTC");
        if (wholeSeconds > 0 && wholeSeconds == timestamps && dumps > 1) {
            report.note("timestamps are whole seconds (date +%s, or a busybox date without %N): intervals are known to ±1 s");
        }
    }

    /** {@code v1}, {@code v2}, or {@code unknown} (neither version's own fields seen). */
    String cgroupVersion() {
        if (v1 && !v2) return "v1";
        if (v2 && !v1) return "v2";
        return v1 ? "v1 and v2" : "unknown";
    }

    @Override
    public void overlongLine(byte[] head, long lineNo, long length) {
        report.skipped(KIND_TOO_LONG, lineNo, head, 0, head.length);
        report.issue(lineNo, LineReader.overlongReason(length), Excerpt.of(head, 0, head.length));
    }

    @Override
    public void damagedInput(long lineNo, String reason) {
        report.damage(lineNo, reason);
    }

    /** {@code nr_periods}, {@code throttled_usec}, {@code core_sched.force_idle_usec}, {@code cpuacct.usage}. */
    static boolean isKey(String w) {
        if (w.isEmpty() || w.length() > 64 || !(w.charAt(0) >= 'a' && w.charAt(0) <= 'z')) return false;
        for (int i = 1; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.')) return false;
        }
        return true;
    }

    /** A counter: decimal digits, at most 20 (2^64 has 20). */
    static boolean isCount(String w) {
        if (w.isEmpty() || w.length() > 20) return false;
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) < '0' || w.charAt(i) > '9') return false;
        }
        return true;
    }
}
