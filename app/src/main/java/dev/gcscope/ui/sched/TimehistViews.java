package dev.gcscope.ui.sched;

import dev.gcscope.analysis.Percentiles;
import dev.gcscope.analysis.TimehistSummary;
import dev.gcscope.format.FormatSupport;
import dev.gcscope.format.TimehistSupport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.perfsched.TimehistColumns;
import dev.gcscope.ui.summary.Formats;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.view.FormatViews;
import dev.gcscope.ui.view.KeyFigure;
import dev.gcscope.ui.view.TraceView;
import java.util.List;

/**
 * {@code perf sched timehist} in the window: the figures {@code gcscope summary} reports for it
 * (computed by the same analysis) and the scheduling-delay view.
 */
public final class TimehistViews implements FormatViews {
    /** The summary figure the "Your program" choice changes. */
    static final String PROGRAM_DELAY = "program-delay";

    private final FormatSupport support = new TimehistSupport();

    @Override
    public FormatSupport support() {
        return support;
    }

    @Override
    public List<KeyFigure> keyFigures(ParseResult r) {
        TimehistSummary s = TimehistSummary.of(r.table(TimehistColumns.EVENTS_TABLE), r.table(TimehistColumns.SUMMARY_TABLE));
        Percentiles d = s.schDelayMs();
        boolean any = d.count() > 0;
        return List.of(
                new KeyFigure("events", "Context switches", Formats.count(s.events())),
                new KeyFigure("tasks", "Tasks", Formats.count(s.tasks())),
                new KeyFigure("sch-delay-p50", "Sched delay p50", any ? SchedFigures.msOrMissing(d.at(50)) : Formats.MISSING),
                new KeyFigure("sch-delay-p99", "p99", any ? SchedFigures.msOrMissing(d.at(99)) : Formats.MISSING),
                new KeyFigure("sch-delay-max", "max", any ? SchedFigures.msOrMissing(d.max()) : Formats.MISSING),
                // filled in by the delays view once it has grouped the processes, and changed by its chooser
                new KeyFigure(PROGRAM_DELAY, "Sched delay p99 (program)", TimehistDelayViewModel.COMPUTING));
    }

    @Override
    public List<TraceView> views(ParseResult result, BackgroundRunner runner) {
        return List.of(new TimehistDelayView(result, runner));
    }
}
