package dev.gcscope.export.report;

import java.util.Locale;

/** {@code --theme light|dark}: the report's colours on screen (print is always light). */
public enum ReportTheme {
    LIGHT, DARK;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
