package dev.gcscope.parsers.gctrace;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scavenger line, in any of the layouts Go printed (../shared/formats.md §1.5). These lines are
 * rare next to gc lines (one per scavenger pass), so they are read with regular expressions for
 * clarity rather than with a cursor.
 *
 * @param kind what the line is
 * @param seq {@code scvgN} number, -1 for {@code debug.FreeOSMemory} ({@code scvg-1:}), {@link Integer#MIN_VALUE} when absent
 */
record ScavengerLine(Kind kind, int seq, boolean forced, double releasedMb, double inuseMb, double idleMb,
                     double sysMb, double consumedMb, int gen, double workKib, double workBgKib,
                     double workEagerKib, double releasedTotalKib, double utilPct, boolean controllerReset) {

    enum Kind {
        /** {@code scvg4: 12 MB released} (Go ≤1.13; {@code KB} in Go 1.14 development builds). */
        SCVG_RELEASED,
        /** {@code scvg4: inuse: 3, idle: 58, sys: 61, released: 57, consumed: 4 (MB)}. */
        SCVG_STATE,
        /** {@code scvg0: GC forced}: Go ≤1.3's periodic forced GC, announcing the next cycle. */
        SCVG_GC_FORCED,
        /** {@code scav …} lines of {@code GODEBUG=scavtrace=1} (Go 1.14+). */
        SCAV
    }

    static final int NO_SEQ = Integer.MIN_VALUE;
    private static final double NA = Double.NaN;

    // scvg4: | scvg-1: | scvg: | forced scvg:
    private static final String SCVG = "(forced )?scvg(-?\\d+)?:\\s*";
    // scvg2: 0 MB released   (Go 1.12 blog paste)   scvg: 42 KB released (go1.14beta1)
    private static final Pattern RELEASED = Pattern.compile(SCVG + "(\\d+) (MB|KB) released");
    // scvg2: inuse: 4, idle: 2, sys: 7, released: 0, consumed: 6 (MB)   (docs show no commas; accept both)
    private static final Pattern STATE = Pattern.compile(SCVG
            + "inuse: (\\d+),? idle: (\\d+),? sys: (\\d+),? released: (\\d+),? consumed: (\\d+) \\((MB|KB)\\)");
    private static final Pattern GC_FORCED = Pattern.compile(SCVG + "GC forced");
    // 1.14:       scav 8 KiB work, 1648 KiB total, 91% util
    // 1.15-1.18:  scav 5 8 KiB work, 1648 KiB total, 91% util (forced)
    private static final Pattern SCAV_OLD = Pattern.compile(
            "scav (?:(\\d+) )?(\\d+) KiB work, (\\d+) KiB total, (\\d+)% util(.*)");
    // 1.21+:      scav 0 KiB work (bg), 0 KiB work (eager), 3024 KiB now, 95% util
    private static final Pattern SCAV_NEW = Pattern.compile(
            "scav (\\d+) KiB work \\(bg\\), (\\d+) KiB work \\(eager\\), (\\d+) KiB now, (\\d+)% util(.*)");

    /** Reads {@code text} (starting at {@code scvg}, {@code forced scvg} or {@code scav}); null when it is none of these. */
    static ScavengerLine parse(String text) {
        Matcher m = RELEASED.matcher(text);
        if (m.lookingAt()) {
            double mb = Double.parseDouble(m.group(3)) / (m.group(4).equals("KB") ? 1024 : 1);
            return new ScavengerLine(Kind.SCVG_RELEASED, seq(m.group(2)), m.group(1) != null, mb,
                    NA, NA, NA, NA, NO_SEQ, NA, NA, NA, NA, NA, false);
        }
        m = STATE.matcher(text);
        if (m.lookingAt()) {
            double unit = m.group(8).equals("KB") ? 1024 : 1;
            // "released" here is the running total returned to the OS, not this pass's release
            return new ScavengerLine(Kind.SCVG_STATE, seq(m.group(2)), m.group(1) != null, NA,
                    num(m.group(3)) / unit, num(m.group(4)) / unit, num(m.group(5)) / unit,
                    num(m.group(7)) / unit, NO_SEQ, NA, NA, NA, num(m.group(6)) / unit * 1024, NA, false);
        }
        m = GC_FORCED.matcher(text);
        if (m.lookingAt()) {
            return new ScavengerLine(Kind.SCVG_GC_FORCED, seq(m.group(2)), false, NA, NA, NA, NA, NA,
                    NO_SEQ, NA, NA, NA, NA, NA, false);
        }
        m = SCAV_NEW.matcher(text);
        if (m.lookingAt()) {
            double bg = num(m.group(1));
            double eager = num(m.group(2));
            String tail = m.group(5);
            return new ScavengerLine(Kind.SCAV, NO_SEQ, forced(tail), NA, NA, NA, NA, NA, NO_SEQ,
                    bg + eager, bg, eager, num(m.group(3)), num(m.group(4)), reset(tail));
        }
        m = SCAV_OLD.matcher(text);
        if (m.lookingAt()) {
            String tail = m.group(5);
            int gen = m.group(1) == null ? NO_SEQ : Integer.parseInt(m.group(1));
            return new ScavengerLine(Kind.SCAV, NO_SEQ, forced(tail), NA, NA, NA, NA, NA, gen,
                    num(m.group(2)), NA, NA, num(m.group(3)), num(m.group(4)), reset(tail));
        }
        return null;
    }

    private static boolean forced(String tail) {
        return tail.toLowerCase(Locale.ROOT).contains("(forced)");
    }

    private static boolean reset(String tail) {
        return tail.contains("[controller reset]");
    }

    private static int seq(String s) {
        if (s == null) return NO_SEQ;
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return NO_SEQ;
        }
    }

    private static double num(String s) {
        return Double.parseDouble(s);
    }
}
