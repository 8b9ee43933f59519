package dev.gcscope.ui.table;

import dev.gcscope.export.table.TextTable;
import dev.gcscope.format.PlainNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/**
 * A window table as text: its visible columns and its rows in the order and filter on screen. Two
 * forms: as shown (what a copy pastes: {@code 1,234}, {@code 0.220}) and plain (what a CSV file
 * holds: {@code 1234}, {@code 0.22}). A column shows its values through its cell factory, which
 * text cannot reach, so a column that formats its values says how with {@link #shownAs} (and, for
 * the CSV, {@link #plainAs}); a column that says nothing is its values' {@code toString}, numbers
 * plain.
 */
public final class TableText {
    private static final String SHOWN = "gcscope.table.shown";
    private static final String PLAIN = "gcscope.table.plain";
    /** A child row of a tree table is indented by this much per level in the shown form. */
    private static final String INDENT = "  ";

    private TableText() {}

    /** The column shows its value {@code v} as {@code shown.apply(v)} (also in the CSV unless {@link #plainAs} says otherwise). */
    public static <T> void shownAs(TableColumnBase<?, T> column, Function<T, String> shown) {
        column.getProperties().put(SHOWN, shown);
    }

    /** In a CSV file the column's value {@code v} is {@code plain.apply(v)}. */
    public static <T> void plainAs(TableColumnBase<?, T> column, Function<T, String> plain) {
        column.getProperties().put(PLAIN, plain);
    }

    public static <S> TextTable of(TableView<S> table, boolean plain) {
        List<TableColumn<S, ?>> columns = table.getVisibleLeafColumns();
        List<List<String>> rows = new ArrayList<>();
        for (S item : table.getItems()) {
            List<String> row = new ArrayList<>(columns.size());
            for (TableColumn<S, ?> c : columns) row.add(text(c, c.getCellData(item), plain));
            rows.add(row);
        }
        return new TextTable(headers(columns), rows);
    }

    /** The rows a tree table shows (expanded groups with their children, a child's first cell indented). */
    public static <S> TextTable of(TreeTableView<S> tree, boolean plain) {
        List<TreeTableColumn<S, ?>> columns = tree.getVisibleLeafColumns();
        List<List<String>> rows = new ArrayList<>();
        int rootLevel = tree.isShowRoot() ? 0 : 1;
        for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            TreeItem<S> item = tree.getTreeItem(i);
            List<String> row = new ArrayList<>(columns.size());
            for (TreeTableColumn<S, ?> c : columns) row.add(text(c, c.getCellData(item), plain));
            int level = tree.getTreeItemLevel(item) - rootLevel;
            if (!plain && level > 0 && !row.isEmpty()) row.set(0, INDENT.repeat(level) + row.get(0));
            rows.add(row);
        }
        return new TextTable(headers(columns), rows);
    }

    private static List<String> headers(List<? extends TableColumnBase<?, ?>> columns) {
        return columns.stream().map(TableColumnBase::getText).toList();
    }

    @SuppressWarnings("unchecked")
    private static String text(TableColumnBase<?, ?> column, Object value, boolean plain) {
        if (value == null) return "";
        Function<Object, String> shown = (Function<Object, String>) column.getProperties().get(SHOWN);
        Function<Object, String> plainText = (Function<Object, String>) column.getProperties().get(PLAIN);
        if (plain && plainText != null) return plainText.apply(value);
        if (plain && value instanceof Number n) return plainNumber(n);
        if (shown != null) return shown.apply(value);
        return value instanceof Number n ? plainNumber(n) : value.toString();
    }

    /** Integers as they are; NaN and negative "unknown" markers are the formatter's business, not here. */
    private static String plainNumber(Number n) {
        if (n instanceof Integer || n instanceof Long) return n.toString();
        return PlainNumbers.plain(n.doubleValue());
    }
}
