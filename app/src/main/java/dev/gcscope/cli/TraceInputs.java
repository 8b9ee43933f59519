package dev.gcscope.cli;

import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.FollowedSource;
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
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.ZipException;

/**
 * Opens and parses the files named on the command line. Every {@link IOException} leaves here as a
 * {@link TraceInputException} whose one-line message starts with the file name, so commands only
 * print it.
 *
 * <p>Each input is opened once and read as a stream, detection included, so {@code -} (standard
 * input), {@code /dev/stdin}, a FIFO and a process substitution ({@code <(zcat gc.log.gz)}) work as
 * files do.
 */
final class TraceInputs {
    /** The FILE that means standard input ({@code kubectl logs POD | gcscope summary -}). */
    static final String STDIN = "-";
    /** What messages and {@code --json} call standard input. */
    static final String STDIN_NAME = "<stdin>";

    private final TraceLoader loader;
    private final InputStream stdin;
    private final Consumer<String> notices;
    private boolean stdinTaken;

    TraceInputs(TraceLoader loader) {
        this(loader, System.in, notice -> {});
    }

    /**
     * @param stdin what {@code -} reads
     * @param notices where a remark while waiting goes (a FIFO without a writer): a line on stderr
     */
    TraceInputs(TraceLoader loader, InputStream stdin, Consumer<String> notices) {
        this.loader = loader;
        this.stdin = stdin;
        this.notices = notices;
    }

    TraceLoader loader() {
        return loader;
    }

    /** Standard input for {@code -}, else a readable file (a FIFO or device too), or a message saying why not. */
    TraceSource open(Path file) throws TraceInputException {
        if (isStdin(file)) {
            if (stdinTaken) throw new TraceInputException(STDIN + ": standard input is named twice; it can be read only once");
            stdinTaken = true;
            return TraceSource.of(STDIN_NAME, stdin);
        }
        return TraceSource.of(file);
    }

    /**
     * {@code file} (or standard input for {@code -}) to be read as it is written, by
     * {@code summary --follow}; rotation and truncation are told as notices (a line on stderr).
     */
    FollowedSource follow(Path file) throws TraceInputException {
        FollowedSource source = isStdin(file) ? FollowedSource.of(STDIN_NAME, stdin) : FollowedSource.of(file);
        return source.onNotice(notices);
    }

    /** What waiting for a FIFO's writer is told to: a line on stderr. */
    ParseListener listener() {
        return new ParseListener() {
            @Override
            public boolean progress(long bytesDone, long bytesTotal) {
                return true;
            }

            @Override
            public void waiting(String message) {
                notices.accept(message);
            }
        };
    }

    static boolean isStdin(Path file) {
        return STDIN.equals(file.toString());
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
        ParseListener listener = new ParseListener() {
            @Override
            public boolean progress(long bytesDone, long bytesTotal) {
                return true;
            }

            @Override
            public void waiting(String message) {
                notices.accept(message);
            }
        };
        try (DecodedInput in = source.open(listener)) {
            TraceParser parser = loader.parserFor(in, formatId);
            return DerivedColumns.parse(parser, in, listener, options.apply(parser.format()));
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
