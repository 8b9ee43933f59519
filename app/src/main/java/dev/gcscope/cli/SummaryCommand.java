package dev.gcscope.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gcscope.format.FileSummary;
import dev.gcscope.format.FormatSupport;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gcscope summary [--json] [--format FMT] FILE...} */
@Command(name = "summary", sortOptions = false,
        description = {
            "Print what each trace file holds: its format, the lines read and skipped (by kind),"
                + " the first parse issues, notes, and the format's key figures.",
            "Files that cannot be read are reported on stderr (and with --json as {\"file\", \"error\"}"
                + " in the array); the others are still summarised.",
            "FILE - reads standard input; FIFOs, /dev/stdin and <(...) work as files do.",
            "--follow keeps reading a growing gctrace log or a pipe (kubectl logs -f POD | gcscope summary --follow -).",
        },
        footerHeading = "%nFigures for gctrace files (--json keys):%n",
        footer = {
            "  cycles        GC cycles (rows of the cycles table), partial ones included",
            "  forced        cycles forced by runtime.GC() (the line ends in ' (forced)')",
            "                or by the 2-minute periodic GC ('GC forced' line before it)",
            "  runs          process runs in the file: the gc number restarts with each",
            "  stw_ms        stop-the-world pause per cycle in ms: sweep termination +",
            "                mark termination (plus the write-barrier phase on Go 1.5;",
            "                before Go 1.5 all printed phases: the whole GC was STW)",
            "  p50 p90 p99 p999",
            "                percentiles of stw_ms (p999 is the 99.9th): linear",
            "                interpolation between closest ranks (Hyndman & Fan R-7,",
            "                numpy's default); max is the largest pause",
            "  heap_peak_mb  the largest heap at the start or end of any cycle, in MB",
            "  gc_cpu_pct    GC's share of CPU since program start as Go reports it at",
            "                the last cycle of each run, averaged over the runs weighted",
            "                by their length",
            "  stw_ci        95%% confidence intervals (low, high) of p50 p90 p99 p999",
            "                from order statistics, widened by variance_inflation: how",
            "                much more the count below the percentile varies over 10",
            "                stretches of the trace than if pauses were independent",
            "                (null: too few cycles to tell); about 95%% from 1,000",
            "                cycles; where the cycles are too few for an end it is null",
            "                and cycles_needed says about how many would give both",
            "                (P99.9 needs 3688 at least); 'method', 'confidence' say so",
            "  stw_tail_ratio  p99 / p50",
            "  regimes       GC regimes: cycles grouped by allocation rate, survival and",
            "                live heap (k-means++ with k chosen by silhouette, k = 1 when",
            "                there is no structure; regime_method says which); each has",
            "                id, label, labels, description, cycles, share_of_cycles,",
            "                share_of_time, alloc_rate_mb_s, survival, live_heap_mb and",
            "                its own stw_ms p50, p99; forced GCs belong to none",
            "",
            "Figures for perf-sched-latency files (perf sched latency):",
            "  tasks         task rows (comm:tid or comm:(N) merged threads);",
            "                TOTAL not counted",
            "  total_runtime_ms, total_switches",
            "                perf's TOTAL row (summed over the tables of the file);",
            "                the sum over the task rows when there is no TOTAL row",
            "  worst         task and max_delay_ms of the row with the largest max delay",
            "",
            "Figures for perf-sched-timehist files (perf sched timehist):",
            "  events        context-switch rows (those with wait/sch delay/run times);",
            "                awakened:, migrated: and lost rows are not counted",
            "  tasks         distinct threads (tid) with such a row, <idle> not counted;",
            "                for a summary-only file (-s), the rows of its summary",
            "  sch_delay_ms  p50, p99 (R-7) and max of the scheduling delay of those rows,",
            "                <idle> rows left out",
            "  per_task      up to 10 processes (a thread's pid from [tid/pid]; comm when",
            "                perf cut it off) with at least 10 switch rows, worst p99",
            "                first: task, pid, threads, switches, sch_delay_ms {p50, p90,",
            "                p99, max} and wait_ms {p50, p99, max}",
            "",
            "Figures for prometheus and metrics-json files (runtime/metrics histograms):",
            "  snapshots     scrapes or JSON documents/lines in the file",
            "  histograms    per series in its last snapshot: name (runtime/metrics name),",
            "                count, p50 p90 p99 by Prometheus histogram_quantile rules",
            "  intervals     per series with two or more snapshots: name and per_interval",
            "                [{from_snapshot, to_snapshot, start_s, end_s, count, restart,",
            "                p50, p90, p99}]: each snapshot minus the one before; when a",
            "                count goes down (restart: true) the new snapshot's whole count",
            "  summaries     Prometheus summaries (go_gc_duration_seconds): count, quantiles",
            "",
            "Figures for prometheus and metrics-json files (runtime/metrics histograms):",
            "  snapshots     scrapes (or JSON lines) of the process in the file",
            "  histograms    per histogram of the last snapshot: name (the runtime/metrics",
            "                name, e.g. /sched/latencies:seconds), count, p50, p90, p99",
            "                in the metric's unit, by Prometheus histogram_quantile rules",
            "                (linear inside the bucket; the last finite bound in +Inf)",
            "  summaries     Prometheus summaries such as go_gc_duration_seconds: name,",
            "                count and their quantiles as exposed",
            "",
            "Missing or undefined numbers (no cycles, no pause times) are null in --json;",
            "computed figures (percentiles, gc_cpu_pct) are given to 12 significant digits.",
        })
final class SummaryCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array with one object per file instead of text.")
    private boolean json;

    @Option(names = "--follow", description = "Keep reading the one FILE (or - for standard input) as it is written,"
            + " across log rotation, and print the summary again as cycles arrive (at most twice a second; redrawn in place"
            + " on a terminal, a JSON line per update with --json); Ctrl+C, or the end of a pipe, prints the final summary.")
    private boolean follow;

    @Mixin
    private FormatOption format;

    @Mixin
    private RegimeOption regimes;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Trace files (plain text or gzip); - for standard input.")
    private List<Path> files;

    SummaryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        String formatId = format.validated(context.inputs().loader().parsers());
        PrintWriter out = spec.commandLine().getOut();
        if (follow) return follow(formatId, out, new FileSummary(context.formats(), regimes.options(), JsonNodeFactory.instance));
        return new SummaryRun(context).summarise(out, json, formatId, regimes.options(), files);
    }

    /** {@code --follow}: one gctrace log read as it is written. */
    private int follow(String formatId, PrintWriter out, FileSummary summary) {
        if (files.size() != 1) {
            throw new ParameterException(spec.commandLine(), "--follow reads one FILE (or - for standard input), not " + files.size());
        }
        // Only a gctrace is written a cycle at a time; the other formats are dumps taken after the fact.
        if (formatId != null && !formatId.equals(GcTraceParser.FORMAT.id())) {
            throw new ParameterException(spec.commandLine(), "--follow reads gctrace logs; --format " + formatId + " cannot be followed");
        }
        try {
            TraceParser parser = context.inputs().loader().parsers().require(GcTraceParser.FORMAT.id());
            ParseOptions options = context.formats().forFormat(GcTraceParser.FORMAT).map(FormatSupport::summaryOptions)
                    .orElse(ParseOptions.ALL);
            return new FollowSummary(context, summary, out, json, Terminal.isStdout()).run(context.inputs().follow(files.get(0)),
                    parser, options);
        } catch (Exception | OutOfMemoryError e) {
            return context.errors().report(e);
        }
    }
}
