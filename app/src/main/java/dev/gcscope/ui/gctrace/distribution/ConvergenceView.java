package dev.gcscope.ui.gctrace.distribution;

import static dev.gcscope.parsers.gctrace.GcColumns.GC;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.stats.Convergence;
import dev.gcscope.analysis.stats.SloStreak;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.gctrace.ViewParts;
import dev.gcscope.ui.view.TraceView;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import tech.tablesaw.api.IntColumn;

/**
 * The convergence tab: can the selection's percentiles be trusted yet? The chart, a legend, an
 * SLO spinner bound to the model's threshold (dragging the line does the same), and the SLO streak
 * and stability in words.
 */
public final class ConvergenceView implements TraceView {
    private static final double SLO_MIN_MS = 0.001, SLO_MAX_MS = 100_000, SLO_STEP_MS = 0.05;

    private final GcTraceModel model;
    private final ConvergenceChart chart = new ConvergenceChart();
    private final Spinner<Double> slo = new Spinner<>();
    /** Kept strongly: a bidirectional binding holds only weak references. */
    private final ObjectProperty<Double> sloValue;
    private final Label streak = ViewParts.note();
    private final Label stability = ViewParts.note();
    /** What the chart covers: all cycles of the selection, and what the dotted lines are when a regime is highlighted. */
    private final Label scope = ViewParts.note();
    private final Label regimeItem = new Label();
    private final FlowPane legend;
    private final VBox root;

    public ConvergenceView(GcTraceModel model) {
        this.model = model;
        chart.setId("convergence-chart");
        streak.setId("slo-streak");
        stability.setId("convergence-stability");
        scope.setId("convergence-scope");
        regimeItem.setId("convergence-regime");
        regimeItem.getStyleClass().add("legend-item");
        slo.setId("slo-spinner");
        slo.setEditable(true);
        slo.setPrefWidth(110);
        SpinnerValueFactory.DoubleSpinnerValueFactory factory =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(SLO_MIN_MS, SLO_MAX_MS, model.sloMsProperty().get(), SLO_STEP_MS);
        factory.setConverter(new javafx.util.converter.DoubleStringConverter() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : String.format(Locale.ROOT, "%.3f", v);
            }
        });
        slo.setValueFactory(factory);
        sloValue = model.sloMsProperty().asObject();
        factory.valueProperty().bindBidirectional(sloValue);
        chart.sloMsProperty().bindBidirectional(model.sloMsProperty());

        Label sloLabel = new Label("SLO (ms)");
        sloLabel.setLabelFor(slo);
        HBox sloBox = new HBox(6, sloLabel, slo);
        sloBox.getStyleClass().add("slo-box");
        legend = ViewParts.legend();
        legend.getChildren().addAll(ViewParts.legendItem("P50", ViewParts.lineSwatch("swatch-p50", false)),
                ViewParts.legendItem("P99", ViewParts.lineSwatch("swatch-p99", false)),
                ViewParts.legendItem("95% interval band", ViewParts.barSwatch("swatch-ci")),
                ViewParts.legendItem("stable from here", ViewParts.lineSwatch("swatch-stable", true)),
                ViewParts.legendItem("SLO", ViewParts.lineSwatch("swatch-slo", false)), sloBox);
        VBox.setVgrow(chart, Priority.ALWAYS);
        root = ViewParts.chartBox("Convergence of the pause percentiles", legend, scope, chart, streak, stability);
        root.getStyleClass().add("convergence-view");

        model.statisticsProperty().addListener((obs, old, now) -> show(now));
        model.highlightedRegimeProperty().addListener((obs, old, now) -> showRegime(model.statisticsProperty().get()));
        show(model.statisticsProperty().get());
    }

    /** The highlighted regime's own percentiles of the selection as reference lines, and the caption saying so. */
    private void showRegime(CycleRangeAnalysis stats) {
        int h = model.highlightedRegimeProperty().get();
        CycleRangeAnalysis.RegimePauses r = null;
        if (stats != null && h >= 0) {
            for (CycleRangeAnalysis.RegimePauses p : stats.regimes()) if (p.regime() == h) r = p;
        }
        chart.regimeReferenceProperty().set(r);
        legend.getChildren().remove(regimeItem);
        if (r != null) {
            Line swatch = ViewParts.lineSwatch("swatch-regime-line-" + r.regime() % ViewParts.REGIME_COLOURS, false);
            swatch.getStyleClass().add("swatch-dotted");
            regimeItem.setGraphic(swatch);
            regimeItem.setText("regime " + r.regime() + " P50 / P99");
            legend.getChildren().add(2, regimeItem);
        }
        scope.setText(scopeText(stats, h, r));
    }

    /** "All 737 cycles of the selection, every regime together. Dotted: regime 2's own P50 and P99 (120 of them)." */
    static String scopeText(CycleRangeAnalysis stats, int highlighted, CycleRangeAnalysis.RegimePauses r) {
        if (stats == null) return "";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "All %,d cycles of the selection, every regime together.", stats.cycles()));
        if (r != null) {
            b.append(String.format(Locale.ROOT, " Dotted: regime %d's own P50 and P99 in the selection (%,d of its cycles).",
                    r.regime(), r.cycles()));
        } else if (highlighted >= 0) {
            b.append(String.format(Locale.ROOT, " Regime %d has no cycles in the selection.", highlighted));
        }
        return b.toString();
    }

    private void show(CycleRangeAnalysis stats) {
        chart.convergenceProperty().set(stats == null ? null : stats.convergence());
        streak.setText(stats == null ? "" : streakText(stats, model.data().cycles().intColumn(GC)));
        stability.setText(stats == null ? "" : stabilityText(stats.convergence()));
        showRegime(stats);
    }

    /** "Longest run under 0.400 ms: 123 consecutive cycles (gc 45–167); 12 of 737 cycles (1.6 %) at or above it." */
    static String streakText(CycleRangeAnalysis stats, IntColumn gc) {
        SloStreak s = stats.slo();
        if (Double.isNaN(s.shareAbove())) return "No pauses in the selection: no SLO streak.";
        int known = stats.pauses().count();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Longest run under %.3f ms: %,d consecutive cycles",
                s.thresholdMs(), s.longestStreak()));
        if (s.streakStartIndex() >= 0) {
            int first = stats.fromRow() + s.streakStartIndex();
            int last = first + s.longestStreak() - 1;
            if (last < gc.size() && !gc.isMissing(first) && !gc.isMissing(last)) {
                b.append(String.format(Locale.ROOT, " (gc %d – %d)", gc.getInt(first), gc.getInt(last)));
            }
        }
        b.append(String.format(Locale.ROOT, "; %,d of %,d cycles (%.1f %%) at or above it.", s.cyclesAbove(), known,
                100 * s.shareAbove()));
        return b.toString();
    }

    static String stabilityText(Convergence.Result r) {
        if (r.points().isEmpty()) return "";
        return String.format(Locale.ROOT, "P50 %s; P99 %s. Stable: both ends of the 95%% interval stay within %.0f %% of the"
                + " estimate at every later checkpoint (an interval still open, \"> max\", is not stable).",
                stableText(r.stableAfterP50()), stableText(r.stableAfterP99()), 100 * Convergence.STABLE_REACH);
    }

    private static String stableText(int cycles) {
        return cycles > 0 ? String.format(Locale.ROOT, "stable after %,d cycles", cycles) : "not yet stable in this selection";
    }

    public ConvergenceChart chart() {
        return chart;
    }

    public Spinner<Double> sloSpinner() {
        return slo;
    }

    @Override
    public String title() {
        return "Convergence";
    }

    @Override
    public String id() {
        return "convergence";
    }

    @Override
    public Node root() {
        return root;
    }
}
