package dev.gcscope.ui.table;

import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Rows as tall as the longest wrapped text of a few sentence columns needs, one height for all
 * (a table of a handful of rows keeps its fixed cell size, so it can be sized to show them all
 * without a scroll bar). In a wide window a row is one line; at 1024 px the regime's description
 * takes two or three lines instead of being cut to "allocating ~480 MB/s, ~30% of the heap s…".
 * JavaFX wraps a cell's text but does not grow a fixed-size row for it, hence the measuring here.
 */
public final class WrappedRows<S> {
    /** Left and right padding of a table cell in the theme, and a little slack for the grid line. */
    private static final double CELL_PADDING = 2 * 5 + 4;
    /** A cell's top and bottom padding in the theme, and the row's border. */
    private static final double ROW_PADDING = 12;
    /** Beyond this many lines a cell ellipsises (its tooltip has the whole text). */
    public static final int MAX_LINES = 4;

    private final TableView<S> table;
    private final double minHeight;
    private final List<Wrapped<S>> columns;
    private final Text probe = new Text();

    /** A column whose text wraps, and its text for a row. */
    public record Wrapped<S>(TableColumn<S, ?> column, Function<S, String> text) {}

    private WrappedRows(TableView<S> table, double minHeight, List<Wrapped<S>> columns) {
        this.table = table;
        this.minHeight = minHeight;
        this.columns = columns;
    }

    /** Keeps {@code table}'s fixed cell size fitting the wrapped texts of {@code columns}, never under {@code minHeight}. */
    @SafeVarargs
    public static <S> WrappedRows<S> install(TableView<S> table, double minHeight, Wrapped<S>... columns) {
        WrappedRows<S> rows = new WrappedRows<>(table, minHeight, List.of(columns));
        InvalidationListener update = (Observable o) -> rows.update();
        table.getItems().addListener(update);
        table.itemsProperty().addListener(update);
        for (Wrapped<S> w : columns) w.column().widthProperty().addListener(update);
        rows.update();
        return rows;
    }

    /** Lines the longest text of any row needs at the columns' current widths (1 when everything fits), at most {@link #MAX_LINES}. */
    public int lines() {
        double line = lineHeight();
        return (int) Math.min(MAX_LINES, Math.max(1, Math.round(tallest() / line)));
    }

    /** Height of the tallest wrapped text of any row, pixels. */
    private double tallest() {
        probe.setFont(font());
        double most = 0;
        for (S row : table.getItems()) {
            for (Wrapped<S> w : columns) {
                String s = w.text().apply(row);
                double width = w.column().getWidth() - CELL_PADDING;
                if (s == null || s.isEmpty() || width <= 0) continue;
                probe.setText(s);
                probe.setWrappingWidth(width);
                most = Math.max(most, probe.getLayoutBounds().getHeight());
            }
        }
        return most;
    }

    private double lineHeight() {
        probe.setFont(font());
        probe.setText("Xg");
        probe.setWrappingWidth(0);
        return probe.getLayoutBounds().getHeight();
    }

    /** The cells' font as the theme set it; the default font until the table has cells. */
    private Font font() {
        for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
            if (n instanceof javafx.scene.control.Labeled l && l.getFont() != null) return l.getFont();
        }
        return Font.getDefault();
    }

    private void update() {
        double text = Math.min(tallest(), MAX_LINES * lineHeight());
        double size = Math.max(minHeight, Math.ceil(text + ROW_PADDING));
        if (size == table.getFixedCellSize()) return;
        table.setFixedCellSize(size);
        // The widths that change the row height change during a layout pass, which drops a layout
        // request of the table's parents made then: ask again after it, or the box keeps the old height.
        Platform.runLater(() -> {
            for (javafx.scene.Parent p = table; p != null; p = p.getParent()) p.requestLayout();
        });
    }
}
