package dev.gcscope.ui.compare;

import dev.gcscope.analysis.compare.CostRow;
import dev.gcscope.analysis.compare.GcCost;
import dev.gcscope.analysis.compare.RegimeComparison;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.ui.table.TableActions;
import dev.gcscope.ui.table.TableText;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A comparison tab: which file is A and which B, the verdict in words, and every GC cost with A, B,
 * B/A and the ratio's 95 % interval (or why it has none), copyable and savable like every table.
 */
public final class ComparisonView {
    private final VBox root = new VBox();

    public ComparisonView(ComparisonViewModel vm) {
        root.getStyleClass().add("comparison-view");
        root.setId("comparison");
        root.setSpacing(6);
        root.setStyle("-fx-padding: 8;");
        Label sides = new Label(sidesText(vm.labels()));
        sides.setId("compare-sides");
        Label verdict = new Label();
        verdict.setId("compare-verdict");
        verdict.setWrapText(true);
        // a VBox would otherwise squeeze a long verdict to one line ending in "…"
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.getStyleClass().add("compare-verdict");
        verdict.setStyle("-fx-font-weight: bold;");
        verdict.textProperty().bind(vm.verdictProperty());
        TableView<CostRow> table = costsTable(vm);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label regimesTitle = new Label("Regimes found in both, with their own pauses");
        regimesTitle.getStyleClass().add("compare-regimes-title");
        TableView<RegimeComparison> regimes = regimesTable(vm);
        regimes.setPrefHeight(150);
        root.getChildren().addAll(sides, verdict, table, regimesTitle, regimes);
    }

    public Parent root() {
        return root;
    }

    static String sidesText(List<String> labels) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) s.append("     ");
            s.append(i == 0 ? "A" : i == labels.size() - 1 ? "B" : String.valueOf((char) ('A' + Math.min(i, 25))))
                    .append("  ").append(labels.get(i));
        }
        if (labels.size() > 2) s.append("     (the table sets the first against the last)");
        return s.toString();
    }

    private static TableView<CostRow> costsTable(ComparisonViewModel vm) {
        TableView<CostRow> table = new TableView<>(vm.costs());
        table.setId("compare-costs");
        table.setPlaceholder(new Label("Computing…"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<CostRow, String> cost = textColumn("cost", r -> r.cost().label() + unit(r.cost()));
        cost.setPrefWidth(160);
        table.getColumns().add(cost);
        table.getColumns().add(numberColumn("A", CostRow::a));
        table.getColumns().add(numberColumn("B", CostRow::b));
        table.getColumns().add(numberColumn("B/A", CostRow::ratio));
        TableColumn<CostRow, String> interval = textColumn("B/A 95 % interval", ComparisonView::interval);
        // wide enough for why a cost has no interval, which is the reading a user needs most there
        interval.setPrefWidth(420);
        table.getColumns().add(interval);
        table.getColumns().add(textColumn("change", r -> r.change().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        TableActions.install(table, "comparison");
        return table;
    }

    private static TableView<RegimeComparison> regimesTable(ComparisonViewModel vm) {
        TableView<RegimeComparison> table = new TableView<>(vm.regimes());
        table.setId("compare-regimes");
        table.setPlaceholder(new Label("No regime found in both"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RegimeComparison, String> name = textColumn("regime", RegimeComparison::name);
        name.setPrefWidth(160);
        table.getColumns().add(name);
        table.getColumns().add(numberColumn("A cycles", r -> (double) r.a().cycles()));
        table.getColumns().add(numberColumn("B cycles", r -> (double) r.b().cycles()));
        table.getColumns().add(numberColumn("A stw p50 (ms)", r -> r.a().stwP50Ms()));
        table.getColumns().add(numberColumn("B stw p50 (ms)", r -> r.b().stwP50Ms()));
        table.getColumns().add(numberColumn("A stw p99 (ms)", r -> r.a().stwP99Ms()));
        table.getColumns().add(numberColumn("B stw p99 (ms)", r -> r.b().stwP99Ms()));
        table.getColumns().add(numberColumn("p (Holm)", RegimeComparison::adjustedP));
        TableColumn<RegimeComparison, String> sentence = textColumn("what changed", RegimeComparison::sentence);
        sentence.setPrefWidth(420);
        table.getColumns().add(sentence);
        TableActions.install(table, "regimes compared");
        return table;
    }

    private static String unit(GcCost c) {
        return c.unit().isEmpty() ? "" : " (" + c.unit() + ")";
    }

    /** "0.81 – 1.20"; an end the pauses are too few for is open; no interval says why. */
    static String interval(CostRow r) {
        if (!r.hasInterval()) return r.whyNoInterval();
        boolean low = Double.isFinite(r.ratioLow()), high = Double.isFinite(r.ratioHigh());
        if (!low && !high) return "too few pauses for an interval";
        if (!high) return "from " + PlainNumbers.rounded(r.ratioLow(), 3);
        if (!low) return "up to " + PlainNumbers.rounded(r.ratioHigh(), 3);
        return PlainNumbers.rounded(r.ratioLow(), 3) + " – " + PlainNumbers.rounded(r.ratioHigh(), 3);
    }

    private static <S> TableColumn<S, String> textColumn(String title, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setSortable(false);
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
        c.setPrefWidth(90);
        TableText.shownAs(c, shown);
        TableText.plainAs(c, v -> v == null || Double.isNaN(v) ? "" : PlainNumbers.plain(v));
        return c;
    }
}
