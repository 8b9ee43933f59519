package dev.gcscope.ui.workspace;

import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.ui.sched.SchedViews;
import dev.gcscope.ui.view.FormatViews;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The desktop halves of the format families, found by the formats their headless entries cover.
 * A family without one (and that records no GC cycles) still opens: its document shows the
 * figures every format has. gctrace has none because it opens as a cycle document, whose views
 * ({@link GcTraceViews}) share the model the workspace builds for it.
 */
public final class FormatViewsRegistry {
    private final List<FormatViews> entries;

    public FormatViewsRegistry(List<FormatViews> entries) {
        Set<TraceFormat> seen = new HashSet<>();
        for (FormatViews e : entries) {
            for (TraceFormat f : e.support().formats()) {
                if (!seen.add(f)) throw new IllegalArgumentException("two view entries for format " + f.id());
            }
        }
        this.entries = List.copyOf(entries);
    }

    /** Every family with views of its own: perf sched latency and timehist, runtime/metrics. */
    public static FormatViewsRegistry standard() {
        return new FormatViewsRegistry(SchedViews.entries());
    }

    public Optional<FormatViews> forFormat(TraceFormat format) {
        return entries.stream().filter(e -> e.support().covers(format)).findFirst();
    }
}
