package dev.gcscope.ui.table;

import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.Tooltip;

/**
 * Column headers that hold in a narrow window: the header shows a short form on up to two lines
 * (the figure, then its unit: "STW p50" over "ms") with the full meaning in a tooltip, while the
 * column keeps its name, which is what Copy as TSV and Save as CSV write (those names are in use and
 * kept exactly). A header cut to "STW p…" twice cannot be told from its neighbour (issue 15).
 */
public final class ColumnHeaders {
    /** Style class of a column whose header shows its graphic only (the theme hides the column's name there). */
    public static final String STYLE = "short-header";

    private ColumnHeaders() {}

    /**
     * @param shown what the header shows, lines separated by {@code \n}
     * @param meaning the tooltip: what the figure is and its unit
     */
    public static void shortHeader(TableColumnBase<?, ?> column, String shown, String meaning) {
        Label label = new Label(shown);
        label.getStyleClass().add("short-header-label");
        label.setTooltip(new Tooltip(meaning));
        label.setMinWidth(0);
        column.setGraphic(label);
        if (!column.getStyleClass().contains(STYLE)) column.getStyleClass().add(STYLE);
    }

    /** What the header shows: its short form if it has one, else the column's name. */
    public static String shown(TableColumnBase<?, ?> column) {
        return column.getGraphic() instanceof Label l && column.getStyleClass().contains(STYLE) ? l.getText() : column.getText();
    }

    /** The header's tooltip, or null. */
    public static Tooltip tooltip(TableColumnBase<?, ?> column) {
        return column.getGraphic() instanceof Label l ? l.getTooltip() : null;
    }
}
