package dev.gcscope.ui.sched;

import dev.gcscope.format.PlainNumbers;
import dev.gcscope.ui.table.TableText;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;

/** Table columns of plain values with numbers right-aligned in {@code Locale.ROOT}. */
final class Cells {
    private Cells() {}

    static String ms(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String count(long v) {
        return v < 0 ? "" : String.format(Locale.ROOT, "%,d", v);
    }

    static <S> TableColumn<S, String> text(String title, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    /** A numeric column: sorts by the number, shows it through {@code format}. */
    static <S, N extends Number & Comparable<N>> TableColumn<S, N> number(String title, Function<S, N> value, Function<N, String> format) {
        TableColumn<S, N> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(N item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        c.getStyleClass().add("number-column");
        TableText.shownAs(c, format);
        TableText.plainAs(c, Cells::plain);
        return c;
    }

    /** A cell's value in a CSV file: numbers plain ({@code 0.22}, {@code 1234}); unknown (NaN, a count of -1) empty. */
    static String plain(Number n) {
        if (n instanceof Integer || n instanceof Long) return n.longValue() < 0 ? "" : n.toString();
        return PlainNumbers.plain(n.doubleValue());
    }

    static <S> TreeTableColumn<S, String> treeText(String title, Function<S, String> value) {
        TreeTableColumn<S, String> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue().getValue())));
        return c;
    }

    static <S, N extends Number & Comparable<N>> TreeTableColumn<S, N> treeNumber(String title, Function<S, N> value,
                                                                                  Function<N, String> format) {
        TreeTableColumn<S, N> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue().getValue())));
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(N item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        c.getStyleClass().add("number-column");
        TableText.shownAs(c, format);
        TableText.plainAs(c, Cells::plain);
        return c;
    }
}
