package dev.gcscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.analysis.incident.Alignment;
import dev.gcscope.analysis.incident.Attribution;
import dev.gcscope.analysis.incident.ClockAlignment;
import dev.gcscope.analysis.incident.Diagnosis;
import dev.gcscope.analysis.incident.IncidentSources;
import dev.gcscope.analysis.incident.SourceAlignment;
import dev.gcscope.analysis.incident.SourceReader;
import dev.gcscope.format.JsonNumbers;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gcscope diagnose [--json] FILE…}: why did the goroutines wait? */
@Command(name = "diagnose", sortOptions = false,
        description = {
            "Put the files of one incident on one clock (gctrace, perf sched timehist, runtime/metrics JSON lines or"
                + " Prometheus range queries, cgroup cpu.stat logs) and name, for every interval whose P99 scheduling"
                + " delay reached the threshold, why the goroutines waited: the CPU quota (throttled in most periods),"
                + " GC (a stop-the-world pause as long as the delay, or GC using half the CPU), a surge of new"
                + " goroutines, too many goroutines per P, or none of these.",
        },
        footerHeading = "%n--json keys:%n",
        footer = {
            "  files              the files read",
            "  clock              unix (times in Unix epoch seconds: some file carries the",
            "                     wall clock) or process (seconds since the Go process",
            "                     started)",
            "  process_start_s    when the Go process started, on that clock (null when",
            "                     unknown)",
            "  alignment          sources [{file, kind (gctrace, perf, runtime, quota),",
            "                     method (wall_clock, perf_clock_reference, gc_cycles,",
            "                     process_start, capture_time, user_offset, none), offset_s",
            "                     (added to the file's own times), uncertainty_s, detail}],",
            "                     checks [{gctrace, runtime, by_wall_clock_s, by_gc_cycles_s,",
            "                     difference_s}]: where two methods place the same pair of",
            "                     files, how far apart",
            "  intervals          [{from_s, to_s, sched_delay_p99_ms (the larger of the two",
            "                     below), kernel_delay_p99_ms (perf: how long the kernel kept",
            "                     the program's threads runnable), goroutine_latency_p99_ms",
            "                     (/sched/latencies: how long goroutines waited to run),",
            "                     goroutine_latency_p99_at_least (true: that P99 lies above",
            "                     the histogram's highest finite bucket, 117 ms in",
            "                     client_golang's export, and is that bound, a lower bound),",
            "                     causes [{cause, evidence}]}]; cause ids cpu_quota,",
            "                     runnable_pressure, gc, goroutine_surge, none; most likely",
            "                     first",
            "  verdict            one sentence; notes: what was left out",
        })
final class DiagnoseCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON object instead of text.")
    private boolean json;

    @Option(names = "--threshold-ms", paramLabel = "MS", defaultValue = "10",
            description = "The P99 scheduling delay from which an interval counts as delayed (default ${DEFAULT-VALUE}).")
    private double thresholdMs;

    @Option(names = "--bin-s", paramLabel = "S", defaultValue = "1",
            description = "The length of the intervals the delay is read in, seconds (default ${DEFAULT-VALUE}).")
    private double binS;

    @Option(names = "--program", paramLabel = "COMM",
            description = "The Go program's name in perf's output (default: the user process that ran longest).")
    private String program;

    @Option(names = "--offset", paramLabel = "FILE=SECONDS",
            description = "Seconds to add to FILE's own times, replacing the alignment found (repeatable).")
    private Map<String, Double> offsets = new LinkedHashMap<>();

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files of one incident.")
    private List<Path> files;

    DiagnoseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (!(thresholdMs > 0) || !(binS > 0)) {
            return context.errors().usage("--threshold-ms and --bin-s must be positive", "diagnose");
        }
        List<ParseResult> parsed = new ArrayList<>();
        try {
            for (Path f : files) parsed.add(context.inputs().load(f, null));
        } catch (TraceInputException e) {
            return context.errors().report(e);
        }
        IncidentSources sources = new SourceReader(program).read(parsed);
        if (sources.isEmpty()) {
            return context.errors().report(new TraceInputException(files.get(0) + ": none of the files says when goroutines or"
                    + " threads waited (give gctrace, perf sched timehist, runtime/metrics or cgroup cpu.stat files)"));
        }
        Alignment alignment = ClockAlignment.align(sources, offsets);
        Diagnosis d = Attribution.diagnose(sources, alignment, binS, thresholdMs);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonTreeWriter.write(out, json(sources, d));
            out.println();
        } else {
            text(sources, d, out);
        }
        out.flush();
        return ExitStatus.OK;
    }

    private ObjectNode json(IncidentSources sources, Diagnosis d) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode f = o.putArray("files");
        files.forEach(p -> f.add(p.toString()));
        o.put("clock", d.alignment().unixClock() ? "unix" : "process");
        clock(o, "process_start_s", d.processStartS());
        JsonNumbers.put(o, "threshold_ms", d.thresholdMs());
        JsonNumbers.put(o, "bin_s", d.lanes().bins().widthS());
        ObjectNode a = o.putObject("alignment");
        ArrayNode src = a.putArray("sources");
        for (SourceAlignment s : d.alignment().sources()) {
            ObjectNode x = src.addObject();
            x.put("file", s.file());
            x.put("kind", s.kind());
            x.put("method", s.method().id());
            clock(x, "offset_s", s.offsetS());
            clock(x, "uncertainty_s", s.uncertaintyS());
            x.put("detail", s.detail());
        }
        ArrayNode checks = a.putArray("checks");
        for (Alignment.CrossCheck c : d.alignment().checks()) {
            ObjectNode x = checks.addObject();
            x.put("gctrace", c.gcFile());
            x.put("runtime", c.runtimeFile());
            clock(x, "by_wall_clock_s", c.byWallClockS());
            clock(x, "by_gc_cycles_s", c.byGcCyclesS());
            clock(x, "difference_s", c.differenceS());
        }
        ArrayNode intervals = o.putArray("intervals");
        for (Diagnosis.Interval i : d.intervals()) {
            ObjectNode x = intervals.addObject();
            clock(x, "from_s", i.fromS());
            clock(x, "to_s", i.toS());
            JsonNumbers.put(x, "sched_delay_p99_ms", i.schedDelayP99Ms());
            JsonNumbers.put(x, "kernel_delay_p99_ms", i.kernelDelayP99Ms());
            JsonNumbers.put(x, "goroutine_latency_p99_ms", i.goroutineLatencyP99Ms());
            x.put("goroutine_latency_p99_at_least", i.goroutineLatencyP99AtLeast());
            ArrayNode causes = x.putArray("causes");
            for (Diagnosis.Cause c : i.causes()) causes.addObject().put("cause", c.cause()).put("evidence", c.evidence());
        }
        o.put("verdict", d.verdict());
        ArrayNode notes = o.putArray("notes");
        sources.notes().forEach(notes::add);
        return o;
    }

    /** Times and offsets to the microsecond: Unix seconds have ten digits before the point. */
    private static void clock(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) node.put(key, BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros());
        else node.putNull(key);
    }

    private void text(IncidentSources sources, Diagnosis d, PrintWriter out) {
        out.println(d.verdict());
        out.println();
        double origin = Double.isNaN(d.processStartS()) ? 0 : d.processStartS();
        out.println(Double.isNaN(d.processStartS()) ? "Clock: " + (d.alignment().unixClock() ? "Unix seconds" : "seconds since the process started")
                : String.format(Locale.ROOT, "Clock: seconds since the Go process started (%s)",
                        d.alignment().unixClock() ? java.time.Instant.ofEpochMilli(Math.round(origin * 1000)).toString() : "t=0"));
        for (SourceAlignment s : d.alignment().sources()) {
            out.printf(Locale.ROOT, "  %-8s %s: %s, %s%n", s.kind(), s.file(), s.method().id(),
                    Double.isNaN(s.uncertaintyS()) ? "uncertainty unknown" : String.format(Locale.ROOT, "± %.3f s", s.uncertaintyS()));
        }
        for (Alignment.CrossCheck c : d.alignment().checks()) {
            out.printf(Locale.ROOT, "  check: %s and %s are %.3f s apart by wall clock and by GC cycles%n", c.gcFile(), c.runtimeFile(),
                    c.differenceS());
        }
        out.println();
        out.printf(Locale.ROOT, "Intervals with a P99 scheduling delay of %s ms or more:%n", PlainNumber.of(d.thresholdMs()));
        if (d.intervals().isEmpty()) out.println("  none");
        for (Diagnosis.Interval i : d.intervals()) {
            out.printf(Locale.ROOT, "  %.1f–%.1f s  P99 %s%s ms (kernel %s, goroutines %s%s)%n", i.fromS() - origin, i.toS() - origin,
                    i.schedDelayAtLeast() ? "≥ " : "", PlainNumber.of(i.schedDelayP99Ms()), PlainNumber.of(i.kernelDelayP99Ms()),
                    i.goroutineLatencyP99AtLeast() ? "≥ " : "", PlainNumber.of(i.goroutineLatencyP99Ms()));
            for (Diagnosis.Cause c : i.causes()) out.printf(Locale.ROOT, "      %-17s %s%n", c.cause(), c.evidence());
        }
        for (String n : sources.notes()) out.println("Note: " + n);
    }

    private static final class PlainNumber {
        static String of(double v) {
            if (Double.isNaN(v)) return "n/a";
            return v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
        }
    }
}
