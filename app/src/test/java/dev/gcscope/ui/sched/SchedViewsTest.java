package dev.gcscope.ui.sched;

import dev.gcscope.render.chart.PercentileLinesPlot;
import dev.gcscope.render.chart.BucketHistogramPlot;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcscope.analysis.ReferenceQuantile;
import dev.gcscope.analysis.sched.LatencyGroups;
import dev.gcscope.analysis.sched.SchedSamples;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.ui.LayoutPass;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.chart.BucketHistogramChart;
import dev.gcscope.render.plot.Quantity;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.view.TraceView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The scheduler and metrics views on headless Monocle, filled from real samples with the synchronous runner. */
@ExtendWith(ApplicationExtension.class)
class SchedViewsTest {
    /** {@code phases:5250 | 197.398 ms | 240 | avg: 0.399 ms | max: 8.048 ms | ...} */
    private static final Pattern LATENCY_ROW = Pattern.compile(
            "^\\s*(\\S.*?):(\\d+)\\s*\\|\\s*([\\d.]+) ms \\|\\s*(\\d+) \\|\\s*avg:\\s*([\\d.]+) ms \\|\\s*max:\\s*([\\d.]+) ms", Pattern.MULTILINE);

    private Stage stage;
    private final StackPane host = new StackPane();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(host, 1280, 800);
        Theme.apply(host, false);
        stage.setScene(scene);
        stage.show();
    }

    private List<TraceView> open(FxRobot robot, ParseResult r) {
        List<TraceView> views = new ArrayList<>();
        robot.interact(() -> {
            views.addAll(SchedViews.create(r, new SynchronousRunner()));
            if (!views.isEmpty()) host.getChildren().setAll(views.get(0).root());
        });
        WaitForAsyncUtils.waitForFxEvents();
        return views;
    }

    private void showRoot(FxRobot robot, TraceView v) {
        robot.interact(() -> host.getChildren().setAll(v.root()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private record RawLatency(String comm, double runtimeMs, long switches, double maxMs) {}

    private static List<RawLatency> rawLatency(String path) {
        List<RawLatency> out = new ArrayList<>();
        Matcher m = LATENCY_ROW.matcher(SchedSamples.text(path));
        while (m.find()) out.add(new RawLatency(m.group(1), Double.parseDouble(m.group(3)), Long.parseLong(m.group(4)), Double.parseDouble(m.group(6))));
        return out;
    }

    /** A -p recording whose worst delay is a JVM compiler thread's, not the Go program's. */
    private static final String MACHINE_WORST_ELSEWHERE = "perf/go1.24-gmp2-latency-p.txt";

    @Test
    void theGoProgramIsSingledOutFromTheMachineAndAnotherCanBePicked(FxRobot robot) {
        List<RawLatency> raw = rawLatency(MACHINE_WORST_ELSEWHERE);
        List<RawLatency> go = raw.stream().filter(r -> r.comm().equals("phases")).toList();
        RawLatency machineWorst = raw.stream().max(java.util.Comparator.comparingDouble(RawLatency::maxMs)).orElseThrow();
        double goWorst = go.stream().mapToDouble(RawLatency::maxMs).max().orElseThrow();
        // The recording's worst delay belongs to another task: the point of singling the program out.
        assertFalse(machineWorst.comm().equals("phases"), machineWorst.toString());

        ParseResult r = SchedSamples.parse(MACHINE_WORST_ELSEWHERE);
        List<TraceView> views = open(robot, r);
        LatencyTableView v = (LatencyTableView) views.get(0);
        assertEquals("phases", v.program().getValue(), "the program that ran longest is the one recorded, not bash with the most rows");
        String figures = v.programFigures().getText();
        assertTrue(figures.startsWith(go.size() + " threads · "), figures);
        assertTrue(figures.contains(String.format(Locale.ROOT, "worst delay %.3f ms", goWorst)), figures);
        assertEquals("phases", v.tree().getSelectionModel().getSelectedItem().getValue().task().split(" ")[0]);
        assertTrue(v.tree().getSelectionModel().getSelectedItem().isExpanded());

        var figure = new LatencyViews().keyFigures(r).stream().filter(k -> k.id().equals("program-delay")).findFirst().orElseThrow();
        assertEquals(String.format(Locale.ROOT, "%.3f ms  phases (%d threads)", goWorst, go.size()), figure.value());

        robot.interact(() -> v.program().setValue(machineWorst.comm()));
        assertTrue(v.programFigures().getText().contains(String.format(Locale.ROOT, "worst delay %.3f ms", machineWorst.maxMs())),
                v.programFigures().getText());
        assertTrue(v.tree().getSelectionModel().getSelectedItem().getValue().task().startsWith(machineWorst.comm()));
    }

    @Test
    void latencyTableGroupsTheGoProgramsThreadsSortsAndFilters(FxRobot robot) {
        List<RawLatency> raw = rawLatency(SchedSamples.LATENCY_P);
        List<RawLatency> go = raw.stream().filter(r -> r.comm().equals("phases")).toList();
        assertTrue(go.size() > 1);
        List<TraceView> views = open(robot, SchedSamples.parse(SchedSamples.LATENCY_P));
        LatencyTableView v = (LatencyTableView) views.get(0);
        assertEquals(raw.size(), v.filter().getBackingList().size());

        // grouped by default: the program's threads under one parent with their sums and worst max
        assertTrue(v.groupToggle().isSelected());
        assertTrue(v.tree().isVisible());
        TreeItem<LatencyTableView.Item> phases = v.tree().getRoot().getChildren().stream()
                .filter(t -> t.getValue().task().startsWith("phases")).findFirst().orElseThrow();
        assertEquals(go.size(), phases.getChildren().size());
        assertEquals(go.stream().mapToDouble(RawLatency::runtimeMs).sum(), phases.getValue().runtimeMs(), 1e-9);
        assertEquals(go.stream().mapToLong(RawLatency::switches).sum(), phases.getValue().switches());
        assertEquals(go.stream().mapToDouble(RawLatency::maxMs).max().orElseThrow(), phases.getValue().maxDelayMs(), 0);
        assertEquals(raw.stream().map(RawLatency::comm).distinct().count(), v.tree().getRoot().getChildren().size());

        robot.interact(() -> v.groupToggle().setSelected(false));
        assertTrue(v.table().isVisible());
        assertFalse(v.tree().isVisible());

        // sort by max delay, largest first
        TableColumn<LatencyGroups.Row, ?> max = v.column("Max delay (ms)");
        robot.interact(() -> {
            max.setSortType(TableColumn.SortType.DESCENDING);
            v.table().getSortOrder().setAll(List.of(max));
            v.table().sort();
        });
        assertEquals(raw.stream().mapToDouble(RawLatency::maxMs).max().orElseThrow(), v.table().getItems().get(0).maxDelayMs(), 0);
        for (int i = 1; i < v.table().getItems().size(); i++) {
            assertTrue(v.table().getItems().get(i - 1).maxDelayMs() >= v.table().getItems().get(i).maxDelayMs());
        }

        // filter the comm column down to the Go program
        TableColumn<LatencyGroups.Row, ?> comm = v.column("Comm");
        robot.interact(() -> {
            v.filter().unSelectAllValues(comm);
            v.filter().selectValue(comm, "phases");
            v.filter().executeFilter();
        });
        assertEquals(go.size(), v.table().getItems().size());
        assertTrue(v.table().getItems().stream().allMatch(r -> r.comm().equals("phases")));
        robot.interact(() -> v.filter().resetAllFilters());
        assertEquals(raw.size(), v.table().getItems().size());
    }

    @Test
    void timehistHistogramFollowsTheChosenTask(FxRobot robot) {
        String path = SchedSamples.TIMEHIST;
        List<TraceView> views = open(robot, SchedSamples.parse(path));
        TimehistDelayView v = (TimehistDelayView) views.get(0);
        List<TaskDelays.Task> items = v.tasks().getItems();
        assertFalse(items.isEmpty());
        TaskDelays.Task busiest = items.stream().max(java.util.Comparator.comparingInt(TaskDelays.Task::switches)).orElseThrow();
        assertSame(busiest, v.tasks().getSelectionModel().getSelectedItem());
        assertEquals(busiest.switches(), v.histogram().barsProperty().get().total(), 0);
        assertEquals(zeroDelayRows(path, busiest.pid()), v.histogram().barsProperty().get().counts()[0], 0,
                "the first bin holds the delays perf printed as 0.000");
        assertEquals(busiest.switches(), v.overTime().dataProperty().get().rawY().length);

        TaskDelays.Task other = items.stream().filter(t -> t != busiest && t.switches() > 5).findFirst().orElseThrow();
        robot.interact(() -> v.tasks().getSelectionModel().select(other));
        assertEquals(other.switches(), v.histogram().barsProperty().get().total(), 0);
        assertEquals(zeroDelayRows(path, other.pid()), v.histogram().barsProperty().get().counts()[0], 0);
        double[] markers = v.histogram().barsProperty().get().markers();
        assertEquals(other.p99Ms() / 1000, markers[2], 1e-15);
    }

    private static long zeroDelayRows(String path, int pid) {
        Matcher m = Pattern.compile("\\[(\\d+)(?:/(\\d+))?\\]\\s+[\\d.]+\\s+0\\.000\\s+[\\d.]+\\s*$", Pattern.MULTILINE).matcher(SchedSamples.text(path));
        long n = 0;
        while (m.find()) if (Integer.parseInt(m.group(2) == null ? m.group(1) : m.group(2)) == pid) n++;
        return n;
    }

    @Test
    void metricsHistogramAndHeatmapShowTheRawSnapshotsAndTheirDifferences(FxRobot robot) throws Exception {
        String path = SchedSamples.METRICS_LINES;
        String metric = "/sched/latencies:seconds";
        List<JsonNode> lines = new ArrayList<>();
        for (String l : SchedSamples.text(path).split("\n")) if (!l.isBlank()) lines.add(new ObjectMapper().readTree(l));
        List<TraceView> views = open(robot, SchedSamples.parse(path));
        assertEquals(List.of("Histogram", "Over time"), views.stream().map(TraceView::title).toList());
        MetricsHistogramView h = findHistogramView(views);
        assertEquals(metric, h.metric().getValue().name());
        BucketHistogramPlot.Bars bars = h.chart().barsProperty().get();
        double[] last = counts(lines.get(lines.size() - 1), metric);
        assertArrayEquals(last, bars.counts());
        double[] le = upper(lines.get(0), metric);
        assertTrue(h.facts().getText().contains("P99 " + Quantity.SECONDS.format(ReferenceQuantile.of(0.99, le, last))), h.facts().getText());
        robot.interact(() -> h.snapshot().setValue(1));
        assertArrayEquals(counts(lines.get(0), metric), h.chart().barsProperty().get().counts());

        showRoot(robot, views.get(1));
        MetricsOverTimeView o = findOverTimeView(views);
        var cells = o.heatmap().cellsProperty().get();
        assertEquals(lines.size() - 1, cells.columns(), "one heatmap column per interval");
        double max = 0;
        for (int i = 1; i < lines.size(); i++) {
            double[] a = counts(lines.get(i - 1), metric), b = counts(lines.get(i), metric);
            for (int k = 0; k < a.length; k++) {
                assertEquals(b[k] - a[k], cells.counts()[i - 1][k], 0, "interval " + i + " bucket " + k);
                max = Math.max(max, b[k] - a[k]);
            }
            assertEquals(lines.get(i).get("t").asDouble(), cells.endX()[i - 1], 1e-9);
        }
        assertEquals(String.format(Locale.ROOT, "%,.0f", max), o.legend().maxText());
        double[] p99 = o.percentiles().dataProperty().get().line(dev.gcscope.render.chart.PercentileLinesPlot.Role.P99);
        assertEquals(lines.size() - 1, p99.length);
    }

    private static MetricsHistogramView findHistogramView(List<TraceView> views) {
        return (MetricsHistogramView) ((SchedViews.LazyView) views.get(0)).content();
    }

    private static MetricsOverTimeView findOverTimeView(List<TraceView> views) {
        return (MetricsOverTimeView) ((SchedViews.LazyView) views.get(1)).content();
    }

    private static double[] counts(JsonNode line, String metric) {
        JsonNode c = line.get("histograms").get(metric).get("counts");
        double[] out = new double[c.size()];
        for (int i = 0; i < out.length; i++) out[i] = c.get(i).asDouble();
        return out;
    }

    private static double[] upper(JsonNode line, String metric) {
        JsonNode b = line.get("histograms").get(metric).get("buckets");
        double[] out = new double[b.size() - 1];
        for (int i = 1; i < b.size(); i++) out[i - 1] = b.get(i).isTextual() ? Double.POSITIVE_INFINITY : b.get(i).asDouble();
        return out;
    }

    @Test
    void oneSnapshotGivesOnlyTheHistogramAndOddInputsDoNotCrash(FxRobot robot) throws Exception {
        List<TraceView> single = open(robot, SchedSamples.parse(SchedSamples.METRICS_LIST));
        assertEquals(List.of("Histogram"), single.stream().map(TraceView::title).toList());
        MetricsHistogramView h = findHistogramView(single);
        assertFalse(h.snapshot().isVisible());
        LayoutPass.run(robot, host);
        assertTrue(h.chart().plotArea().isPresent(), "the one snapshot is drawn");
        JsonNode list = new ObjectMapper().readTree(SchedSamples.text(SchedSamples.METRICS_LIST));
        double total = 0;
        for (JsonNode e : list) if (e.get("name").asText().equals(h.metric().getValue().name())) for (JsonNode c : e.get("counts")) total += c.asDouble();
        assertEquals(total, h.chart().barsProperty().get().total(), 0);

        List<TraceView> scrape = open(robot, SchedSamples.parse("metrics/go1.24-client_golang-1.21.1.txt"));
        assertEquals(1, scrape.size());
        assertTrue(findHistogramView(scrape).chart().barsProperty().get().total() > 0);

        // A latency table with its header and no rows, a timehist with no events: empty, not broken.
        String header = SchedSamples.text(SchedSamples.LATENCY_P).lines().limit(3).reduce("", (a, b) -> a + b + "\n");
        List<TraceView> empty = open(robot, load("empty-latency.txt", header, "perf-sched-latency"));
        assertEquals(0, ((LatencyTableView) empty.get(0)).table().getItems().size());
        String timehistHeader = SchedSamples.text(SchedSamples.TIMEHIST).lines().limit(3).reduce("", (a, b) -> a + b + "\n");
        List<TraceView> noEvents = open(robot, load("empty-timehist.txt", timehistHeader, "perf-sched-timehist"));
        assertEquals(0, ((TimehistDelayView) noEvents.get(0)).tasks().getItems().size());
        assertNotNull(((TimehistDelayView) noEvents.get(0)).histogram().barsProperty().get());
    }

    private static ParseResult load(String name, String text, String format) throws Exception {
        return TraceLoader.standard().load(TraceSource.of(name, text.getBytes(StandardCharsets.UTF_8)), format, ParseListener.NONE);
    }
}
