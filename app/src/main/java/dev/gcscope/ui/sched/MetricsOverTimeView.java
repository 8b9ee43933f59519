package dev.gcscope.ui.sched;

import dev.gcscope.render.chart.PercentileLinesPlot;
import dev.gcscope.analysis.sched.HistogramHistory;
import dev.gcscope.ui.chart.BucketHeatmapChart;
import dev.gcscope.ui.chart.HeatScaleLegend;
import dev.gcscope.ui.chart.PercentileLinesChart;
import dev.gcscope.render.sched.MetricsChartData;
import dev.gcscope.ui.view.TraceView;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A runtime/metrics histogram over time, for files with several snapshots: a heatmap of the
 * per-interval histograms (one column per interval, log bucket rows, colour = count) and the
 * intervals' P50, P90 and P99 as lines. An interval that spans a restart counts the new process's
 * whole histogram ({@link HistogramHistory}).
 */
public final class MetricsOverTimeView implements TraceView {
    public static final String ID = "sched-metrics-over-time";

    private final VBox root = new VBox();
    private final ComboBox<HistogramHistory> metric = new ComboBox<>();
    private final BucketHeatmapChart heatmap = new BucketHeatmapChart();
    private final HeatScaleLegend legend = new HeatScaleLegend(heatmap);
    private final PercentileLinesChart percentiles = new PercentileLinesChart();

    public MetricsOverTimeView(List<HistogramHistory> histories) {
        root.setId(ID);
        root.getStyleClass().addAll("sched-view", "metrics-over-time-view");
        List<HistogramHistory> multi = MetricsChartData.withIntervals(histories);
        metric.setId("over-time-metric");
        metric.setItems(FXCollections.observableArrayList(multi));
        metric.setCellFactory(l -> new NameCell());
        metric.setButtonCell(new NameCell());
        heatmap.setId("over-time-heatmap");
        heatmap.placeholderProperty().set("No observations between snapshots");
        percentiles.setId("over-time-percentiles");
        percentiles.placeholderProperty().set("No observations between snapshots");

        HBox header = new HBox(new Label("Metric"), metric, legend);
        header.getStyleClass().add("sched-header");
        VBox heatBox = box(heatmap), lineBox = box(percentiles);
        lineBox.getChildren().add(0, Legends.lines(percentiles, PercentileLinesPlot.Role.P50, PercentileLinesPlot.Role.P90,
                PercentileLinesPlot.Role.P99));
        VBox.setVgrow(heatBox, Priority.ALWAYS);
        VBox.setVgrow(lineBox, Priority.ALWAYS);
        root.getChildren().addAll(header, heatBox, lineBox);
        metric.valueProperty().addListener((obs, old, now) -> show(now));
        metric.setValue(SchedViews.preferred(multi));
    }

    private static VBox box(Node chart) {
        VBox b = new VBox(chart);
        b.getStyleClass().add("chart-box");
        VBox.setVgrow(chart, Priority.ALWAYS);
        return b;
    }

    private void show(HistogramHistory h) {
        heatmap.cellsProperty().set(MetricsChartData.heatmap(h));
        percentiles.dataProperty().set(MetricsChartData.percentiles(h));
    }

    private static final class NameCell extends javafx.scene.control.ListCell<HistogramHistory> {
        @Override
        protected void updateItem(HistogramHistory item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name() + (item.intervals().stream().allMatch(i -> i.total() == 0) ? "  (no change)" : ""));
        }
    }

    public ComboBox<HistogramHistory> metric() { return metric; }
    public BucketHeatmapChart heatmap() { return heatmap; }
    public HeatScaleLegend legend() { return legend; }
    public PercentileLinesChart percentiles() { return percentiles; }

    @Override public String title() { return "Over time"; }
    @Override public String id() { return ID; }
    @Override public Node root() { return root; }
}
