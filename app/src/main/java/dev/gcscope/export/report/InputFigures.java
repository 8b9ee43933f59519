package dev.gcscope.export.report;

import dev.gcscope.format.AnalysisOptions;
import java.util.List;

/**
 * What a section is built from: the input, the figures {@code summary --json} prints for it (and,
 * with a range, for the range's cycles alone), its charts, and the analysis options.
 *
 * @param whole the input's {@code summary --json} object
 * @param figures the object the section's figures come from: {@code whole}, or with a range the
 *                summary of the range's cycles (a cycles table cut to the range)
 */
record InputFigures(ReportInput input, JsonFigures whole, JsonFigures figures, List<ReportChart> charts,
                    AnalysisOptions options) {
    CycleSpan span() {
        return input.span();
    }

    /** The chart with this id, if the input has it. */
    java.util.Optional<ReportChart> chart(String id) {
        return charts.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
