package dev.gcscope.ui.sched;

import dev.gcscope.analysis.sched.HistogramHistory;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.metrics.MetricsColumns;
import dev.gcscope.render.sched.MetricsChartData;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.TaskListener;
import dev.gcscope.ui.view.FormatViews;
import dev.gcscope.ui.view.TraceView;
import java.util.List;
import javafx.scene.Node;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The desktop halves of the scheduler and runtime/metrics families ({@code perf-sched-latency},
 * {@code perf-sched-timehist}, {@code prometheus} and {@code metrics-json}), and what their views share.
 */
public final class SchedViews {
    /** The metric a runtime/metrics view opens on when the file has it: the scheduler's own latency. */
    static final List<String> PREFERRED = MetricsChartData.PREFERRED;

    private SchedViews() {}

    /** One entry per family: perf sched latency, perf sched timehist, runtime/metrics. */
    public static List<FormatViews> entries() {
        return List.of(new LatencyViews(), new TimehistViews(), new MetricsViews(), new CpuStatViews());
    }

    /**
     * The views of a document of one of these families, in tab order; none for another format.
     *
     * @param runner for any recomputation the views trigger (never on the UI thread)
     */
    public static List<TraceView> create(ParseResult result, BackgroundRunner runner) {
        return entries().stream().filter(e -> e.support().covers(result.format())).findFirst()
                .map(e -> e.views(result, runner)).orElse(List.of());
    }

    /**
     * The histograms are regrouped in the background, once for both tabs, which show "Computing…"
     * until then. The over-time tab is there only when the file has more than one snapshot.
     */
    static List<TraceView> metricsViews(ParseResult result, BackgroundRunner runner) {
        Table buckets = result.table(MetricsColumns.BUCKETS_TABLE);
        IntColumn snapshot = buckets.intColumn(MetricsColumns.SNAPSHOT);
        int first = snapshot.isEmpty() ? 0 : snapshot.getInt(0);
        boolean many = false;
        for (int i = 0; i < snapshot.size() && !many; i++) many = snapshot.getInt(i) != first;
        LazyView histogram = new LazyView(MetricsHistogramView.ID, "Histogram");
        LazyView overTime = many ? new LazyView(MetricsOverTimeView.ID, "Over time") : null;
        runner.submit("runtime/metrics histories", ctx -> HistogramHistory.of(buckets), new TaskListener<List<HistogramHistory>>() {
            @Override
            public void succeeded(List<HistogramHistory> h) {
                histogram.show(new MetricsHistogramView(h));
                if (overTime != null) overTime.show(new MetricsOverTimeView(h));
            }

            @Override
            public void failed(Throwable error) {
                histogram.root.fail(error);
                if (overTime != null) overTime.root.fail(error);
            }
        });
        return overTime == null ? List.of(histogram) : List.of(histogram, overTime);
    }

    /** The metric shown first: a preferred one with observations, else the first with any. */
    static HistogramHistory preferred(List<HistogramHistory> histories) {
        return MetricsChartData.preferred(histories);
    }

    /** A tab whose content is built once the document's histogram histories are computed. */
    static final class LazyView implements TraceView {
        private final String id;
        private final String title;
        private final LoadingPane root = new LoadingPane();
        private TraceView content;

        LazyView(String id, String title) {
            this.id = id;
            this.title = title;
            root.setId(id + "-tab");
        }

        void show(TraceView view) {
            content = view;
            root.show(view.root());
        }

        /** The view built once the histories are there; null before. */
        TraceView content() { return content; }

        @Override public String title() { return title; }
        @Override public String id() { return id; }
        @Override public Node root() { return root; }
    }
}
