package dev.gcscope.cli;

/** What the commands share: how files are read, the per-format summary sections, and error reporting. */
record CliContext(TraceInputs inputs, SummarySections sections, ErrorReporter errors) {}
