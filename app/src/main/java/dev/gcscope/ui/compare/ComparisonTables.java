package dev.gcscope.ui.compare;

import dev.gcscope.analysis.compare.CostRow;
import dev.gcscope.analysis.compare.GcCost;
import dev.gcscope.analysis.compare.RegimeComparison;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.ui.table.ColumnHeaders;
import dev.gcscope.ui.table.TableActions;
import dev.gcscope.ui.table.TableText;
import dev.gcscope.ui.table.WrappedRows;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * The comparison's tables: every GC cost with A, B, B/A and the ratio's 95 % interval (or why it has
 * none), and the regimes found on both sides with their pauses; copyable and savable like every table.
 *
 * <p>Each column is at least as wide as its header, and the "change" column as its longest word
 * ("no clear change"): at 1024 pixels the flexible interval column gives way first, and shows its
 * whole text in a tooltip, rather than the verdict's words being cut.
 */
final class ComparisonTables {
    /** Room around a header's text: the cell's padding and the sort arrow's gap. */
    private static final double HEADER_ROOM = 22;

    private ComparisonTables() {}

    static TableView<CostRow> costs(ComparisonViewModel vm) {
        TableView<CostRow> table = new TableView<>(vm.costs());
        table.setId("compare-costs");
        table.setPlaceholder(new Label("Computing…"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<CostRow, String> cost = textColumn("cost", r -> r.cost().label() + unit(r.cost()));
        cost.setPrefWidth(200);
        cost.setMinWidth(150);
        table.getColumns().add(cost);
        table.getColumns().add(numberColumn("A", CostRow::a));
        table.getColumns().add(numberColumn("B", CostRow::b));
        table.getColumns().add(numberColumn("B/A", CostRow::ratio));
        TableColumn<CostRow, String> interval = textColumn("B/A 95 % interval", ComparisonTables::interval);
        interval.setPrefWidth(330);
        interval.setCellFactory(c -> tooltipCell());
        table.getColumns().add(interval);
        TableColumn<CostRow, String> change = textColumn("change", r -> r.change().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        change.setMinWidth(Math.max(headerWidth("change"), textWidth("no clear change") + HEADER_ROOM));
        table.getColumns().add(change);
        TableActions.install(table, "comparison");
        return table;
    }

    static TableView<RegimeComparison> regimes(ComparisonViewModel vm) {
        TableView<RegimeComparison> table = new TableView<>(vm.regimes());
        table.setId("compare-regimes");

        table.setPlaceholder(new Label("No regime found in both"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RegimeComparison, String> name = textColumn("regime", RegimeComparison::name);
        name.setPrefWidth(170);
        // "moderate-allocation" whole at 1024 pixels: the sentence column gives way, with its tooltip
        name.setMinWidth(textWidth("moderate-allocation") + HEADER_ROOM);
        name.setCellFactory(c -> {
            TableCell<RegimeComparison, String> cell = tooltipCell();
            cell.setWrapText(true);
            return cell;
        });
        table.getColumns().add(name);
        // Figures narrow, with two-line headers (the unit on the second line, the meaning in the tooltip; the
        // columns keep their names for the copies), so that the sentence keeps room to wrap at 1024 pixels
        table.getColumns().add(shortNumber(numberColumn("A cycles", r -> (double) r.a().cycles()), "A\ncycles", "Cycles of the regime on side A"));
        table.getColumns().add(shortNumber(numberColumn("B cycles", r -> (double) r.b().cycles()), "B\ncycles", "Cycles of the regime on side B"));
        table.getColumns().add(shortNumber(numberColumn("A stw p50 (ms)", r -> r.a().stwP50Ms()), "A p50\nms",
                "Median stop-the-world pause of the regime's cycles on side A, milliseconds"));
        table.getColumns().add(shortNumber(numberColumn("B stw p50 (ms)", r -> r.b().stwP50Ms()), "B p50\nms",
                "Median stop-the-world pause of the regime's cycles on side B, milliseconds"));
        table.getColumns().add(shortNumber(numberColumn("A stw p99 (ms)", r -> r.a().stwP99Ms()), "A p99\nms",
                "99th-percentile stop-the-world pause of the regime's cycles on side A, milliseconds"));
        table.getColumns().add(shortNumber(numberColumn("B stw p99 (ms)", r -> r.b().stwP99Ms()), "B p99\nms",
                "99th-percentile stop-the-world pause of the regime's cycles on side B, milliseconds"));
        table.getColumns().add(shortNumber(numberColumn("p (Holm)", RegimeComparison::adjustedP), "p\nHolm",
                "Holm-adjusted p-value of the regime's pauses differing between the sides"));
        TableColumn<RegimeComparison, String> sentence = textColumn("what changed", RegimeComparison::sentence);
        sentence.setPrefWidth(420);
        // the sentence wraps (rows grow to its lines) rather than being cut to a word
        sentence.setMinWidth(WHAT_CHANGED_MIN);
        sentence.setCellFactory(c -> {
            TableCell<RegimeComparison, String> cell = tooltipCell();
            cell.setWrapText(true);
            return cell;
        });
        table.getColumns().add(sentence);
        WrappedRows.install(table, ROW_HEIGHT, new WrappedRows.Wrapped<>(name, RegimeComparison::name),
                new WrappedRows.Wrapped<>(sentence, RegimeComparison::sentence));
        TableActions.install(table, "regimes compared");
        return table;
    }

    /** The regimes' sentence column never narrower than this: three or four words a line. */
    private static final double WHAT_CHANGED_MIN = 230;
    /** A one-line row of the regimes table, as the summary's regimes table. */
    private static final double ROW_HEIGHT = 26;
    /** Room for a two-line short header's longer line. */
    private static final double SHORT_HEADER_ROOM = 16;

    /** The column shows {@code shown} (two lines) as its header and is as narrow as that and its figures allow. */
    private static <S> TableColumn<S, Double> shortNumber(TableColumn<S, Double> c, String shown, String meaning) {
        ColumnHeaders.shortHeader(c, shown, meaning);
        double header = 0;
        for (String line : shown.split("\n")) header = Math.max(header, textWidth(line));
        double w = Math.max(header + SHORT_HEADER_ROOM, 56);
        c.setMinWidth(w);
        c.setPrefWidth(w + 8);
        return c;
    }

    private static String unit(GcCost c) {
        return c.unit().isEmpty() ? "" : " (" + c.unit() + ")";
    }

    /** "0.81 – 1.20"; an end the pauses are too few for is open; no interval says why. */
    static String interval(CostRow r) {
        if (!r.hasInterval()) return r.whyNoInterval();
        boolean low = Double.isFinite(r.ratioLow()), high = Double.isFinite(r.ratioHigh());
        if (!low && !high) return CostRow.BOTH_ENDS_OPEN;
        if (!high) return "from " + PlainNumbers.rounded(r.ratioLow(), 3);
        if (!low) return "up to " + PlainNumbers.rounded(r.ratioHigh(), 3);
        return PlainNumbers.rounded(r.ratioLow(), 3) + " – " + PlainNumbers.rounded(r.ratioHigh(), 3);
    }

    /** A text cell whose whole text is also its tooltip, for a column that may be narrower than its longest text. */
    private static <S> TableCell<S, String> tooltipCell() {
        return new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                tip.setText(item);
                setTooltip(empty || item == null || item.isEmpty() ? null : tip);
            }
        };
    }

    private static double textWidth(String s) {
        return Math.ceil(new Text(s).getLayoutBounds().getWidth());
    }

    private static double headerWidth(String title) {
        return textWidth(title) + HEADER_ROOM;
    }

    private static <S> TableColumn<S, String> textColumn(String title, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setSortable(false);
        c.setMinWidth(headerWidth(title));
        return c;
    }

    private static <S> TableColumn<S, Double> numberColumn(String title, Function<S, Double> value) {
        TableColumn<S, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setSortable(false);
        // NaN: a ratio of two zeros (Go's rounded GC CPU share of 0 %)
        Function<Double, String> shown = v -> v == null ? "" : PlainNumbers.rounded(v, 3);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : shown.apply(item));
            }
        });
        c.getStyleClass().add("number-column");
        c.setMinWidth(Math.max(headerWidth(title), 64));
        c.setPrefWidth(Math.max(headerWidth(title), 84));
        TableText.shownAs(c, shown);
        TableText.plainAs(c, v -> v == null || Double.isNaN(v) ? "" : PlainNumbers.plain(v));
        return c;
    }
}
