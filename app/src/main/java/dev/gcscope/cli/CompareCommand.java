package dev.gcscope.cli;

import dev.gcscope.analysis.compare.ComparisonSide;
import dev.gcscope.analysis.compare.CostRow;
import dev.gcscope.analysis.compare.GcComparison;
import dev.gcscope.analysis.compare.GcCost;
import dev.gcscope.analysis.compare.PairComparison;
import dev.gcscope.analysis.compare.RegimeComparison;
import dev.gcscope.analysis.compare.TraceComparison;
import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.sched.GcPauseComparison;
import dev.gcscope.analysis.sched.HistogramHistory;
import dev.gcscope.export.report.ComparisonCosts;
import dev.gcscope.format.ComparisonJson;
import dev.gcscope.format.FormatSupport;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.format.TextReport;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/**
 * {@code gcscope compare [--json|--tsv|--markdown] A B [C…]}: what changed from trace A to trace B — every GC cost, the
 * pauses' tests, the regimes both show, a verdict — and, with more files, each step of the ladder.
 */
@Command(name = "compare", sortOptions = false,
        description = {
            "Compare gctrace files, typically one service before and after a Go upgrade or a GOGC change:"
                + " every GC cost (pause percentiles, GC CPU, cycles per second and per GB, allocation rate,"
                + " heap peak, goal/live, live heap, MMU at 1, 10 and 100 ms, forced GCs) side by side with"
                + " the ratio B/A and its 95%% interval where the cost is a statistic, Mann-Whitney U and"
                + " two-sample Kolmogorov-Smirnov p-values, the Hodges-Lehmann shift B - A with its 95%%"
                + " interval, the regimes matched across the files, and a verdict that leads with the change"
                + " that matters most. With three files or more (a version ladder, in the order given) each"
                + " adjacent pair is compared, and A and B are the first and the last.",
            "Given a gctrace file and a runtime/metrics file (Prometheus or JSON) of the same process, in"
                + " either order, it sets gctrace's pauses against the runtime's GC pause histogram instead.",
            "Given two perf sched timehist files (e.g. without and with a CPU quota) it compares the scheduling"
                + " delay of every task in both; given two runtime/metrics files, the percentiles of"
                + " /sched/latencies:seconds and /sched/pauses/total/gc:seconds.",
        },
        footerHeading = "%n--json keys:%n",
        footer = {
            "  a, b               the files (with more than two: the first and the last)",
            "  stw_ms             p50, p90, p99, max: {a, b, ratio = b/a, ratio_low,",
            "                     ratio_high} (95%% interval, each side's widened for its",
            "                     pauses being alike as summary's stw_ci; an end the",
            "                     pauses are too few or too alike for is null)",
            "  mann_whitney_p     two-sided p-value: is one trace's pause typically longer?",
            "  ks_p               two-sample Kolmogorov-Smirnov p-value: do the distributions",
            "                     differ at all? (exact with tied values: the permutation",
            "                     p-value)",
            "  mann_whitney_p_adjusted, ks_p_adjusted",
            "                     Holm-adjusted for asking two tests",
            "  pauses_in_order_p  the same question allowing for neighbouring cycles being",
            "                     alike (placement test with batch-means variance over 10",
            "                     batches of consecutive cycles; null with fewer than 20",
            "                     pauses a side)",
            "  pauses_p_adjusted  the larger of the pause tests' and the in-order p,",
            "                     Holm-adjusted with every cost: a pause change is called",
            "                     when it is under 0.05",
            "  hodges_lehmann_ms  median of all pairwise differences B - A",
            "  hodges_lehmann_ci_ms",
            "                     its 95%% interval: Lehmann's, widened by the batch-means",
            "                     variance of U at the shift (neighbouring cycles alike)",
            "  regimes            regimes matched across A and B by their typical figures:",
            "                     label, name, distance, a and b {description, cycles,",
            "                     stw_p50_ms, stw_p99_ms}, p_adjusted, sentence;",
            "                     regimes_only_a, regimes_only_b: the unmatched",
            "  costs              every GC cost by key: {a, b, ratio, ratio_ci: [low, high]",
            "                     (95%%; null where the cost is not a statistic, why in",
            "                     why_no_interval), p, p_adjusted, change: better|worse|",
            "                     different|negligible|no_clear_change|not_tested}",
            "  verdict            the changes the intervals support, the one that matters",
            "                     most first; pause_verdict: the pauses' own sentence",
            "  sides              per file: label, cycles, costs {key: {value, ci}}",
            "  steps              with three files or more: each adjacent pair {a, b, costs,",
            "                     pauses_in_order_p, pauses_p_adjusted, verdict}",
            "Percentiles are R-7 (numpy's default). A change is called when a test's",
            "  Holm-adjusted p-value (over the pause tests and every cost with an interval)",
            "  is under 0.05, so two traces of one distribution are called different at most",
            "  5%% of the time.",
            "For a gctrace file and a runtime/metrics file: gctrace, metrics (the files),",
            "  metric (the histogram: /sched/pauses/total/gc:seconds, else",
            "  /gc/pauses:seconds), cycles, gctrace_pauses (sweep and mark termination: Go",
            "  records both stops, 2 per cycle), metric_pauses, pause_ms {p50, p90, p99:",
            "  {gctrace (exact R-7), gctrace_binned (in the metric's buckets, by",
            "  histogram_quantile), metric}}, gctrace_max_ms, verdict.",
            "For two timehist files: a, b, kind (perf-sched-timehist), sch_delay_ms",
            "  (every non-idle switch, as stw_ms), mann_whitney_p, ks_p, per_task",
            "  [{task, a and b {pids, threads, switches, sch_delay_ms {p50, p90, p99,",
            "  max}}, sch_delay_ms, mann_whitney_p, ks_p, mann_whitney_p_adjusted,",
            "  ks_p_adjusted (Holm over every test of every task), in_order_p (placement",
            "  test allowing for neighbouring switches being alike), in_order_p_adjusted",
            "  (Holm over the tasks; a change needs it under 0.05 too), change: longer|",
            "  shorter|different|no_clear_change|too_few, verdict}] (tasks matched by",
            "  name, the program first), tasks_only_a, tasks_only_b, sides [{label,",
            "  events, tasks, program}], verdict.",
            "For two runtime/metrics files: a, b, kind (runtime-metrics), metrics",
            "  [{metric, series_a, series_b, count_a, count_b, ms {p50, p90, p99, p999:",
            "  {a, a_ci, b, b_ci, a_variance_inflation, b_variance_inflation, ratio,",
            "  ratio_ci, why_no_interval, change: longer|shorter|no_clear_change|",
            "  not_enough_data}}, verdict, intervals_a, intervals_b}] of the last",
            "  snapshots, missing, verdict. An interval spans whole buckets (the",
            "  values inside one are unknown). Where a file's snapshots tell when the",
            "  observations came (3 or more even-enough stretches of intervals since",
            "  the last restart), it is widened for bursts by batch means over up to",
            "  10 stretches (variance_inflation); else (one scrape) it takes them as",
            "  independent (variance_inflation null) and intervals_a/_b say so.",
        })
final class CompareCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON object instead of text.")
    private boolean json;

    @Option(names = "--tsv", description = "Print the costs table as tab-separated values (the --json figures, one"
            + " column per interval end), for a spreadsheet.")
    private boolean tsv;

    @Option(names = "--markdown", description = "Print the files, the verdict and the costs table as Markdown, for an"
            + " issue or a wiki.")
    private boolean markdown;

    @Parameters(paramLabel = "A B [C...]", arity = "2..*",
            description = "The baseline trace (e.g. before the upgrade), then the traces to compare with it, in order.")
    private List<Path> files;

    /** The first and the last file: the pair every existing key describes. */
    private Path a, b;

    CompareCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        a = files.get(0);
        b = files.get(files.size() - 1);
        if ((json ? 1 : 0) + (tsv ? 1 : 0) + (markdown ? 1 : 0) > 1) {
            throw new ParameterException(spec.commandLine(), "--json, --tsv and --markdown each choose the output: give one");
        }
        List<ComparisonSide> sides = new ArrayList<>();
        try {
            List<ParseResult> loaded = new ArrayList<>();
            for (Path f : files) loaded.add(loadAny(f));
            ParseResult left = loaded.get(0), right = loaded.get(1);
            if (files.size() == 2 && isMetrics(left) != isMetrics(right) && (isGcTrace(left) || isGcTrace(right))) {
                if (tsv || markdown) {
                    throw new ParameterException(spec.commandLine(), "--tsv and --markdown print the costs table of gctrace"
                            + " files; for a gctrace and a runtime/metrics file use text or --json");
                }
                return comparePauseSources(left, right);
            }
            if (files.size() == 2 && SchedCompare.pair(left, right, context.formats())) {
                if (tsv || markdown) {
                    throw new ParameterException(spec.commandLine(), "--tsv and --markdown print the costs table of gctrace"
                            + " files; for two scheduler files use text or --json (the window's table copies as TSV and Markdown)");
                }
                return SchedCompare.run(a, b, left, right, context.formats(), json, spec.commandLine().getOut());
            }
            for (int i = 0; i < files.size(); i++) {
                requireGcTrace(loaded.get(i), files.get(i));
                sides.add(ComparisonSide.whole(files.get(i).toString(), cycles(loaded.get(i)).orElseThrow()));
            }
        } catch (TraceInputException e) {
            return context.errors().report(e);
        }
        GcComparison c = GcComparison.of(sides);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonTreeWriter.write(out, ComparisonJson.of(c, a.toString(), b.toString()));
            out.println();
        } else if (tsv) {
            out.print(ComparisonCosts.tsv(ComparisonJson.of(c, a.toString(), b.toString())).tsv());
        } else if (markdown) {
            out.print(ComparisonCosts.markdown(ComparisonJson.of(c, a.toString(), b.toString())));
        } else {
            text(c, new TextReport(out));
        }
        out.flush();
        return ExitStatus.OK;
    }

    private ParseResult loadAny(Path file) throws TraceInputException {
        return context.inputs().load(file, null,
                f -> context.formats().forFormat(f).map(FormatSupport::compareOptions).orElse(ParseOptions.ALL));
    }

    /** The GC cycles of a file whose format records them (gctrace), as its format's entry says. */
    private Optional<Table> cycles(ParseResult r) {
        return context.formats().forFormat(r.format()).flatMap(f -> f.gcCycles(r));
    }

    /** The runtime's histograms of a file whose format records them (runtime/metrics). */
    private Optional<Table> histograms(ParseResult r) {
        return context.formats().forFormat(r.format()).flatMap(f -> f.histograms(r));
    }

    private boolean isGcTrace(ParseResult r) {
        return cycles(r).isPresent();
    }

    private boolean isMetrics(ParseResult r) {
        return histograms(r).isPresent();
    }

    private void requireGcTrace(ParseResult result, Path file) throws TraceInputException {
        if (!isGcTrace(result)) {
            throw new TraceInputException(file + ": is " + result.format().id() + ", but compare reads gctrace files,"
                    + " a gctrace file and a runtime/metrics file of the same process, or two timehist or two runtime/metrics files");
        }
    }

    /** A gctrace and a runtime/metrics file: the same process's GC pauses as the two sources saw them. */
    private int comparePauseSources(ParseResult left, ParseResult right) throws IOException {
        boolean gcFirst = isGcTrace(left);
        ParseResult gc = gcFirst ? left : right, metrics = gcFirst ? right : left;
        Path gcFile = gcFirst ? a : b, metricsFile = gcFirst ? b : a;
        var histories = HistogramHistory.of(histograms(metrics).orElseThrow());
        var metric = GcPauseComparison.pauseMetric(histories);
        if (metric.isEmpty()) {
            return context.errors().report(new TraceInputException(metricsFile + ": has no GC pause histogram ("
                    + String.join(" or ", GcPauseComparison.PAUSE_METRICS) + ") to set against " + gcFile));
        }
        var c = GcPauseComparison.of(cycles(gc).orElseThrow(), metric.get());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonTreeWriter.write(out, PauseSourcesReport.json(gcFile.toString(), metricsFile.toString(), c));
            out.println();
        } else {
            PauseSourcesReport.text(gcFile.toString(), metricsFile.toString(), c, new TextReport(out));
        }
        out.flush();
        return ExitStatus.OK;
    }

    /**
     * Six decimals read well down to 1e-6; below that a rounded "0" would claim certainty the
     * test's normal approximation does not have, so small values say how small instead.
     */
    static String pValue(double p) {
        if (Double.isNaN(p)) return "n/a";
        if (p == 0) return "< 1e-300";
        if (p < 1e-6) return String.format(java.util.Locale.ROOT, "%.1e", p);
        return PlainNumbers.rounded(p, 6);
    }

    /**
     * "  (95% CI 0.8–1.2)"; an end the pauses are too few for is open: "  (95% CI from 0.8)",
     * "  (95% CI up to 1.2)", "  (no 95% interval: pauses too few or too alike)"; nothing where there is no interval (the maximum).
     */
    private static String interval(double low, double high, int decimals, String dash) {
        if (Double.isNaN(low) || Double.isNaN(high)) return "";
        boolean hasLow = Double.isFinite(low), hasHigh = Double.isFinite(high);
        if (!hasLow && !hasHigh) return "  (no 95% interval: pauses too few or too alike)";
        if (!hasHigh) return "  (95% CI from " + PlainNumbers.rounded(low, decimals) + ")";
        if (!hasLow) return "  (95% CI up to " + PlainNumbers.rounded(high, decimals) + ")";
        return "  (95% CI " + PlainNumbers.rounded(low, decimals) + dash + PlainNumbers.rounded(high, decimals) + ")";
    }

    private void text(GcComparison c, TextReport out) {
        if (c.sides().size() > 2) {
            for (int i = 0; i < c.sides().size(); i++) out.heading((char) ('A' + Math.min(i, 25)) + "  " + c.sides().get(i).label());
            for (PairComparison step : c.steps()) {
                out.row("step", step.a().label() + " → " + step.b().label());
                out.more(step.verdictText());
            }
            out.blank();
            out.heading("first against last");
        }
        PairComparison pair = c.overall();
        TraceComparison.Result r = pair.pauses();
        out.heading("A  " + a);
        out.heading("B  " + b);
        for (CostRow row : pair.costs()) {
            GcCost cost = row.cost();
            String unit = cost.unit().isEmpty() ? "" : " " + cost.unit();
            out.row(cost.label(), String.format(Locale.ROOT, "%s → %s%s   B/A %s%s%s", PlainNumbers.rounded(row.a(), 3),
                    PlainNumbers.rounded(row.b(), 3), unit, PlainNumbers.rounded(row.ratio(), 3),
                    row.hasInterval() ? interval(row.ratioLow(), row.ratioHigh(), 3, "–") : "",
                    row.change() == CostRow.Change.NOT_TESTED ? "" : "  " + row.change().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        out.row("mann-whitney p", pValue(r.mannWhitneyP()));
        out.row("ks p", pValue(r.ksP()));
        out.row("in-order p", pValue(pair.verdict().pausesInOrderP()) + "  (allowing for neighbouring cycles being alike;"
                + " pauses Holm-adjusted " + pValue(pair.verdict().pausesAdjustedP()) + ")");
        out.row("hodges-lehmann", String.format(Locale.ROOT, "%s ms%s", PlainNumbers.rounded(r.shift().estimate(), 4),
                interval(r.shift().low(), r.shift().high(), 4, " to ")));
        for (RegimeComparison row : pair.regimes()) {
            out.row("regime", row.name() + " (" + row.a().label() + ")");
            out.more(String.format(Locale.ROOT, "A: %d cycles, stw p50 %s ms, p99 %s ms", row.a().cycles(),
                    PlainNumbers.rounded(row.a().stwP50Ms(), 3), PlainNumbers.rounded(row.a().stwP99Ms(), 3)));
            out.more(String.format(Locale.ROOT, "B: %d cycles, stw p50 %s ms, p99 %s ms", row.b().cycles(),
                    PlainNumbers.rounded(row.b().stwP50Ms(), 3), PlainNumbers.rounded(row.b().stwP99Ms(), 3)));
            out.more(row.sentence());
        }
        for (Regime g : pair.onlyA()) out.row("only in A", g.label() + ": " + g.description());
        for (Regime g : pair.onlyB()) out.row("only in B", g.label() + ": " + g.description());
        out.row("pauses", r.verdict());
        out.row("verdict", pair.verdictText());
    }
}
