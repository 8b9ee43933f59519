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
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
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

    /**
     * The pause timeline's legend says what is drawn: the regimes' colours (each bar is its cycle's
     * regime, its phases as shades of it, so phase swatches in one colour would describe nothing),
     * cycles in no regime, forced cycles; while dense, the quantile bands instead of the regimes.
     */
    public static TimelineView pause(GcTraceModel model, TimelineCycles cycles) {
        StackedTimelineChart chart = pauseChart(cycles);
        BooleanBinding bars = chart.denseProperty().not();
        List<Node> legend = new ArrayList<>();
        String phases = phaseShades(chart.parts());
        for (int r = 0; r < cycles.regimeCount(); r++) {
            Label regime = item("regime " + r, swatch("legend-regime-" + (r % 8)));
            regime.getStyleClass().add("legend-regime");
            regime.setId("legend-regime-" + r);
            int id = r;
            regime.setOnMouseClicked(e -> model.highlightedRegimeProperty()
                    .set(model.highlightedRegimeProperty().get() == id ? -1 : id));
            regime.setTooltip(new javafx.scene.control.Tooltip(cycles.regimeLabel(r) + phases
                    + "\nclick to highlight its cycles"));
            model.highlightedRegimeProperty().addListener((obs, old, now) ->
                    regime.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), now.intValue() == id));
            legend.add(shownWhen(regime, bars));
        }
        if (hasUnassigned(cycles)) {
            Label none = item("no regime", swatch("legend-unassigned"));
            none.setId("legend-unassigned");
            none.setTooltip(new javafx.scene.control.Tooltip("forced cycles and cycles the clustering left out" + phases));
            legend.add(shownWhen(none, bars));
        }
        Polygon diamond = new Polygon(5, 0, 10, 5, 5, 10, 0, 5);
        diamond.getStyleClass().add("legend-forced");
        legend.add(shownWhen(item("forced", diamond), bars));
        legend.addAll(densityLegend(chart));
        legend.add(highlightItem(model, cycles, chart.denseProperty()));
        return new TimelineView("Pause timeline", "pause-timeline", model, legend, List.of(chart));
    }

    /** How the phases show in a regime's colour, for its tooltip ("" for a single phase). */
    private static String phaseShades(List<TimelineSeries> parts) {
        if (parts.size() < 2) return "";
        StringBuilder b = new StringBuilder("\nin each bar, from the bottom: ");
        String[] shade = {"full colour", "lighter", "lighter still", "palest"};
        for (int k = 0; k < parts.size(); k++) {
            if (k > 0) b.append(", ");
            b.append(parts.get(k).label()).append(" (").append(shade[Math.min(k, shade.length - 1)]).append(')');
        }
        return b.toString();
    }

    private static boolean hasUnassigned(TimelineCycles cycles) {
        for (int r : cycles.regimeOfRow()) {
            if (r < 0) return true;
        }
        return false;
    }

    /** The legend of a dense pause timeline: the quantile bands per pixel column, the median line, forced ticks. */
    private static List<Node> densityLegend(StackedTimelineChart chart) {
        List<Node> items = new ArrayList<>();
        Line median = new Line(0, 5, 16, 5);
        median.getStyleClass().addAll("legend-line", "legend-density-median");
        items.add(item("median", median));
        String[] bands = {"≤ P90", "≤ P99", "≤ max"};
        // what each band looks like where it shows: the bands overlap from the bottom (QuantileBands)
        double[] opacity = {1 - 0.8 * 0.7 * 0.65, 1 - 0.8 * 0.7, 0.2};
        for (int k = 0; k < bands.length; k++) {
            Rectangle band = swatch("legend-density");
            band.setOpacity(opacity[k]);
            items.add(item(bands[k], band));
        }
        Rectangle tick = new Rectangle(2, 8);
        tick.getStyleClass().add("legend-forced-tick");
        items.add(item("forced", tick));
        Tooltip tip = new Tooltip("more cycles than pixels: per pixel column, the pauses of its cycles"
                + "\nup to their median, P90, P99 and maximum; a tick on top where a column has forced cycles");
        List<Node> out = new ArrayList<>();
        for (Node n : items) {
            ((Label) n).setTooltip(tip);
            out.add(shownWhen(n, chart.denseProperty()));
        }
        items.get(0).setId("legend-density-median");
        return out;
    }

    /** {@code node}, shown (and taking room) only while {@code when} holds. */
    private static Node shownWhen(Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
        return node;
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
        legend.add(highlightItem(model, cycles, null));
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
        legend.add(highlightItem(model, cycles, null));
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
    private static Label highlightItem(GcTraceModel model, TimelineCycles cycles,
                                       javafx.beans.value.ObservableBooleanValue onlyWhen) {
        Label item = item("", null);
        item.getStyleClass().addAll("legend-regime", "legend-highlight");
        item.setMinWidth(60);
        item.setTooltip(new javafx.scene.control.Tooltip("cycles of the highlighted regime (click to clear)"));
        item.setOnMouseClicked(e -> model.highlightedRegimeProperty().set(-1));
        Runnable update = () -> {
            int r = model.highlightedRegimeProperty().get();
            // kept in the layout while hidden, so that highlighting never moves the charts
            item.setVisible(r >= 0 && (onlyWhen == null || onlyWhen.get()));
            if (onlyWhen != null) item.setManaged(onlyWhen.get());
            if (r < 0) return;
            Rectangle band = swatch("legend-regime-" + (r % 8));
            band.getStyleClass().add("legend-band");
            String label = cycles.regimeLabel(r);
            item.setGraphic(band);
            item.setText("regime " + r + (label.isEmpty() ? "" : " (" + label + ")"));
        };
        model.highlightedRegimeProperty().addListener((obs, old, now) -> update.run());
        if (onlyWhen != null) onlyWhen.addListener((obs, old, now) -> update.run());
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
