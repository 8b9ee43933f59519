package dev.gcscope.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.analysis.GcSummary;
import dev.gcscope.analysis.GcTraceAnalysis;
import dev.gcscope.analysis.compare.SideFigures;
import dev.gcscope.analysis.StwPercentiles;
import dev.gcscope.analysis.regime.Regime;
import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.stats.PauseStatistics;
import dev.gcscope.analysis.stats.PercentileInterval;
import dev.gcscope.analysis.StwPercentiles;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * gctrace ({@code GODEBUG=gctrace=1}). Its summary: cycles, forced, runs, stop-the-world
 * percentiles with their confidence intervals, heap peak, GC CPU share, and the regimes the program
 * went through. Its export adds each cycle's regime; its cycles are what {@code compare} and the
 * window's cycle views read.
 */
public final class GcTraceSupport implements FormatSupport {
    /** Go prints clock times in whole microseconds; more decimals in text would be noise. */
    private static final int MS_DECIMALS = 3;
    /** Go prints the CPU share as a truncated integer; one decimal keeps the run weighting visible. */
    private static final int PCT_DECIMALS = 1;

    /** What the pause analysis, the comparison of every GC cost and the pairing with runtime/metrics read of a gctrace. */
    private static final Set<String> PAUSE_COLUMNS = union(union(GcTraceAnalysis.COLUMNS,
            Set.of(GcColumns.SWEEP_TERM_MS, GcColumns.MARK_TERM_MS)), SideFigures.COLUMNS);

    @Override
    public List<TraceFormat> formats() {
        return List.of(GcTraceParser.FORMAT);
    }

    @Override
    public ParseOptions summaryOptions() {
        return ParseOptions.columns(GcTraceAnalysis.COLUMNS);
    }

    @Override
    public Table exported(ParseResult result, AnalysisOptions options) {
        return GcTraceAnalysis.withRegimes(result.mainTable(), options.regimes());
    }

    @Override
    public Optional<Table> gcCycles(ParseResult result) {
        return Optional.ofNullable(result.tables().get(GcColumns.CYCLES_TABLE));
    }

    @Override
    public ParseOptions compareOptions() {
        return ParseOptions.columns(PAUSE_COLUMNS);
    }

    @Override
    public Optional<String> nothingToShow(ParseResult result) {
        Table cycles = result.tables().get(GcColumns.CYCLES_TABLE);
        if (cycles != null && cycles.rowCount() > 0) return Optional.empty();
        return Optional.of("no gctrace lines (no \"gc N @…\" cycle) — run the program with GODEBUG=gctrace=1"
                + " and keep its stderr: GODEBUG=gctrace=1 ./app 2> gc.log");
    }

    private static Set<String> union(Set<String> x, Set<String> y) {
        Set<String> out = new HashSet<>(x);
        out.addAll(y);
        return Set.copyOf(out);
    }

    private static GcTraceAnalysis analyse(ParseResult result, AnalysisOptions options) {
        return GcTraceAnalysis.of(result.table(GcColumns.CYCLES_TABLE), options.regimes());
    }

    @Override
    public void addSummaryJson(ParseResult result, AnalysisOptions options, ObjectNode file) {
        summaryJson(analyse(result, options), file);
    }

    /** The gctrace keys of {@code summary --json} from an analysis already made (a followed log's, updated). */
    public static void summaryJson(GcTraceAnalysis a, ObjectNode file) {
        GcSummary s = a.summary();
        file.put("cycles", s.cycles());
        file.put("forced", s.forced());
        file.put("runs", s.runs());
        StwPercentiles stw = s.stwMs();
        ObjectNode pauses = file.putObject("stw_ms");
        JsonNumbers.put(pauses, "p50", stw.p50());
        JsonNumbers.put(pauses, "p90", stw.p90());
        JsonNumbers.put(pauses, "p99", stw.p99());
        JsonNumbers.put(pauses, "p999", stw.p999());
        JsonNumbers.put(pauses, "max", stw.max());
        JsonNumbers.put(file, "heap_peak_mb", s.heapPeakMb());
        JsonNumbers.put(file, "gc_cpu_pct", s.gcCpuPct());
        PauseStatistics p = a.pauses();
        ObjectNode ci = file.putObject("stw_ci");
        ci.put("confidence", PercentileInterval.CONFIDENCE);
        ci.put("method", METHOD);
        interval(ci, "p50", p.p50());
        interval(ci, "p90", p.p90());
        interval(ci, "p99", p.p99());
        interval(ci, "p999", p.p999());
        JsonNumbers.put(file, "stw_tail_ratio", p.tailRatio());
        file.put("regime_method", a.regimes().method());
        ArrayNode regimes = file.putArray("regimes");
        for (Regime g : a.regimes().regimes()) {
            ObjectNode r = regimes.addObject();
            r.put("id", g.id());
            r.put("label", g.label());
            r.put("description", g.description());
            r.put("cycles", g.cycles());
            JsonNumbers.put(r, "alloc_rate_mb_s", g.allocRateMbS());
            JsonNumbers.put(r, "survival", g.survival());
            ObjectNode stwOfRegime = r.putObject("stw_ms");
            JsonNumbers.put(stwOfRegime, "p50", g.stwP50Ms());
            JsonNumbers.put(stwOfRegime, "p99", g.stwP99Ms());
            ObjectNode ciOfRegime = r.putObject("stw_ci");
            interval(ciOfRegime, "p50", g.stwP50());
            interval(ciOfRegime, "p99", g.stwP99());
            ArrayNode labels = r.putArray("labels");
            g.labels().forEach(labels::add);
            JsonNumbers.put(r, "live_heap_mb", g.liveHeapMb());
            JsonNumbers.put(r, "share_of_cycles", g.shareOfCycles());
            JsonNumbers.put(r, "share_of_time", g.shareOfTime());
        }
    }

    static final String METHOD = "order statistics (binomial, distribution-free) at the effective number of pauses:"
            + " variance_inflation is how much more the count of pauses below the percentile varies over 10 stretches of"
            + " consecutive cycles (batch means) than for independent pauses, the cycles count as"
            + " cycles/variance_inflation*(z/t9)^2 independent ones (never more than they are), and the ends are"
            + " Clopper-Pearson's at that size; about the confidence from 1,000 cycles in simulation (README, Percentile"
            + " intervals); an open end is null, with cycles_needed";

    /** {low, high}; an open end is null, with {@code cycles_needed}; a trace without pauses has nulls and no count. */
    private static void interval(ObjectNode ci, String key, PercentileInterval.Estimate e) {
        ObjectNode o = ci.putObject(key);
        JsonNumbers.put(o, "low", e.low());
        JsonNumbers.put(o, "high", e.high());
        if (e.cyclesForBounds() > 0 && !Double.isNaN(e.value())) o.put("cycles_needed", e.cyclesForBounds());
        JsonNumbers.put(o, "variance_inflation", e.inflation());
    }

    @Override
    public void addSummaryText(ParseResult result, AnalysisOptions options, TextReport out) {
        summaryText(analyse(result, options), out);
    }

    /** The gctrace rows of {@code summary} from an analysis already made (a followed log's, updated). */
    public static void summaryText(GcTraceAnalysis a, TextReport out) {
        GcSummary s = a.summary();
        PauseStatistics p = a.pauses();
        out.row("cycles", Long.toString(s.cycles()));
        out.row("forced", s.forced() + "  (runtime.GC() and the 2-minute periodic GC)");
        out.row("runs", s.runs() + (s.runs() > 1 ? "  (the gc number restarted: the process restarted)" : ""));
        StwPercentiles stw = s.stwMs();
        if (stw.count() == 0) {
            out.row("stw pause", "n/a (no cycle with pause times)");
        } else {
            out.row("stw pause p50", ms(stw.p50()) + ci(p.p50()));
            out.row("          p90", ms(stw.p90()) + ci(p.p90()));
            out.row("          p99", ms(stw.p99()) + ci(p.p99()));
            out.row("          p99.9", ms(stw.p999()) + ci(p.p999()));
            out.row("          max", ms(stw.max()));
            if (!Double.isNaN(p.tailRatio())) out.row("tail p99/p50", PlainNumbers.rounded(p.tailRatio(), 1));
        }
        out.row("heap peak", Double.isNaN(s.heapPeakMb()) ? "n/a" : PlainNumbers.rounded(s.heapPeakMb(), 0) + " MB");
        out.row("gc cpu", Double.isNaN(s.gcCpuPct()) ? "n/a"
                : PlainNumbers.rounded(s.gcCpuPct(), PCT_DECIMALS) + " %  (since program start, as Go reports it)");
        RegimeAnalysis.Result r = a.regimes();
        out.row("regimes", r.regimes().size() + "  (" + r.method() + ")");
        for (Regime g : r.regimes()) {
            out.more(String.format(Locale.ROOT, "#%d %s", g.id(), g.label()));
            out.more(String.format(Locale.ROOT, "   %s; %d cycles, %s of the time; stw p50 %s, p99 %s%s", g.description(),
                    g.cycles(), percent(g.shareOfTime()), ms(g.stwP50Ms()), ms(g.stwP99Ms()), ci(g.stwP99())));
        }
    }

    /** "  (95% CI 0.139–0.152)", "  (95% CI 0.9 – > max; an upper bound needs 3688 cycles)", "  (no 95% interval: needs 6 cycles)" */
    private static String ci(PercentileInterval.Estimate e) {
        if (Double.isNaN(e.value())) return "";
        if (!e.hasInterval()) return String.format(Locale.ROOT, "  (no 95%% interval: needs %d cycles)", e.cyclesForBounds());
        String low = e.hasLow() ? PlainNumbers.rounded(e.low(), MS_DECIMALS) : "< min";
        String high = e.hasHigh() ? PlainNumbers.rounded(e.high(), MS_DECIMALS) : "> max";
        if (e.hasLow() && e.hasHigh()) return String.format(Locale.ROOT, "  (95%% CI %s–%s)", low, high);
        return String.format(Locale.ROOT, "  (95%% CI %s – %s; %s bound needs %d cycles)", low, high, e.hasHigh() ? "a lower" : "an upper",
                e.cyclesForBounds());
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : PlainNumbers.rounded(share * 100, 0) + "%";
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%s ms", PlainNumbers.rounded(v, MS_DECIMALS));
    }
}
