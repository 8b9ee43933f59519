package dev.gcscope.ui.view;

import dev.gcscope.export.table.TextTable;
import dev.gcscope.format.FormatSupport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.ui.task.BackgroundRunner;
import java.util.List;

/**
 * The desktop half of a family's support: the figures the document's Summary view shows for it and
 * the views that follow. The headless half, {@link FormatSupport}, is what the command line needs
 * too; this half is JavaFX and so lives in the UI, where the command line never looks. The window
 * finds an entry by the formats its {@link #support()} covers.
 *
 * <p>A family whose entry records GC cycles ({@link FormatSupport#gcCycles}) opens as a cycle
 * document instead: its views share one selection and model, which the workspace builds.
 */
public interface FormatViews {
    /** The headless entry this is the desktop half of. */
    FormatSupport support();

    /**
     * The family's own key figures, after the ones every format has, computed on the loading thread
     * (no JavaFX, no UI thread); empty for a family without any.
     */
    default List<KeyFigure> keyFigures(ParseResult result) {
        return List.of();
    }

    /** A table under the figures (e.g. each histogram's percentiles), computed on the loading thread; no rows for none. */
    default TextTable details(ParseResult result) {
        return TextTable.EMPTY;
    }

    /**
     * The views after the document's Summary, in tab order, built on the UI thread.
     *
     * @param runner for any work the views start (never on the UI thread)
     */
    List<TraceView> views(ParseResult result, BackgroundRunner runner);
}
