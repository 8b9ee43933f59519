package dev.gcscope.ui.workspace;

import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.gctrace.distribution.ConvergenceView;
import dev.gcscope.ui.gctrace.distribution.PercentileTableView;
import dev.gcscope.ui.gctrace.distribution.StwHistogramView;
import dev.gcscope.ui.gctrace.mmu.MmuView;
import dev.gcscope.ui.gctrace.regimes.RegimeScatterView;
import dev.gcscope.ui.summary.SummaryView;
import dev.gcscope.ui.timeline.TimelineViews;
import dev.gcscope.ui.view.LazyTraceView;
import dev.gcscope.ui.view.TraceView;
import java.util.ArrayList;
import java.util.List;

/**
 * The views of a cycle document (a gctrace), in the order its view tabs show them: the summary, the
 * timelines (pause, heap, GC CPU), the distribution (histogram, percentiles, convergence), regimes,
 * MMU. Each is a {@link LazyTraceView}: built when its tab is first shown, so opening a million
 * cycles builds only the view on screen. The list lives with the document, which owns the
 * {@link GcTraceModel} they share: in {@code ui.gctrace} it tied the model's package to every view
 * package in a cycle.
 */
public final class GcTraceViews {
    private GcTraceViews() {}

    public static List<TraceView> create(GcTraceModel model) {
        List<TraceView> views = new ArrayList<>();
        views.add(new LazyTraceView(SummaryView.ID, "Summary", () -> new SummaryView(model)));
        views.addAll(TimelineViews.lazy(model));
        views.add(new LazyTraceView("stw-histogram", "STW histogram", () -> new StwHistogramView(model)));
        views.add(new LazyTraceView("percentiles", "Percentiles", () -> new PercentileTableView(model)));
        views.add(new LazyTraceView("convergence", "Convergence", () -> new ConvergenceView(model)));
        views.add(new LazyTraceView("regime-scatter", "Regimes", () -> new RegimeScatterView(model)));
        views.add(new LazyTraceView("mmu", "MMU", () -> new MmuView(model)));
        return views;
    }
}
