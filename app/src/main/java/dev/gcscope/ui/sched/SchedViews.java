package dev.gcscope.ui.sched;

import dev.gcscope.parsers.ParseResult;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.workspace.TraceView;
import java.util.ArrayList;
import java.util.List;

/**
 * The views of a scheduler or runtime/metrics document ({@code perf-sched-latency},
 * {@code perf-sched-timehist}, {@code prometheus}, {@code metrics-json}), in tab order.
 */
public final class SchedViews {
    private SchedViews() {}

    /**
     * @param result the parsed document; its format is {@code result.format()}'s name
     * @param runner for any recomputation the views trigger (never on the UI thread)
     */
    public static List<TraceView> create(ParseResult result, BackgroundRunner runner) {
        List<TraceView> views = new ArrayList<>();
        return views;
    }
}
