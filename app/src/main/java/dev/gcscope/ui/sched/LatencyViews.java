package dev.gcscope.ui.sched;

import dev.gcscope.analysis.SchedLatencySummary;
import dev.gcscope.analysis.sched.LatencyGroups;
import dev.gcscope.format.FormatSupport;
import dev.gcscope.format.SchedLatencySupport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.perfsched.LatencyColumns;
import dev.gcscope.ui.summary.Formats;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.view.FormatViews;
import dev.gcscope.ui.view.KeyFigure;
import dev.gcscope.ui.view.TraceView;
import java.util.List;

/**
 * {@code perf sched latency} in the window: the figures {@code gcscope summary} reports for it
 * (computed by the same analysis) and the task table.
 */
public final class LatencyViews implements FormatViews {
    /** The summary figure the "Your program" choice changes. */
    static final String PROGRAM_DELAY = "program-delay";

    private final FormatSupport support = new SchedLatencySupport();

    @Override
    public FormatSupport support() {
        return support;
    }

    @Override
    public List<KeyFigure> keyFigures(ParseResult r) {
        SchedLatencySummary s = SchedLatencySummary.of(r.table(LatencyColumns.TASKS_TABLE), r.table(LatencyColumns.TOTALS_TABLE));
        return List.of(
                new KeyFigure("tasks", "Tasks", Formats.count(s.tasks())),
                new KeyFigure("total-runtime", "Total runtime", SchedFigures.msOrMissing(s.totalRuntimeMs())),
                new KeyFigure("total-switches", "Switches", s.totalSwitches() < 0 ? Formats.MISSING : Formats.count(s.totalSwitches())),
                new KeyFigure("worst-delay", "Worst delay (any task)", s.worstTask() == null ? Formats.MISSING
                        : SchedFigures.msOrMissing(s.worstMaxDelayMs()) + "  " + s.worstTask()),
                programFigure(LatencyGroups.of(LatencyGroups.rows(r.table(LatencyColumns.TASKS_TABLE))), null));
    }

    /**
     * The worst delay of the user's program, not of whatever else ran on the machine: the one picked
     * in the latency table ({@code comm}), or before any pick (null) the one most likely recorded.
     */
    static KeyFigure programFigure(List<LatencyGroups.Group> groups, String comm) {
        java.util.Optional<LatencyGroups.Group> program = comm == null ? LatencyGroups.likelyProgram(groups)
                : groups.stream().filter(g -> g.comm().equals(comm)).findFirst();
        return new KeyFigure(PROGRAM_DELAY, "Worst delay (program)", program
                .map(g -> SchedFigures.msOrMissing(g.maxDelayMs()) + "  " + g.comm() + " (" + g.threads() + " threads)")
                .orElse(Formats.MISSING));
    }

    @Override
    public List<TraceView> views(ParseResult result, BackgroundRunner runner) {
        return List.of(new LatencyTableView(result));
    }
}
