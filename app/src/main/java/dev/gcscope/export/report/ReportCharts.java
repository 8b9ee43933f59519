package dev.gcscope.export.report;

import dev.gcscope.parsers.ParseResult;
import java.util.List;

/**
 * Where a report's charts come from: the charts an input has (for gctrace the pause and heap
 * timelines, GC CPU, the STW histogram with its fits, convergence and MMU; the scheduler's and the
 * runtime/metrics' own charts), for its selected cycles when a range is given.
 */
public interface ReportCharts {
    /**
     * @param result the parsed input
     * @param range the rows and seconds the report covers, or null for the whole input
     */
    List<ReportChart> charts(ParseResult result, CycleSpan range);

    /** No charts: a report of figures and tables only. */
    ReportCharts NONE = (result, range) -> List.of();
}
