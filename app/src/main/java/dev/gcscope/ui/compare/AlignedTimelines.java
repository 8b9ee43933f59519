package dev.gcscope.ui.compare;

import dev.gcscope.render.compare.AlignedSeries;
import dev.gcscope.render.compare.AlignedTimelinePlot;
import dev.gcscope.render.compare.SideTimelinePlot;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.YScale;
import dev.gcscope.ui.chart.ScaleControls;
import dev.gcscope.ui.gctrace.ViewParts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Timelines tab: each side's pauses (or live heap, or GC CPU, as chosen) one above the other
 * over the same time axis (time since each side's first cycle) and, per figure, the same value axis,
 * linear or log as the single-file timelines. One window is shown by every row: the wheel zooms around
 * the pointer, Shift-drag (or a middle drag) pans, a double click shows everything. A drag selects a
 * time range on that side alone: every figure of the comparison is computed again for it, and the
 * range is shaded on the side's rows and named beside its label.
 */
final class AlignedTimelines {
    /** One wheel notch zooms by this factor. */
    private static final double ZOOM_STEP = 1.25;
    /** The height of the time axis' title line, added to the lowest row. */
    private static final double X_TITLE_ROOM = 22;
    /** A drag shorter than this many pixels is a click, not a selection. */
    private static final double MIN_DRAG_PX = 3;

    /** The window shown, {from, to} in seconds since the first cycle; null shows everything. */
    private final ObjectProperty<double[]> window = new SimpleObjectProperty<>();
    private final ObjectProperty<YScale> yScale = new SimpleObjectProperty<>(YScale.LINEAR);
    private final ObjectProperty<Set<AlignedTimelinePlot.Figure>> figures =
            new SimpleObjectProperty<>(EnumSet.of(AlignedTimelinePlot.Figure.PAUSE));
    /** A selection being dragged: {side position, from s, to s}; null when none. */
    private final ObjectProperty<double[]> dragging = new SimpleObjectProperty<>();
    private final ComparisonViewModel vm;
    private final VBox rows = new VBox(2);
    private final javafx.scene.control.ToggleGroup figureGroup = new javafx.scene.control.ToggleGroup();
    private final List<ComparisonChart> charts = new ArrayList<>();
    private double dragStartX = Double.NaN;
    private double[] dragStartWindow;
    private boolean panning;

    private AlignedTimelines(ComparisonViewModel vm) {
        this.vm = vm;
    }

    static Tab tab(ComparisonViewModel vm) {
        AlignedTimelines t = new AlignedTimelines(vm);
        FlowPane controls = new FlowPane(12, 4, t.figureBox("pause", AlignedTimelinePlot.Figure.PAUSE),
                t.figureBox("live heap", AlignedTimelinePlot.Figure.HEAP_LIVE), t.figureBox("GC CPU", AlignedTimelinePlot.Figure.GC_CPU),
                ScaleControls.yScale(t.yScale));
        controls.setId("compare-timeline-controls");
        Label about = ViewParts.note();
        about.setText("Each side over time since its own first cycle. Drag: compare only that range of that side (its"
                + " label says which); wheel: zoom, Shift-drag: pan, double click: everything — in every row at once.");
        t.rows.setId("compare-timeline-rows");
        // the rows share the tab's height; more rows than fit (three figures of three sides at 1024 × 700) scroll
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(t.rows);
        scroll.setFitToWidth(true);
        // not fitToHeight, which would squeeze the rows under their minimum (too low for a plot: blank rows);
        // the rows fill the viewport and, when their minimum is more, scroll
        t.rows.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> scroll.getViewportBounds().getHeight(),
                scroll.viewportBoundsProperty()));
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("compare-timeline-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(6, controls, scroll, about);
        box.getStyleClass().add("compare-chart-box");
        vm.alignedProperty().addListener((obs, old, now) -> {
            if (old == null || now == null || old.size() != now.size()) t.window.set(null);
            t.rebuild();
        });
        t.figures.addListener((obs, old, now) -> t.rebuild());
        t.window.addListener((obs, old, now) -> t.redraw());
        t.yScale.addListener((obs, old, now) -> t.redraw());
        t.dragging.addListener((obs, old, now) -> t.redraw());
        vm.rangeTexts().addListener((ListChangeListener<String>) c -> t.redraw());
        t.rebuild();
        return ComparisonCharts.tab("Timelines", "compare-timelines", box);
    }

    /**
     * One figure at a time, a row per side: with more than four rows in the tab (two figures of three
     * sides) the rows were left blank at 1024 × 700 (cause not found), so the figures are a choice.
     */
    private javafx.scene.control.RadioButton figureBox(String text, AlignedTimelinePlot.Figure figure) {
        javafx.scene.control.RadioButton box = new javafx.scene.control.RadioButton(text);
        box.setId("compare-timeline-show-" + figure.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        box.setToggleGroup(figureGroup);
        box.setSelected(figures.get().contains(figure));
        box.selectedProperty().addListener((obs, was, now) -> {
            if (now) figures.set(EnumSet.of(figure));
        });
        return box;
    }

    /** One chart per figure shown and side, figure by figure (so a figure's sides are next to each other). */
    private void rebuild() {
        charts.clear();
        rows.getChildren().clear();
        int sides = vm.labels().size();
        for (AlignedTimelinePlot.Figure f : AlignedTimelinePlot.Figure.values()) {
            if (!figures.get().contains(f)) continue;
            for (int side = 0; side < sides; side++) {
                ComparisonChart c = chart(f, side);
                charts.add(c);
                rows.getChildren().add(c);
            }
        }
        // the lowest row carries the time axis' title under its ticks: the same plot height needs that much more
        if (!charts.isEmpty()) {
            ComparisonChart lowest = charts.get(charts.size() - 1);
            lowest.setMinHeight(lowest.getMinHeight() + X_TITLE_ROOM);
            lowest.setPrefHeight(lowest.getPrefHeight() + X_TITLE_ROOM);
        }
        // the plots start at the widest y labels' edge, so a moment is one pixel column in every row
        // a row too low for a plot has no natural left (NaN): it must not make every row's NaN
        javafx.beans.Observable[] naturals = charts.stream().map(ComparisonChart::naturalPlotLeftProperty).toArray(javafx.beans.Observable[]::new);
        List<ComparisonChart> shown = List.copyOf(charts);
        javafx.beans.binding.DoubleBinding left = Bindings.createDoubleBinding(() -> {
            double m = 0;
            for (ComparisonChart c : shown) {
                double v = c.naturalPlotLeftProperty().get();
                if (!Double.isNaN(v)) m = Math.max(m, v);
            }
            return m;
        }, naturals);
        for (ComparisonChart c : charts) c.minPlotLeftProperty().bind(left);
        redraw();
    }

    private ComparisonChart chart(AlignedTimelinePlot.Figure figure, int side) {
        ComparisonChart chart = new ComparisonChart("Computing…");
        chart.setId("compare-timeline-" + figureId(figure) + "-" + side + "-chart");
        chart.getProperties().put(AlignedTimelinePlot.Figure.class, figure);
        chart.getProperties().put(Integer.class, side);
        // a plot needs this much height under its tick labels; rows that do not fit scroll (below)
        chart.setMinHeight(70);
        chart.setPrefHeight(160);
        VBox.setVgrow(chart, Priority.ALWAYS);
        chart.setOnScroll(e -> chart.plotArea().ifPresent(a -> zoom(a, e.getX(), e.getDeltaY())));
        chart.setOnMousePressed(e -> pressed(e));
        chart.setOnMouseDragged(e -> chart.plotArea().ifPresent(a -> dragged(a, side, e)));
        chart.setOnMouseReleased(e -> chart.plotArea().ifPresent(a -> released(a, side, e)));
        chart.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) window.set(null);
        });
        return chart;
    }

    private static String figureId(AlignedTimelinePlot.Figure f) {
        return switch (f) {
            case PAUSE -> "pause";
            case HEAP_LIVE -> "heap";
            case GC_CPU -> "gc-cpu";
        };
    }

    private void redraw() {
        List<AlignedSeries> sides = vm.alignedProperty().get();
        if (sides == null) return;
        double[] w = shown(sides);
        boolean log = yScale.get() == YScale.LOG;
        ComparisonChart lowest = charts.isEmpty() ? null : charts.get(charts.size() - 1);
        for (ComparisonChart c : charts) {
            AlignedTimelinePlot.Figure f = (AlignedTimelinePlot.Figure) c.getProperties().get(AlignedTimelinePlot.Figure.class);
            int side = (Integer) c.getProperties().get(Integer.class);
            if (side >= sides.size()) continue;
            SideTimelinePlot.Frame frame = SideTimelinePlot.Frame.of(sides, f, w[0], w[1], log, c == lowest);
            double[] sel = selection(side);
            c.placeholderProperty().set(AlignedTimelinePlot.PLACEHOLDER);
            AlignedSeries s = sides.get(side);
            c.plotProperty().set(style -> new SideTimelinePlot(s, side, f, frame, sel[0], sel[1], style));
        }
    }

    /** The side's range being dragged, else its selected range, else {NaN, NaN}. */
    private double[] selection(int side) {
        double[] d = dragging.get();
        if (d != null && (int) d[0] == side) return new double[] {Math.min(d[1], d[2]), Math.max(d[1], d[2])};
        ComparisonViewModel.SideRange r = vm.range(side);
        return r == null ? new double[] {Double.NaN, Double.NaN} : new double[] {r.fromS(), r.toS()};
    }

    private void pressed(MouseEvent e) {
        dragStartX = e.getX();
        dragStartWindow = current();
        panning = e.isShiftDown() || e.getButton() == MouseButton.MIDDLE;
    }

    private void dragged(PlotArea a, int side, MouseEvent e) {
        if (Double.isNaN(dragStartX)) return;
        if (panning) {
            pan(a, e.getX());
            return;
        }
        if (!e.isPrimaryButtonDown() || Math.abs(e.getX() - dragStartX) < MIN_DRAG_PX) return;
        dragging.set(new double[] {side, a.xScale().toValue(clampX(a, dragStartX)), a.xScale().toValue(clampX(a, e.getX()))});
    }

    private void released(PlotArea a, int side, MouseEvent e) {
        double[] d = dragging.get();
        dragStartX = Double.NaN;
        if (d == null) return;
        dragging.set(null);
        vm.selectRange(side, Math.min(d[1], d[2]), Math.max(d[1], d[2]));
    }

    private static double clampX(PlotArea a, double x) {
        return Math.max(a.x(), Math.min(a.right(), x));
    }

    /** The window shown: the one chosen, or every side's whole span. */
    private double[] shown(List<AlignedSeries> sides) {
        if (window.get() != null) return window.get();
        double span = 0;
        for (AlignedSeries s : sides) span = Math.max(span, s.span());
        return new double[] {0, span > 0 ? span : 1};
    }

    private double[] current() {
        List<AlignedSeries> sides = vm.alignedProperty().get();
        return sides == null ? null : shown(sides);
    }

    private void zoom(PlotArea a, double pointerX, double deltaY) {
        double[] w = current();
        if (w == null || deltaY == 0) return;
        double at = a.xScale().toValue(pointerX);
        double factor = deltaY > 0 ? 1 / ZOOM_STEP : ZOOM_STEP;
        double from = at - (at - w[0]) * factor, to = at + (w[1] - at) * factor;
        window.set(clamp(from, to));
    }

    private void pan(PlotArea a, double pointerX) {
        if (dragStartWindow == null || Double.isNaN(dragStartX)) return;
        double shift = (pointerX - dragStartX) / a.xScale().pixelsPerUnit();
        window.set(clamp(dragStartWindow[0] - shift, dragStartWindow[1] - shift));
    }

    /** Keeps a window inside the sides' whole span and wider than a millisecond. */
    private double[] clamp(double from, double to) {
        double span = 0;
        for (AlignedSeries s : vm.alignedProperty().get()) span = Math.max(span, s.span());
        double width = Math.max(1e-3, Math.min(to - from, span));
        from = Math.max(0, Math.min(from, span - width));
        return new double[] {from, from + width};
    }

    /** The window every row shows, for tests. */
    ObjectProperty<double[]> windowProperty() {
        return window;
    }
}
