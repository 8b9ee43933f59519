package dev.gcscope.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceFormat;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * What gcscope does with one family of input formats once it is parsed, as far as that needs no
 * display: the keys {@code summary} adds and what the parse must build for them, the rows
 * {@code export --csv} writes, the part the family can play in {@code compare}, and when a parse
 * holds nothing to show. One implementation per family, registered in {@link FormatSupports}: the
 * commands and the window ask the entry instead of comparing format ids.
 *
 * <p>The desktop half of a family (its key figures and views) is {@code ui.view.FormatViews}, keyed
 * by these entries. It lives in the UI because views are JavaFX, and the command line must run
 * where JavaFX is missing; nothing here may reach the UI.
 *
 * <p>A family is the formats read alike: {@code prometheus} and {@code metrics-json} are two
 * encodings of the same runtime/metrics histograms and share one entry.
 */
public interface FormatSupport {
    /** The parsers' formats this entry covers. */
    List<TraceFormat> formats();

    default boolean covers(TraceFormat format) {
        return formats().contains(format);
    }

    // ---------------------------------------------------------------- summary

    /** What {@code summary} reads, so the parse builds nothing more. */
    default ParseOptions summaryOptions() {
        return ParseOptions.ALL;
    }

    /** Adds this family's keys to the file's {@code summary --json} object; missing numbers as {@code null}. */
    void addSummaryJson(ParseResult result, AnalysisOptions options, ObjectNode file);

    /** Adds this family's rows, with units, to the text summary. */
    void addSummaryText(ParseResult result, AnalysisOptions options, TextReport out);

    // ---------------------------------------------------------------- export

    /** The table {@code export --csv} writes: the main table plus what the analysis adds per row. */
    default Table exported(ParseResult result, AnalysisOptions options) {
        return result.mainTable();
    }

    // ---------------------------------------------------------------- compare and the window's cycle views

    /**
     * The GC cycles the file records, as a table of {@code GcColumns}: what {@code compare} sets
     * against another trace's, and what the window's cycle views (timeline, distribution, regimes,
     * MMU) show. Empty for a family that records no cycles.
     */
    default Optional<Table> gcCycles(ParseResult result) {
        return Optional.empty();
    }

    /**
     * The runtime's histograms the file records, as a table of {@code MetricsColumns} buckets: what
     * {@code compare} sets a trace's GC cycles against. Empty for a family without any.
     */
    default Optional<Table> histograms(ParseResult result) {
        return Optional.empty();
    }

    /** What {@code compare} reads of a file of this family, so the parse builds nothing more. */
    default ParseOptions compareOptions() {
        return ParseOptions.ALL;
    }

    // ---------------------------------------------------------------- the window

    /**
     * Why the parse holds nothing gcscope can show, in words that say what to do (the window prefixes
     * the file name); empty when there is something to show.
     */
    default Optional<String> nothingToShow(ParseResult result) {
        return noRows(result);
    }

    /** For a format without anything of its own to say: "no X data in it — how to produce X". */
    static Optional<String> noRows(ParseResult result) {
        boolean any = result.tables().values().stream().anyMatch(t -> t.rowCount() > 0);
        return any ? Optional.empty()
                : Optional.of("no " + result.format().title() + " data in it — " + result.format().howToProduce());
    }
}
