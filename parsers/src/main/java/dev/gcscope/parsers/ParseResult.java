package dev.gcscope.parsers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import tech.tablesaw.api.Table;

/**
 * Tables parsed from one input, the first being the format's main table (one row per GC cycle for
 * gctrace), its parse report, and a few facts about the input as key/value attributes
 * ({@code go_versions}, {@code dialects}).
 */
public final class ParseResult {
    private final TraceFormat format;
    private final String sourceName;
    private final Map<String, Table> tables;
    private final ParseReport report;
    private final Map<String, String> attributes;

    public ParseResult(TraceFormat format, String sourceName, Map<String, Table> tables,
                       ParseReport report, Map<String, String> attributes) {
        if (tables.isEmpty()) throw new IllegalArgumentException("a parse result has at least one table");
        this.format = format;
        this.sourceName = sourceName;
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.report = report;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public TraceFormat format() { return format; }
    public String sourceName() { return sourceName; }
    public ParseReport report() { return report; }
    public Map<String, Table> tables() { return tables; }
    public Map<String, String> attributes() { return attributes; }

    public Table mainTable() {
        return tables.values().iterator().next();
    }

    public Table table(String name) {
        Table t = tables.get(name);
        if (t == null) throw new NoSuchElementException("no table '" + name + "' in " + tables.keySet());
        return t;
    }
}
