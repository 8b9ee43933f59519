package dev.gcscope.analysis.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    static final String RERUN = "paired/go1.24-phases-rerun-histograms.jsonl.gz";
    static final String STEADY_A = "metrics-steady/free-a-metrics.jsonl.gz";
    static final String STEADY_B = "metrics-steady/free-b-metrics.jsonl.gz";
    static final String STEADY_QUOTA = "metrics-steady/quota5-metrics.jsonl.gz";

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
                // an upper end of P99.9 needs 3,688 independent observations (PercentileInterval.cyclesForBounds);
                // the latencies come in bursts (variance inflation in the thousands at P90), which opens more
                boolean enough = q.a().hasHigh() && q.a().hasLow();
                assertEquals(enough ? MetricsComparison.Change.NO_CLEAR_CHANGE : MetricsComparison.Change.NOT_ENOUGH_DATA, q.change(),
                        m.metric() + " " + q.name());
                if (m.countA() < 3688 && q.name().equals("p999")) assertFalse(enough);
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
    void theQuotaStretchesTheGcPausesTailButItsBurstsLeaveTheChangeUnproven() {
        MetricsComparison.Result r = MetricsComparison.of(histories(FREE), histories(QUOTA));
        MetricsComparison.MetricRow pauses = r.metrics().stream().filter(m -> m.metric().equals("/sched/pauses/total/gc:seconds"))
                .findFirst().orElseThrow();
        MetricsComparison.Row p99 = pauses.rows().get(2);
        assertTrue(p99.ratio() > 30, p99.toString()); // 0.27 -> 8.7 ms
        // Taken as independent, the 284 pauses under the quota put P99 at least 4.6 times the free run's. But 56 %
        // of them came in one 100 ms interval (Python reading the file): the stretches are worth three, two
        // degrees of freedom, and the widened interval holds 1.
        HistogramHistory quota = MetricsComparison.find(GcPauseComparison.PAUSE_METRICS, histories(QUOTA)).orElseThrow();
        assertEquals(2, SnapshotStretches.of(quota).degreesOfFreedom());
        assertTrue(p99.b().allowsForBursts() && p99.a().allowsForBursts());
        assertEquals(MetricsComparison.Change.NO_CLEAR_CHANGE, p99.change(), p99.toString());
        assertTrue(p99.ratioLow() < 1, p99.toString());
        HistogramHistory free = MetricsComparison.find(GcPauseComparison.PAUSE_METRICS, histories(FREE)).orElseThrow();
        BucketPercentile independentA = BucketPercentile.of(0.99, free.lower(), free.upper(), free.last().counts(), Math.sqrt(0.95));
        BucketPercentile independentB = BucketPercentile.of(0.99, quota.lower(), quota.upper(), quota.last().counts(), Math.sqrt(0.95));
        assertTrue(independentB.low() / independentA.high() > 1, independentA + " " + independentB);
        assertTrue(r.verdict().contains("GC pauses: no clear change (P99 0.274 → 8.72 ms)"), r.verdict());
    }

    @Test
    void theQuotaPairsLatenciesComeInBursts() {
        // against a separate reading of the files (Python, the same stretches): the goroutine latencies' count
        // below P50 and P90 varies 284 and 3,022 times as much between the free run's 100 ms snapshots as
        // for independent latencies, the quota run's P50 10.3 times
        HistogramHistory free = MetricsComparison.find(List.of(MetricsComparison.LATENCIES), histories(FREE)).orElseThrow();
        HistogramHistory quota = MetricsComparison.find(List.of(MetricsComparison.LATENCIES), histories(QUOTA)).orElseThrow();
        assertEquals(283.68, BucketPercentile.of(0.5, free, 0.95).inflation(), 0.01);
        assertEquals(3022.0, BucketPercentile.of(0.9, free, 0.95).inflation(), 0.5);
        assertEquals(10.32, BucketPercentile.of(0.5, quota, 0.95).inflation(), 0.01);
        // so the P99 that taking them as independent called 96 % shorter (95 % CI -97 % to -93 %) has no interval
        MetricsComparison.Row p99 = MetricsComparison.of(histories(FREE), histories(QUOTA)).metrics().get(0).rows().get(2);
        assertEquals(MetricsComparison.Change.NOT_ENOUGH_DATA, p99.change(), p99.toString());
    }

    @Test
    void theSameProgramRunTwiceIsNotCalledChanged() {
        // the paired recording and its rerun a week later: nothing about the program changed
        List<HistogramHistory> a = histories(SchedSamples.PAIRED_METRICS), b = histories(RERUN);
        MetricsComparison.Result r = MetricsComparison.of(a, b);
        assertEquals(2, r.metrics().size());
        int calledIfIndependent = 0;
        for (MetricsComparison.MetricRow m : r.metrics()) {
            HistogramHistory ha = MetricsComparison.find(List.of(m.seriesA()), a).orElseThrow();
            HistogramHistory hb = MetricsComparison.find(List.of(m.seriesB()), b).orElseThrow();
            for (int i = 0; i < m.rows().size(); i++) {
                MetricsComparison.Row q = m.rows().get(i);
                assertTrue(q.change() == MetricsComparison.Change.NO_CLEAR_CHANGE || q.change() == MetricsComparison.Change.NOT_ENOUGH_DATA,
                        m.metric() + " " + q);
                assertTrue(q.a().allowsForBursts() && q.b().allowsForBursts(), m.metric() + " " + q.name());
                double each = Math.sqrt(MetricsComparison.CONFIDENCE);
                BucketPercentile ia = BucketPercentile.of(MetricsComparison.QUANTILES[i], ha.lower(), ha.upper(), ha.last().counts(), each);
                BucketPercentile ib = BucketPercentile.of(MetricsComparison.QUANTILES[i], hb.lower(), hb.upper(), hb.last().counts(), each);
                if (ib.low() / ia.high() > 1 || ib.high() / ia.low() < 1) calledIfIndependent++;
            }
        }
        // taken as independent, three percentiles were called changed (latency P99 and P99.9, GC pause P90)
        assertEquals(3, calledIfIndependent);
        // and the verdict says what would tell more: the latencies' count below a percentile varied up to 2,360
        // times as much between snapshots as independent latencies' would, the pauses' 27 times
        assertEquals("scheduling latency: no clear change (P99 0.0197 → 0.217 ms; in bursts: variance inflation up to ×2,360);"
                + " GC pauses: no clear change (P99 4.93 → 4.76 ms; in bursts: variance inflation up to ×27.1); "
                + MetricsComparison.SEVERAL_RUNS, r.verdict());
    }

    @Test
    void aSteadyLoadRunTwiceVariesLittleBetweenSnapshotsAndIsNotCalledChanged() {
        MetricsComparison.Result r = MetricsComparison.of(histories(STEADY_A), histories(STEADY_B));
        assertEquals(2, r.metrics().size());
        for (MetricsComparison.MetricRow m : r.metrics()) {
            for (MetricsComparison.Row q : m.rows()) {
                assertTrue(q.change() == MetricsComparison.Change.NO_CLEAR_CHANGE || q.change() == MetricsComparison.Change.NOT_ENOUGH_DATA,
                        m.metric() + " " + q);
                // without phases the count below varies about as for independent observations (0.09-4.8 when
                // recorded), where the phased recordings' latencies vary hundreds to thousands of times as much
                for (BucketPercentile side : List.of(q.a(), q.b())) {
                    assertTrue(side.allowsForBursts() && side.inflation() < 10, m.metric() + " " + q.name() + " " + side);
                }
            }
        }
        // so nothing suggests more runs
        assertEquals("scheduling latency: no clear change (P99 0.16 → 0.138 ms); GC pauses: no clear change (P99 0.0873 → 0.0819 ms)",
                r.verdict());
    }

    @Test
    void aRealChangeUnderASteadyLoadIsStillCalled() {
        // the same steady load under a quota of a twentieth of a CPU, which it overruns (197 of 197 periods throttled)
        MetricsComparison.Result r = MetricsComparison.of(histories(STEADY_A), histories(STEADY_QUOTA));
        MetricsComparison.MetricRow latency = r.metrics().get(0), pauses = r.metrics().get(1);
        assertEquals(MetricsComparison.LATENCIES, latency.metric());
        // every change that taking the observations as independent calls; GC pause P99 (0.087 → 96 ms) was lost
        // while the widened interval scaled its ends' distances, and is called at the effective sample size
        for (MetricsComparison.Row q : List.of(latency.rows().get(1), latency.rows().get(2), pauses.rows().get(0), pauses.rows().get(1),
                pauses.rows().get(2))) {
            assertEquals(MetricsComparison.Change.LONGER, q.change(), q.toString());
            assertTrue(q.a().allowsForBursts() && q.b().allowsForBursts(), q.toString());
            assertTrue(q.ratioLow() > 1, q.toString());
        }
        assertTrue(r.verdict().startsWith("scheduling latency: P99 longer 0.16 → 86.2 ms"), r.verdict());
        assertFalse(r.verdict().contains("independent"), r.verdict());
    }
}
