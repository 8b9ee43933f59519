package dev.gcscope.ui.gctrace.distribution;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.stats.PauseFits;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.gctrace.ViewParts;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.ui.task.TaskHandle;
import dev.gcscope.ui.task.TaskListener;
import dev.gcscope.ui.view.TraceView;
import tech.tablesaw.api.DoubleColumn;
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
    /** Above this many cycles in the selection, the regime's pauses are counted in the background. */
    static final int SYNCHRONOUS_ROWS = 50_000;

    private final GcTraceModel model;
    private final StwHistogramChart chart = new StwHistogramChart();
    private final FlowPane legend = ViewParts.legend();
    private final Label verdict = ViewParts.note();
    private final VBox root;
    /** The legend item of the highlighted regime's pauses; absent while no regime is highlighted. */
    private final Label regimeItem = new Label();
    private TaskHandle counting;
    private long countGeneration;

    public StwHistogramView(GcTraceModel model) {
        this.model = model;
        regimeItem.setId("stw-histogram-regime");
        regimeItem.getStyleClass().add("legend-item");
        chart.setId("stw-histogram-chart");
        legend.setId("stw-histogram-legend");
        verdict.setId("stw-histogram-verdict");
        VBox.setVgrow(chart, Priority.ALWAYS);
        root = ViewParts.chartBox("Stop-the-world pause distribution", legend, chart, verdict);
        root.getStyleClass().add("stw-histogram-view");
        model.statisticsProperty().addListener((obs, old, now) -> show(now));
        model.highlightedRegimeProperty().addListener((obs, old, now) -> countRegime());
        show(model.statisticsProperty().get());
    }

    /**
     * Counts the highlighted regime's pauses of the selection in the histogram's bins: here when the
     * selection is small, in the background when it is large (the overlay appears when done; a newer
     * selection or highlight cancels the count and drops its result).
     */
    private void countRegime() {
        if (counting != null) counting.cancel();
        counting = null;
        long gen = ++countGeneration;
        showOverlay(null);
        int regime = model.highlightedRegimeProperty().get();
        CycleRangeAnalysis stats = model.statisticsProperty().get();
        PauseHistogram h = chart.histogramProperty().get();
        if (regime < 0 || stats == null || h.isEmpty()) return;
        DoubleColumn stw = model.data().cycles().doubleColumn(GcColumns.STW_MS);
        int[] regimeOfRow = model.data().regimeOfRow();
        if (stats.cycles() <= SYNCHRONOUS_ROWS) {
            showOverlay(RegimePauseCounts.of(stw, regimeOfRow, stats.fromRow(), stats.toRow(), regime, h.bins(), () -> false));
            return;
        }
        counting = model.runner().submit("pauses of regime " + regime + " in " + stats.cycles() + " cycles",
                ctx -> RegimePauseCounts.of(stw, regimeOfRow, stats.fromRow(), stats.toRow(), regime, h.bins(), ctx::isCancelled),
                new TaskListener<>() {
                    @Override
                    public void succeeded(RegimePauseCounts value) {
                        if (gen == countGeneration && chart.histogramProperty().get() == h) showOverlay(value);
                    }

                    @Override
                    public void failed(Throwable e) {
                        // the overlay is an emphasis: without it the histogram is still right
                    }
                });
    }

    private void showOverlay(RegimePauseCounts o) {
        chart.overlayProperty().set(o);
        if (o == null) {
            legend.getChildren().remove(regimeItem);
            return;
        }
        regimeItem.setText(String.format(Locale.ROOT, "regime %d (%,d)", o.regime(), o.total()));
        regimeItem.setGraphic(ViewParts.regimeSwatch(o.regime()));
        if (!legend.getChildren().contains(regimeItem)) legend.getChildren().add(Math.min(1, legend.getChildren().size()), regimeItem);
    }

    private void show(CycleRangeAnalysis stats) {
        PauseHistogram h = PauseHistogram.of(stats);
        chart.histogramProperty().set(h);
        legend.getChildren().clear();
        if (h.isEmpty()) {
            verdict.setText("");
            countRegime();
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
        countRegime();
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
