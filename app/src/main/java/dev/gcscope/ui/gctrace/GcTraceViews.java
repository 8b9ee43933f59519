package dev.gcscope.ui.gctrace;

import dev.gcscope.ui.gctrace.distribution.ConvergenceView;
import dev.gcscope.ui.gctrace.distribution.PercentileTableView;
import dev.gcscope.ui.gctrace.distribution.StwHistogramView;
import dev.gcscope.ui.gctrace.mmu.MmuView;
import dev.gcscope.ui.gctrace.regimes.RegimeScatterView;
import dev.gcscope.ui.workspace.TraceView;
import java.util.ArrayList;
import java.util.List;

/** The views of a gctrace document, in the order its view tabs show them. */
public final class GcTraceViews {
    private GcTraceViews() {}

    public static List<TraceView> create(GcTraceModel model) {
        List<TraceView> views = new ArrayList<>();
        // summary, timelines (pause, heap, GC CPU), distribution (histogram, percentiles,
        // convergence), regimes (scatter), MMU: each added as it is built.
        views.add(new StwHistogramView(model));
        views.add(new PercentileTableView(model));
        views.add(new ConvergenceView(model));
        views.add(new RegimeScatterView(model));
        views.add(new MmuView(model));
        return views;
    }
}
