package dev.gcscope.ui.compare;

import dev.gcscope.analysis.compare.ComparisonCurves;
import dev.gcscope.analysis.compare.GcComparison;
import dev.gcscope.render.compare.CcdfOverlayPlot;
import dev.gcscope.render.compare.ConvergenceOverlayPlot;
import dev.gcscope.render.compare.HistogramOverlayPlot;
import dev.gcscope.render.compare.LadderPlot;
import dev.gcscope.render.compare.MmuOverlayPlot;
import dev.gcscope.render.compare.OverlayStyle;
import dev.gcscope.render.compare.RegimeScatterOverlayPlot;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.ui.gctrace.ViewParts;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The comparison's charts, each a tab of its own: the pause overlays (complementary CDF, histogram),
 * the MMU and convergence overlays, and for three sides or more the ladder. Every chart draws what
 * the view model's analysis computed ({@link ComparisonCurves}, {@link GcComparison#ladder()}).
 */
final class ComparisonCharts {
    private ComparisonCharts() {}

    static List<Tab> overlays(ComparisonViewModel vm) {
        return List.of(
                overlayTab(vm, "Pause tail", "compare-ccdf-chart", CcdfOverlayPlot.PLACEHOLDER, c -> s -> new CcdfOverlayPlot(c, s),
                        "For each pause length, the share of each side's pauses at least that long, on log–log axes: the"
                                + " tail is where the curves part. Where a curve crosses the dotted P99 line is that side's P99;"
                                + " a curve further left has shorter pauses."),
                overlayTab(vm, "Pause histogram", "compare-histogram-chart", HistogramOverlayPlot.PLACEHOLDER,
                        c -> s -> new HistogramOverlayPlot(c, s),
                        "Each side's pauses over the same log-spaced bins, as a share of that side's pauses, so runs of"
                                + " different lengths compare."),
                overlayTab(vm, "MMU", "compare-mmu-chart", MmuOverlayPlot.PLACEHOLDER, c -> s -> new MmuOverlayPlot(c, s),
                        "Minimum mutator utilization of each side: for each window length, the smallest share of any"
                                + " window the program, not the GC, had the CPUs. Higher is better."),
                overlayTab(vm, "Convergence", "compare-convergence-chart", ConvergenceOverlayPlot.PLACEHOLDER,
                        c -> s -> new ConvergenceOverlayPlot(c, s),
                        "Each side's running P50 and P99 after the first N cycles: a side whose P99 band still moves has"
                                + " not run long enough for its P99 to be compared."),
                overlayTab(vm, "Regimes", "compare-regime-scatter-chart", RegimeScatterOverlayPlot.PLACEHOLDER,
                        c -> s -> new RegimeScatterOverlayPlot(c, s),
                        "Each side's cycles by allocation rate and survival, as its Regimes view places them, and each"
                                + " side's regime centres: the regimes the Costs tab matches across the sides are the rings"
                                + " nearest each other."));
    }

    private static Tab overlayTab(ComparisonViewModel vm, String title, String id, String placeholder,
                                  Function<ComparisonCurves, Function<OverlayStyle, PlotContent>> plot, String about) {
        ComparisonChart chart = new ComparisonChart(placeholder);
        chart.setId(id);
        chart.placeholderProperty().set("Computing…");
        vm.curvesProperty().addListener((obs, old, now) -> {
            chart.placeholderProperty().set(placeholder);
            chart.plotProperty().set(now == null ? null : plot.apply(now));
        });
        return tab(title, id.replace("-chart", ""), box(about, chart));
    }

    /** The ladder: pauses, GC CPU and cycles per GB of each side, one chart each, in the sides' order. */
    static Tab ladder(ComparisonViewModel vm) {
        ComparisonChart pauses = ladderChart(vm, "compare-ladder-pauses-chart", LadderPlot.Figure.PAUSES);
        ComparisonChart cpu = ladderChart(vm, "compare-ladder-gc-cpu-chart", LadderPlot.Figure.GC_CPU);
        ComparisonChart perGb = ladderChart(vm, "compare-ladder-cycles-per-gb-chart", LadderPlot.Figure.CYCLES_PER_GB);
        // the pauses hold two figures per side on a log axis: twice the others' height
        pauses.setPrefHeight(320);
        pauses.setMinHeight(160);
        cpu.setPrefHeight(160);
        perGb.setPrefHeight(160);
        VBox.setVgrow(pauses, Priority.ALWAYS);
        VBox.setVgrow(cpu, Priority.ALWAYS);
        VBox.setVgrow(perGb, Priority.ALWAYS);
        Label about = ViewParts.note();
        about.setText("One column per side, in the comparison's order: each figure with its 95 % interval as a bar (an open"
                + " end reaches the edge: too few pauses for it). Pauses: round dots P50, squares P99.");
        VBox box = new VBox(6, about, pauses, cpu, perGb);
        box.getStyleClass().add("compare-chart-box");
        return tab("Ladder", "compare-ladder", box);
    }

    private static ComparisonChart ladderChart(ComparisonViewModel vm, String id, LadderPlot.Figure figure) {
        ComparisonChart chart = new ComparisonChart("Computing…");
        chart.setId(id);
        chart.setMinHeight(100);
        vm.ladder().addListener((ListChangeListener<GcComparison.Rung>) c -> {
            List<GcComparison.Rung> rungs = List.copyOf(vm.ladder());
            chart.placeholderProperty().set(LadderPlot.PLACEHOLDER);
            chart.plotProperty().set(rungs.isEmpty() ? null : s -> new LadderPlot(rungs, figure, s));
        });
        return chart;
    }

    private static Node box(String about, ComparisonChart chart) {
        Label note = ViewParts.note();
        note.setText(about);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox box = new VBox(6, chart, note);
        box.getStyleClass().add("compare-chart-box");
        return box;
    }

    static Tab tab(String title, String id, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }
}
