package dev.gcscope.export.report;

import dev.gcscope.parsers.ParseResult;

/**
 * One input of a report: what it was read as and the proof of which bytes those were.
 *
 * @param name the file name as the user gave it (or a sample's name)
 * @param argument how a command line names it: its path, or {@code -} for bytes it reads on standard input
 * @param sizeBytes its size as stored (compressed size for gzip)
 * @param sha256 hex SHA-256 of the bytes as stored: what {@code sha256sum FILE} prints
 * @param result its parse (every table, as the window reads it)
 * @param span the selected cycles, or null for the whole input
 */
public record ReportInput(String name, String argument, long sizeBytes, String sha256, ParseResult result, CycleSpan span) {}
