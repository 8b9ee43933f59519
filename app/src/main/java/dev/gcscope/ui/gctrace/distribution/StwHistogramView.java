package dev.gcscope.ui.gctrace.distribution;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.stats.PauseFits;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.gctrace.ViewParts;
import dev.gcscope.ui.workspace.TraceView;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The STW histogram tab: the chart, a legend with each model's KS p-value (the accepted model in
 * bold), and the fit verdict with its caveats. Follows the model's statistics.
 */
public final class StwHistogramView implements TraceView {
    private final StwHistogramChart chart = new StwHistogramChart();
    private final FlowPane legend = ViewParts.legend();
    private final Label verdict = ViewParts.note();
    private final VBox root;

    public StwHistogramView(GcTraceModel model) {
        chart.setId("stw-histogram-chart");
        legend.setId("stw-histogram-legend");
        verdict.setId("stw-histogram-verdict");
        VBox.setVgrow(chart, Priority.ALWAYS);
        root = ViewParts.chartBox("Stop-the-world pause distribution", legend, chart, verdict);
        root.getStyleClass().add("stw-histogram-view");
        model.statisticsProperty().addListener((obs, old, now) -> show(now));
        show(model.statisticsProperty().get());
    }

    private void show(CycleRangeAnalysis stats) {
        PauseHistogram h = PauseHistogram.of(stats);
        chart.histogramProperty().set(h);
        legend.getChildren().clear();
        if (h.isEmpty()) {
            verdict.setText("");
            return;
        }
        legend.getChildren().add(ViewParts.legendItem(String.format(Locale.ROOT, "pauses (%,d)", h.bins().total()),
                ViewParts.barSwatch("swatch-histogram-bar")));
        for (PauseHistogram.FitCurve f : h.fits()) {
            Label item = ViewParts.legendItem(String.format(Locale.ROOT, "%s (KS p %s)", f.model(), p(f.ksP())),
                    ViewParts.lineSwatch("swatch-fit-" + f.model(), !f.accepted()));
            if (f.accepted()) item.getStyleClass().add("legend-accepted");
            item.setTooltip(new Tooltip(f.parameters()));
            legend.getChildren().add(item);
        }
        StringBuilder text = new StringBuilder(stats.fits().verdict()).append('.');
        if (!h.fits().isEmpty()) {
            text.append(String.format(Locale.ROOT, " KS on at most %,d pauses, parameters fitted to the same data"
                    + " (so p is optimistic); Go prints whole microseconds.", PauseFits.KS_SAMPLE));
        }
        if (h.bins().zeroCount() > 0) {
            text.append(String.format(Locale.ROOT, " %,d pauses of 0 ms are not on the log axis.", h.bins().zeroCount()));
        }
        verdict.setText(text.toString());
    }

    private static String p(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
    }

    public StwHistogramChart chart() {
        return chart;
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
