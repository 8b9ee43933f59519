package dev.gcscope.cli;

import dev.gcscope.format.FormatSupports;
import java.util.function.BooleanSupplier;

/**
 * What the commands share: how files are read, what each format family supports, error reporting,
 * and whether standard output's reader has gone away ({@code | head}), so a long run stops writing.
 */
record CliContext(TraceInputs inputs, FormatSupports formats, ErrorReporter errors, BooleanSupplier outputClosed) {

    CliContext(TraceInputs inputs, FormatSupports formats, ErrorReporter errors) {
        this(inputs, formats, errors, () -> false);
    }
}
