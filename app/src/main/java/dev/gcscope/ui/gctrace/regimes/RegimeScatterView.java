package dev.gcscope.ui.gctrace.regimes;

import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.gctrace.ViewParts;
import dev.gcscope.ui.view.TraceView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The regime scatter tab: the chart, and a legend with one entry per regime (its colour, labels and
 * description) that highlights the regime when clicked, as a click on its dots does; what they show
 * is its {@link RegimeScatterViewModel}'s.
 */
public final class RegimeScatterView implements TraceView {
    private final RegimeScatterViewModel vm;
    private final RegimeScatterChart chart = new RegimeScatterChart();
    private final FlowPane legend = ViewParts.legend();
    private final Label note = ViewParts.note();
    private final VBox root;

    public RegimeScatterView(GcTraceModel model) {
        this.vm = new RegimeScatterViewModel(model);
        chart.setId("regime-scatter-chart");
        legend.setId("regime-legend");
        note.setId("regime-note");
        chart.highlightedRegimeProperty().bindBidirectional(vm.highlightedRegimeProperty());
        chart.dataProperty().bind(vm.dataProperty());
        vm.failureProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) chart.placeholderProperty().set(now);
        });
        note.textProperty().bind(vm.noteProperty());
        VBox.setVgrow(chart, Priority.ALWAYS);
        root = ViewParts.chartBox("GC regimes: allocation rate against survival", new Label(), chart, legend, note);
        root.getStyleClass().add("regime-scatter-view");
        for (RegimeScatterViewModel.LegendEntry e : vm.legend()) {
            Label item = ViewParts.legendItem(e.text(), ViewParts.regimeSwatch(e.regime()));
            if (e.regime() >= 0) {
                item.setId("regime-legend-" + e.regime());
                item.getStyleClass().add("regime-legend-item");
                item.setTooltip(new Tooltip(e.tooltip()));
                item.setOnMouseClicked(click -> vm.toggleHighlight(e.regime()));
            }
            item.setUserData(e.regime());
            legend.getChildren().add(item);
        }
        vm.highlightedRegimeProperty().addListener((obs, old, now) -> styleLegend());
        styleLegend();
    }

    private void styleLegend() {
        for (Node n : legend.getChildren()) {
            n.getStyleClass().removeAll("regime-highlighted", "regime-faded");
            switch (vm.emphasisOf((Integer) n.getUserData())) {
                case HIGHLIGHTED -> n.getStyleClass().add("regime-highlighted");
                case FADED -> n.getStyleClass().add("regime-faded");
                case NORMAL -> { }
            }
        }
    }

    public RegimeScatterChart chart() {
        return chart;
    }

    public FlowPane legend() {
        return legend;
    }

    public RegimeScatterViewModel viewModel() {
        return vm;
    }

    @Override
    public String title() {
        return "Regimes";
    }

    @Override
    public String id() {
        return "regime-scatter";
    }

    @Override
    public Node root() {
        return root;
    }
}
