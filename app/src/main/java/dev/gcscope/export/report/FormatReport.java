package dev.gcscope.export.report;

import dev.gcscope.parsers.TraceFormat;
import java.util.List;

/**
 * What the report says about one family of inputs beyond what every input has: the finding in
 * plain words, then its figures, tables and charts. One implementation per family, as
 * {@code format.FormatSupport}; a format without one gets the input facts and the parse issues.
 */
interface FormatReport {
    boolean covers(TraceFormat format);

    /** The finding: a few sentences in plain words, figures keyed to the summary's JSON. */
    List<Cell.Run> finding(InputFigures input);

    /** The family's figures, tables and charts, in order. */
    List<ReportDocument.Block> blocks(InputFigures input);
}
