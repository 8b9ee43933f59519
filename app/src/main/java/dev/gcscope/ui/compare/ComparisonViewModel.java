package dev.gcscope.ui.compare;

import dev.gcscope.analysis.compare.ComparisonSide;
import dev.gcscope.analysis.compare.CostRow;
import dev.gcscope.analysis.compare.GcComparison;
import dev.gcscope.analysis.compare.RegimeComparison;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.LatestTask;
import dev.gcscope.ui.task.TaskListener;
import dev.gcscope.ui.workspace.TraceDocument;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A comparison of two or more open gctrace documents, in the order given (the first is A, the last
 * B): computed off the UI thread on the window's runner, latest request wins, so recomputing (a new
 * range, a relabelled side) never lets an older result land after a newer one.
 */
public final class ComparisonViewModel {
    private final List<TraceDocument> documents;
    private final BackgroundRunner runner;
    private final LatestTask task;
    private final ReadOnlyObjectWrapper<GcComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ObservableList<CostRow> costs = FXCollections.observableArrayList();
    private final ObservableList<RegimeComparison> regimes = FXCollections.observableArrayList();

    public ComparisonViewModel(List<TraceDocument> documents, BackgroundRunner runner) {
        if (documents.size() < 2) throw new IllegalArgumentException("a comparison needs two documents or more");
        for (TraceDocument d : documents) {
            if (!d.isGcTrace()) throw new IllegalArgumentException(d.displayName() + " is not a gctrace document");
        }
        this.documents = List.copyOf(documents);
        this.runner = runner;
        this.task = new LatestTask(runner);
    }

    /** A side's name: the file name and the Go versions its format implies, as its tab says. */
    public static String label(TraceDocument d) {
        return d.tabTitle();
    }

    public List<String> labels() {
        return documents.stream().map(ComparisonViewModel::label).toList();
    }

    /** The tab's title: {@code go1.19.log vs go1.24.log}. */
    public String title() {
        return String.join(" vs ", documents.stream().map(TraceDocument::displayName).toList());
    }

    /** Computes every figure in the background; the table and verdict follow when it is done. */
    public void start() {
        List<ComparisonSide> sides = documents.stream()
                .map(d -> ComparisonSide.whole(label(d), d.gcTrace().cycles())).toList();
        verdict.set("Comparing " + sides.size() + " traces…");
        task.submit("Compare " + title(),
                ctx -> GcComparison.of(sides, Work.on(runner.executor(), ctx::isCancelled)),
                new TaskListener<GcComparison>() {
                    @Override
                    public void succeeded(GcComparison c) {
                        comparison.set(c);
                        verdict.set(c.overall().verdictText());
                        costs.setAll(c.overall().costs());
                        regimes.setAll(c.overall().regimes());
                    }

                    @Override
                    public void failed(Throwable error) {
                        verdict.set("The comparison failed: " + error.getMessage());
                    }
                });
    }

    /** Stops a computation under way (the tab was closed). */
    public void cancel() {
        task.cancel();
    }

    public boolean isComputing() {
        return task.isRunning();
    }

    public ReadOnlyObjectProperty<GcComparison> comparisonProperty() { return comparison.getReadOnlyProperty(); }
    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }
    /** The first side against the last, one row per GC cost. */
    public ObservableList<CostRow> costs() { return costs; }
    /** The regimes the first and the last side share, nearest first, with their pauses. */
    public ObservableList<RegimeComparison> regimes() { return regimes; }
}
