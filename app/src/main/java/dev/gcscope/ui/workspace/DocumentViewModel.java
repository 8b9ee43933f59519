package dev.gcscope.ui.workspace;

import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.report.ParseReportViewModel;
import dev.gcscope.ui.summary.Formats;
import dev.gcscope.ui.task.BackgroundRunner;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One open document on the UI thread: the loaded {@link TraceDocument} and, for a gctrace, the
 * {@link GcTraceModel} its views share (selection, zoom, highlighted regime, statistics).
 */
public final class DocumentViewModel {
    private final TraceDocument document;
    private final GcTraceModel model;
    private final SelectionBarViewModel selectionBar;
    private final ReadOnlyStringWrapper tabTitle;
    private String statusLine = "";

    public DocumentViewModel(TraceDocument document, BackgroundRunner runner) {
        this.document = document;
        // A large trace arrives without whole-trace statistics: the model computes them in the
        // background once the first frame is drawn (startStatistics).
        this.model = document.isGcTrace() ? new GcTraceModel(document.gcTrace(), document.wholeTrace(), runner, false) : null;
        this.selectionBar = model == null ? null : new SelectionBarViewModel(model);
        this.tabTitle = new ReadOnlyStringWrapper(this, "tabTitle", document.tabTitle());
    }

    /**
     * Starts the whole-trace statistics a large gctrace arrived without, if not started yet; the
     * document's view calls it once its first frame is drawn.
     */
    public void startStatistics() {
        if (model != null) model.startStatistics();
    }

    public TraceDocument document() {
        return document;
    }

    /** The gctrace model, or null for another format. */
    public GcTraceModel gcTraceModel() {
        return model;
    }

    /** The selection bar of a gctrace document, or null for another format. */
    public SelectionBarViewModel selectionBar() {
        return selectionBar;
    }

    /** The tab's name: {@link TraceDocument#tabTitle()} until the window names it apart from the others. */
    public String tabTitle() {
        return tabTitle.get();
    }

    public ReadOnlyStringProperty tabTitleProperty() {
        return tabTitle.getReadOnlyProperty();
    }

    /** Set by the window, which knows which other documents are open (two {@code gctrace.log}). */
    public void setTabTitle(String title) {
        tabTitle.set(title);
    }

    /** What the status bar says while this document's tab is selected: how it was read. */
    public String statusLine() {
        return statusLine;
    }

    public void setStatusLine(String line) {
        statusLine = line;
    }

    public ParseReportViewModel parseReport() {
        return new ParseReportViewModel(document.displayName(), document.result().report());
    }

    /** "2,198 lines · 5 skipped · 0 issues", beside the parse report link. */
    public String inputLine() {
        var r = document.result().report();
        return Formats.count(r.linesRead()) + " lines · " + Formats.count(r.linesSkipped()) + " skipped · "
                + Formats.count(r.issueCount()) + (r.issueCount() == 1 ? " issue" : " issues");
    }

    /** Back to the whole trace (a gctrace's selection and zoom); nothing for another format. */
    public void resetSelection() {
        if (model != null) model.resetSelection();
    }
}
