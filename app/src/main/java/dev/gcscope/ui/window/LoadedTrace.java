package dev.gcscope.ui.window;

import dev.gcscope.analysis.GcSummary;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.ui.chart.StwSeries;
import java.io.IOException;
import tech.tablesaw.api.Table;

/**
 * A trace as the window shows it: parsed, summarised and laid out for the STW chart, all done once
 * on the loading thread so the UI thread only swaps it in.
 *
 * @param displayName the file name shown in the title, e.g. {@code go1.24-phases.log}
 * @param origin where it came from, for the status line: a path, or "bundled sample"
 * @param loadMillis how long reading, parsing and summarising took
 */
public record LoadedTrace(String displayName, String origin, ParseResult result, GcSummary summary, StwSeries stw,
                          long loadMillis) {

    /** Parses {@code source} (format detected from its content) and computes what the window shows. */
    public static LoadedTrace load(TraceLoader loader, TraceSource source, String displayName, String origin,
                                   ParseListener listener) throws IOException {
        long t0 = System.nanoTime();
        ParseResult result = loader.load(source, null, listener);
        Table cycles = result.table(GcColumns.CYCLES_TABLE);
        GcSummary summary = GcSummary.of(cycles);
        StwSeries stw = StwSeries.of(cycles);
        return new LoadedTrace(displayName, origin, result, summary, stw, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The Go releases the trace's line format implies, e.g. {@code Go 1.18+}; empty when unknown. */
    public String goVersions() {
        return result.attributes().getOrDefault("go_versions", "");
    }
}
