package dev.gcscope.ui.timeline;


import dev.gcscope.render.timeline.GcTimelines;
import dev.gcscope.render.timeline.TimelineCycles;
import dev.gcscope.render.timeline.TimelineSeries;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.view.LazyTraceView;
import dev.gcscope.ui.view.TraceView;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

/** The pause, heap and GC CPU timelines of a gctrace document, sharing one set of columns. */
public final class TimelineViews {
    private TimelineViews() {}

    public static List<TraceView> create(GcTraceModel model) {
        TimelineCycles cycles = model.data().timelineCycles();
        return List.of(pause(model, cycles), heap(model, cycles), gcCpu(model, cycles));
    }

    /** The same three, each built when first shown; the columns they share are read by the first. */
    public static List<TraceView> lazy(GcTraceModel model) {
        SharedCycles cycles = new SharedCycles(model);
        return List.of(new LazyTraceView("pause-timeline", "Pause timeline", () -> pause(model, cycles.get())),
                new LazyTraceView("heap-timeline", "Heap timeline", () -> heap(model, cycles.get())),
                new LazyTraceView("gc-cpu-timeline", "GC CPU", () -> gcCpu(model, cycles.get())));
    }

    /** The timelines' columns, read once on the UI thread when the first timeline is built. */
    private static final class SharedCycles {
        private final GcTraceModel model;
        private TimelineCycles cycles;

        SharedCycles(GcTraceModel model) {
            this.model = model;
        }

        TimelineCycles get() {
            if (cycles == null) cycles = model.data().timelineCycles();
            return cycles;
        }
    }

    // ------------------------------------------------------------------ pause

    /** The pause timeline chart alone (the frame benchmark draws it without a view). */
    public static StackedTimelineChart pauseChart(TimelineCycles cycles) {
        StackedTimelineChart chart = new StackedTimelineChart(GcTimelines.pause(cycles), "STW total");
        chart.getStyleClass().add("pause-timeline");
        chart.setId("pause-timeline-chart");
        return chart;
    }

    public static TimelineView pause(GcTraceModel model, TimelineCycles cycles) {
        StackedTimelineChart chart = pauseChart(cycles);
        List<Node> legend = new ArrayList<>();
        List<TimelineSeries> parts = chart.parts();
        for (int k = 0; k < parts.size(); k++) {
            Rectangle swatch = swatch("legend-phase");
            swatch.setOpacity(new double[] {1, 0.55, 0.3, 0.18}[Math.min(k, 3)]);
            legend.add(item(parts.get(k).label(), swatch));
        }
        Polygon diamond = new Polygon(5, 0, 10, 5, 5, 10, 0, 5);
        diamond.getStyleClass().add("legend-forced");
        legend.add(item("forced", diamond));
        for (int r = 0; r < cycles.regimeCount(); r++) {
            Label regime = item("regime " + r, swatch("legend-regime-" + (r % 8)));
            regime.getStyleClass().add("legend-regime");
            regime.setId("legend-regime-" + r);
            int id = r;
            regime.setOnMouseClicked(e -> model.highlightedRegimeProperty()
                    .set(model.highlightedRegimeProperty().get() == id ? -1 : id));
            regime.setTooltip(new javafx.scene.control.Tooltip(cycles.regimeLabel(r) + "\nclick to highlight its cycles"));
            model.highlightedRegimeProperty().addListener((obs, old, now) ->
                    regime.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), now.intValue() == id));
            legend.add(regime);
        }
        return new TimelineView("Pause timeline", "pause-timeline", model, legend, List.of(chart));
    }

    // ------------------------------------------------------------------ heap

    public static LineTimelineChart heapChart(TimelineCycles cycles) {
        LineTimelineChart chart = new LineTimelineChart(GcTimelines.heap(cycles));
        chart.getStyleClass().add("heap-timeline");
        chart.setId("heap-timeline-chart");
        return chart;
    }

    static TimelineView heap(GcTraceModel model, TimelineCycles cycles) {
        LineTimelineChart chart = heapChart(cycles);
        List<Node> legend = new ArrayList<>(lineLegend(chart, "legend-heap-"));
        legend.add(highlightItem(model, cycles));
        return new TimelineView("Heap timeline", "heap-timeline", model, legend, List.of(chart));
    }

    // ------------------------------------------------------------------ GC CPU

    public static StackedTimelineChart cpuChart(TimelineCycles cycles) {
        StackedTimelineChart chart = new StackedTimelineChart(GcTimelines.cpu(cycles), "mark CPU");
        chart.getStyleClass().add("cpu-timeline");
        chart.setId("cpu-timeline-chart");
        return chart;
    }

    public static LineTimelineChart cpuShareChart(TimelineCycles cycles) {
        LineTimelineChart chart = new LineTimelineChart(GcTimelines.cpuShare(cycles));
        chart.getStyleClass().add("cpu-share-timeline");
        chart.setId("cpu-share-timeline-chart");
        chart.setPrefHeight(170);
        // under the mark CPU chart, whose x axis is titled already
        chart.setXTitleShown(false);
        return chart;
    }

    static TimelineView gcCpu(GcTraceModel model, TimelineCycles cycles) {
        StackedTimelineChart cpu = cpuChart(cycles);
        LineTimelineChart share = cpuShareChart(cycles);
        List<Node> legend = new ArrayList<>();
        for (TimelineSeries p : cpu.parts()) legend.add(item(p.label() + " (ms)", swatch("legend-cpu-" + p.colour())));
        legend.addAll(lineLegend(share, "legend-cpu-share-"));
        legend.add(highlightItem(model, cycles));
        return new TimelineView("GC CPU", "gc-cpu-timeline", model, legend, List.of(cpu, share));
    }

    // ------------------------------------------------------------------ legend

    private static List<Node> lineLegend(LineTimelineChart chart, String classPrefix) {
        List<Node> legend = new ArrayList<>();
        for (TimelineSeries s : chart.series()) {
            Line line = new Line(0, 5, 16, 5);
            line.getStyleClass().addAll("legend-line", classPrefix + s.colour());
            if (s.dashed()) line.getStrokeDashArray().setAll(4.0, 3.0);
            legend.add(item(s.label(), line));
        }
        return legend;
    }

    /**
     * The legend item of the band behind the highlighted regime's cycles, on timelines not coloured
     * by regime: shown while a regime is highlighted, and a click clears the highlight.
     */
    private static Label highlightItem(GcTraceModel model, TimelineCycles cycles) {
        Label item = item("", null);
        item.getStyleClass().addAll("legend-regime", "legend-highlight");
        item.setTooltip(new javafx.scene.control.Tooltip("cycles of the highlighted regime (click to clear)"));
        item.setOnMouseClicked(e -> model.highlightedRegimeProperty().set(-1));
        Runnable update = () -> {
            int r = model.highlightedRegimeProperty().get();
            // kept in the layout while hidden, so that highlighting never moves the charts
            item.setVisible(r >= 0);
            if (r < 0) return;
            Rectangle band = swatch("legend-regime-" + (r % 8));
            band.getStyleClass().add("legend-band");
            String label = cycles.regimeLabel(r);
            item.setGraphic(band);
            item.setText("regime " + r + (label.isEmpty() ? "" : " (" + label + ")"));
        };
        model.highlightedRegimeProperty().addListener((obs, old, now) -> update.run());
        update.run();
        return item;
    }

    private static Rectangle swatch(String styleClass) {
        Rectangle r = new Rectangle(11, 11);
        r.getStyleClass().addAll("legend-swatch", styleClass);
        return r;
    }

    private static Label item(String text, Node graphic) {
        Label l = new Label(text, graphic);
        l.getStyleClass().add("legend-item");
        return l;
    }
}
