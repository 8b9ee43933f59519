package dev.gcscope.render.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.sched.HistogramHistory;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.metrics.MetricsColumns;
import dev.gcscope.render.chart.BucketHeatmapPlot;
import dev.gcscope.render.chart.PercentileLinesPlot;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.AxisTicks;
import dev.gcscope.samples.SampleTraces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsChartDataTest {
    @TempDir
    Path dir;

    @Test
    void yTitlesNameTheMetricWithoutItsUnit() {
        assertEquals("/sched/latencies", MetricsChartData.axisName("/sched/latencies:seconds"));
        assertEquals("/gc/heap/allocs-by-size", MetricsChartData.axisName("/gc/heap/allocs-by-size:bytes"));
        assertEquals("go_sched_latencies_seconds", MetricsChartData.axisName("go_sched_latencies_seconds"));
        assertEquals("http_request_duration_seconds{path=\"/a:b\"}",
                MetricsChartData.axisName("http_request_duration_seconds{path=\"/a:b\"}"));
    }

    /**
     * Snapshots without times put the percentile lines over interval numbers 1, 2, 3…: at 1600 px the
     * axis read "1.0, 1.5, 2.0"; an interval 1.5 does not exist.
     */
    @Test
    void intervalNumbersAreTickedAtWholeNumbersOnly() throws Exception {
        Path metrics = SampleTraces.get("metrics/go1.24-phases-histograms.jsonl").copyTo(dir);
        HistogramHistory h = MetricsChartData.preferred(HistogramHistory.of(
                TraceLoader.standard().load(TraceSource.of(metrics), null, ParseListener.NONE).table(MetricsColumns.BUCKETS_TABLE)));
        // the first five snapshots, as if the input gave no times: four intervals
        List<HistogramHistory.Interval> untimed = new ArrayList<>();
        for (HistogramHistory.Interval i : h.intervals().subList(0, 4)) {
            untimed.add(new HistogramHistory.Interval(i.index(), i.fromSnapshot(), i.toSnapshot(), Double.NaN, Double.NaN,
                    i.counts(), i.total(), i.restart(), i.p50(), i.p90(), i.p99()));
        }
        HistogramHistory noTimes = new HistogramHistory(h.name(), h.lower(), h.upper(), h.snapshots().subList(0, 5), untimed,
                h.skippedSnapshots());
        PercentileLinesPlot plot = new PercentileLinesPlot(MetricsChartData.percentiles(noTimes));
        AxisSpec x = plot.xAxis();
        // a 1600 px window's plot is about 1400 px wide: 20 ticks at 70 px each
        AxisTicks ticks = plot.xTicks(x, 20);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < ticks.count(); i++) {
            labels.add(ticks.label(i));
            assertEquals(Math.rint(ticks.at(i)), ticks.at(i), 0, "tick " + ticks.label(i));
        }
        assertTrue(labels.containsAll(List.of("1", "2", "3", "4")), labels::toString);
        // and the heatmap above it, whose columns are the same intervals
        BucketHeatmapPlot heatmap = new BucketHeatmapPlot(MetricsChartData.heatmap(noTimes), null);
        AxisTicks columns = heatmap.xTicks(heatmap.xAxis(), 20);
        for (int i = 0; i < columns.count(); i++) assertEquals(Math.rint(columns.at(i)), columns.at(i), 0, "tick " + columns.label(i));
        assertTrue(columns.count() >= 4, "a tick per interval boundary at least: " + columns.count());

        // with times, the axis is seconds, and half seconds are fine
        PercentileLinesPlot timed = new PercentileLinesPlot(MetricsChartData.percentiles(h));
        assertEquals("interval end (s)", timed.xAxis().title());
        assertTrue(!timed.xAxis().integerTicks());
    }
}
