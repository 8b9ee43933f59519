package dev.gcscope.ui.workspace;

import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.summary.Formats;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import tech.tablesaw.api.DateTimeColumn;

/**
 * What the selection bar of a gctrace document says: the range the statistics cover
 * ("12.3 s – 45.6 s · 1,234 of 9,876 cycles", wall-clock times when the trace has them), whether
 * there is anything to reset, and whether statistics are being computed.
 */
public final class SelectionBarViewModel {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private final GcTraceModel model;
    private final DateTimeColumn wall;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final BooleanBinding canReset;

    public SelectionBarViewModel(GcTraceModel model) {
        this.model = model;
        GcTraceData data = model.data();
        this.wall = data.cycles().containsColumn(GcColumns.WALL_TIME) ? data.cycles().dateTimeColumn(GcColumns.WALL_TIME) : null;
        model.selectionProperty().addListener((o, old, now) -> update());
        // the zoom is what "Whole trace" also resets: the bar says so whenever the button can act
        model.viewportProperty().addListener((o, old, now) -> update());
        update();
        canReset = Bindings.createBooleanBinding(() -> model.selectionProperty().get() != null || model.viewportProperty().get() != null,
                model.selectionProperty(), model.viewportProperty());
    }

    /** Clears the selection and the zoom: the statistics are the whole trace's again. */
    public void reset() {
        model.resetSelection();
    }

    private void update() {
        GcTraceData data = model.data();
        TimeRange sel = model.selectionProperty().get();
        int[] rows = data.rowsIn(sel);
        int n = data.size();
        int count = rows[1] - rows[0];
        String range = count == 0 ? (sel == null ? "" : axis(sel.from(), sel.to(), data.layout())) : rowsRange(rows[0], rows[1] - 1, data);
        String cycles = sel == null ? "whole trace · " + Formats.count(n) + (n == 1 ? " cycle" : " cycles")
                : Formats.count(count) + " of " + Formats.count(n) + " cycles";
        TimeRange zoom = model.viewportProperty().get();
        String zoomed = zoom == null ? "" : " · zoomed to " + axis(zoom.from(), zoom.to(), data.layout());
        text.set((range.isEmpty() ? cycles : range + " · " + cycles) + zoomed);
    }

    /** The range from the first to the last row, in wall-clock time when both rows have one. */
    private String rowsRange(int first, int last, GcTraceData data) {
        if (wall != null) {
            LocalDateTime a = wall.get(first), b = wall.get(last);
            if (a != null && b != null) {
                String to = a.toLocalDate().equals(b.toLocalDate()) ? TIME.format(b) : DAY_TIME.format(b);
                return DAY_TIME.format(a) + " – " + to;
            }
        }
        double[] x = data.layout().x();
        return axis(x[first], x[last], data.layout());
    }

    private static String axis(double from, double to, StwSeries layout) {
        if (layout.xKind() == StwSeries.XKind.CYCLE_INDEX) {
            return "cycles " + Formats.count(Math.round(from)) + " – " + Formats.count(Math.round(to));
        }
        return seconds(from) + " – " + seconds(to);
    }

    static String seconds(double s) {
        double a = Math.abs(s);
        String f = a >= 100 ? "%,.0f s" : a >= 10 ? "%.1f s" : "%.2f s";
        return String.format(Locale.ROOT, f, s);
    }

    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }
    /** True when there is a selection or a zoom to reset. */
    public BooleanBinding canResetProperty() { return canReset; }
    public javafx.beans.property.ReadOnlyBooleanProperty computingProperty() { return model.computingProperty(); }
    public ReadOnlyStringProperty errorProperty() { return model.errorProperty(); }
}
