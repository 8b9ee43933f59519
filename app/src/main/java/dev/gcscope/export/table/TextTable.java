package dev.gcscope.export.table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table as text: headers and rows of cells, as a window table shows them or as a report prints
 * them, and its three text forms — tab-separated values for a spreadsheet paste, a GitHub-flavoured
 * Markdown table for an issue or a wiki, and CSV for a file. Plain Java: the window's tables and the
 * report share it, and it is tested without a toolkit.
 *
 * @param headers one per column
 * @param rows each as long as {@code headers} (shorter rows are padded with empty cells)
 */
public record TextTable(List<String> headers, List<List<String>> rows) {
    /** No columns, no rows. */
    public static final TextTable EMPTY = new TextTable(List.of(), List.of());

    /** A number as the tables print them: {@code 1,234}, {@code -0.5}, {@code 12.5 %}, {@code 3.1×}, {@code 0.22 ms}. */
    private static final Pattern NUMBER = Pattern.compile("([<>≤≥]\\s*)?[-+]?[0-9][0-9,]*(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\s*(%|×|ms|s|MB|µs|ns|B)?");

    public TextTable {
        headers = List.copyOf(headers);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            List<String> r = new ArrayList<>(headers.size());
            for (int c = 0; c < headers.size(); c++) r.add(c < row.size() && row.get(c) != null ? row.get(c) : "");
            copy.add(List.copyOf(r));
        }
        rows = List.copyOf(copy);
    }

    /**
     * Tab-separated values with a header line, one line per row, each line ending in a newline;
     * a tab or line break inside a cell becomes a space (TSV has no quoting a spreadsheet agrees on).
     */
    public String tsv() {
        StringBuilder b = new StringBuilder();
        line(b, headers);
        for (List<String> row : rows) line(b, row);
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) b.append('\t');
            b.append(oneLine(cells.get(c)).replace('\t', ' '));
        }
        b.append('\n');
    }

    /**
     * A GitHub-flavoured Markdown table: columns whose every non-empty cell is a number are
     * right-aligned; {@code |} and a leading or trailing space are escaped or kept, line breaks
     * become spaces; an empty cell stays empty.
     */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append('|');
        for (String h : headers) b.append(' ').append(markdownCell(h)).append(" |");
        b.append("\n|");
        for (int c = 0; c < headers.size(); c++) b.append(numeric(c) ? " ---: |" : " --- |");
        b.append('\n');
        for (List<String> row : rows) {
            b.append('|');
            for (String cell : row) b.append(' ').append(markdownCell(cell)).append(" |");
            b.append('\n');
        }
        return b.toString();
    }

    /** True when column {@code c} holds numbers only (and at least one). */
    public boolean numeric(int c) {
        boolean any = false;
        for (List<String> row : rows) {
            String cell = row.get(c).strip();
            if (cell.isEmpty() || cell.equals("—")) continue;
            if (!NUMBER.matcher(cell).matches()) return false;
            any = true;
        }
        return any;
    }

    /** The cell on one line with {@link #markdownText}'s escapes, so it reads as it was. */
    static String markdownCell(String cell) {
        return markdownText(oneLine(cell).strip());
    }

    /**
     * Text that Markdown shows as it is: a backslash before each character GitHub would read as
     * markup ({@code <idle>} would be a stripped HTML tag, {@code ~650 MB/s, ~30%} a strike-through,
     * a pipe the end of a table cell).
     */
    public static String markdownText(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (MARKUP.indexOf(ch) >= 0) b.append('\\');
            b.append(ch);
        }
        return b.toString();
    }

    private static final String MARKUP = "\\`*_[]<>|~#";

    /**
     * RFC 4180 CSV with a header line and LF line ends (as {@code gcscope export --csv}): a cell
     * holding a comma, a quote or a line break is quoted, its quotes doubled.
     */
    public String csv() {
        StringBuilder b = new StringBuilder();
        csvLine(b, headers);
        for (List<String> row : rows) csvLine(b, row);
        return b.toString();
    }

    private static void csvLine(StringBuilder b, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) b.append(',');
            String s = cells.get(c);
            boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
            if (!quote) {
                b.append(s);
                continue;
            }
            b.append('"').append(s.replace("\"", "\"\"")).append('"');
        }
        b.append('\n');
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
