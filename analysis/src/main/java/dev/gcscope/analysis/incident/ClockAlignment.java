package dev.gcscope.analysis.incident;

import static dev.gcscope.analysis.incident.SourceAlignment.Method.*;

import dev.gcscope.analysis.incident.SourceAlignment.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Puts every source of an incident on one clock. The clock is Unix time when any source carries the
 * wall clock, else seconds since the Go process started. Each source is placed by the best evidence
 * it has, in this order: its own wall clock (log timestamps, JSON {@code wall}, Prometheus timestamps,
 * cpu.stat dates; perf's {@code -k mono} reference time); the GC cycles it shares with a source already
 * placed (gctrace's gc numbers against {@code /gc/cycles/total}); the start of the process (gctrace and
 * the JSON {@code t} count from it, and perf saw the program's first switch); perf's capture time; and
 * failing all, the start of the incident, with the method {@code none} so the user can give an offset.
 * A user's offset for a file replaces whatever was found.
 */
public final class ClockAlignment {
    /** perf prints {@code captured on} to the second; the file is closed right after the last sample. */
    static final double CAPTURE_UNCERTAINTY_S = 0.6;
    /** Between the exec of the program and its first switch, and the runtime's own start: a few ms. */
    static final double PROCESS_START_UNCERTAINTY_S = 0.01;

    private ClockAlignment() {}

    /** @param userOffsets seconds to add to a file's own times, by file name, replacing what was found */
    public static Alignment align(IncidentSources s, Map<String, Double> userOffsets) {
        boolean unix = s.gc().stream().anyMatch(GcCycleSource::hasWallClock)
                || s.runtime().stream().anyMatch(r -> r.unixClock() || r.hasWallClock())
                || s.kernel().stream().anyMatch(k -> k.clock().hasReference() || !Double.isNaN(k.clock().capturedOnS()))
                || !s.quota().isEmpty();
        Map<Object, SourceAlignment> placed = new LinkedHashMap<>();
        List<Alignment.CrossCheck> checks = new ArrayList<>();

        // 1. Own clocks.
        for (GcCycleSource g : s.gc()) {
            if (unix && g.hasWallClock()) {
                double[] d = differences(g.wallEndS(), g.endS());
                placed.put(g, new SourceAlignment(g.file(), SourceAlignment.GCTRACE, WALL_CLOCK, median(d), Math.max(0.001, halfIqr(d)),
                        String.format(Locale.ROOT, "the log timestamps of %d gc lines against their @ times", d.length)));
            } else if (!unix) {
                placed.put(g, new SourceAlignment(g.file(), SourceAlignment.GCTRACE, PROCESS_START, 0, 0,
                        "gctrace's @ times count from the start of the process"));
            }
        }
        for (RuntimeSource r : s.runtime()) {
            if (r.unixClock()) {
                placed.put(r, new SourceAlignment(r.file(), SourceAlignment.RUNTIME, WALL_CLOCK, 0, Double.NaN,
                        "Prometheus timestamps: each scrape's start (the runtime read its metrics during the scrape)"));
            } else if (unix && r.hasWallClock()) {
                double[] d = differences(r.wallS(), r.timeS());
                placed.put(r, new SourceAlignment(r.file(), SourceAlignment.RUNTIME, WALL_CLOCK, median(d), Math.max(0.0005, halfIqr(d)),
                        String.format(Locale.ROOT, "the wall time of %d snapshots against their t", d.length)));
            }
        }
        for (QuotaSource q : s.quota()) {
            // a cpu.stat log's date runs before its cat, a scrape's timestamp is the scrape's start: later by an unmeasured few ms
            placed.put(q, new SourceAlignment(q.file(), SourceAlignment.QUOTA, WALL_CLOCK, 0, Double.NaN, "the time of each sample"));
        }
        for (ThreadDelaySource k : s.kernel()) {
            ThreadDelaySource.PerfClock c = k.clock();
            if (unix && c.hasReference()) {
                placed.put(k, new SourceAlignment(k.file(), SourceAlignment.PERF, PERF_CLOCK_REFERENCE, c.todS() - c.referenceS(), 1e-6,
                        "perf's header: wall and " + (c.clockid().isEmpty() ? "recording" : c.clockid()) + " clock read together"));
            }
        }

        // 2. GC cycles: a gctrace and a runtime source of one process, whichever of the two is placed.
        for (boolean progress = true; progress; ) {
            progress = false;
            for (GcCycleSource g : s.gc()) {
                for (RuntimeSource r : s.runtime()) {
                    if (placed.containsKey(g) == placed.containsKey(r)) continue;
                    Optional<GcCycleMatch> m = GcCycleMatch.of(g, r);
                    if (m.isEmpty()) continue;
                    GcCycleMatch x = m.get();
                    String detail = String.format(Locale.ROOT, "%d of %d snapshots' GC cycle counts match %s's gc numbers",
                            x.agreeing(), x.snapshots(), placed.containsKey(g) ? g.file() : r.file());
                    if (placed.containsKey(g)) {
                        SourceAlignment a = placed.get(g);
                        placed.put(r, new SourceAlignment(r.file(), SourceAlignment.RUNTIME, GC_CYCLES, a.offsetS() - x.offsetS(),
                                a.uncertaintyS() + x.uncertaintyS(), detail));
                    } else {
                        SourceAlignment a = placed.get(r);
                        placed.put(g, new SourceAlignment(g.file(), SourceAlignment.GCTRACE, GC_CYCLES, a.offsetS() + x.offsetS(),
                                a.uncertaintyS() + x.uncertaintyS(), detail));
                    }
                    progress = true;
                }
            }
        }
        for (GcCycleSource g : s.gc()) {
            for (RuntimeSource r : s.runtime()) {
                SourceAlignment a = placed.get(g), b = placed.get(r);
                if (a == null || b == null || a.method() != WALL_CLOCK || b.method() != WALL_CLOCK) continue;
                GcCycleMatch.of(g, r).ifPresent(m -> checks.add(new Alignment.CrossCheck(g.file(), r.file(),
                        a.offsetS() - b.offsetS(), m.offsetS(), m.uncertaintyS())));
            }
        }

        // 3. The start of the process: the JSON t (when nothing else placed it), perf's first switch of the program.
        for (RuntimeSource r : s.runtime()) {
            if (placed.containsKey(r) || unix) continue;
            placed.put(r, new SourceAlignment(r.file(), SourceAlignment.RUNTIME, PROCESS_START, 0, Double.NaN,
                    "its t taken as seconds since the process started (no GC cycles to match)"));
        }
        for (ThreadDelaySource k : s.kernel()) {
            if (placed.containsKey(k) || Double.isNaN(k.clock().firstProgramEventS())) continue;
            Optional<SourceAlignment> origin = s.gc().stream().map(placed::get).filter(a -> a != null).findFirst();
            if (origin.isEmpty()) continue;
            SourceAlignment o = origin.get();
            placed.put(k, new SourceAlignment(k.file(), SourceAlignment.PERF, PROCESS_START, o.offsetS() - k.clock().firstProgramEventS(),
                    o.uncertaintyS() + PROCESS_START_UNCERTAINTY_S, "the program's first switch in perf taken as the start of the process"
                    + " (true when perf started it: perf sched record -- ./app)"));
        }
        // 4. perf's capture time.
        for (ThreadDelaySource k : s.kernel()) {
            ThreadDelaySource.PerfClock c = k.clock();
            if (placed.containsKey(k) || !unix || Double.isNaN(c.capturedOnS()) || Double.isNaN(c.lastSampleS())) continue;
            placed.put(k, new SourceAlignment(k.file(), SourceAlignment.PERF, CAPTURE_TIME, c.capturedOnS() + 0.5 - c.lastSampleS(),
                    CAPTURE_UNCERTAINTY_S, "perf's header: captured on (the data file's modification time, to the second)"
                    + " taken as the time of the last sample"));
        }

        // 5. Nothing: laid at the start of the incident.
        double start = Double.POSITIVE_INFINITY;
        for (Map.Entry<Object, SourceAlignment> e : placed.entrySet()) start = Math.min(start, e.getValue().toReference(firstTime(e.getKey())));
        List<SourceAlignment> out = new ArrayList<>();
        for (Object src : ordered(s)) {
            SourceAlignment a = placed.get(src);
            if (a == null) {
                double first = firstTime(src);
                a = new SourceAlignment(fileOf(src), kindOf(src), NONE, Double.isFinite(start) ? start - first : 0, Double.NaN,
                        "nothing ties its clock to the others; laid at the start of the incident (give an offset)");
            }
            Double user = userOffsets.get(a.file());
            if (user != null) {
                a = new SourceAlignment(a.file(), a.kind(), USER_OFFSET, user, Double.NaN, String.format(Locale.ROOT,
                        "given by the user (%s would give %s)", a.method().id(), Double.isNaN(a.offsetS()) ? "none" : plain(a.offsetS())));
            }
            out.add(a);
        }
        return new Alignment(unix, out, checks);
    }

    static List<Object> ordered(IncidentSources s) {
        List<Object> all = new ArrayList<>();
        all.addAll(s.gc());
        all.addAll(s.kernel());
        all.addAll(s.runtime());
        all.addAll(s.quota());
        return all;
    }

    static String kindOf(Object src) {
        if (src instanceof GcCycleSource) return SourceAlignment.GCTRACE;
        if (src instanceof ThreadDelaySource) return SourceAlignment.PERF;
        if (src instanceof RuntimeSource) return SourceAlignment.RUNTIME;
        return SourceAlignment.QUOTA;
    }

    static String fileOf(Object src) {
        if (src instanceof GcCycleSource g) return g.file();
        if (src instanceof ThreadDelaySource k) return k.file();
        if (src instanceof RuntimeSource r) return r.file();
        return ((QuotaSource) src).file();
    }

    /** The source's first time on its own clock. */
    static double firstTime(Object src) {
        if (src instanceof GcCycleSource g) return g.size() == 0 ? 0 : g.startS()[0];
        if (src instanceof ThreadDelaySource k) return k.size() == 0 ? 0 : k.switchInS()[0];
        if (src instanceof RuntimeSource r) return r.size() == 0 ? 0 : r.timeS()[0];
        QuotaSource q = (QuotaSource) src;
        return q.size() == 0 ? 0 : q.timeS()[0];
    }

    private static double[] differences(double[] a, double[] b) {
        double[] d = new double[a.length];
        int n = 0;
        for (int i = 0; i < a.length; i++) if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) d[n++] = a[i] - b[i];
        return Arrays.copyOf(d, n);
    }

    static double median(double[] d) {
        double[] s = d.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double halfIqr(double[] d) {
        if (d.length < 4) return 0;
        double[] s = d.clone();
        Arrays.sort(s);
        return (s[(3 * s.length) / 4] - s[s.length / 4]) / 2;
    }

    private static String plain(double v) {
        return String.format(Locale.ROOT, "%.6f s", v);
    }
}
