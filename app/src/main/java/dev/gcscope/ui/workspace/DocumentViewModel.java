package dev.gcscope.ui.workspace;

import dev.gcscope.render.plot.TimeRange;
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
    private final LiveFollow live;
    private String statusLine = "";

    public DocumentViewModel(TraceDocument document, BackgroundRunner runner) {
        this(document, runner, null, null);
    }

    /**
     * @param live the follow that keeps reading this document's log, or null for a document read once
     * @param previous the followed document this update replaces, whose selection, zoom, highlighted
     *                 regime and SLO it takes over; or null
     */
    public DocumentViewModel(TraceDocument document, BackgroundRunner runner, LiveFollow live, DocumentViewModel previous) {
        this.document = document;
        this.live = live;
        // A large trace arrives without whole-trace statistics: the model computes them in the
        // background once the first frame is drawn (startStatistics).
        this.model = document.isGcTrace() ? new GcTraceModel(document.gcTrace(), document.wholeTrace(), runner, false) : null;
        this.selectionBar = model == null ? null : new SelectionBarViewModel(model);
        this.tabTitle = new ReadOnlyStringWrapper(this, "tabTitle", previous == null ? document.tabTitle() : previous.tabTitle());
        if (previous != null && previous.model != null && model != null) takeOver(previous.model);
        // the next update's statistics use the SLO set here, so taking it over costs no recomputation
        if (live != null && model != null) model.sloMsProperty().addListener((o, was, now) -> live.setSloMs(now.doubleValue()));
    }

    /**
     * The state the user set on the previous update. The zoom keeps its time range, or, when the
     * follow follows the end and the timeline was zoomed, slides to end where the log now ends.
     */
    private void takeOver(GcTraceModel before) {
        model.sloMsProperty().set(before.sloMsProperty().get());
        model.highlightedRegimeProperty().set(before.highlightedRegimeProperty().get());
        if (before.selectionProperty().get() != null) model.selectionProperty().set(before.selectionProperty().get());
        TimeRange zoom = before.viewportProperty().get();
        if (zoom != null && live != null && live.followEndProperty().get()) {
            TimeRange oldExtent = before.data().extent();
            TimeRange extent = model.data().extent();
            double width = zoom.to() - zoom.from();
            // Slides only when the zoom showed the end: a zoom on the past stays on it.
            if (zoom.to() >= oldExtent.to() - width * 0.01) zoom = new TimeRange(extent.to() - width, extent.to());
        }
        model.viewportProperty().set(zoom);
    }

    /** The follow that keeps reading this document's log, or null for a document read once. */
    public LiveFollow live() {
        return live;
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
