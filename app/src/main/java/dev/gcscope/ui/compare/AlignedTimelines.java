package dev.gcscope.ui.compare;

import dev.gcscope.render.compare.AlignedSeries;
import dev.gcscope.render.compare.AlignedTimelinePlot;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.ui.gctrace.ViewParts;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Timelines tab: pause, live heap and GC CPU of every side stacked over one time axis (time since
 * each side's first cycle), the plots lined up, and one window shown by all three: the wheel zooms
 * around the pointer, a drag pans, a double click shows everything again.
 */
final class AlignedTimelines {
    /** One wheel notch zooms by this factor. */
    private static final double ZOOM_STEP = 1.25;

    /** The window shown, {from, to} in seconds since the first cycle; null shows everything. */
    private final ObjectProperty<double[]> window = new SimpleObjectProperty<>();
    private final ComparisonViewModel vm;
    private double dragStartX = Double.NaN;
    private double[] dragStartWindow;

    private AlignedTimelines(ComparisonViewModel vm) {
        this.vm = vm;
    }

    static Tab tab(ComparisonViewModel vm) {
        AlignedTimelines t = new AlignedTimelines(vm);
        ComparisonChart pause = t.chart("compare-timeline-pause-chart", AlignedTimelinePlot.Figure.PAUSE, false);
        ComparisonChart heap = t.chart("compare-timeline-heap-chart", AlignedTimelinePlot.Figure.HEAP_LIVE, false);
        ComparisonChart cpu = t.chart("compare-timeline-gc-cpu-chart", AlignedTimelinePlot.Figure.GC_CPU, true);
        // the plots start at the widest y labels' edge, so a moment is one pixel column in all three
        for (ComparisonChart c : List.of(pause, heap, cpu)) {
            c.minPlotLeftProperty().bind(javafx.beans.binding.Bindings.max(pause.naturalPlotLeftProperty(),
                    javafx.beans.binding.Bindings.max(heap.naturalPlotLeftProperty(), cpu.naturalPlotLeftProperty())));
        }
        Label about = ViewParts.note();
        about.setText("Each side's pauses, live heap and Go's GC CPU share, over time since its own first cycle. Wheel: zoom,"
                + " drag: pan, double click: everything — in all three at once.");
        VBox box = new VBox(6, pause, heap, cpu, about);
        box.getStyleClass().add("compare-chart-box");
        return ComparisonCharts.tab("Timelines", "compare-timelines", box);
    }

    private ComparisonChart chart(String id, AlignedTimelinePlot.Figure figure, boolean xTitled) {
        ComparisonChart chart = new ComparisonChart("Computing…");
        chart.setId(id);
        chart.setMinHeight(100);
        VBox.setVgrow(chart, Priority.ALWAYS);
        Runnable redraw = () -> {
            List<AlignedSeries> sides = vm.alignedProperty().get();
            if (sides == null) return;
            double[] w = shown(sides);
            chart.placeholderProperty().set(AlignedTimelinePlot.PLACEHOLDER);
            chart.plotProperty().set(s -> new AlignedTimelinePlot(sides, figure, w[0], w[1], xTitled, s));
        };
        vm.alignedProperty().addListener((obs, old, now) -> {
            window.set(null);
            redraw.run();
        });
        window.addListener((obs, old, now) -> redraw.run());
        chart.setOnScroll(e -> chart.plotArea().ifPresent(a -> zoom(a, e.getX(), e.getDeltaY())));
        chart.setOnMousePressed(e -> {
            dragStartX = e.getX();
            dragStartWindow = current();
        });
        chart.setOnMouseDragged(e -> chart.plotArea().ifPresent(a -> pan(a, e.getX())));
        chart.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) window.set(null);
        });
        return chart;
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

    /** The window all three charts show, for tests. */
    ObjectProperty<double[]> windowProperty() {
        return window;
    }
}
