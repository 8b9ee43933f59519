package dev.gcscope.ui.gctrace.distribution;

import dev.gcscope.render.distribution.RegimePauseCounts;
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
 * The STW histogram tab: the chart, a legend with each model's KS p-value (the accepted model in
 * bold), and the fit verdict with its caveats, as its {@link StwHistogramViewModel} decides them.
 */
public final class StwHistogramView implements TraceView {
    private final StwHistogramViewModel vm;
    private final StwHistogramChart chart = new StwHistogramChart();
    private final FlowPane legend = ViewParts.legend();
    private final Label verdict = ViewParts.note();
    private final VBox root;
    /** The legend item of the highlighted regime's pauses; absent while no regime is highlighted. */
    private final Label regimeItem = new Label();

    public StwHistogramView(GcTraceModel model) {
        this.vm = new StwHistogramViewModel(model);
        regimeItem.setId("stw-histogram-regime");
        regimeItem.getStyleClass().add("legend-item");
        chart.setId("stw-histogram-chart");
        legend.setId("stw-histogram-legend");
        verdict.setId("stw-histogram-verdict");
        VBox.setVgrow(chart, Priority.ALWAYS);
        chart.yScaleProperty().bind(model.chartPreferences().yScaleProperty("stw-histogram"));
        javafx.scene.layout.HBox header = new javafx.scene.layout.HBox(12, legend,
                dev.gcscope.ui.chart.ScaleControls.yScale(model.chartPreferences().yScaleProperty("stw-histogram")));
        javafx.scene.layout.HBox.setHgrow(legend, Priority.ALWAYS);
        header.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        root = ViewParts.chartBox("Stop-the-world pause distribution", header, chart, verdict);
        root.getStyleClass().add("stw-histogram-view");
        chart.histogramProperty().bind(vm.histogramProperty());
        chart.overlayProperty().bind(vm.overlayProperty());
        verdict.textProperty().bind(vm.verdictProperty());
        vm.legendProperty().addListener((obs, old, now) -> showLegend());
        vm.overlayLegendProperty().addListener((obs, old, now) -> showRegimeItem());
        showLegend();
    }

    private void showLegend() {
        legend.getChildren().clear();
        for (StwHistogramViewModel.LegendEntry e : vm.legendProperty().get()) {
            if (e.model() == null) {
                legend.getChildren().add(ViewParts.legendItem(e.text(), ViewParts.barSwatch("swatch-histogram-bar")));
                continue;
            }
            Label item = ViewParts.legendItem(e.text(), ViewParts.lineSwatch("swatch-fit-" + e.model(), !e.accepted()));
            if (e.accepted()) item.getStyleClass().add("legend-accepted");
            item.setTooltip(new Tooltip(e.tooltip()));
            legend.getChildren().add(item);
        }
        showRegimeItem();
    }

    private void showRegimeItem() {
        RegimePauseCounts o = vm.overlayProperty().get();
        if (o == null) {
            legend.getChildren().remove(regimeItem);
            return;
        }
        regimeItem.setText(vm.overlayLegendProperty().get());
        regimeItem.setGraphic(ViewParts.regimeSwatch(o.regime()));
        if (!legend.getChildren().contains(regimeItem)) legend.getChildren().add(Math.min(1, legend.getChildren().size()), regimeItem);
    }

    public StwHistogramChart chart() {
        return chart;
    }

    public StwHistogramViewModel viewModel() {
        return vm;
    }

    @Override
    public String title() {
        return "STW histogram";
    }

    @Override
    public String id() {
        return "stw-histogram";
    }

    @Override
    public Node root() {
        return root;
    }
}
