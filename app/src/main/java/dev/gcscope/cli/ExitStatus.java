package dev.gcscope.cli;

/** Exit statuses of {@code gcscope <command>}; scripts test them, so they never change meaning. */
final class ExitStatus {
    private ExitStatus() {}

    static final int OK = 0;
    /** An input could not be read or recognised, or an output could not be written. */
    static final int INPUT = 1;
    /** The command line itself is wrong: unknown option, missing argument, unknown {@code --format}. */
    static final int USAGE = 2;
    /** A bug in gcscope: an exception nobody expected. */
    static final int INTERNAL = 3;
    /**
     * The reader of standard output went away ({@code | head}): 128 + SIGPIPE, what a shell reports
     * for a program SIGPIPE ended, so pipelines and {@code set -o pipefail} treat it as they treat
     * {@code cat} or {@code grep}. Nothing is printed.
     */
    static final int BROKEN_PIPE = 141;
}
