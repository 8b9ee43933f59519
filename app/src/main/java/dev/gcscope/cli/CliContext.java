package dev.gcscope.cli;

import dev.gcscope.format.FormatSupports;

/** What the commands share: how files are read, what each format family supports, and error reporting. */
record CliContext(TraceInputs inputs, FormatSupports formats, ErrorReporter errors) {}
