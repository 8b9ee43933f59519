package dev.gcscope.cli;

import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.TraceParsers;
import java.util.Iterator;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --format FMT}, shared by the commands that read traces. */
final class FormatOption {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--format", paramLabel = "FMT", completionCandidates = FormatIds.class,
            description = "Read every FILE as format FMT instead of detecting the format from the content."
                    + " Formats: ${COMPLETION-CANDIDATES}.")
    private String formatId;

    /**
     * The format id given, or null to detect it; checked before any file is read, so a typo is a
     * usage error (exit 2) rather than one input error per file.
     */
    String validated(TraceParsers parsers) {
        if (formatId == null) return null;
        if (parsers.byId(formatId).isPresent()) return formatId;
        String known = parsers.all().stream().map(p -> p.format().id()).collect(Collectors.joining(", "));
        throw new ParameterException(mixee.commandLine(), "unknown format '" + formatId + "' for --format; known formats: " + known);
    }

    /** The ids picocli lists in the help. */
    static final class FormatIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return TraceParsers.standard().all().stream().map(TraceParser::format).map(f -> f.id()).iterator();
        }
    }
}
