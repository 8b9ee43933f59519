package dev.gcscope.cli;

import dev.gcscope.export.report.ReportFiles;
import dev.gcscope.parsers.TraceInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where exported files may go and how they are written: never over an input (even through a link),
 * never onto a directory or into a folder that does not exist, each file atomically. Shared by
 * {@code gcscope report} and the window's exports (a report, a table as CSV).
 */
public final class OutputFiles {
    private OutputFiles() {}

    /**
     * @param given the name as the user gave it, for the messages
     * @param inputs the files the output must not replace
     * @throws TraceInputException with a one-line message saying why {@code out} cannot be written
     */
    public static void check(Path out, String given, List<Path> inputs) throws TraceInputException {
        if (Files.isDirectory(out)) throw new TraceInputException(given + ": is a directory; the output needs a file name");
        Path dir = parentOf(out);
        if (!Files.isDirectory(dir)) throw new TraceInputException(given + ": folder " + dir + " does not exist");
        for (Path input : inputs) {
            if (isSameFile(out, input)) {
                throw new TraceInputException(given + ": is the input file " + input + "; gcscope never modifies an input,"
                        + " so choose another output file");
            }
        }
        if (Files.exists(out) && !Files.isWritable(out)) throw new TraceInputException(given + ": cannot be written (permission denied)");
    }

    /**
     * Writes a report: its main file at {@code main} and the files beside it in the same folder,
     * each checked and written atomically. The images go first, so the main file never points at
     * an image not yet there.
     */
    public static void writeReport(Path main, ReportFiles files, List<Path> inputs) throws IOException {
        Path dir = parentOf(main);
        List<Path> targets = new ArrayList<>();
        for (String name : files.beside().keySet()) targets.add(dir.resolve(name));
        for (Path t : targets) check(t, t.toString(), inputs);
        check(main, main.toString(), inputs);
        int i = 0;
        for (Map.Entry<String, byte[]> e : files.beside().entrySet()) AtomicFileWriter.write(targets.get(i++), e.getValue());
        AtomicFileWriter.write(main, w -> w.write(files.main()));
    }

    /** Writes text (a table as CSV) at {@code out} atomically, after {@link #check}. */
    public static void writeText(Path out, String text, List<Path> inputs) throws IOException {
        check(out, out.toString(), inputs);
        AtomicFileWriter.write(out, w -> w.write(text));
    }

    private static boolean isSameFile(Path out, Path input) {
        if (!Files.exists(out)) return false;
        try {
            return Files.isSameFile(out, input);
        } catch (IOException e) {
            return out.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize());
        }
    }

    static Path parentOf(Path out) {
        Path parent = out.toAbsolutePath().getParent();
        return parent == null ? out.toAbsolutePath().getRoot() : parent;
    }
}
