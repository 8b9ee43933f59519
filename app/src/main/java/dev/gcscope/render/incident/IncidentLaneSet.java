package dev.gcscope.render.incident;

import dev.gcscope.analysis.incident.Bins;
import dev.gcscope.analysis.incident.Diagnosis;
import dev.gcscope.analysis.incident.IncidentLanes;
import dev.gcscope.render.incident.IncidentLane.Fact;
import dev.gcscope.render.incident.IncidentLane.Series;
import dev.gcscope.render.incident.IncidentLane.Style;
import dev.gcscope.render.incident.IncidentLane.Tone;
import dev.gcscope.format.PlainNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The incident view's lanes, in the order an engineer reads them (the path): the CPU quota,
 * the kernel's delay of the program's threads, the runtime's goroutine latency with stop-the-world
 * time apart, goroutines per P, then GC's pauses and CPU. Each is a view of one lane of
 * {@link Diagnosis#lanes()}; a lane the files did not give is left out.
 *
 * @param bins the incident's grid (on its clock)
 * @param originS the x axis' 0 on the incident's clock: the Go process' start when known, else the grid's start
 * @param originIsProcessStart whether {@code originS} is the process start
 * @param unixClock whether the incident's clock is Unix seconds
 * @param lanes top to bottom
 * @param intervals the delayed intervals, shaded on every lane
 */
public record IncidentLaneSet(Bins bins, double originS, boolean originIsProcessStart, boolean unixClock, List<IncidentLane> lanes,
                              List<Diagnosis.Interval> intervals) {
    public IncidentLaneSet {
        lanes = List.copyOf(lanes);
        intervals = List.copyOf(intervals);
    }

    public static IncidentLaneSet of(Diagnosis d) {
        return of(d, d.lanes().runtime().stream().toList(), null);
    }

    /**
     * @param runtimes every runtime source's latency lane ({@code LaneBuilder.runtimeLanes}), the first being
     *                 the diagnosis' own; each further one is a lane of its own under it
     * @param runtimeGcCpuShare GC's CPU share per bin as the runtime counted it ({@code LaneBuilder.runtimeGcCpuShare}),
     *                          drawn in the GC CPU lane beside gctrace's; null without it
     */
    public static IncidentLaneSet of(Diagnosis d, List<IncidentLanes.RuntimeLatency> runtimes, double[] runtimeGcCpuShare) {
        IncidentLanes l = d.lanes();
        List<IncidentLane> lanes = new ArrayList<>();
        l.quota().ifPresent(q -> lanes.add(new IncidentLane("quota",
                q.limited() ? "CPU quota: throttled periods" : "CPU quota: none (the kernel counted no CFS periods)", "%", false,
                List.of(new Series("throttled", Tone.BAR, Style.BARS, q.throttledShare(), "% of periods", 100)),
                quotaFacts(q),
                q.file(), null)));
        l.kernel().ifPresent(k -> lanes.add(new IncidentLane("kernel", "kernel scheduling delay of the program's threads (perf)", "ms", true,
                List.of(new Series("max", Tone.THIRD, Style.LINE, k.maxMs(), "ms", 1),
                        new Series("P99", Tone.SECOND, Style.LINE, k.p99Ms(), "ms", 1),
                        new Series("P50", Tone.FIRST, Style.LINE, k.p50Ms(), "ms", 1)),
                List.of(new Fact("switch-ins", k.count(), "", 1)), k.file() + (k.program() == null ? "" : " (" + k.program() + ")"), null)));
        boolean known = !Double.isNaN(d.processStartS());
        double originS = known ? d.processStartS() : l.bins().startS();
        l.runtime().ifPresent(r -> lanes.add(runtime("runtime", "goroutine scheduling latency (/sched/latencies), GC stop-the-world apart", r,
                l.bins(), originS)));
        for (int i = 1; i < runtimes.size(); i++) {
            lanes.add(runtime("runtime-" + (i + 1), "goroutine scheduling latency, another source", runtimes.get(i), l.bins(), originS));
        }
        l.pressure().ifPresent(p -> lanes.add(new IncidentLane("pressure",
                (p.runnableCounted() ? "runnable goroutines" : "goroutines") + " per P (GOMAXPROCS)", "per P", false,
                List.of(new Series("per P", Tone.FIRST, Style.LINE, p.perP(), "", 1)),
                List.of(new Fact(p.runnableCounted() ? "runnable goroutines" : "goroutines (peak)", p.goroutines(), "", 1),
                        new Fact("GOMAXPROCS", p.gomaxprocs(), "", 1)), p.file(), null)));
        l.gc().ifPresent(g -> {
            double[] start = new double[g.bars().size()], end = new double[g.bars().size()];
            for (int i = 0; i < start.length; i++) {
                start[i] = g.bars().get(i).startS();
                end[i] = g.bars().get(i).endS();
            }
            lanes.add(new IncidentLane("gc-stw", "GC stop-the-world per interval, longest pause; cycles along the top", "ms", false,
                    List.of(new Series("stop-the-world", Tone.BAR, Style.BARS, g.stwMs(), "ms", 1),
                            new Series("longest pause", Tone.SECOND, Style.LINE, g.maxStwMs(), "ms", 1)),
                    List.of(), g.file(), new IncidentLane.Spans(start, end)));
            List<Series> cpu = new ArrayList<>(List.of(new Series("GC CPU", Tone.FIRST, Style.LINE, g.cpuShare(), "%", 100),
                    new Series("assists", Tone.SECOND, Style.LINE, g.assistShare(), "%", 100)));
            // the runtime's own count (/cpu/classes) includes the pauses on every P, which gctrace's cpu field leaves out
            if (runtimeGcCpuShare != null) cpu.add(new Series("GC CPU (runtime, pauses included)", Tone.THIRD, Style.LINE, runtimeGcCpuShare, "%", 100));
            lanes.add(new IncidentLane("gc-cpu", runtimeGcCpuShare == null ? "GC CPU and assists, share of GOMAXPROCS"
                    : "GC CPU share: gctrace's and assists; the runtime's /cpu/classes with pauses", "%", false,
                    cpu, List.of(), g.file(), null));
        });
        return new IncidentLaneSet(l.bins(), originS, known, d.alignment().unixClock(), lanes, d.intervals());
    }

    /**
     * A runtime source's latency lane. Its P50/P99 are marked as lower bounds where they lie above the source's highest
     * finite bucket (client_golang's export ends at 117 ms), its title says how far its buckets reach when that is short
     * of a second, and a bin whose snapshots reach well past it says so: its figures are an even share of them.
     */
    private static IncidentLane runtime(String id, String title, IncidentLanes.RuntimeLatency r, Bins bins, double originS) {
        int n = bins.count();
        boolean[] p99AtLeast = new boolean[n], p50AtLeast = new boolean[n];
        String[] notes = new String[n];
        for (int b = 0; b < n; b++) {
            p99AtLeast[b] = r.atLeast(b, b + 1, 0.99);
            p50AtLeast[b] = r.atLeast(b, b + 1, 0.5);
            double from = r.sampleFromS()[b], to = r.sampleToS()[b];
            if (to - from > SPREAD_NOTE * bins.widthS()) {
                notes[b] = String.format(Locale.ROOT, "an even share of the snapshots %s–%s s (%s s apart at most here)",
                        PlainNumbers.rounded(from - originS, 2), PlainNumbers.rounded(to - originS, 2), PlainNumbers.rounded(to - from, 1));
            }
            if (p99AtLeast[b]) {
                String top = "P99 above the highest bucket (" + PlainNumbers.rounded(r.highestFiniteMs(), 0) + " ms): a lower bound";
                notes[b] = notes[b] == null ? top : top + "; " + notes[b];
            }
        }
        double top = r.highestFiniteMs();
        List<String> limits = new ArrayList<>();
        if (r.typicalStepS() > bins.widthS() / 2) limits.add("snapshots every " + PlainNumbers.rounded(r.typicalStepS(), 1) + " s");
        if (top < 1000) limits.add("buckets end at " + PlainNumbers.rounded(top, 0) + " ms");
        String reach = limits.isEmpty() ? "" : " (" + String.join(", ", limits) + ")";
        return new IncidentLane(id, title + reach, "ms", true,
                List.of(new Series("GC stop-the-world", Tone.BAR, Style.BARS, r.stwMs(), "ms", 1),
                        new Series("P99", Tone.SECOND, Style.LINE, r.p99Ms(), "ms", 1, p99AtLeast),
                        new Series("P50", Tone.FIRST, Style.LINE, r.p50Ms(), "ms", 1, p50AtLeast)),
                List.of(new Fact("longest pause", r.maxStwMs(), "ms", 1), new Fact("goroutines scheduled", r.count(), "", 1)), r.file(), null,
                notes);
    }

    /** A bin whose snapshots span more than this many bins gets a note: its figures are a share of a longer interval. */
    static final double SPREAD_NOTE = 1.5;

    /** The counts behind the throttled share; the CPU used only when the source has it (cgroup v1's cpu.stat has no usage). */
    private static List<Fact> quotaFacts(IncidentLanes.Quota q) {
        List<Fact> facts = new ArrayList<>(List.of(new Fact("periods", q.periods(), "", 1),
                new Fact("throttled periods", q.throttledPeriods(), "", 1), new Fact("throttled time", q.throttledMs(), "ms", 1)));
        if (java.util.Arrays.stream(q.usageCores()).anyMatch(Double::isFinite)) facts.add(new Fact("CPU used", q.usageCores(), "cores", 1));
        return facts;
    }

    /** The x axis' extent: the grid, in seconds from {@link #originS}. */
    public double fromX() {
        return bins.startS() - originS;
    }

    public double toX() {
        return bins.endS() - originS;
    }

    /** The bin under x (seconds from the origin), -1 outside the grid. */
    public int binAt(double x) {
        return bins.of(x + originS);
    }

    public IncidentLane lane(String id) {
        return lanes.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }
}
