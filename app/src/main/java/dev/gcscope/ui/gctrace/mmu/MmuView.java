package dev.gcscope.ui.gctrace.mmu;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.stats.MutatorUtilization;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.gctrace.ViewParts;
import dev.gcscope.ui.view.TraceView;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The MMU tab: the curve of the selection and what it means, with a few read-off figures. */
public final class MmuView implements TraceView {
    /** Windows people ask about: a frame at 60 Hz, a 10 ms and a 100 ms request budget. */
    private static final double[] QUOTED_WINDOWS_MS = {1, 10, 100};

    private final MmuChart chart = new MmuChart();
    private final Label summary = ViewParts.note();
    private final VBox root;

    public MmuView(GcTraceModel model) {
        chart.setId("mmu-chart");
        summary.setId("mmu-summary");
        Label about = ViewParts.note();
        about.setText("For each window length, the smallest share of any window of that length in which the program, not"
                + " the GC, had the CPUs: 0 during stop-the-world phases, reduced by assist and background marking."
                + " A window spans cycles of any regime, so a highlighted regime has no curve of its own.");
        VBox.setVgrow(chart, Priority.ALWAYS);
        root = ViewParts.chartBox("Minimum mutator utilization · all cycles of the selection", ViewParts.legend(), chart, summary, about);
        root.getStyleClass().add("mmu-view");
        model.statisticsProperty().addListener((obs, old, now) -> show(now));
        show(model.statisticsProperty().get());
    }

    private void show(CycleRangeAnalysis stats) {
        List<MutatorUtilization.Point> curve = stats == null ? List.of() : stats.mmu();
        chart.curveProperty().set(curve);
        summary.setText(summaryText(curve));
    }

    /** The MMU at the quoted windows, interpolated on the log-spaced curve: "MMU at 1 ms 12 %, at 10 ms 64 % …". */
    static String summaryText(List<MutatorUtilization.Point> curve) {
        if (curve.isEmpty()) return "";
        StringBuilder b = new StringBuilder();
        for (double w : QUOTED_WINDOWS_MS) {
            double m = at(curve, w);
            if (Double.isNaN(m)) continue;
            b.append(b.length() == 0 ? "MMU at " : ", at ").append(String.format(Locale.ROOT, "%s ms: %.1f %%",
                    MmuChart.windowText(w), 100 * m));
        }
        return b.length() == 0 ? "" : b.append('.').toString();
    }

    /** Linear in log window between the two points around {@code windowMs}, NaN outside the curve. */
    static double at(List<MutatorUtilization.Point> curve, double windowMs) {
        for (int i = 1; i < curve.size(); i++) {
            MutatorUtilization.Point a = curve.get(i - 1), b = curve.get(i);
            if (windowMs >= a.windowMs() && windowMs <= b.windowMs()) {
                double t = Math.log(windowMs / a.windowMs()) / Math.log(b.windowMs() / a.windowMs());
                return a.mmu() + t * (b.mmu() - a.mmu());
            }
        }
        return Double.NaN;
    }

    public MmuChart chart() {
        return chart;
    }

    @Override
    public String title() {
        return "MMU";
    }

    @Override
    public String id() {
        return "mmu";
    }

    @Override
    public Node root() {
        return root;
    }
}
