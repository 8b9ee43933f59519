package dev.gcscope.analysis.incident;

import dev.gcscope.analysis.Percentiles;
import dev.gcscope.analysis.sched.HistogramHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Lays the sources of an incident on its clock and grid ({@link IncidentLanes}). Each lane takes the
 * first source of its kind; the others are named in {@link IncidentSources#notes()} by the caller.
 * Counters are turned into amounts per bin by spreading each sample-to-sample difference evenly over
 * the time between the two samples, so a bin gets what overlaps it.
 */
public final class LaneBuilder {
    private LaneBuilder() {}

    public static IncidentLanes build(IncidentSources s, Alignment a, double binWidthS) {
        Bins bins = grid(s, a, binWidthS);
        Optional<IncidentLanes.Gc> gc = s.gc().stream().findFirst().map(g -> gc(g, a.require(g.file(), SourceAlignment.GCTRACE), bins));
        Optional<IncidentLanes.KernelDelay> kernel = s.kernel().stream().findFirst()
                .map(k -> kernel(k, a.require(k.file(), SourceAlignment.PERF), bins));
        Optional<RuntimeSource> rt = s.runtime().stream().filter(r -> r.latencies() != null).findFirst();
        Optional<IncidentLanes.RuntimeLatency> runtime = rt.map(r -> runtime(r, a.require(r.file(), SourceAlignment.RUNTIME), bins, gc));
        Optional<RuntimeSource> withGoroutines = s.runtime().stream().filter(r -> anyFinite(r.goroutines())).findFirst();
        Optional<IncidentLanes.Pressure> pressure = withGoroutines.map(r -> pressure(r, a.require(r.file(), SourceAlignment.RUNTIME), bins));
        Optional<IncidentLanes.Quota> quota = s.quota().stream().findFirst()
                .map(q -> quota(q, a.require(q.file(), SourceAlignment.QUOTA), bins));
        return new IncidentLanes(bins, gc, kernel, runtime, pressure, quota);
    }

    /**
     * The goroutine latency lane of every runtime source that has {@code /sched/latencies}, the first being
     * {@link IncidentLanes#runtime()}: a second runtime file of the same process (a Prometheus export of the
     * Go collector beside the JSON lines) is a second view of the same latencies, on the same clock and grid,
     * with the same stop-the-world time beside it.
     */
    public static List<IncidentLanes.RuntimeLatency> runtimeLanes(IncidentSources s, Alignment a, IncidentLanes lanes) {
        return s.runtime().stream().filter(r -> r.latencies() != null)
                .map(r -> runtime(r, a.require(r.file(), SourceAlignment.RUNTIME), lanes.bins(), lanes.gc())).toList();
    }

    /**
     * GC's share of the CPU per bin as the runtime counted it ({@code /cpu/classes/gc/total} over
     * {@code /cpu/classes/total}, which is GOMAXPROCS × wall time), from the first runtime source that has both
     * counters: each snapshot-to-snapshot difference spread over the bins it covers, as the quota's counters are.
     * A second view of gctrace's GC CPU share, measured rather than read from rounded log fields. Empty
     * when no runtime source has the counters.
     */
    public static Optional<double[]> runtimeGcCpuShare(IncidentSources s, Alignment a, Bins bins) {
        return s.runtime().stream().filter(r -> anyFinite(r.gcCpuS()) && anyFinite(r.totalCpuS())).findFirst()
                .map(r -> runtimeGcCpuShare(r, a.require(r.file(), SourceAlignment.RUNTIME), bins));
    }

    static double[] runtimeGcCpuShare(RuntimeSource r, SourceAlignment a, Bins bins) {
        double[] gc = zeros(bins), total = zeros(bins);
        for (int i = 1; i < r.size(); i++) {
            double dg = r.gcCpuS()[i] - r.gcCpuS()[i - 1], dt = r.totalCpuS()[i] - r.totalCpuS()[i - 1];
            // a counter that went back is a restarted process: that step is no amount
            if (Double.isNaN(dg) || Double.isNaN(dt) || dg < 0 || dt <= 0) continue;
            double from = a.toReference(r.timeS()[i - 1]), to = a.toReference(r.timeS()[i]);
            bins.spread(gc, from, to, dg);
            bins.spread(total, from, to, dt);
        }
        double[] share = bins.nan();
        for (int b = 0; b < bins.count(); b++) if (total[b] > 0) share[b] = gc[b] / total[b];
        return share;
    }

    /** From the first to the last time any aligned source covers, in whole bins from a multiple of the width. */
    static Bins grid(IncidentSources s, Alignment a, double w) {
        double from = Double.POSITIVE_INFINITY, to = Double.NEGATIVE_INFINITY;
        for (Object src : ClockAlignment.ordered(s)) {
            SourceAlignment al = a.require(ClockAlignment.fileOf(src), ClockAlignment.kindOf(src));
            double[] span = span(src);
            from = Math.min(from, al.toReference(span[0]));
            to = Math.max(to, al.toReference(span[1]));
        }
        if (!(to >= from)) return new Bins(0, w, 1);
        double start = Math.floor(from / w) * w;
        return new Bins(start, w, Math.max(1, (int) Math.ceil((to - start) / w)));
    }

    private static double[] span(Object src) {
        if (src instanceof GcCycleSource g) return new double[] {g.startS()[0], g.endS()[g.size() - 1]};
        if (src instanceof ThreadDelaySource k) return k.size() == 0 ? new double[] {0, 0} : new double[] {k.switchInS()[0], k.switchInS()[k.size() - 1]};
        if (src instanceof RuntimeSource r) return new double[] {r.timeS()[0], r.timeS()[r.size() - 1]};
        QuotaSource q = (QuotaSource) src;
        return new double[] {q.timeS()[0], q.timeS()[q.size() - 1]};
    }

    static IncidentLanes.Gc gc(GcCycleSource g, SourceAlignment a, Bins bins) {
        List<IncidentLanes.GcBar> bars = new ArrayList<>();
        double[] stw = zeros(bins), maxStw = zeros(bins), cpu = zeros(bins), assist = zeros(bins), capacity = zeros(bins);
        for (int i = 0; i < g.size(); i++) {
            double start = a.toReference(g.startS()[i]), end = a.toReference(g.endS()[i]);
            bars.add(new IncidentLanes.GcBar(g.gc()[i], start, end, g.sweepTermMs()[i], g.markTermMs()[i], g.stwMs()[i]));
            pause(bins, stw, maxStw, start, g.sweepTermMs()[i]);
            pause(bins, stw, maxStw, end, g.stwMs()[i] - g.sweepTermMs()[i]);
            bins.spread(cpu, start, end, g.gcCpuMs()[i]);
            bins.spread(assist, start, end, g.assistCpuMs()[i]);
        }
        // GOMAXPROCS × the bin: what the program could have run, the share gctrace alone can give
        double procs = Double.NaN;
        for (double p : g.procs()) if (!Double.isNaN(p)) procs = p;
        for (int b = 0; b < bins.count(); b++) capacity[b] = procs * bins.widthS() * 1000;
        double[] cpuShare = new double[bins.count()], assistShare = new double[bins.count()];
        for (int b = 0; b < bins.count(); b++) {
            cpuShare[b] = cpu[b] / capacity[b];
            assistShare[b] = assist[b] / capacity[b];
        }
        return new IncidentLanes.Gc(g.file(), bars, stw, maxStw, cpuShare, assistShare, "gomaxprocs");
    }

    private static void pause(Bins bins, double[] stw, double[] maxStw, double at, double ms) {
        int b = bins.of(at);
        if (b < 0 || !(ms > 0)) return;
        stw[b] += ms;
        maxStw[b] = Math.max(maxStw[b], ms);
    }

    static IncidentLanes.KernelDelay kernel(ThreadDelaySource k, SourceAlignment a, Bins bins) {
        int n = k.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Double.compare(k.switchInS()[x], k.switchInS()[y]));
        double[] at = new double[n], ms = new double[n];
        for (int i = 0; i < n; i++) {
            at[i] = a.toReference(k.switchInS()[order[i]]);
            ms[i] = k.delayMs()[order[i]];
        }
        double[] count = zeros(bins), p50 = bins.nan(), p99 = bins.nan(), max = bins.nan();
        IncidentLanes.KernelDelay lane = new IncidentLanes.KernelDelay(k.file(), k.program(), count, p50, p99, max, at, ms);
        for (int b = 0; b < bins.count(); b++) {
            double[] d = lane.between(bins.from(b), bins.to(b));
            count[b] = d.length;
            if (d.length == 0) continue;
            Percentiles p = Percentiles.of(d);
            p50[b] = p.at(50);
            p99[b] = p.at(99);
            max[b] = p.max();
        }
        return lane;
    }

    static IncidentLanes.RuntimeLatency runtime(RuntimeSource r, SourceAlignment a, Bins bins, Optional<IncidentLanes.Gc> gc) {
        HistogramHistory h = r.latencies();
        double[][] buckets = new double[bins.count()][];
        double[] count = zeros(bins), sampleFrom = bins.nan(), sampleTo = bins.nan();
        for (HistogramHistory.Interval iv : h.intervals()) {
            if (Double.isNaN(iv.startS()) || Double.isNaN(iv.endS()) || iv.restart()) continue;
            double from = a.toReference(iv.startS()), to = a.toReference(iv.endS());
            bins.covered(from, to, b -> {
                sampleFrom[b] = Double.isNaN(sampleFrom[b]) ? from : Math.min(sampleFrom[b], from);
                sampleTo[b] = Double.isNaN(sampleTo[b]) ? to : Math.max(sampleTo[b], to);
            });
            for (int k = 0; k < iv.counts().length; k++) {
                if (iv.counts()[k] == 0) continue;
                double[] one = zeros(bins);
                bins.spread(one, from, to, iv.counts()[k]);
                for (int b = 0; b < bins.count(); b++) {
                    if (one[b] == 0) continue;
                    if (buckets[b] == null) buckets[b] = new double[h.upper().length];
                    buckets[b][k] += one[b];
                    count[b] += one[b];
                }
            }
        }
        double[] p50 = bins.nan(), p99 = bins.nan();
        IncidentLanes.RuntimeLatency lane = new IncidentLanes.RuntimeLatency(r.file(), count, p50, p99,
                gc.map(IncidentLanes.Gc::stwMs).orElse(bins.nan()), gc.map(IncidentLanes.Gc::maxStwMs).orElse(bins.nan()),
                h.upper(), buckets, sampleFrom, sampleTo, medianStep(h));
        for (int b = 0; b < bins.count(); b++) {
            if (buckets[b] == null) continue;
            p50[b] = lane.quantileMs(b, b + 1, 0.5);
            p99[b] = lane.quantileMs(b, b + 1, 0.99);
        }
        return lane;
    }

    private static double medianStep(HistogramHistory h) {
        double[] steps = h.intervals().stream().filter(iv -> !iv.restart()).mapToDouble(iv -> iv.endS() - iv.startS())
                .filter(d -> d > 0).sorted().toArray();
        return steps.length == 0 ? Double.NaN : steps[steps.length / 2];
    }

    static IncidentLanes.Pressure pressure(RuntimeSource r, SourceAlignment a, Bins bins) {
        boolean runnable = anyFinite(r.runnable());
        double[] g = runnable ? r.runnable() : r.goroutines();
        double[] peak = bins.nan(), procs = bins.nan(), perP = bins.nan();
        double[] at = new double[r.size()];
        for (int i = 0; i < r.size(); i++) {
            at[i] = a.toReference(r.timeS()[i]);
            int b = bins.of(at[i]);
            if (b < 0 || Double.isNaN(g[i])) continue;
            peak[b] = Double.isNaN(peak[b]) ? g[i] : Math.max(peak[b], g[i]);
            if (!Double.isNaN(r.gomaxprocs()[i])) procs[b] = r.gomaxprocs()[i];
        }
        for (int b = 0; b < bins.count(); b++) perP[b] = peak[b] / procs[b];
        return new IncidentLanes.Pressure(r.file(), peak, procs, perP, runnable, at, g.clone(), r.gomaxprocs().clone());
    }

    static IncidentLanes.Quota quota(QuotaSource q, SourceAlignment a, Bins bins) {
        double[] periods = zeros(bins), throttled = zeros(bins), throttledMs = zeros(bins), usage = zeros(bins);
        boolean hasUsage = false;
        for (int i = 1; i < q.size(); i++) {
            double from = a.toReference(q.timeS()[i - 1]), to = a.toReference(q.timeS()[i]);
            bins.spread(periods, from, to, q.periods()[i] - q.periods()[i - 1]);
            bins.spread(throttled, from, to, q.throttled()[i] - q.throttled()[i - 1]);
            bins.spread(throttledMs, from, to, q.throttledMs()[i] - q.throttledMs()[i - 1]);
            double u = q.usageMs()[i] - q.usageMs()[i - 1];
            hasUsage |= !Double.isNaN(u);
            bins.spread(usage, from, to, u);
        }
        double[] share = bins.nan(), cores = bins.nan();
        for (int b = 0; b < bins.count(); b++) {
            if (periods[b] > 0) share[b] = throttled[b] / periods[b];
            if (hasUsage) cores[b] = usage[b] / (bins.widthS() * 1000);
        }
        return new IncidentLanes.Quota(q.file(), periods, throttled, share, throttledMs, cores, q.hasLimit());
    }

    private static double[] zeros(Bins bins) {
        return new double[bins.count()];
    }

    static boolean anyFinite(double[] a) {
        for (double v : a) if (!Double.isNaN(v)) return true;
        return false;
    }
}
