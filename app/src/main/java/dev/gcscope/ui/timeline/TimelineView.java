package dev.gcscope.ui.timeline;

import dev.gcscope.ui.chart.ScaleControls;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.view.TraceView;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A timeline tab: a legend over one or more timeline charts, each bound to the document's shared
 * viewport, selection and highlighted regime, so zooming or selecting in one moves them all.
 */
public final class TimelineView implements TraceView {
    static final String HINT = "drag: select · wheel: zoom · shift-drag: pan · ←/→ +/− · Home / double-click: all · Esc: clear selection";

    private final String title;
    private final String id;
    private final VBox root;
    private final List<TimelineChart> charts;

    /**
     * @param legend the legend items, left to right
     * @param charts top to bottom; the first takes the room the others leave
     */
    TimelineView(String title, String id, GcTraceModel model, List<Node> legend, List<TimelineChart> charts) {
        this.title = title;
        this.id = id;
        this.charts = List.copyOf(charts);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label(HINT);
        hint.getStyleClass().add("hint");
        hint.setMinWidth(0);
        HBox.setHgrow(hint, Priority.SOMETIMES);
        javafx.scene.layout.FlowPane entries = new javafx.scene.layout.FlowPane();
        HBox header = new LegendRow(entries, hint);
        header.getStyleClass().addAll("chart-header", "timeline-legend");
        // The legend says what the colours mean and must stay whole; the hint gives way first.
        for (Node item : legend) {
            // the highlighted regime's long description may give way (with an ellipsis and its tooltip)
            if (item instanceof javafx.scene.layout.Region r && !r.getStyleClass().contains("legend-highlight")) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        // The entries wrap onto a second row rather than widen the header past the window: six heap
        // series, the time choice and the y scale are wider than the 942 px window of a 1024 screen.
        entries.getStyleClass().add("timeline-legend-entries");
        // The highlighted regime's description stays on the row and gives way with an ellipsis: wrapped,
        // it would change the header's height, and with it the chart's, each time a regime is clicked.
        List<Node> highlight = legend.stream().filter(n -> n.getStyleClass().contains("legend-highlight")).toList();
        entries.getChildren().addAll(legend.stream().filter(n -> !highlight.contains(n)).toList());
        header.getChildren().add(entries);
        header.getChildren().addAll(highlight);
        header.getChildren().add(spacer);
        // how the axes read: what time counts from (all timelines, remembered) and this view's y scale
        Node axis = ScaleControls.timeAxis(charts.get(0).clock().available(), model.chartPreferences().timeAxisProperty());
        if (axis != null) header.getChildren().add(axis);
        Node yScale = ScaleControls.yScale(model.chartPreferences().yScaleProperty(id));
        header.getChildren().add(yScale);
        header.getChildren().add(hint);
        root = new VBox(header);
        root.getStyleClass().addAll("chart-box", "timeline-view");
        root.setId(id);
        for (TimelineChart c : charts) {
            c.timeAxisProperty().bind(model.chartPreferences().timeAxisProperty());
            // the view's y scale is its first chart's (the GC CPU share under it stays a linear percentage)
            if (c == charts.get(0)) c.yScaleProperty().bind(model.chartPreferences().yScaleProperty(id));
            c.viewport().link(model.viewportProperty());
            c.selectionProperty().bindBidirectional(model.selectionProperty());
            c.highlightedRegimeProperty().bind(model.highlightedRegimeProperty());
            VBox.setVgrow(c, c == charts.get(0) ? Priority.ALWAYS : Priority.SOMETIMES);
            root.getChildren().add(c);
        }
        alignPlots(this.charts);
    }

    /**
     * Charts over one time axis start their plots at the same x, whatever their y labels need, so a
     * moment (and the band of a highlighted regime) is at the same pixel column in each.
     */
    private static void alignPlots(List<TimelineChart> charts) {
        if (charts.size() < 2) return;
        Observable[] naturals = charts.stream().map(TimelineChart::naturalPlotLeftProperty)
                .toArray(Observable[]::new);
        DoubleBinding widest = Bindings.createDoubleBinding(
                () -> charts.stream().mapToDouble(c -> c.naturalPlotLeftProperty().get()).max().orElse(0), naturals);
        for (TimelineChart c : charts) c.minPlotLeftProperty().bind(widest);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Node root() {
        return root;
    }

    public List<TimelineChart> charts() {
        return charts;
    }

    /**
     * The header row: the legend entries take the width the other items leave and wrap onto more rows
     * when it is too little; the hint takes what is left after them. HBox alone shrinks every child by
     * the same amount, which collapsed a FlowPane to one entry a row, and the entries' own widths made
     * the row wider than a 1024 px screen's window.
     */
    private static final class LegendRow extends HBox {
        private final javafx.scene.layout.FlowPane entries;
        private final Label hint;

        LegendRow(javafx.scene.layout.FlowPane entries, Label hint) {
            this.entries = entries;
            this.hint = hint;
        }

        @Override
        protected void layoutChildren() {
            // Widths as HBox and FlowPane lay them out (snapped, at least the minimum): summed from the
            // raw preferences, the room came out short and the last entry wrapped onto a row of its own.
            double inner = getWidth() - snappedLeftInset() - snappedRightInset();
            double others = snapSpaceX(getSpacing()) * Math.max(0, getManagedChildren().size() - 1);
            for (Node n : getManagedChildren()) {
                if (n == entries || n == hint) continue;
                // the highlighted regime's description gives way (to its minimum, with an ellipsis);
                // the controls keep their width, and a minimum wins over a preference in HBox
                boolean givesWay = n.getStyleClass().contains("legend-highlight");
                others += snapSizeX(givesWay ? n.minWidth(-1) : Math.max(n.minWidth(-1), n.prefWidth(-1)));
            }
            double insets = entries.snappedLeftInset() + entries.snappedRightInset();
            double oneRow = 0, widest = 0;
            for (Node n : entries.getChildren()) {
                if (!n.isManaged()) continue;
                double w = snapSizeX(n.prefWidth(-1));
                oneRow += w + (oneRow > 0 ? snapSpaceX(entries.getHgap()) : 0);
                widest = Math.max(widest, w);
            }
            double room = Math.max(widest, Math.min(oneRow, inner - others - insets)) + insets;
            if (Math.abs(entries.getPrefWidth() - room) > 0.5) {
                entries.setPrefWrapLength(room - insets);
                entries.setPrefWidth(room);
            }
            // held at the room found, or HBox would shrink the entries with the description that gives way
            entries.setMinWidth(room);
            hint.setPrefWidth(Math.max(0, inner - others - room));
            super.layoutChildren();
        }
    }
}
