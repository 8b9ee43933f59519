package dev.gcscope.ui.gctrace;

import dev.gcscope.ui.gctrace.distribution.ConvergenceView;
import dev.gcscope.ui.gctrace.distribution.PercentileTableView;
import dev.gcscope.ui.gctrace.distribution.StwHistogramView;
import dev.gcscope.ui.gctrace.mmu.MmuView;
import dev.gcscope.ui.gctrace.regimes.RegimeScatterView;
import dev.gcscope.ui.summary.SummaryView;
import dev.gcscope.ui.timeline.TimelineViews;
import dev.gcscope.ui.workspace.TraceView;
import java.util.ArrayList;
import java.util.List;

/**
 * The views of a gctrace document, in the order its view tabs show them: the summary, the timelines
 * (pause, heap, GC CPU), the distribution (histogram, percentiles, convergence), regimes, MMU.
 */
public final class GcTraceViews {
    private GcTraceViews() {}

    public static List<TraceView> create(GcTraceModel model) {
        List<TraceView> views = new ArrayList<>();
        views.add(new SummaryView(model));
        views.addAll(TimelineViews.create(model));
        views.add(new StwHistogramView(model));
        views.add(new PercentileTableView(model));
        views.add(new ConvergenceView(model));
        views.add(new RegimeScatterView(model));
        views.add(new MmuView(model));
        return views;
    }
}
