package dev.gcscope.export.report;

import java.util.List;

/**
 * One table cell or fact value as runs of text. A run that shows a figure of
 * {@code summary --json} carries the figure's JSON pointer ({@code /stw_ms/p99}), so the HTML
 * marks it ({@code data-key}) and a test or a script can check every figure against the JSON; a
 * run for a figure that is {@code null} there (an open interval end, a missing value) says so.
 */
public record Cell(List<Run> runs) {
    public Cell {
        runs = List.copyOf(runs);
    }

    /**
     * @param key JSON pointer of the figure, or null for plain text
     * @param missing the figure is {@code null} in the JSON; the text says what that means
     * @param exact the figure exactly as the JSON writes it when {@code text} shows it rounded, else null
     */
    public record Run(String text, String key, boolean missing, String exact) {
        public Run(String text, String key, boolean missing) {
            this(text, key, missing, null);
        }

        public static Run text(String text) {
            return new Run(text, null, false);
        }
    }

    public static Cell text(String text) {
        return new Cell(List.of(Run.text(text)));
    }

    public static Cell of(Run... runs) {
        return new Cell(List.of(runs));
    }

    /** The cell as plain text (what Markdown and a copy show). */
    public String plain() {
        StringBuilder b = new StringBuilder();
        for (Run r : runs) b.append(r.text());
        return b.toString();
    }
}
