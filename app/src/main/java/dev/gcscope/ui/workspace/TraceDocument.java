package dev.gcscope.ui.workspace;

import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.export.report.InputDigest;
import dev.gcscope.export.table.TextTable;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.view.FormatViews;
import dev.gcscope.ui.view.KeyFigure;
import java.nio.file.Path;
import java.util.List;

/**
 * One opened trace, as its loading thread built it: the parse and, for a gctrace, the
 * {@link GcTraceData} every view reads. Immutable; the UI thread only swaps it in.
 *
 * @param displayName the file name, e.g. {@code go1.24-phases.log}
 * @param origin where it came from, for the status line: a path, or "bundled sample"
 * @param file the file it was read from, or null for a sample or bytes in memory
 * @param gcTrace the gctrace data, or null for any other format
 * @param wholeTrace the statistics of the whole gctrace, or null when not computed yet (a large
 *                   trace is shown first and its statistics follow) or not a gctrace
 * @param figures the summary figures of a document that is not a gctrace (empty for a gctrace,
 *                whose Summary view reads its model)
 * @param details a table under the summary figures (e.g. each runtime/metrics histogram's percentiles)
 * @param views the desktop half of the format's support, whose views follow the summary; null for a
 *              gctrace (its views read {@code gcTrace}) or a format without views
 * @param bytes size of the input as stored
 * @param parseMillis how long reading and parsing took
 * @param loadMillis parse plus everything built after it on the loading thread
 * @param digest the size and SHA-256 of the bytes read, taken while they were read, for an input a
 *               report cannot read again (a pipe, a FIFO, standard input, text pasted); null for a file
 */
public record TraceDocument(String displayName, String origin, Path file, ParseResult result, GcTraceData gcTrace,
                            CycleRangeAnalysis wholeTrace, List<KeyFigure> figures, TextTable details,
                            FormatViews views, long bytes, long parseMillis, long loadMillis,
                            InputDigest digest) {

    public static final String GO_VERSIONS = "go_versions";
    /** The origin of a document opened from File ▸ Open sample. */
    public static final String SAMPLE_ORIGIN = "bundled sample";

    /** One of the app's bundled samples, whose bytes the app holds (no file was read). */
    public boolean isSample() {
        return file == null && SAMPLE_ORIGIN.equals(origin);
    }

    /** The Go releases the format implies, e.g. {@code Go 1.18+}; empty when unknown. */
    public String goVersions() {
        return result.attributes().getOrDefault(GO_VERSIONS, "");
    }

    /** The tab's name: {@code go1.24-phases.log · Go 1.18+}, or the file name alone. */
    public String tabTitle() {
        String go = goVersions();
        return go.isBlank() ? displayName : displayName + " · " + go;
    }

    public boolean isGcTrace() {
        return gcTrace != null;
    }

    public String formatId() {
        return result.format().id();
    }
}
