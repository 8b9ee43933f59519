package dev.gcscope.ui.sched;

import dev.gcscope.render.chart.BucketHistogramPlot;
import dev.gcscope.analysis.sched.HistogramHistory;
import dev.gcscope.format.MetricsSupport;
import dev.gcscope.ui.chart.BucketHistogramChart;
import dev.gcscope.render.plot.Quantity;
import dev.gcscope.render.sched.MetricsChartData;
import dev.gcscope.ui.view.TraceView;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A runtime/metrics histogram as of one snapshot (the last by default; a slider picks another in a
 * multi-snapshot file): counts since process start per bucket on a log x axis, with its
 * {@code histogram_quantile} P50, P90 and P99 marked.
 */
public final class MetricsHistogramView implements TraceView {
    public static final String ID = "sched-metrics-histogram";

    private final VBox root = new VBox();
    private final ComboBox<HistogramHistory> metric = new ComboBox<>();
    private final Slider snapshot = new Slider();
    private final Label facts = new Label();
    private final BucketHistogramChart chart = new BucketHistogramChart();
    private final CheckBox logCounts = new CheckBox("Log count axis");

    public MetricsHistogramView(List<HistogramHistory> histories) {
        root.setId(ID);
        root.getStyleClass().addAll("sched-view", "metrics-histogram-view");
        metric.setId("histogram-metric");
        metric.setItems(FXCollections.observableArrayList(histories));
        metric.setCellFactory(l -> new NameCell());
        metric.setButtonCell(new NameCell());
        snapshot.setId("histogram-snapshot");
        snapshot.setMajorTickUnit(1);
        snapshot.setMinorTickCount(0);
        snapshot.setSnapToTicks(true);
        snapshot.setBlockIncrement(1);
        HBox.setHgrow(snapshot, Priority.ALWAYS);
        snapshot.setMaxWidth(420);
        facts.setId("histogram-facts");
        facts.getStyleClass().add("hint");
        chart.setId("histogram-chart");
        chart.placeholderProperty().set(histories.isEmpty() ? "No histograms in this file" : "No observations in this snapshot");

        Label snapLabel = new Label("Snapshot");
        logCounts.setId("histogram-log-counts");
        logCounts.setSelected(true);
        chart.logCountsProperty().bind(logCounts.selectedProperty());
        HBox header = new HBox(new Label("Metric"), metric, logCounts, snapLabel, snapshot);
        header.getStyleClass().add("sched-header");
        VBox box = new VBox(chart);
        box.getStyleClass().add("chart-box");
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox.setVgrow(box, Priority.ALWAYS);
        root.getChildren().addAll(header, facts, box);

        metric.valueProperty().addListener((obs, old, now) -> {
            int n = now == null ? 1 : now.snapshots().size();
            snapshot.setMin(1);
            snapshot.setMax(Math.max(1, n));
            snapshot.setValue(n);
            boolean many = n > 1;
            snapshot.setVisible(many);
            snapLabel.setVisible(many);
            show();
        });
        snapshot.valueProperty().addListener((obs, old, now) -> show());
        metric.setValue(SchedViews.preferred(histories));
    }

    private void show() {
        HistogramHistory h = metric.getValue();
        if (h == null || h.isEmpty()) {
            chart.barsProperty().set(BucketHistogramPlot.Bars.empty());
            facts.setText("");
            return;
        }
        int i = (int) Math.round(snapshot.getValue()) - 1;
        HistogramHistory.Snapshot s = h.snapshots().get(Math.max(0, Math.min(h.snapshots().size() - 1, i)));
        BucketHistogramPlot.Bars bars = MetricsChartData.bars(h, s);
        Quantity q = bars.quantity();
        double[] marks = bars.markers();
        chart.barsProperty().set(bars);
        facts.setText(String.format(Locale.ROOT, "snapshot %d of %d%s · %,.0f observations since process start · P50 %s · P90 %s · P99 %s",
                i + 1, h.snapshots().size(), Double.isNaN(s.timeS()) ? "" : String.format(Locale.ROOT, " (t = %.3f s)", s.timeS()),
                s.total(), figure(q, h.name(), marks[0]), figure(q, h.name(), marks[1]), figure(q, h.name(), marks[2])));
    }

    /** As the axis writes it; a Prometheus name ({@code _bytes}, {@code _seconds}) carries its unit in a suffix instead. */
    private static String figure(Quantity q, String name, double v) {
        String unit = MetricsSupport.unitOf(name);
        return q == Quantity.PLAIN && !unit.isEmpty() && !Double.isNaN(v) ? MetricsSupport.value(v, unit) : q.format(v);
    }

    private static final class NameCell extends ListCell<HistogramHistory> {
        @Override
        protected void updateItem(HistogramHistory item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name() + (item.isEmpty() || item.last().total() == 0 ? "  (empty)" : ""));
        }
    }

    public ComboBox<HistogramHistory> metric() { return metric; }
    public Slider snapshot() { return snapshot; }
    public BucketHistogramChart chart() { return chart; }
    public Label facts() { return facts; }

    @Override public String title() { return "Histogram"; }
    @Override public String id() { return ID; }
    @Override public Node root() { return root; }
}
