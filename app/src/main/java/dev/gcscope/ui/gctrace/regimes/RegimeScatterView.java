package dev.gcscope.ui.gctrace.regimes;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.regime.RegimeScatterPoints;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.gctrace.ViewParts;
import dev.gcscope.ui.task.TaskHandle;
import dev.gcscope.ui.task.TaskListener;
import dev.gcscope.ui.view.TraceView;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The regime scatter tab: the chart, and a legend with one entry per regime (its colour, labels and
 * description) that highlights the regime when clicked, as a click on its dots does. The chart's
 * highlight is the model's, so every view emphasises the same regime. The trace's points are
 * computed once in the background, each selection's grid likewise.
 */
public final class RegimeScatterView implements TraceView {
    private final GcTraceModel model;
    private final RegimeScatterChart chart = new RegimeScatterChart();
    private final FlowPane legend = ViewParts.legend();
    private final Label note = ViewParts.note();
    private final VBox root;
    private String instructions = "";
    private RegimeScatterPoints points;
    private TaskHandle pending;
    private long generation;

    public RegimeScatterView(GcTraceModel model) {
        this.model = model;
        chart.setId("regime-scatter-chart");
        legend.setId("regime-legend");
        note.setId("regime-note");
        chart.highlightedRegimeProperty().bindBidirectional(model.highlightedRegimeProperty());
        model.highlightedRegimeProperty().addListener((obs, old, now) -> styleLegend());
        VBox.setVgrow(chart, Priority.ALWAYS);
        root = ViewParts.chartBox("GC regimes: allocation rate against survival", new Label(), chart, legend, note);
        root.getStyleClass().add("regime-scatter-view");
        buildLegend();
        model.statisticsProperty().addListener((obs, old, now) -> rebin(now));
        rebin(model.statisticsProperty().get());
    }

    private void buildLegend() {
        List<Regime> regimes = model.data().analysis().regimes().regimes();
        for (Regime r : regimes) {
            Label item = ViewParts.legendItem(String.format(Locale.ROOT, "%d  %s", r.id(), r.label()),
                    ViewParts.regimeSwatch(r.id()));
            item.setId("regime-legend-" + r.id());
            item.getStyleClass().add("regime-legend-item");
            item.setTooltip(new Tooltip(String.format(Locale.ROOT, "%s%n%,d cycles (%.0f %%); P50 %.3f ms, P99 %.3f ms",
                    r.description(), r.cycles(), 100 * r.shareOfCycles(), r.stwP50Ms(), r.stwP99Ms())));
            item.setOnMouseClicked(e -> {
                int now = model.highlightedRegimeProperty().get();
                model.highlightedRegimeProperty().set(now == r.id() ? -1 : r.id());
            });
            legend.getChildren().add(item);
        }
        legend.getChildren().add(ViewParts.legendItem("forced GC or no regime", ViewParts.regimeSwatch(-1)));
        instructions = regimes.isEmpty() ? "" : "Click a regime's dots, ring or legend entry to highlight it in every view;"
                + " click again or on empty space to clear. Method: " + model.data().analysis().regimes().method() + ".";
        styleLegend();
    }

    private void styleLegend() {
        int hl = model.highlightedRegimeProperty().get();
        for (Node n : legend.getChildren()) {
            n.getStyleClass().removeAll("regime-highlighted", "regime-faded");
            if (hl < 0 || !n.getStyleClass().contains("regime-legend-item")) continue;
            n.getStyleClass().add(n.getId().equals("regime-legend-" + hl) ? "regime-highlighted" : "regime-faded");
        }
        note.setText(instructions);
        Label description = hl < 0 ? null : (Label) legend.lookup("#regime-legend-" + hl);
        if (description != null) {
            Regime r = model.data().analysis().regimes().regimes().get(hl);
            note.setText(String.format(Locale.ROOT, "Regime %d: %s; %,d cycles, P50 %.3f ms, P99 %.3f ms.", r.id(),
                    r.description(), r.cycles(), r.stwP50Ms(), r.stwP99Ms()));
        }
    }

    private void rebin(CycleRangeAnalysis stats) {
        if (stats == null) return;
        if (pending != null) pending.cancel();
        long gen = ++generation;
        GcTraceData data = model.data();
        RegimeScatterPoints known = points;
        int from = stats.fromRow(), to = stats.toRow();
        List<Regime> regimes = data.analysis().regimes().regimes();
        pending = model.runner().submit("regime scatter of " + (to - from) + " cycles", ctx -> {
            RegimeScatterPoints p = known != null ? known : RegimeScatterPoints.of(data.cycles());
            return ScatterData.of(p, data.regimeOfRow(), regimes, from, to);
        }, new TaskListener<>() {
            @Override
            public void succeeded(ScatterData value) {
                if (gen != generation) return;
                points = value.points();
                chart.dataProperty().set(value);
            }

            @Override
            public void failed(Throwable e) {
                if (gen == generation) chart.placeholderProperty().set("Regime scatter failed: " + e.getMessage());
            }

            @Override
            public void cancelled() {}
        });
    }

    public RegimeScatterChart chart() {
        return chart;
    }

    public FlowPane legend() {
        return legend;
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
