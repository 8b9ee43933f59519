package dev.gcscope.ui.compare;

import dev.gcscope.analysis.compare.ComparisonCurves;
import dev.gcscope.analysis.compare.ComparisonSide;
import dev.gcscope.analysis.compare.CostRow;
import dev.gcscope.analysis.compare.GcComparison;
import dev.gcscope.analysis.compare.RegimeComparison;
import dev.gcscope.analysis.compare.SideFigures;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.render.compare.AlignedSeries;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.LatestTask;
import dev.gcscope.ui.task.TaskListener;
import dev.gcscope.ui.workspace.TraceDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A comparison of two or more open gctrace documents, in the order given (the first is A, the last
 * B): computed off the UI thread on the window's runner, latest request wins, so recomputing (a
 * swap, a relabelled side) never lets an older result land after a newer one.
 *
 * <p>Each side's figures and curves are computed once; swapping the sides or renaming one only
 * rearranges them and recompares the pairs ({@link GcComparison#ofFigures}).
 */
public final class ComparisonViewModel implements ComparisonTabModel {
    private final List<TraceDocument> documents;
    private final BackgroundRunner runner;
    private final LatestTask task;
    /** order.get(i): the index in {@link #documents} of the side shown i-th. */
    private final List<Integer> order = new ArrayList<>();
    /** The label of each document, by its index in {@link #documents}. */
    private final List<String> labelsByDocument;
    private List<SideFigures> figuresByDocument;
    private ComparisonCurves curvesByDocument;
    private List<AlignedSeries> alignedByDocument;
    private final ReadOnlyObjectWrapper<List<AlignedSeries>> aligned = new ReadOnlyObjectWrapper<>();
    /** True while each side's figures are being computed (at the start, or for a new range): a swap waits for them. */
    private boolean figuresPending;

    private final ReadOnlyObjectWrapper<GcComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ComparisonCurves> curves = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tests = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<CostRow> costs = FXCollections.observableArrayList();
    private final ObservableList<RegimeComparison> regimes = FXCollections.observableArrayList();
    private final ObservableList<GcComparison.Rung> ladder = FXCollections.observableArrayList();
    /** The labels in the order shown. */
    private final ObservableList<String> labels = FXCollections.observableArrayList();
    /**
     * Each document's selected range, by its index in {@link #documents}: its rows and seconds since its
     * first cycle; null for the whole trace.
     */
    private final List<SideRange> rangesByDocument = new ArrayList<>();
    /** What each side compares, in the order shown: "" for the whole trace, else its range in words. */
    private final ObservableList<String> rangeTexts = FXCollections.observableArrayList();
    /**
     * One read-only view of it for every caller: an unmodifiable wrapper holds its listeners weakly on the
     * list it wraps, so a wrapper made per call, once collected, would silently drop them.
     */
    private final ObservableList<String> rangeTextsView = FXCollections.unmodifiableObservableList(rangeTexts);
    private final ObservableList<String> labelsView = FXCollections.unmodifiableObservableList(labels);

    /**
     * A side's selected time range.
     *
     * @param fromS start, seconds since the side's first cycle (as its timeline counts)
     * @param toS end
     * @param fromRow first cycle in it
     * @param toRow end of its cycles (exclusive)
     * @param total the side's cycles in all
     */
    public record SideRange(double fromS, double toS, int fromRow, int toRow, int total, int run) {
        /** A range selected on the timeline, not a run. */
        public SideRange(double fromS, double toS, int fromRow, int toRow, int total) {
            this(fromS, toS, fromRow, toRow, total, 0);
        }

        /** "12.5–40 s · 520 of 1,590 cycles"; "run 2 · 12.5–40 s · …" for a run picked. */
        public String text() {
            return (run > 0 ? "run " + run + " · " : "") + String.format(Locale.ROOT, "%s–%s s · %,d of %,d cycles",
                    dev.gcscope.format.PlainNumbers.rounded(fromS, 1), dev.gcscope.format.PlainNumbers.rounded(toS, 1),
                    toRow - fromRow, total);
        }
    }

    /**
     * The runs of side {@code position}'s trace (the process restarted within the log), in order: each
     * {first row, end row}. One run for a trace without a restart.
     */
    public List<int[]> runs(int position) {
        tech.tablesaw.api.Table cycles = documents.get(order.get(position)).gcTrace().cycles();
        List<int[]> out = new ArrayList<>();
        if (cycles.rowCount() == 0 || !cycles.containsColumn(dev.gcscope.parsers.gctrace.GcColumns.RUN)) return out;
        tech.tablesaw.api.IntColumn run = cycles.intColumn(dev.gcscope.parsers.gctrace.GcColumns.RUN);
        int start = 0;
        for (int i = 1; i <= cycles.rowCount(); i++) {
            if (i == cycles.rowCount() || run.getInt(i) != run.getInt(i - 1)) {
                out.add(new int[] {start, i});
                start = i;
            }
        }
        return out;
    }

    /**
     * Compares run {@code run} (1 for the first) of side {@code position}'s trace alone, or with 0 every
     * run, as the single-file views show them (laid end to end). Computed again in the background.
     */
    public void selectRun(int position, int run) {
        if (run == 0) {
            clearRange(position);
            return;
        }
        List<int[]> runs = runs(position);
        if (run > runs.size() || alignedByDocument == null) return;
        int doc = order.get(position);
        double[] x = alignedByDocument.get(doc).sinceFirstS();
        int[] rows = runs.get(run - 1);
        SideRange r = new SideRange(x[rows[0]], x[rows[1] - 1], rows[0], rows[1], x.length, run);
        if (r.equals(rangesByDocument.get(doc))) return;
        rangesByDocument.set(doc, r);
        showArrangement();
        start();
    }

    public ComparisonViewModel(List<TraceDocument> documents, BackgroundRunner runner) {
        if (documents.size() < 2) throw new IllegalArgumentException("a comparison needs two documents or more");
        for (TraceDocument d : documents) {
            if (!d.isGcTrace()) throw new IllegalArgumentException(d.displayName() + " is not a gctrace document");
        }
        this.documents = List.copyOf(documents);
        this.runner = runner;
        this.task = new LatestTask(runner);
        this.labelsByDocument = new ArrayList<>(defaultLabels(this.documents));
        for (int i = 0; i < documents.size(); i++) {
            order.add(i);
            rangesByDocument.add(null);
        }
        showArrangement();
    }

    /**
     * Each side's default label: its file name, and the Go releases its gctrace dialect implies only
     * where the sides differ in them (gctrace lines name no release; "Go 1.18+" on both sides tells
     * nothing apart). A name shared by two sides gets a number.
     */
    public static List<String> defaultLabels(List<TraceDocument> docs) {
        boolean versionsDiffer = docs.stream().map(TraceDocument::goVersions).distinct().count() > 1;
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (TraceDocument d : docs) {
            String go = d.goVersions();
            String name = versionsDiffer && !go.isBlank() ? d.displayName() + " · " + go : d.displayName();
            int n = seen.merge(name, 1, Integer::sum);
            out.add(n == 1 ? name : name + " (" + n + ")");
        }
        return out;
    }

    /** The labels in the order shown (A first). */
    public ObservableList<String> labels() {
        return labelsView;
    }

    /** The documents in the order shown. */
    public List<TraceDocument> sides() {
        return order.stream().map(documents::get).toList();
    }

    /** The tab's and window's name of the comparison: {@code go1.19.log vs go1.24.log}. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public String title() {
        return title.get();
    }

    /** Computes every figure in the background; the table, verdict and charts follow when it is done. */
    public void start() {
        List<ComparisonSide> sides = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            ComparisonSide side = ComparisonSide.whole(labelsByDocument.get(i), documents.get(i).gcTrace().cycles());
            SideRange r = rangesByDocument.get(i);
            sides.add(r == null ? side : side.range(r.fromRow(), r.toRow()));
        }
        verdict.set("Comparing " + sides.size() + " traces…");
        figuresPending = true;
        updateStatus("computing…");
        task.submit("Compare " + title(), ctx -> {
            Work work = Work.on(runner.executor(), ctx::isCancelled);
            GcComparison c = GcComparison.of(sides, work);
            List<AlignedSeries> series = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                series.add(alignedByDocument != null ? alignedByDocument.get(i).withLabel(sides.get(i).label())
                        : AlignedSeries.of(sides.get(i).label(), documents.get(i).gcTrace().cycles()));
            }
            return new Computed(c, ComparisonCurves.of(c.sides(), work), List.copyOf(series));
        }, new TaskListener<Computed>() {
            @Override
            public void succeeded(Computed c) {
                figuresPending = false;
                figuresByDocument = c.comparison().sides();
                curvesByDocument = c.curves();
                alignedByDocument = c.aligned();
                if (isAsComputed()) show(c.comparison(), c.curves(), c.aligned());
                else recompare();
            }

            @Override
            public void failed(Throwable error) {
                figuresPending = false;
                verdict.set("The comparison failed: " + error.getMessage());
                updateStatus("failed");
            }
        });
    }

    private record Computed(GcComparison comparison, ComparisonCurves curves, List<AlignedSeries> aligned) {}

    /** True while the sides are in the order and under the labels the figures were computed with. */
    private boolean isAsComputed() {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) != i || !labelsByDocument.get(i).equals(figuresByDocument.get(i).label())) return false;
        }
        return true;
    }

    /**
     * Compares only the cycles of side {@code position} from {@code fromS} to {@code toS} (seconds since
     * its first cycle, as its timeline counts); the other sides keep theirs. Every figure is computed
     * again in the background. A range without a cycle is refused (false).
     */
    public boolean selectRange(int position, double fromS, double toS) {
        if (alignedByDocument == null) return false;
        int doc = order.get(position);
        double[] x = alignedByDocument.get(doc).sinceFirstS();
        double from = Math.min(fromS, toS), to = Math.max(fromS, toS);
        int first = -1, last = -1;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= from && x[i] <= to) {
                if (first < 0) first = i;
                last = i;
            }
        }
        if (first < 0) return false;
        SideRange r = first == 0 && last == x.length - 1 ? null : new SideRange(from, to, first, last + 1, x.length);
        if (java.util.Objects.equals(r, rangesByDocument.get(doc))) return true;
        rangesByDocument.set(doc, r);
        showArrangement();
        start();
        return true;
    }

    /** Side {@code position} compares its whole trace again. */
    public void clearRange(int position) {
        int doc = order.get(position);
        if (rangesByDocument.get(doc) == null) return;
        rangesByDocument.set(doc, null);
        showArrangement();
        start();
    }

    /** Side {@code position}'s selected range; null for its whole trace. */
    public SideRange range(int position) {
        return rangesByDocument.get(order.get(position));
    }

    /** What each side compares, in the order shown: "" for its whole trace, else its range in words. */
    public ObservableList<String> rangeTexts() {
        return rangeTextsView;
    }

    /** Reverses the sides: B becomes A (for a ladder, the last rung becomes the first). */
    public void swap() {
        java.util.Collections.reverse(order);
        showArrangement();
        recompare();
    }

    /** Renames the side shown at {@code position}; blank restores its default label. */
    public void relabel(int position, String label) {
        int doc = order.get(position);
        String wanted = label == null || label.isBlank() ? defaultLabels(documents).get(doc) : label.strip();
        if (wanted.equals(labelsByDocument.get(doc))) {
            showArrangement();
            return;
        }
        labelsByDocument.set(doc, wanted);
        showArrangement();
        recompare();
    }

    /** Compares the computed sides again in the order and under the labels shown now. */
    private void recompare() {
        if (figuresPending) {
            // the figures under way are of other ranges or labels than these: compute them again
            if (figuresByDocument != null) start();
            return; // the first computation arranges its result when it lands
        }
        int[] shown = order.stream().mapToInt(Integer::intValue).toArray();
        List<String> shownLabels = List.copyOf(labels);
        List<SideFigures> arranged = new ArrayList<>();
        for (int i = 0; i < shown.length; i++) arranged.add(figuresByDocument.get(shown[i]).withLabel(shownLabels.get(i)));
        ComparisonCurves arrangedCurves = curvesByDocument.arranged(shown, shownLabels);
        List<AlignedSeries> arrangedSeries = new ArrayList<>();
        for (int i = 0; i < shown.length; i++) arrangedSeries.add(alignedByDocument.get(shown[i]).withLabel(shownLabels.get(i)));
        updateStatus("comparing again…");
        task.submit("Compare " + title(), ctx -> GcComparison.ofFigures(arranged, Work.on(runner.executor(), ctx::isCancelled)),
                new TaskListener<GcComparison>() {
                    @Override
                    public void succeeded(GcComparison c) {
                        show(c, arrangedCurves, List.copyOf(arrangedSeries));
                    }

                    @Override
                    public void failed(Throwable error) {
                        verdict.set("The comparison failed: " + error.getMessage());
                        updateStatus("failed");
                    }
                });
    }

    private void show(GcComparison c, ComparisonCurves arrangedCurves, List<AlignedSeries> arrangedSeries) {
        comparison.set(c);
        curves.set(arrangedCurves);
        aligned.set(arrangedSeries);
        verdict.set(c.overall().verdictText());
        tests.set(tests(c.overall()));
        costs.setAll(c.overall().costs());
        regimes.setAll(c.overall().regimes());
        ladder.setAll(c.ladder());
        updateStatus(null);
    }

    private void showArrangement() {
        labels.setAll(order.stream().map(labelsByDocument::get).toList());
        rangeTexts.setAll(order.stream().map(d -> rangesByDocument.get(d) == null ? "" : rangesByDocument.get(d).text()).toList());
        title.set(String.join(" vs ", sides().stream().map(TraceDocument::displayName).toList()));
        updateStatus(comparison.get() == null ? "computing…" : null);
    }

    /** "Comparing A go1.19.log (3,012 cycles) with B go1.24.log (2,960 cycles)", and what is under way. */
    private void updateStatus(String state) {
        StringBuilder s = new StringBuilder("Comparing ");
        List<TraceDocument> shown = sides();
        for (int i = 0; i < shown.size(); i++) {
            if (i > 0) s.append(i == shown.size() - 1 ? " with " : ", ");
            s.append(sideLetter(i, shown.size())).append(' ').append(labels.get(i));
            SideRange r = range(i);
            s.append(r == null ? String.format(Locale.ROOT, " (%,d cycles)", shown.get(i).gcTrace().cycles().rowCount())
                    : " (" + r.text() + ")");
        }
        if (state != null) s.append(" — ").append(state);
        status.set(s.toString());
    }

    /**
     * A and B for two sides; 1, 2, 3… for a ladder, whose tables set the first against the last under
     * the columns A and B (a ladder's "B" would be its second rung, not the last).
     */
    public static String sideLetter(int position, int sides) {
        return sides == 2 ? String.valueOf((char) ('A' + position)) : String.valueOf(position + 1);
    }

    /**
     * The object {@code compare --json} prints for the sides as shown (the first against the last),
     * each file named by its path as a command line would name it; empty until computed.
     */
    public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> json() {
        GcComparison c = comparison.get();
        if (c == null) return java.util.Optional.empty();
        List<TraceDocument> shown = sides();
        return java.util.Optional.of(dev.gcscope.format.ComparisonJson.of(c, fileName(shown.get(0)), fileName(shown.get(shown.size() - 1))));
    }

    /** The costs table as {@code compare --tsv} prints it; null until computed. */
    public String costsTsv() {
        return json().map(j -> dev.gcscope.export.report.ComparisonCosts.tsv(j).tsv()).orElse(null);
    }

    /** The files, verdict and costs table as {@code compare --markdown} prints them; null until computed. */
    public String costsMarkdown() {
        return json().map(dev.gcscope.export.report.ComparisonCosts::markdown).orElse(null);
    }

    /**
     * What a report compares: each side shown, in order, named by its path as {@code compare --json}
     * names it (the charts use {@link #labels()}).
     */
    public List<ComparisonSide> reportSides() {
        List<ComparisonSide> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            TraceDocument d = documents.get(order.get(i));
            ComparisonSide side = ComparisonSide.whole(fileName(d), d.gcTrace().cycles());
            SideRange r = range(i);
            out.add(r == null ? side : side.range(r.fromRow(), r.toRow()));
        }
        return out;
    }

    /** A document's file as a command line names it; a bundled sample by its name. */
    static String fileName(TraceDocument d) {
        return d.file() != null ? d.file().toString() : d.displayName();
    }

    /** Stops a computation under way (the tab was closed). */
    public void cancel() {
        task.cancel();
    }

    public boolean isComputing() {
        return task.isRunning();
    }

    public ReadOnlyObjectProperty<GcComparison> comparisonProperty() { return comparison.getReadOnlyProperty(); }
    /** Each side's curves in the order shown, under the labels shown; null until computed. */
    public ReadOnlyObjectProperty<ComparisonCurves> curvesProperty() { return curves.getReadOnlyProperty(); }
    /** Each side's timelines in the order shown, under the labels shown; null until computed. */
    public ReadOnlyObjectProperty<List<AlignedSeries>> alignedProperty() { return aligned.getReadOnlyProperty(); }
    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }

    /** The pause tests the verdict weighed, as {@code compare} prints them. */
    public ReadOnlyStringProperty testsProperty() { return tests.getReadOnlyProperty(); }

    /**
     * "Pause tests: Mann–Whitney p < 0.001, KS p < 0.001 (taking every cycle as independent); in-order p
     * 0.412 (allowing for neighbouring cycles being alike); a pause change needs the larger, Holm-adjusted
     * with every cost, under 0.05: 1.000".
     */
    static String tests(dev.gcscope.analysis.compare.PairComparison pair) {
        var pauses = pair.pauses();
        var verdict = pair.verdict();
        return "Pause tests: Mann–Whitney p " + SchedComparisonViewModel.p(pauses.mannWhitneyP()) + ", KS p "
                + SchedComparisonViewModel.p(pauses.ksP()) + " (taking every cycle as independent); in-order p "
                + SchedComparisonViewModel.p(verdict.pausesInOrderP())
                + " (allowing for neighbouring cycles being alike); a pause change needs the larger, Holm-adjusted with every"
                + " cost, under 0.05: " + SchedComparisonViewModel.p(verdict.pausesAdjustedP()) + ".";
    }

    /** What the window's status line says while the comparison is shown. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The first side against the last, one row per GC cost. */
    public ObservableList<CostRow> costs() { return costs; }
    /** The regimes the first and the last side share, nearest first, with their pauses. */
    public ObservableList<RegimeComparison> regimes() { return regimes; }
    /** One rung per side, in the order shown. */
    public ObservableList<GcComparison.Rung> ladder() { return ladder; }
}
