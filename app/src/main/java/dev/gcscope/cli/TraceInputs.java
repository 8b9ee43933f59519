package dev.gcscope.cli;

import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.TraceSource;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.zip.ZipException;

/**
 * Opens and parses the files named on the command line. Every {@link IOException} leaves here as a
 * {@link TraceInputException} whose one-line message starts with the file name, so commands only
 * print it.
 */
final class TraceInputs {
    private final TraceLoader loader;

    TraceInputs(TraceLoader loader) {
        this.loader = loader;
    }

    TraceLoader loader() {
        return loader;
    }

    /** A readable regular file, or a message saying why not. */
    TraceSource open(Path file) throws TraceInputException {
        return TraceSource.of(file);
    }

    /** @param formatId the {@code --format} value, or null to detect the format */
    ParseResult parse(TraceSource source, String formatId) throws TraceInputException {
        return parse(source, formatId, id -> ParseOptions.ALL);
    }

    /**
     * @param formatId the {@code --format} value, or null to detect the format
     * @param options what to build, given the format found (a summary needs a few columns only)
     */
    ParseResult parse(TraceSource source, String formatId, Function<TraceFormat, ParseOptions> options)
            throws TraceInputException {
        try {
            TraceParser parser = loader.parserFor(source, formatId);
            return DerivedColumns.parse(parser, source, ParseListener.NONE, options.apply(parser.format()));
        } catch (TraceInputException e) {
            throw e;
        } catch (IOException e) {
            throw new TraceInputException(source.name() + ": " + describe(e, "read"), e);
        }
    }

    ParseResult load(Path file, String formatId) throws TraceInputException {
        return parse(open(file), formatId);
    }

    ParseResult load(Path file, String formatId, Function<TraceFormat, ParseOptions> options) throws TraceInputException {
        return parse(open(file), formatId, options);
    }

    /**
     * What went wrong, in words rather than exception class names.
     *
     * @param verb "read" or "written"
     */
    static String describe(IOException e, String verb) {
        if (e instanceof AccessDeniedException) return "cannot be " + verb + " (permission denied)";
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof EOFException) return "ends unexpectedly (a truncated gzip file?)";
        if (e instanceof ZipException) return "is not valid gzip data (" + ErrorReporter.oneLine(e.getMessage()) + ")";
        if (e instanceof FileSystemException f && f.getReason() != null) return "cannot be " + verb + " (" + f.getReason() + ")";
        String message = e.getMessage();
        return "cannot be " + verb + " (" + (message == null || message.isBlank() ? "I/O error" : ErrorReporter.oneLine(message)) + ")";
    }
}
