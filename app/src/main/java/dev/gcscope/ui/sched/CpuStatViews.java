package dev.gcscope.ui.sched;

import dev.gcscope.format.CpuStatSupport;
import dev.gcscope.format.FormatSupport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.ui.summary.Formats;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.view.FormatViews;
import dev.gcscope.ui.view.KeyFigure;
import dev.gcscope.ui.view.TraceView;
import java.util.List;
import java.util.Locale;

/** A cgroup's cpu.stat log in the window: the figures {@code gcscope summary} reports and the table of dumps. */
public final class CpuStatViews implements FormatViews {
    private final FormatSupport support = new CpuStatSupport();

    @Override
    public FormatSupport support() {
        return support;
    }

    @Override
    public List<KeyFigure> keyFigures(ParseResult r) {
        CpuStatSupport.Totals s = CpuStatSupport.Totals.of(r);
        return List.of(
                new KeyFigure("dumps", "Dumps", Formats.count(s.dumps())),
                new KeyFigure("periods", "Periods", Double.isNaN(s.periods()) ? Formats.MISSING : Formats.count((long) s.periods())),
                new KeyFigure("throttled", "Throttled", Double.isNaN(s.throttledShare()) ? Formats.MISSING
                        : String.format(Locale.ROOT, "%.0f %% of periods", s.throttledShare() * 100)),
                new KeyFigure("throttled-time", "Throttled time", Double.isNaN(s.throttledMs()) ? Formats.MISSING : Formats.ms(s.throttledMs())));
    }

    @Override
    public List<TraceView> views(ParseResult result, BackgroundRunner runner) {
        return List.of(new CpuStatTableView(result));
    }
}
