package dev.gcscope.analysis.incident;

import static dev.gcscope.analysis.incident.Diagnosis.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names why goroutines waited, bin by bin, following the path an engineer walks: a delay at P99 over
 * the threshold → was the CPU quota exhausted in most of the bin's periods? → was a GC pause as long as
 * the delay (the runtime's latency histogram counts the time goroutines waited while the world was
 * stopped, so a pause that long explains it by itself)? → did goroutine creation surge? → were there
 * many goroutines per P? → did GC take much of the CPU? Consecutive delayed bins with the same causes
 * become one interval, whose figures are read again over the whole interval.
 */
public final class Attribution {
    public static final double DEFAULT_THRESHOLD_MS = 10;
    /** "Throttled in most periods". */
    static final double QUOTA_MOST = 0.5;
    /** A pause this share of the P99 delay or longer accounts for the delay by itself. */
    static final double STW_EXPLAINS = 0.5;
    /** GC's own target is a quarter of GOMAXPROCS; twice that means assists or a GC that cannot keep up. */
    static final double GC_CPU_HEAVY = 0.5;
    /** A surge: the goroutine count at least doubled and grew by this many per P, within the look-back. */
    static final double SURGE_PER_P = 10;
    static final double SURGE_LOOKBACK_S = 1;
    /** Goroutines per P from which queues are long enough to wait for several time slices (10 ms each). */
    static final double PRESSURE_PER_P = 8;

    private Attribution() {}

    public static Diagnosis diagnose(IncidentSources s, Alignment a, double binWidthS, double thresholdMs) {
        IncidentLanes lanes = LaneBuilder.build(s, a, binWidthS);
        Bins bins = lanes.bins();
        List<Diagnosis.Interval> intervals = new ArrayList<>();
        int b = 0;
        while (b < bins.count()) {
            if (!(delay(lanes, b, b + 1)[0] >= thresholdMs)) {
                b++;
                continue;
            }
            List<String> ids = ids(causes(lanes, b, b + 1));
            int end = b + 1;
            while (end < bins.count() && delay(lanes, end, end + 1)[0] >= thresholdMs && ids(causes(lanes, end, end + 1)).equals(ids)) end++;
            double[] d = delay(lanes, b, end);
            intervals.add(new Diagnosis.Interval(bins.from(b), bins.to(end - 1), d[0], d[1], d[2], causes(lanes, b, end),
                    runtimeAtLeast(lanes, b, end)));
            b = end;
        }
        double start = processStart(s, a);
        return new Diagnosis(a, lanes, thresholdMs, start, intervals, verdict(lanes, intervals, thresholdMs, start));
    }

    private static List<String> ids(List<Cause> causes) {
        return causes.stream().map(Cause::cause).toList();
    }

    /** {max, kernel P99, goroutine latency P99} over bins [from, to), ms. */
    static double[] delay(IncidentLanes l, int from, int to) {
        double kernel = l.kernel().map(k -> k.percentileMs(l.bins().from(from), l.bins().to(to - 1), 99)).orElse(Double.NaN);
        double runtime = l.runtime().map(r -> r.quantileMs(from, to, 0.99)).orElse(Double.NaN);
        double max = Double.isNaN(kernel) ? runtime : Double.isNaN(runtime) ? kernel : Math.max(kernel, runtime);
        return new double[] {max, kernel, runtime};
    }

    /** Whether the runtime's P99 over bins [from, to) is only a lower bound (above its histogram's highest finite bucket). */
    static boolean runtimeAtLeast(IncidentLanes l, int from, int to) {
        return l.runtime().map(r -> r.atLeast(from, to, 0.99)).orElse(false);
    }

    static List<Cause> causes(IncidentLanes l, int from, int to) {
        Map<String, String> found = new LinkedHashMap<>();
        double[] delays = delay(l, from, to);
        double delayMs = delays[0];
        String atLeast = runtimeAtLeast(l, from, to) && !(delays[1] > delays[2]) ? "at least " : "";
        l.quota().filter(IncidentLanes.Quota::limited).ifPresent(q -> {
            double periods = sum(q.periods(), from, to), throttled = sum(q.throttledPeriods(), from, to);
            if (periods > 0 && throttled / periods >= QUOTA_MOST) {
                found.put(CPU_QUOTA, String.format(Locale.ROOT, "throttled in %.0f of %.0f periods (%.2f s throttled, summed over CPUs)",
                        throttled, periods, sum(q.throttledMs(), from, to) / 1000));
            }
        });
        String gcEvidence = null;
        boolean stwExplains = false, gcHeavy = false;
        if (l.gc().isPresent()) {
            IncidentLanes.Gc g = l.gc().get();
            double stw = sum(g.stwMs(), from, to), longest = max(g.maxStwMs(), from, to);
            double cpu = mean(g.cpuShare(), from, to), assist = mean(g.assistShare(), from, to);
            stwExplains = longest >= STW_EXPLAINS * delayMs;
            gcHeavy = cpu >= GC_CPU_HEAVY;
            gcEvidence = String.format(Locale.ROOT, "stop-the-world %s ms (longest %s ms) against a P99 delay of %s%s ms; GC used %.0f %% of"
                    + " GOMAXPROCS' CPU (assists %.0f %%)", ms(stw), ms(longest), atLeast, ms(delayMs), cpu * 100, assist * 100);
        }
        if (stwExplains) found.put(GC, gcEvidence);
        if (l.pressure().isPresent()) {
            IncidentLanes.Pressure p = l.pressure().get();
            String what = p.runnableCounted() ? "runnable goroutines" : "goroutines (all live ones: this Go does not count the runnable ones)";
            double[] surge = surge(p, l.bins().from(from) - SURGE_LOOKBACK_S, l.bins().to(to - 1));
            if (surge != null) {
                found.put(GOROUTINE_SURGE, String.format(Locale.ROOT, "%s rose from %.0f to %.0f within %.1f s (GOMAXPROCS %.0f)",
                        what, surge[0], surge[1], surge[2], surge[3]));
            }
            double perP = max(p.perP(), from, to);
            if (perP >= PRESSURE_PER_P) {
                found.put(RUNNABLE_PRESSURE, String.format(Locale.ROOT, "up to %.0f %s for GOMAXPROCS %.0f: %.0f per P",
                        max(p.goroutines(), from, to), what, max(p.gomaxprocs(), from, to), perP));
            }
        }
        if (!stwExplains && gcHeavy) found.put(GC, gcEvidence);
        List<Cause> out = new ArrayList<>();
        found.forEach((id, ev) -> out.add(new Cause(id, ev)));
        if (out.isEmpty()) {
            out.add(new Cause(NONE, "no throttling, no pause as long as the delay, no surge, few goroutines per P, GC under half the CPU"
                    + (gcEvidence == null ? "" : " (" + gcEvidence + ")")));
        }
        return out;
    }

    /** {before, peak, seconds between, GOMAXPROCS} of the largest rise in [from, to), or null without a surge. */
    static double[] surge(IncidentLanes.Pressure p, double from, double to) {
        double[] at = p.snapshotS(), g = p.snapshotGoroutines();
        double[] best = null;
        double low = Double.NaN, lowAt = Double.NaN;
        for (int i = 0; i < at.length; i++) {
            if (at[i] < from || at[i] >= to || Double.isNaN(g[i])) continue;
            if (Double.isNaN(low) || g[i] < low) {
                low = g[i];
                lowAt = at[i];
            }
            double procs = Double.isNaN(p.snapshotGomaxprocs()[i]) ? 1 : p.snapshotGomaxprocs()[i];
            double rise = g[i] - low;
            if (rise >= SURGE_PER_P * procs && g[i] >= 2 * Math.max(low, 1) && (best == null || rise > best[1] - best[0])) {
                best = new double[] {low, g[i], at[i] - lowAt, procs};
            }
        }
        return best;
    }

    /**
     * The cause that led the most delayed time (ties: the one with the larger delay), told with the figures of its
     * worst interval; times in seconds since the Go process started when a source tells when that was.
     *
     * @param processStartS the process start on the incident's clock, NaN when unknown
     */
    static String verdict(IncidentLanes l, List<Diagnosis.Interval> intervals, double thresholdMs, double processStartS) {
        if (intervals.isEmpty()) {
            return String.format(Locale.ROOT, "No %s-s interval's P99 scheduling delay reached %s ms.", ms(l.bins().widthS()), ms(thresholdMs));
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Diagnosis.Interval> worst = new LinkedHashMap<>();
        for (Diagnosis.Interval i : intervals) {
            seconds.merge(i.leading(), i.toS() - i.fromS(), Double::sum);
            worst.merge(i.leading(), i, (x, y) -> y.schedDelayP99Ms() > x.schedDelayP99Ms() ? y : x);
        }
        String top = seconds.keySet().stream().max(Comparator.comparingDouble((String c) -> seconds.get(c))
                .thenComparingDouble(c -> worst.get(c).schedDelayP99Ms())).orElseThrow();
        Diagnosis.Interval w = worst.get(top);
        boolean relative = !Double.isNaN(processStartS);
        String named = switch (top) {
            case CPU_QUOTA -> "the CPU quota" + (w.has(GC) ? "" : ", not GC");
            case GC -> "GC";
            case GOROUTINE_SURGE -> "a surge of new goroutines" + (w.has(CPU_QUOTA) ? "" : ", not the CPU quota");
            case RUNNABLE_PRESSURE -> "too many goroutines for GOMAXPROCS" + (w.has(CPU_QUOTA) ? "" : ", not the CPU quota");
            default -> "none of the causes read (not the quota, GC or the goroutines: other work on the machine?)";
        };
        return String.format(Locale.ROOT, "%.1f–%.1f s%s: P99 scheduling delay %s%s ms; %s: %s. Delayed %.1f of %.1f s in %d interval%s.",
                w.fromS() - (relative ? processStartS : 0), w.toS() - (relative ? processStartS : 0),
                relative ? " after the Go process started" : "", w.schedDelayAtLeast() ? "at least " : "", ms(w.schedDelayP99Ms()), w.causes().get(0).evidence(), named,
                intervals.stream().mapToDouble(i -> i.toS() - i.fromS()).sum(), l.bins().count() * l.bins().widthS(),
                intervals.size(), intervals.size() == 1 ? "" : "s");
    }

    /** Where gctrace's or the runtime's clock is 0 (both count from the process start), NaN when neither is placed. */
    static double processStart(IncidentSources s, Alignment a) {
        for (GcCycleSource g : s.gc()) {
            SourceAlignment x = a.require(g.file(), SourceAlignment.GCTRACE);
            if (x.isAligned()) return x.toReference(0);
        }
        for (RuntimeSource r : s.runtime()) {
            SourceAlignment x = a.require(r.file(), SourceAlignment.RUNTIME);
            if (!r.unixClock() && x.isAligned()) return x.toReference(0);
        }
        return Double.NaN;
    }

    private static String ms(double v) {
        if (Double.isNaN(v)) return "?";
        return v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
    }

    private static double sum(double[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) if (!Double.isNaN(a[i])) s += a[i];
        return s;
    }

    private static double max(double[] a, int from, int to) {
        double m = Double.NaN;
        for (int i = from; i < to; i++) if (!Double.isNaN(a[i])) m = Double.isNaN(m) ? a[i] : Math.max(m, a[i]);
        return m;
    }

    private static double mean(double[] a, int from, int to) {
        return to > from ? sum(a, from, to) / (to - from) : Double.NaN;
    }
}
