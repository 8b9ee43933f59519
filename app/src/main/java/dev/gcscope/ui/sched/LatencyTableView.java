package dev.gcscope.ui.sched;

import dev.gcscope.analysis.sched.LatencyGroups;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.perfsched.LatencyColumns;
import dev.gcscope.ui.table.TableActions;
import dev.gcscope.ui.view.TraceView;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.css.PseudoClass;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.table.TableFilter;

/**
 * The {@code perf sched latency} table: every task row, sortable, filterable per column with
 * ControlsFX's {@link TableFilter} (click a header's filter), and, with "Group by program", the rows of
 * one comm under one parent row (a Go program's threads all carry its name) with summed runtime and
 * switches and the worst maximum delay. The rows are already parsed; building them is O(rows).
 */
public final class LatencyTableView implements TraceView, dev.gcscope.ui.view.LiveFigures {
    public static final String ID = "sched-latency-table";
    /** Rows of the chosen program's tasks in the flat table (sched-views.css). */
    private static final PseudoClass PROGRAM = PseudoClass.getPseudoClass("program");

    /** One line of the grouped tree: a group's totals or one of its rows. */
    public record Item(String task, int threads, double runtimeMs, long switches, double avgDelayMs, double maxDelayMs,
                       double maxDelayEndS, boolean group) {
        static Item of(LatencyGroups.Row r) {
            return new Item(r.task(), r.threads(), r.runtimeMs(), r.switches(), r.avgDelayMs(), r.maxDelayMs(), r.maxDelayEndS(), false);
        }

        static Item of(LatencyGroups.Group g) {
            String name = g.rows().size() == 1 ? g.rows().get(0).task() : g.comm() + "  (" + g.rows().size() + " rows)";
            return new Item(name, g.threads(), g.runtimeMs(), g.switches(), g.avgDelayMs(), g.maxDelayMs(),
                    g.worst() == null ? Double.NaN : g.worst().maxDelayEndS(), true);
        }
    }

    private final VBox root = new VBox();
    private final TableView<LatencyGroups.Row> table = new TableView<>();
    private final TreeTableView<Item> tree = new TreeTableView<>();
    private final ToggleButton grouped = new ToggleButton("Group by program");
    private final TableFilter<LatencyGroups.Row> filter;
    private final List<LatencyGroups.Group> groups;
    private final java.util.Map<String, TreeItem<Item>> groupItems = new java.util.HashMap<>();
    private final ProgramBar programBar = new ProgramBar("latency");
    private final javafx.scene.control.ComboBox<String> program = programBar.choice();
    private final Label programFigures = programBar.figures();
    /** The document summary's "Worst delay (program)" for the program chosen. */
    private final javafx.beans.property.ReadOnlyStringWrapper programFigure = new javafx.beans.property.ReadOnlyStringWrapper(this, "programFigure", "");

    public LatencyTableView(ParseResult result) {
        List<LatencyGroups.Row> rows = LatencyGroups.rows(result.table(LatencyColumns.TASKS_TABLE));
        groups = LatencyGroups.of(rows);
        root.getStyleClass().addAll("sched-view", "latency-table-view");
        root.setId(ID);

        table.setId("latency-rows");
        table.getColumns().addAll(List.of(
                Cells.text("Task", LatencyGroups.Row::task),
                Cells.text("Comm", LatencyGroups.Row::comm),
                Cells.number("Threads", LatencyGroups.Row::threads, String::valueOf),
                Cells.number("Runtime (ms)", LatencyGroups.Row::runtimeMs, Cells::ms),
                Cells.number("Switches", LatencyGroups.Row::switches, Cells::count),
                Cells.number("Avg delay (ms)", LatencyGroups.Row::avgDelayMs, Cells::ms),
                Cells.number("Max delay (ms)", LatencyGroups.Row::maxDelayMs, Cells::ms),
                Cells.number("Max delay end (s)", LatencyGroups.Row::maxDelayEndS, v -> Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v))));
        // Two-line headers, the unit under the figure, so a sort arrow never cuts one at 1024 px ("Runtime (…").
        shortHeaders(table.getColumns());
        table.setItems(FXCollections.observableArrayList(rows));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No task rows in this file"));
        // The chosen program's rows stand out (bold, marked) as in the timehist per-task table, whatever the sort or filter.
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LatencyGroups.Row item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(PROGRAM, !empty && item != null && item.comm().equals(program.getValue()));
            }
        });
        filter = TableFilter.forTableView(table).lazy(true).apply();
        TableActions.install(table, "perf sched latency");

        tree.setId("latency-groups");
        tree.getColumns().addAll(List.of(
                Cells.treeText("Program / task", Item::task),
                Cells.treeNumber("Threads", Item::threads, String::valueOf),
                Cells.treeNumber("Runtime (ms)", Item::runtimeMs, Cells::ms),
                Cells.treeNumber("Switches", Item::switches, Cells::count),
                Cells.treeNumber("Avg delay (ms)", Item::avgDelayMs, Cells::ms),
                Cells.treeNumber("Max delay (ms)", Item::maxDelayMs, Cells::ms)));
        shortHeaders(tree.getColumns());
        TreeItem<Item> top = new TreeItem<>();
        for (LatencyGroups.Group g : groups) {
            TreeItem<Item> parent = new TreeItem<>(Item.of(g));
            if (g.rows().size() > 1) for (LatencyGroups.Row r : g.rows()) parent.getChildren().add(new TreeItem<>(Item.of(r)));
            top.getChildren().add(parent);
            groupItems.put(g.comm(), parent);
        }
        tree.setRoot(top);
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        tree.setPlaceholder(new Label("No task rows in this file"));
        tree.getColumns().get(0).setPrefWidth(300);
        TableActions.install(tree, "perf sched latency by program");

        grouped.setId("group-by-program");
        grouped.getStyleClass().add("group-toggle");
        boolean anyGroup = groups.stream().anyMatch(g -> g.rows().size() > 1);
        grouped.setSelected(anyGroup);
        table.visibleProperty().bind(grouped.selectedProperty().not());
        tree.visibleProperty().bind(grouped.selectedProperty());

        Label summary = new Label(String.format(Locale.ROOT, "%d task rows, %d programs", rows.size(), groups.size()));
        summary.getStyleClass().add("hint");
        Label hint = new Label("Click a column header to sort; its filter icon to filter (flat view).");
        hint.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(grouped, summary, spacer, hint);
        header.getStyleClass().add("sched-header");
        StackPane tables = new StackPane(table, tree);
        VBox.setVgrow(tables, Priority.ALWAYS);
        root.getChildren().addAll(header, programBar(), tables);
    }

    /**
     * The user's own program, singled out from whatever else ran on the machine: guessed as the one
     * that ran longest ({@link LatencyGroups#likelyProgram}), and pickable. Its figures are spelled out, and its rows opened and
     * selected in the grouped table.
     */
    private Node programBar() {
        program.getItems().setAll(groups.stream().sorted(java.util.Comparator.comparingDouble(LatencyGroups.Group::runtimeMs).reversed()
                .thenComparing(LatencyGroups.Group::comm)).map(LatencyGroups.Group::comm).toList());
        program.valueProperty().addListener((o, old, comm) -> showProgram(comm));
        program.valueProperty().addListener((o, old, comm) -> table.refresh());
        programFigure.set(LatencyViews.programFigure(groups, null).value());
        LatencyGroups.likelyProgram(groups).ifPresent(g -> program.setValue(g.comm()));
        return programBar.root();
    }

    private void showProgram(String comm) {
        LatencyGroups.Group g = groups.stream().filter(x -> x.comm().equals(comm)).findFirst().orElse(null);
        programFigure.set(LatencyViews.programFigure(groups, comm).value());
        if (g == null) {
            programFigures.setText("");
            return;
        }
        programFigures.setText(String.format(Locale.ROOT, "%d threads · runtime %s ms · %s switches · avg delay %s ms · worst delay %s ms%s",
                g.threads(), Cells.ms(g.runtimeMs()), Cells.count(g.switches()), Cells.ms(g.avgDelayMs()), Cells.ms(g.maxDelayMs()),
                g.worst() == null || Double.isNaN(g.worst().maxDelayEndS()) ? ""
                        : String.format(Locale.ROOT, " (%s, ending at %.3f s)", g.worst().task(), g.worst().maxDelayEndS())));
        TreeItem<Item> item = groupItems.get(comm);
        if (item == null) return;
        item.setExpanded(true);
        tree.getSelectionModel().select(item);
        int row = tree.getRow(item);
        if (row >= 0) tree.scrollTo(row);
    }

    public TableView<LatencyGroups.Row> table() { return table; }
    public TreeTableView<Item> tree() { return tree; }
    public TableFilter<LatencyGroups.Row> filter() { return filter; }
    public ToggleButton groupToggle() { return grouped; }
    public List<LatencyGroups.Group> groups() { return groups; }
    public javafx.scene.control.ComboBox<String> program() { return program; }
    public Label programFigures() { return programFigures; }

    @SuppressWarnings("unchecked")
    public TableColumn<LatencyGroups.Row, ?> column(String title) {
        return table.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow();
    }

    /** "Worst delay (program)" follows the program chosen here. */
    @Override
    public java.util.Map<String, javafx.beans.value.ObservableValue<String>> liveFigures() {
        return java.util.Map.of(LatencyViews.PROGRAM_DELAY, programFigure.getReadOnlyProperty());
    }

    @Override public String title() { return "Latency table"; }
    @Override public String id() { return ID; }
    @Override public Node root() { return root; }

    /** "Runtime (ms)" shown as "Runtime" over "ms", its meaning in the tooltip; the column keeps its name for copies. */
    private static void shortHeaders(List<? extends javafx.scene.control.TableColumnBase<?, ?>> columns) {
        for (javafx.scene.control.TableColumnBase<?, ?> c : columns) {
            String name = c.getText();
            int unit = name.lastIndexOf(" (");
            if (unit < 0 || !name.endsWith(")")) continue;
            String figure = name.substring(0, unit);
            String u = name.substring(unit + 2, name.length() - 1);
            String word = u.equals("ms") ? "milliseconds" : u.equals("s") ? "seconds" : u;
            dev.gcscope.ui.table.ColumnHeaders.shortHeader(c, figure + "\n" + u, figure + ", " + word);
        }
    }
}
