package dev.gcscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;

/**
 * What {@code gcscope summary} adds for one format after the fields every format has. One
 * implementation per format id, registered in {@link SummarySections}; a format without one still
 * gets the common part (format, lines, skipped, issues, notes).
 */
interface SummarySection {
    /** The {@link dev.gcscope.parsers.TraceFormat#id()} this section summarises. */
    String formatId();

    /** What this section reads, so the parse builds nothing more. */
    default ParseOptions parseOptions() {
        return ParseOptions.ALL;
    }

    /** Adds this format's keys to the file's {@code --json} object; missing numbers as {@code null}. */
    void addJson(ParseResult result, ObjectNode file);

    /** Adds this format's rows, with units, to the text report. */
    void addText(ParseResult result, TextReport out);
}
