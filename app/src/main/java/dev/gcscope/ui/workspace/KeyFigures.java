package dev.gcscope.ui.workspace;

import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.ui.summary.Formats;
import dev.gcscope.ui.view.KeyFigure;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures every format's document summary starts with (format, lines, skipped lines, issues,
 * rows of the main table); the format's own follow from its {@link dev.gcscope.ui.view.FormatViews}.
 * Runs on the loading thread.
 */
public final class KeyFigures {
    private KeyFigures() {}

    /** The figures every format has. */
    public static List<KeyFigure> common(ParseResult result) {
        ParseReport report = result.report();
        List<KeyFigure> out = new ArrayList<>();
        out.add(new KeyFigure("format", "Format", result.format().title()));
        out.add(new KeyFigure("go-versions", "Go", Formats.text(result.attributes().get("go_versions"))));
        out.add(new KeyFigure("lines-read", "Lines read", Formats.count(report.linesRead())));
        out.add(new KeyFigure("lines-skipped", "Skipped", Formats.count(report.linesSkipped())));
        out.add(new KeyFigure("issues", "Issues", Formats.count(report.issueCount())));
        out.add(new KeyFigure("rows", "Rows (" + result.mainTable().name() + ")", Formats.count(result.mainTable().rowCount())));
        return List.copyOf(out);
    }
}
