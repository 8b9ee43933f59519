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
 * @param pixelS when the shown offset was dragged on the file's lane: one pixel's time at the zoom it was dragged at,
 *               its uncertainty; NaN when it was typed, or found from the files
 */
public record AlignmentRow(SourceAlignment current, SourceAlignment found, double shiftS, double pixelS) {
    public AlignmentRow(SourceAlignment current, SourceAlignment found, double shiftS) {
        this(current, found, shiftS, Double.NaN);
    }

    /** Whether the shown offset was set by dragging the file's lane. */
    public boolean byHand() {
        return !Double.isNaN(pixelS) && current.method() == SourceAlignment.Method.USER_OFFSET;
    }

    /** The ± shown: one pixel's time for an offset dragged by hand ({@code diagnose} has no uncertainty for a given offset). */
    public double uncertaintyS() {
        return byHand() ? pixelS : current.uncertaintyS();
    }

    /** How the source was placed: {@code diagnose}'s detail, after "offset set by hand" for a dragged one. */
    public String how() {
        return byHand() ? "offset set by hand: dragged on its lane, ± one pixel (" + dev.gcscope.format.PlainNumbers.rounded(pixelS, 4)
                + " s) at the zoom it was set; " + current.detail() : current.detail();
    }

    public String fileName() {
        Path name = Path.of(current.file()).getFileName();
        return name == null ? current.file() : name.toString();
    }

    /** What {@code diagnose --offset FILE=SECONDS} takes for this row's shift. */
    public double userOffsetS() {
        return found.offsetS() + shiftS;
    }
}
