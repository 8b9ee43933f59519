package dev.gcscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.format.AnalysisOptions;
import dev.gcscope.format.FileSummary;
import dev.gcscope.format.FormatSupports;
import dev.gcscope.parsers.ParseResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code summary --json}'s array, one object per file. Every Jackson type the summary touches is
 * here, so that {@link SummaryRun}, which the text summary runs too, loads none of them (checking
 * its code against Jackson's types alone loaded eight of them, creating the node factory 16 more).
 */
final class SummaryJsonArray {
    private final FileSummary summary;
    private final ArrayNode array = JsonNodeFactory.instance.arrayNode();

    SummaryJsonArray(FormatSupports formats, AnalysisOptions options) {
        this.summary = new FileSummary(formats, options, JsonNodeFactory.instance);
    }

    void add(ParseResult result) {
        array.add(summary.json(result));
    }

    /** {@code {"file": …, "error": …}}: the line stderr got, for a file with no summary. */
    void addError(Path file, Throwable e) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("file", TraceInputs.isStdin(file) ? TraceInputs.STDIN_NAME : file.toString());
        entry.put("error", ErrorReporter.message(e));
        array.add(entry);
    }

    /** The array, indented, and a line end: as {@link JsonOutput#MAPPER} writes it, without building the mapper. */
    void writeTo(PrintWriter out) throws IOException {
        JsonTreeWriter.write(out, array);
        out.println();
    }
}
