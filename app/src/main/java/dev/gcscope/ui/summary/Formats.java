package dev.gcscope.ui.summary;

import dev.gcscope.analysis.stats.PercentileInterval;
import java.util.Locale;

/**
 * How the window writes numbers: {@link Locale#ROOT}, so a figure reads the same on every machine
 * and matches what the CLI prints. A missing value (NaN) is an em dash, never "NaN".
 */
public final class Formats {
    public static final String MISSING = "—";

    private Formats() {}

    /** A count with thousands separators: {@code 12,345}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Milliseconds to the microsecond Go prints them with: {@code 0.124}. */
    public static String ms(double ms) {
        return Double.isNaN(ms) ? MISSING : String.format(Locale.ROOT, "%,.3f", ms);
    }

    /**
     * A 95% interval as the window shows it: {@code 0.139–0.152}; an end the pauses are too few for
     * is open, {@code 0.900 – > max} (or {@code < min – 0.200}); no interval at all (one cycle, a
     * median of five) is empty.
     */
    public static String interval(PercentileInterval.Estimate e) {
        if (!e.hasInterval()) return "";
        if (e.hasLow() && e.hasHigh()) return ms(e.low()) + "–" + ms(e.high());
        return (e.hasLow() ? ms(e.low()) : "< min") + " – " + (e.hasHigh() ? ms(e.high()) : "> max");
    }

    /** Whole megabytes (Go prints heap sizes in whole MB): {@code 489 MB}. */
    public static String mb(double mb) {
        return Double.isNaN(mb) ? MISSING : String.format(Locale.ROOT, "%,.0f MB", mb);
    }

    /** A percentage with one decimal: {@code 4.0 %}. */
    public static String percent(double pct) {
        return Double.isNaN(pct) ? MISSING : String.format(Locale.ROOT, "%.1f %%", pct);
    }

    /** A text that may be empty: the text, or the dash. */
    public static String text(String s) {
        return s == null || s.isBlank() ? MISSING : s;
    }
}
