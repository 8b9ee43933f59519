package dev.gcscope.export.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a report writes: the main file's text, and the files that go beside it (the Markdown
 * variant's PNGs), by file name.
 */
public record ReportFiles(String main, Map<String, byte[]> beside) {
    public ReportFiles {
        beside = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(beside));
    }
}
