package dev.gcscope.export.report;

import java.util.Objects;

/**
 * How a report was asked for, which it states so a reader can make it again.
 *
 * @param version the gcscope version that writes it
 * @param madeBy the command line or the window action that made it, as a reader would repeat it
 * @param reproduce the command line that makes the same report
 * @param theme its colours on screen
 */
public record ReportRequest(String version, String madeBy, String reproduce, ReportTheme theme) {
    public ReportRequest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(madeBy, "madeBy");
        Objects.requireNonNull(reproduce, "reproduce");
        Objects.requireNonNull(theme, "theme");
    }
}
