package dev.gcscope.parsers;

import java.util.Set;

/**
 * What a caller needs from a parse. {@code columns} is a projection of the main table: a parser
 * builds only the columns asked for (and what they are derived from), so a summary of a million
 * cycles touches 40 MB instead of 200 — on the virtual machines users run this on, touching memory
 * the first time costs milliseconds per megabyte.
 *
 * @param columns names of the main table's columns to build, or null for all of them
 */
public record ParseOptions(Set<String> columns) {
    public static final ParseOptions ALL = new ParseOptions(null);

    public ParseOptions {
        columns = columns == null ? null : Set.copyOf(columns);
    }

    public static ParseOptions columns(Set<String> names) {
        return new ParseOptions(names);
    }

    public boolean wants(String column) {
        return columns == null || columns.contains(column);
    }
}
