package dev.gcscope.render.chart;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.sched.HistogramHistory;
import dev.gcscope.analysis.sched.SchedSamples;
import dev.gcscope.parsers.metrics.MetricsColumns;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.AxisTicks;
import dev.gcscope.render.plot.LinearScale;
import dev.gcscope.render.plot.Quantity;
import dev.gcscope.render.sched.MetricsChartData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runtime/metrics charts' labels (issue 15): the P50/P90/P99 names of a histogram never overlap
 * each other nor cross another marker's line, at any plot width, on every metric and snapshot of the
 * bundled recordings (the Prometheus scrape's /sched/latencies P50 and P90 sit a few pixels apart);
 * a log axis of the heatmap and the percentile lines labels every decade where the plot is tall
 * enough; a Prometheus {@code _bytes} histogram reads in bytes.
 */
class MarkerLabelsTest {
    /** A marker name's width at the charts' font, generously: "P99" is about 20 px. */
    private static final double NAME_WIDTH = 24;

    static Stream<String> metricsSamples() {
        return Stream.of(SchedSamples.SCRAPES, SchedSamples.METRICS_LINES, "metrics/go1.19-phases-histograms.jsonl");
    }

    @ParameterizedTest
    @MethodSource("metricsSamples")
    void markerNamesNeverCollideOnAnyBundledHistogramAtAnyWidth(String sample) {
        List<HistogramHistory> histories = HistogramHistory.of(SchedSamples.parse(sample).table(MetricsColumns.BUCKETS_TABLE));
        int checked = 0, close = 0;
        for (HistogramHistory h : histories) {
            for (HistogramHistory.Snapshot s : h.snapshots()) {
                BucketHistogramPlot plot = new BucketHistogramPlot(MetricsChartData.bars(h, s), true, null, null);
                AxisSpec x = plot.xAxis();
                if (x == null) continue;
                for (int width = 200; width <= 1600; width += 100) {
                    LinearScale xs = new LinearScale(x.min(), x.max(), 60, 60 + width);
                    double[] marks = plot.bars().markers();
                    double[] lineX = new double[marks.length], widths = new double[marks.length];
                    for (int m = 0; m < marks.length; m++) {
                        lineX[m] = marks[m] > 0 && Double.isFinite(marks[m]) ? xs.toPixel(Math.log10(marks[m])) : Double.NaN;
                        widths[m] = NAME_WIDTH;
                    }
                    if (!Double.isNaN(lineX[0]) && !Double.isNaN(lineX[1]) && Math.abs(lineX[1] - lineX[0]) < NAME_WIDTH) close++;
                    assertClear(MarkerLabels.place(lineX, widths, 60, 60 + width), lineX, widths, 60, 60 + width);
                    checked++;
                }
            }
        }
        assertTrue(checked > 0, sample);
        if (sample.equals(SchedSamples.SCRAPES)) assertTrue(close > 0, "the scrape has P50 and P90 closer than a name is wide");
    }

    @Test
    void threeMarkersOnOnePixelStackAndOneAtTheRightEdgeGoesLeft() {
        double[] x = {300, 301, 302};
        double[] w = {24, 24, 24};
        MarkerLabels.Place[] p = MarkerLabels.place(x, w, 0, 600);
        assertClear(p, x, w, 0, 600);
        double[] edge = {100, 590};
        MarkerLabels.Place[] q = MarkerLabels.place(edge, new double[] {24, 24}, 0, 600);
        assertEquals(590 - MarkerLabels.GAP - 24, q[1].x(), 1e-9, "no room on the right: the name goes left of its line");
        assertEquals(0, q[1].row());
    }

    private static void assertClear(MarkerLabels.Place[] p, double[] lineX, double[] w, double left, double right) {
        for (int a = 0; a < p.length; a++) {
            if (Double.isNaN(lineX[a])) {
                assertNull(p[a]);
                continue;
            }
            assertNotNull(p[a]);
            assertTrue(p[a].x() >= left - 1e-9 && p[a].x() + w[a] <= right + 1e-9, "inside the plot");
            assertTrue(Math.abs(p[a].x() + w[a] + MarkerLabels.GAP - lineX[a]) < 1e-9 || Math.abs(p[a].x() - MarkerLabels.GAP - lineX[a]) < 1e-9
                    || p[a].row() >= p.length, "beside its own line");
            for (int b = 0; b < p.length; b++) {
                if (b == a || Double.isNaN(lineX[b])) continue;
                // crossing a line is allowed only where no side of its own line has room (lines closer than a name)
                boolean crosses = lineX[b] > p[a].x() && lineX[b] < p[a].x() + w[a];
                assertFalse(crosses && hasRoom(a, lineX, w[a], left, right), "name " + a + " crosses line " + b);
                if (p[b] != null && p[b].row() == p[a].row()) {
                    assertTrue(p[a].x() + w[a] <= p[b].x() || p[b].x() + w[b] <= p[a].x(), "names " + a + " and " + b + " overlap");
                }
            }
        }
    }

    /** True when a name of width {@code w} fits on one side of line {@code a} without reaching another line. */
    private static boolean hasRoom(int a, double[] lineX, double w, double left, double right) {
        double x = lineX[a];
        boolean rightFree = x + MarkerLabels.GAP + w <= right, leftFree = x - MarkerLabels.GAP - w >= left;
        for (int o = 0; o < lineX.length; o++) {
            if (o == a || Double.isNaN(lineX[o])) continue;
            if (lineX[o] >= x && lineX[o] <= x + MarkerLabels.GAP + w + 1) rightFree = false;
            if (lineX[o] <= x && lineX[o] >= x - MarkerLabels.GAP - w - 1) leftFree = false;
        }
        return rightFree || leftFree;
    }

    @ParameterizedTest
    @MethodSource("metricsSamples")
    void theHeatmapAndThePercentileLinesLabelEveryDecadeWhenTheyAreTallEnough(String sample) {
        List<HistogramHistory> histories = MetricsChartData.withIntervals(
                HistogramHistory.of(SchedSamples.parse(sample).table(MetricsColumns.BUCKETS_TABLE)));
        int checked = 0;
        for (HistogramHistory h : histories) {
            BucketHeatmapPlot heat = new BucketHeatmapPlot(MetricsChartData.heatmap(h), null);
            PercentileLinesPlot lines = new PercentileLinesPlot(MetricsChartData.percentiles(h));
            List<AxisSpec> axes = new ArrayList<>();
            if (heat.yAxis() != null) axes.add(heat.yAxis());
            for (double height : new double[] {120, 140, 200, 300, 500}) {
                int maxTicks = Math.max(2, (int) (height / 42));
                check(heat.yAxis(), heat.yAxis() == null ? null : heat.yTicks(heat.yAxis(), maxTicks), height);
                if (lines.logY()) check(lines.yAxis(), lines.yTicks(lines.yAxis(), maxTicks), height);
                checked++;
            }
        }
        assertTrue(checked > 0, sample);
    }

    /** Every whole decade inside the axis is a tick, when the axis has 18 px or more per decade. */
    private static void check(AxisSpec axis, AxisTicks ticks, double height) {
        if (axis == null) return;
        int first = (int) Math.ceil(axis.min() - 1e-9), last = (int) Math.floor(axis.max() + 1e-9);
        if (last < first || ((int) (height / 42)) * 42.0 / (axis.max() - axis.min()) < 18) return;
        List<Double> at = new ArrayList<>();
        for (int i = 0; i < ticks.count(); i++) at.add(ticks.at(i));
        for (int d = first; d <= last; d++) {
            final int decade = d;
            assertTrue(at.stream().anyMatch(v -> Math.abs(v - decade) < 1e-9), "decade 1e" + d + " labelled at " + height + " px: " + at);
        }
    }

    @Test
    void aPrometheusBytesOrSecondsHistogramReadsInItsUnit() {
        assertEquals(Quantity.BYTES, Quantity.ofMetric("http_response_size_bytes"));
        assertEquals(Quantity.BYTES, Quantity.ofMetric("grpc_msg_bytes{service=\"a:b\"}"));
        assertEquals(Quantity.SECONDS, Quantity.ofMetric("go_gc_duration_seconds"));
        assertEquals(Quantity.BYTES, Quantity.ofMetric("/gc/heap/allocs-by-size:bytes"));
        assertEquals(Quantity.PLAIN, Quantity.ofMetric("/gc/cycles/total:gc-cycles"));
        assertEquals(Quantity.PLAIN, Quantity.ofMetric("queue_items"));
        assertEquals("32 KiB", Quantity.ofMetric("http_response_size_bytes").format(32768));
    }
}
