package dev.gcscope.export.report;

import dev.gcscope.export.table.TextTable;
import java.util.ArrayList;
import java.util.List;

/** Report tables from rows of cells; a column of numbers only is right-aligned. */
final class Tables {
    private Tables() {}

    static ReportDocument.Table of(String id, String caption, List<String> headers, List<List<Cell>> rows) {
        TextTable text = text(headers, rows);
        List<Boolean> numeric = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) numeric.add(text.numeric(c));
        return new ReportDocument.Table(id, caption, headers, rows, numeric);
    }

    /** The table as plain text, for Markdown and for deciding which columns are numbers. */
    static TextTable text(List<String> headers, List<List<Cell>> rows) {
        return new TextTable(headers, rows.stream().map(r -> r.stream().map(Cell::plain).toList()).toList());
    }

    static TextTable text(ReportDocument.Table t) {
        return text(t.headers(), t.rows());
    }
}
