package dev.gcscope.ui.compare;

import dev.gcscope.analysis.compare.TraceComparison;
import dev.gcscope.analysis.sched.Ccdf;
import dev.gcscope.analysis.sched.DelayComparison;
import dev.gcscope.analysis.sched.HistogramHistory;
import dev.gcscope.analysis.sched.MetricsComparison;
import dev.gcscope.parsers.metrics.MetricsColumns;
import dev.gcscope.parsers.perfsched.TimehistColumns;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.LatestTask;
import dev.gcscope.ui.task.TaskListener;
import dev.gcscope.ui.workspace.TraceDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A comparison of two {@code perf sched timehist} documents ({@link DelayComparison}) or two
 * runtime/metrics documents ({@link MetricsComparison}), A first (issue 11): the percentiles side by
 * side as table rows, the verdict, and each distribution's complementary CDF for the overlay. Computed
 * off the UI thread on the window's runner, latest request wins; a swap compares again, a new label only
 * renames the curves.
 */
public final class SchedComparisonViewModel implements ComparisonTabModel {
    /** One row of the table: a percentile of a task (or metric) on both sides. */
    public record Row(String group, String percentile, double a, double b, double ratio, double ratioLow, double ratioHigh,
                      String interval, String change) {}

    /** The curves of one distribution, A first, and what they count. */
    public record Curves(List<Ccdf> sides, String what, String counted) {}

    /** Everything computed for one order of the sides. */
    private record Computed(List<Row> rows, String verdict, String tests, Map<String, Curves> curves) {}

    public static final String ALL_TASKS = "all tasks";
    /** A percentile whose interval excludes 1 but which moved less than {@link DelayComparison#NEGLIGIBLE_MS}. */
    static final String NEGLIGIBLE = "negligible";

    private final List<TraceDocument> documents;
    private final CompareKinds kind;
    private final LatestTask task;
    /** True while B is shown first (swapped). */
    private boolean swapped;
    private final List<String> labelsByDocument;

    private final ObservableList<String> labels = FXCollections.observableArrayList();
    /** One read-only view, kept: a wrapper made per call listens to {@link #labels} weakly and loses its listeners when collected. */
    private final ObservableList<String> labelsShown = FXCollections.unmodifiableObservableList(labels);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> distributions = FXCollections.observableArrayList();
    private final ObjectProperty<String> distribution = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Curves> curves = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tests = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private Map<String, Curves> curvesByName = Map.of();

    public SchedComparisonViewModel(List<TraceDocument> documents, BackgroundRunner runner) {
        if (documents.size() != 2 || !CompareKinds.canCompare(documents) || CompareKinds.of(documents.get(0)) == CompareKinds.GCTRACE) {
            throw new IllegalArgumentException("a scheduler comparison takes two timehist or two runtime/metrics documents");
        }
        this.documents = List.copyOf(documents);
        this.kind = CompareKinds.of(documents.get(0));
        this.task = new LatestTask(runner);
        this.labelsByDocument = new ArrayList<>(ComparisonViewModel.defaultLabels(this.documents));
        distribution.addListener((obs, old, now) -> curves.set(now == null ? null : curvesByName.get(now)));
        showArrangement();
    }

    public CompareKinds kind() {
        return kind;
    }

    /** Computes the comparison in the background; the table, verdict and chart follow when it lands. */
    public void start() {
        compute();
    }

    private void compute() {
        TraceDocument a = sides().get(0), b = sides().get(1);
        verdict.set("Comparing…");
        updateStatus("computing…");
        boolean timehist = kind == CompareKinds.TIMEHIST;
        task.submit("Compare " + title(), ctx -> timehist ? timehist(a, b) : metrics(a, b), new TaskListener<Computed>() {
            @Override
            public void succeeded(Computed c) {
                show(c);
            }

            @Override
            public void failed(Throwable error) {
                verdict.set("The comparison failed: " + error.getMessage());
                updateStatus("failed");
            }
        });
    }

    private static Computed timehist(TraceDocument a, TraceDocument b) {
        DelayComparison.Side sa = DelayComparison.Side.of(a.displayName(), a.result().table(TimehistColumns.EVENTS_TABLE));
        DelayComparison.Side sb = DelayComparison.Side.of(b.displayName(), b.result().table(TimehistColumns.EVENTS_TABLE));
        DelayComparison.Result r = DelayComparison.of(sa, sb);
        List<Row> out = new ArrayList<>();
        for (TraceComparison.Row row : r.overall()) out.add(row(ALL_TASKS, row, ""));
        List<String> tested = new ArrayList<>();
        Map<String, Curves> curves = new LinkedHashMap<>();
        for (DelayComparison.TaskRow t : r.tasks()) {
            String group = String.format(Locale.ROOT, "%s (%,d → %,d switches)", t.task(), t.a().switches(), t.b().switches());
            for (TraceComparison.Row row : t.rows()) out.add(row(group, row, change(t, row)));
            tested.add(String.format(Locale.ROOT, "%s: Mann–Whitney p %s, KS p %s, in-order p %s (Holm-adjusted over the tests of %s)",
                    t.task(), p(t.mannWhitneyAdjusted()), p(t.ksAdjusted()), p(t.inOrderAdjusted()),
                    r.tasks().size() == 1 ? "this one task" : r.tasks().size() + " tasks"));
            curves.put(t.task(), new Curves(List.of(Ccdf.ofSample(DelayComparison.delaysOf(sa, t.task()).orElseThrow()),
                    Ccdf.ofSample(DelayComparison.delaysOf(sb, t.task()).orElseThrow())), "scheduling delay", "switches"));
        }
        curves.put(ALL_TASKS, new Curves(List.of(Ccdf.ofSample(sa.delaysMs()), Ccdf.ofSample(sb.delaysMs())), "scheduling delay", "switches"));
        if (!r.onlyA().isEmpty()) tested.add("only in A: " + String.join(", ", r.onlyA()));
        if (!r.onlyB().isEmpty()) tested.add("only in B: " + String.join(", ", r.onlyB()));
        return new Computed(out, r.verdict(), String.join("\n", tested), curves);
    }

    private static Computed metrics(TraceDocument a, TraceDocument b) {
        MetricsComparison.Result r = MetricsComparison.of(HistogramHistory.of(a.result().table(MetricsColumns.BUCKETS_TABLE)),
                HistogramHistory.of(b.result().table(MetricsColumns.BUCKETS_TABLE)));
        List<Row> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Curves> curves = new LinkedHashMap<>();
        for (MetricsComparison.MetricRow m : r.metrics()) {
            String group = m.metric();
            notes.add(String.format(Locale.ROOT, "%s: %,.0f → %,.0f observations; intervals: A %s; B %s", m.metric(), m.countA(),
                    m.countB(), m.intervalsA(), m.intervalsB()));
            for (MetricsComparison.Row q : m.rows()) {
                String interval = q.hasInterval() ? interval(q.ratioLow(), q.ratioHigh()) : "not enough data";
                out.add(new Row(group, q.name(), q.a().value(), q.b().value(), q.ratio(), q.ratioLow(), q.ratioHigh(), interval,
                        q.change().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
            }
            boolean latency = m.metric().equals(MetricsComparison.LATENCIES);
            curves.put(m.metric(), new Curves(List.of(m.ccdfA(), m.ccdfB()), latency ? "goroutine scheduling latency" : "GC stop-the-world pause",
                    "observations"));
        }
        notes.addAll(r.missing());
        return new Computed(out, r.verdict(), String.join("\n", notes), curves);
    }

    private static Row row(String group, TraceComparison.Row r, String change) {
        String interval = Double.isNaN(r.ratioLow()) ? "" : interval(r.ratioLow(), r.ratioHigh());
        return new Row(group, r.name(), r.a(), r.b(), r.ratio(), r.ratioLow(), r.ratioHigh(), interval, change);
    }

    /** The task's call on the percentiles that carry it; the maximum has no interval and is not tested. */
    static String change(DelayComparison.TaskRow t, TraceComparison.Row r) {
        if (Double.isNaN(r.ratioLow())) return "";
        return switch (t.change()) {
            case TOO_FEW -> "too few";
            case NO_CLEAR_CHANGE -> "no clear change";
            default -> DelayComparison.supports(r, 1) ? "longer" : DelayComparison.supports(r, -1) ? "shorter"
                    : r.ratioLow() > 1 || r.ratioHigh() < 1 ? NEGLIGIBLE : "no clear change";
        };
    }

    static String interval(double low, double high) {
        String lo = Double.isFinite(low) && low > 0 ? num(low) : null, hi = Double.isFinite(high) ? num(high) : null;
        if (lo == null && hi == null) return "not enough data";
        if (hi == null) return "from " + lo;
        if (lo == null) return "up to " + hi;
        return lo + " – " + hi;
    }

    static String num(double v) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "" : "∞";
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A p-value as the comparison tabs show it: "< 0.001", else three decimals; "n/a" without a test. */
    static String p(double p) {
        if (Double.isNaN(p)) return "n/a";
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private void show(Computed c) {
        rows.setAll(c.rows());
        verdict.set(c.verdict());
        tests.set(c.tests());
        curvesByName = c.curves();
        String keep = distribution.get();
        distributions.setAll(c.curves().keySet());
        String pick = keep != null && curvesByName.containsKey(keep) ? keep : distributions.isEmpty() ? null : distributions.get(0);
        distribution.set(null); // the curves are new even when the name is not
        distribution.set(pick);
        updateStatus(null);
    }

    /** Swaps A and B and compares again. */
    public void swap() {
        swapped = !swapped;
        showArrangement();
        compute();
    }

    /** Renames the side shown at {@code position}; blank restores its default label. */
    public void relabel(int position, String label) {
        int doc = swapped ? 1 - position : position;
        String wanted = label == null || label.isBlank() ? ComparisonViewModel.defaultLabels(documents).get(doc) : label.strip();
        labelsByDocument.set(doc, wanted);
        showArrangement();
    }

    private void showArrangement() {
        List<TraceDocument> shown = sides();
        labels.setAll(shown.stream().map(d -> labelsByDocument.get(documents.indexOf(d))).toList());
        title.set(shown.get(0).displayName() + " vs " + shown.get(1).displayName());
        updateStatus(rows.isEmpty() ? "computing…" : null);
    }

    private void updateStatus(String state) {
        String what = kind == CompareKinds.TIMEHIST ? "scheduling delays" : "runtime/metrics scheduler histograms";
        String s = "Comparing " + what + " of A " + labels.get(0) + " with B " + labels.get(1);
        status.set(state == null ? s : s + " — " + state);
    }

    /** The documents in the order shown, A first. */
    public List<TraceDocument> sides() {
        return swapped ? List.of(documents.get(1), documents.get(0)) : documents;
    }

    public void cancel() {
        task.cancel();
    }

    public boolean isComputing() {
        return task.isRunning();
    }

    /** The sides' labels, A first. */
    public ObservableList<String> labels() { return labelsShown; }
    public ObservableList<Row> rows() { return rows; }
    /** The distributions the overlay can show: the tasks in both (the program first) and all tasks, or the metrics. */
    public ObservableList<String> distributions() { return distributions; }
    /** The distribution overlaid now. */
    public ObjectProperty<String> distributionProperty() { return distribution; }
    /** Its curves, A first; null until computed. */
    public ReadOnlyObjectProperty<Curves> curvesProperty() { return curves.getReadOnlyProperty(); }
    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }
    /** The tests behind the verdict, or what a side lacks, one line each. */
    public ReadOnlyStringProperty testsProperty() { return tests.getReadOnlyProperty(); }
    @Override public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    @Override public String title() { return title.get(); }
    @Override public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
