package dev.gcscope.ui.sched;

import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.cgroup.CpuStatColumns;
import dev.gcscope.ui.table.TableActions;
import dev.gcscope.ui.view.TraceView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** The dumps of a cpu.stat log, one row each, with what each period's counters rose by since the dump before. */
public final class CpuStatTableView implements TraceView {
    public static final String ID = "cpu-stat-table";

    /** One dump; NaN where it lacks a value. */
    public record Row(int sample, double timeS, double periods, double throttledPeriods, double throttledShare, double throttledMs,
                      double usageMs) {}

    private final TableView<Row> table = new TableView<>();

    public CpuStatTableView(ParseResult result) {
        table.setId(ID);
        table.getStyleClass().add("sched-view");
        table.getColumns().addAll(List.of(
                Cells.number("Dump", Row::sample, String::valueOf),
                Cells.number("Time (Unix s)", Row::timeS, v -> Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v)),
                Cells.number("Periods", Row::periods, CpuStatTableView::plain),
                Cells.number("Throttled periods", Row::throttledPeriods, CpuStatTableView::plain),
                Cells.number("Throttled share", Row::throttledShare, v -> Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.0f %%", v * 100)),
                Cells.number("Throttled (ms)", Row::throttledMs, Cells::ms),
                Cells.number("CPU used (ms)", Row::usageMs, Cells::ms)));
        table.setItems(FXCollections.observableArrayList(rows(result.table(CpuStatColumns.TABLE))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No cpu.stat dumps in this file"));
        TableActions.install(table, "cpu.stat");
    }

    static List<Row> rows(Table t) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            out.add(new Row(i + 1, value(t, CpuStatColumns.TIME_S, i), value(t, CpuStatColumns.PERIODS, i),
                    value(t, CpuStatColumns.THROTTLED_PERIODS, i), value(t, CpuStatColumns.THROTTLED_SHARE, i),
                    value(t, CpuStatColumns.THROTTLED_MS, i), value(t, CpuStatColumns.USAGE_MS, i)));
        }
        return out;
    }

    private static double value(Table t, String column, int row) {
        if (!t.columnNames().contains(column)) return Double.NaN;
        NumericColumn<?> c = (NumericColumn<?>) t.column(column);
        return c.isMissing(row) ? Double.NaN : c.getDouble(row);
    }

    private static String plain(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.0f", v);
    }

    @Override
    public String title() {
        return "cpu.stat dumps";
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Node root() {
        return table;
    }
}
