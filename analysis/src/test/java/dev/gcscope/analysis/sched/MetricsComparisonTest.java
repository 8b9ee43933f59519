package dev.gcscope.analysis.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.MetricsSummary;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.metrics.MetricsColumns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two runtime/metrics recordings side by side on real files: the quota pair, and a file against itself. */
class MetricsComparisonTest {
    static final String FREE = "sched-pair/free-metrics.jsonl";
    static final String QUOTA = "sched-pair/quota20-metrics.jsonl";

    static List<HistogramHistory> histories(String path) {
        return HistogramHistory.of(SchedSamples.parse(path).table(MetricsColumns.BUCKETS_TABLE));
    }

    @Test
    void aFileAgainstItselfHasRatiosOfOneAndNoClearChange() {
        List<HistogramHistory> h = histories(FREE);
        MetricsComparison.Result r = MetricsComparison.of(h, h);
        assertEquals(2, r.metrics().size());
        for (MetricsComparison.MetricRow m : r.metrics()) {
            for (MetricsComparison.Row q : m.rows()) {
                assertEquals(1.0, q.ratio(), 0, m.metric() + " " + q.name());
                assertTrue(q.ratioLow() <= 1 && q.ratioHigh() >= 1, m.metric() + " " + q.name());
                // an upper end of P99.9 needs 3,688 observations (PercentileInterval.cyclesForBounds)
                boolean enough = m.countA() >= 3688 || !q.name().equals("p999");
                assertEquals(enough ? MetricsComparison.Change.NO_CLEAR_CHANGE : MetricsComparison.Change.NOT_ENOUGH_DATA, q.change(),
                        m.metric() + " " + q.name());
            }
            assertTrue(m.sentence().contains("no clear change"), m.sentence());
        }
    }

    @Test
    void eachSideIsItsFilesOwnSummary() {
        MetricsComparison.Result r = MetricsComparison.of(histories(FREE), histories(QUOTA));
        for (String path : List.of(FREE, QUOTA)) {
            ParseResult p = SchedSamples.parse(path);
            MetricsSummary s = MetricsSummary.of(p.table(MetricsColumns.BUCKETS_TABLE), p.table(MetricsColumns.SERIES_TABLE),
                    p.table(MetricsColumns.SUMMARIES_TABLE));
            for (MetricsComparison.MetricRow m : r.metrics()) {
                MetricsSummary.Histogram own = s.histograms().stream().filter(x -> x.name().equals(m.metric())).findFirst().orElseThrow();
                boolean a = path.equals(FREE);
                assertEquals(own.count(), a ? m.countA() : m.countB(), 0);
                double[] mine = m.rows().stream().mapToDouble(q -> (a ? q.a() : q.b()).value()).toArray();
                assertEquals(own.p50() * 1000, mine[0], 1e-12 * Math.abs(mine[0]), m.metric());
                assertEquals(own.p90() * 1000, mine[1], 1e-12 * Math.abs(mine[1]), m.metric());
                assertEquals(own.p99() * 1000, mine[2], 1e-12 * Math.abs(mine[2]), m.metric());
            }
        }
    }

    @Test
    void theQuotaStretchesTheGcPausesTail() {
        MetricsComparison.Result r = MetricsComparison.of(histories(FREE), histories(QUOTA));
        MetricsComparison.MetricRow pauses = r.metrics().stream().filter(m -> m.metric().equals("/sched/pauses/total/gc:seconds"))
                .findFirst().orElseThrow();
        MetricsComparison.Row p99 = pauses.rows().get(2);
        assertEquals(MetricsComparison.Change.LONGER, p99.change());
        assertTrue(p99.ratioLow() > 1, p99.toString());
        assertTrue(r.verdict().contains("GC pauses: P99 longer"), r.verdict());
    }
}
