package dev.gcscope.ui.incident;

import dev.gcscope.analysis.incident.SourceAlignment;
import java.nio.file.Path;

/**
 * One row of the alignment table: how a source is placed now, how the files alone placed it, and the
 * user's shift of its file from there (0 when the found alignment stands).
 *
 * @param current as the shown diagnosis placed it ({@code diagnose --json}'s {@code alignment.sources[i]})
 * @param found as the files alone placed it, without any user offset
 * @param shiftS seconds the user added to {@code found}'s offset; 0 for none
 */
public record AlignmentRow(SourceAlignment current, SourceAlignment found, double shiftS) {
    public String fileName() {
        Path name = Path.of(current.file()).getFileName();
        return name == null ? current.file() : name.toString();
    }

    /** What {@code diagnose --offset FILE=SECONDS} takes for this row's shift. */
    public double userOffsetS() {
        return found.offsetS() + shiftS;
    }
}
