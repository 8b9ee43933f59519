package dev.gcscope.export.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcscope.analysis.CycleRangeAnalysis;
import dev.gcscope.analysis.stats.Convergence;
import dev.gcscope.analysis.stats.PauseFits;
import dev.gcscope.export.report.ReportDocument.Block;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.parsers.TraceFormat;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A gctrace in the report: the finding (regimes, tail, convergence), the key figures with their
 * 95 % intervals and the regimes, all as {@code summary --json} prints them; then the timelines,
 * the pause distribution with its fits, convergence and MMU, from the analysis the window shows.
 */
final class GcTraceReport implements FormatReport {
    /** P99 at least this many times the median: a heavy tail. */
    static final double HEAVY_TAIL = 10;
    /** P99 under this many times the median: a light tail. */
    static final double LIGHT_TAIL = 3;

    /** The analysis behind the charts' companions (fits, convergence), for the input's cycles or its range. */
    private final Function<ReportInput, CycleRangeAnalysis> analysis;

    GcTraceReport(Function<ReportInput, CycleRangeAnalysis> analysis) {
        this.analysis = analysis;
    }

    @Override
    public boolean covers(TraceFormat format) {
        return format.equals(GcTraceParser.FORMAT);
    }

    // ---------------------------------------------------------------- the finding

    @Override
    public List<Cell.Run> finding(InputFigures in) {
        JsonFigures f = in.figures();
        List<Cell.Run> out = new ArrayList<>();
        out.add(f.run("/cycles"));
        out.add(text(" GC cycles"));
        if (f.at("/runs").asInt() > 1 && in.span() == null) {
            out.add(text(" in "));
            out.add(f.run("/runs"));
            out.add(text(" process runs (the program restarted)"));
        }
        if (f.at("/forced").asLong() > 0) {
            out.add(text(", "));
            out.add(f.run("/forced"));
            out.add(text(" of them forced"));
        }
        if (in.span() != null) out.add(text(" in the selected range"));
        out.add(text(". "));
        out.addAll(regimesSentence(in));
        out.addAll(tailSentence(f));
        out.add(text(convergenceSentence(analysis.apply(in.input()).convergence())));
        return out;
    }

    private static List<Cell.Run> regimesSentence(InputFigures in) {
        JsonNode regimes = in.whole().at("/regimes");
        int k = regimes.size();
        if (k == 0) return List.of(text("There were too few cycles with allocation figures to tell regimes apart. "));
        if (k == 1) {
            return List.of(text("The program stayed in one regime: "), in.whole().run("/regimes/0/description"), text(". "));
        }
        int most = 0;
        for (int i = 1; i < k; i++) {
            if (regimes.get(i).path("share_of_time").asDouble() > regimes.get(most).path("share_of_time").asDouble()) most = i;
        }
        List<Cell.Run> out = new ArrayList<>();
        out.add(text("The program went through " + k + " regimes: "));
        for (int i = 0; i < k; i++) {
            if (i > 0) out.add(text("; "));
            out.add(text("#" + regimes.get(i).path("id").asInt() + " "));
            out.add(in.whole().run("/regimes/" + i + "/description"));
        }
        out.add(text(". It spent most of its time in #" + regimes.get(most).path("id").asInt() + ". "));
        return out;
    }

    private static List<Cell.Run> tailSentence(JsonFigures f) {
        if (f.at("/stw_ms/p50").isNull()) return List.of(text("No cycle recorded its pause times. "));
        List<Cell.Run> out = new ArrayList<>(List.of(text("Stop-the-world pauses: median "), f.run("/stw_ms/p50"),
                text(" ms, P99 "), f.run("/stw_ms/p99"), text(" ms, the longest "), f.run("/stw_ms/max"), text(" ms")));
        JsonNode ratio = f.at("/stw_tail_ratio");
        if (ratio.isNumber()) {
            double r = ratio.asDouble();
            out.add(text(r >= HEAVY_TAIL ? String.format(Locale.ROOT, ": a heavy tail (P99 is more than %.0f times the median). ", HEAVY_TAIL)
                    : r < LIGHT_TAIL ? String.format(Locale.ROOT, ": a light tail (P99 is within %.0f times the median). ", LIGHT_TAIL)
                    : String.format(Locale.ROOT, ": a moderate tail (P99 is %.0f to %.0f times the median). ", LIGHT_TAIL, HEAVY_TAIL)));
        } else {
            out.add(text(". "));
        }
        return out;
    }

    static String convergenceSentence(Convergence.Result c) {
        String rule = String.format(Locale.ROOT, " (from then on their 95 %% intervals stay within ±%.0f %% of the estimate)",
                Convergence.STABLE_REACH * 100);
        if (c.stableAfterP99() > 0 && c.stableAfterP50() > 0) {
            return String.format(Locale.ROOT, "The percentiles converged: P50 was stable after %,d cycles and P99 after %,d%s.",
                    c.stableAfterP50(), c.stableAfterP99(), rule);
        }
        if (c.stableAfterP50() > 0) {
            return String.format(Locale.ROOT, "The median converged after %,d cycles, but P99 did not: its interval is still wider"
                    + " than ±%.0f %% at the end, so quote it with its interval or record longer.",
                    c.stableAfterP50(), Convergence.STABLE_REACH * 100);
        }
        return String.format(Locale.ROOT, "The percentiles have not converged: even the median's interval is wider than ±%.0f %%"
                + " at the end; record longer before drawing conclusions.", Convergence.STABLE_REACH * 100);
    }

    // ---------------------------------------------------------------- figures, tables, charts

    /**
     * How the intervals were made, in words, with this file's variance inflations (the JSON's
     * {@code stw_ci} method says the same for programs).
     */
    static String intervalsNote(JsonFigures f) {
        String[] keys = {"p50", "p90", "p99", "p999"}, names = {"P50", "P90", "P99", "P99.9"};
        List<String> found = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            double x = f.number("/stw_ci/" + keys[i] + "/variance_inflation");
            if (!Double.isNaN(x)) found.add("×" + PlainNumbers.rounded(x, 1) + " for " + names[i]);
        }
        String alike = found.isEmpty() ? " (too few cycles here to tell how alike they are)"
                : ": over ten stretches of the trace, the count of pauses below each percentile varied more than it would"
                + " for independent pauses (its variance " + String.join(", ", found) + "), so the cycles count as that many"
                + " times fewer independent ones (fewer again for an estimate from ten stretches) and the ends are the exact"
                + " binomial ones for that many";
        return "95 % intervals: order statistics (distribution-free), widened because neighbouring pauses are alike" + alike
                + "; about 95 % coverage from 1,000 cycles in simulation, less below. An end the cycles are too few for"
                + " is open (\"> max\"), with about how many cycles, as alike, would close it.";
    }

    @Override
    public List<Block> blocks(InputFigures in) {
        CycleRangeAnalysis stats = analysis.apply(in.input());
        List<Block> out = new ArrayList<>();
        out.add(new ReportDocument.Heading("Key figures", "key-figures"));
        out.add(keyFigures(in.figures()));
        out.add(new ReportDocument.Note("Pauses in ms: sweep termination + mark termination per cycle; percentiles R-7"
                + " (numpy's default). " + intervalsNote(in.figures())));
        out.add(new ReportDocument.Heading("Regimes", "regimes"));
        out.add(new ReportDocument.Note("Found by " + in.whole().string("/regime_method") + " over the whole file;"
                + " forced GCs belong to none."));
        out.add(in.span() == null ? regimes(in.whole()) : regimesInRange(in.whole(), stats));
        chart(out, in, "pause-timeline", "Stop-the-world pause per cycle, stacked by phase and coloured by regime; forced GCs marked.");
        chart(out, in, "heap-timeline", "Heap at the start and end of each cycle, live heap and the goal.");
        chart(out, in, "gc-cpu-timeline", "GC's CPU per cycle (assist, background, idle) and its share of CPU.");
        chart(out, in, "stw-histogram", "Pauses on log-spaced bins with P50/P90/P99/P99.9 and the fitted distributions.");
        out.addAll(fits(stats.fits()));
        chart(out, in, "convergence", "Running P50 and P99 with their 95 % intervals as cycles accumulate.");
        out.add(new ReportDocument.Note(convergenceSentence(stats.convergence())));
        chart(out, in, "mmu", "Minimum mutator utilisation: the worst share of any window of that length left to the program.");
        chart(out, in, "regime-scatter", "Allocation rate against survival per cycle, coloured by regime.");
        return out;
    }

    private static ReportDocument.Table keyFigures(JsonFigures f) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.text("GC cycles"), f.cell("/cycles"), Cell.text("")));
        rows.add(List.of(Cell.text("forced"), f.cell("/forced"), Cell.text("")));
        rows.add(List.of(Cell.text("process runs"), f.cell("/runs"), Cell.text("")));
        rows.add(List.of(Cell.text("STW pause P50 (ms)"), f.cell("/stw_ms/p50"), f.interval("/stw_ci/p50")));
        rows.add(List.of(Cell.text("STW pause P90 (ms)"), f.cell("/stw_ms/p90"), f.interval("/stw_ci/p90")));
        rows.add(List.of(Cell.text("STW pause P99 (ms)"), f.cell("/stw_ms/p99"), f.interval("/stw_ci/p99")));
        rows.add(List.of(Cell.text("STW pause P99.9 (ms)"), f.cell("/stw_ms/p999"), f.interval("/stw_ci/p999")));
        rows.add(List.of(Cell.text("longest pause (ms)"), f.cell("/stw_ms/max"), Cell.text("")));
        rows.add(List.of(Cell.text("tail ratio P99/P50"), f.cell("/stw_tail_ratio"), Cell.text("")));
        rows.add(List.of(Cell.text("heap peak (MB)"), f.cell("/heap_peak_mb"), Cell.text("")));
        rows.add(List.of(Cell.text("GC CPU (%)"), f.cell("/gc_cpu_pct"), Cell.text("")));
        return Tables.of("key-figures", "Key figures", List.of("figure", "value", "95 % interval"), rows);
    }

    private static ReportDocument.Table regimes(JsonFigures f) {
        List<List<Cell>> rows = new ArrayList<>();
        JsonNode all = f.at("/regimes");
        for (int i = 0; i < all.size(); i++) {
            String r = "/regimes/" + i;
            rows.add(List.of(Cell.text("#" + all.get(i).path("id").asInt()), Cell.text(labels(all.get(i))), f.cell(r + "/description"),
                    f.cell(r + "/cycles"), f.cell(r + "/share_of_cycles"), f.cell(r + "/share_of_time"),
                    f.cell(r + "/alloc_rate_mb_s"), f.cell(r + "/survival"), f.cell(r + "/live_heap_mb"),
                    f.cell(r + "/stw_ms/p50"), f.cell(r + "/stw_ms/p99")));
        }
        return Tables.of("regimes", "Regimes", List.of("regime", "labels", "what the program was doing", "cycles",
                "share of cycles", "share of time", "alloc rate (MB/s)", "survival", "live heap (MB)", "STW P50 (ms)",
                "STW P99 (ms)"), rows);
    }

    /** With a range: the whole file's regimes, each with its pauses inside the range (as the window's percentile table). */
    private static ReportDocument.Table regimesInRange(JsonFigures whole, CycleRangeAnalysis stats) {
        List<List<Cell>> rows = new ArrayList<>();
        JsonNode all = whole.at("/regimes");
        for (int i = 0; i < all.size(); i++) {
            int id = all.get(i).path("id").asInt();
            CycleRangeAnalysis.RegimePauses in = stats.regimes().stream().filter(p -> p.regime() == id).findFirst().orElse(null);
            rows.add(List.of(Cell.text("#" + id), Cell.text(labels(all.get(i))), whole.cell("/regimes/" + i + "/description"),
                    Cell.text(in == null ? "0" : Integer.toString(in.cycles())),
                    Cell.text(in == null ? JsonFigures.MISSING : figure(in.p50Ms())),
                    Cell.text(in == null ? JsonFigures.MISSING : figure(in.p99Ms())),
                    Cell.text(in == null ? JsonFigures.MISSING : figure(in.maxMs()))));
        }
        return Tables.of("regimes", "Regimes, with their pauses in the range", List.of("regime", "labels",
                "what the program was doing", "cycles in range", "STW P50 (ms)", "STW P99 (ms)", "longest (ms)"), rows);
    }

    private static List<Block> fits(PauseFits.Result fits) {
        List<Block> out = new ArrayList<>();
        if (!fits.fits().isEmpty()) {
            List<List<Cell>> rows = new ArrayList<>();
            for (PauseFits.Fit fit : fits.fits()) {
                rows.add(List.of(Cell.text(fit.model()), Cell.text(fit.parameters()), Cell.text(PlainNumbers.rounded(fit.ksStatistic(), 3)),
                        Cell.text(pValue(fit.ksP())), Cell.text(fit.consistent() ? "yes" : "no")));
            }
            out.add(Tables.of("fits", "Fitted distributions", List.of("model", "parameters", "KS D", "KS p-value",
                    String.format(Locale.ROOT, "consistent (p ≥ %s)", PlainNumbers.plain(PauseFits.ACCEPT_P))), rows));
        }
        out.add(new ReportDocument.Note(capitalised(fits.verdict()) + "."));
        return out;
    }

    /** A p-value to three decimals; below that, "&lt; 0.001" (its digits say nothing more). */
    static String pValue(double p) {
        return Double.isNaN(p) ? JsonFigures.MISSING : p < 0.001 ? "< 0.001" : PlainNumbers.rounded(p, 3);
    }

    private static void chart(List<Block> out, InputFigures in, String id, String caption) {
        in.chart(id).ifPresent(c -> out.add(new ReportDocument.Chart(c, caption)));
    }

    /** A computed figure with {@code summary}'s rounding (12 significant digits, plain). */
    static String figure(double v) {
        java.math.BigDecimal d = PlainNumbers.figure(v);
        return d == null ? JsonFigures.MISSING : d.toPlainString();
    }

    private static String labels(JsonNode regime) {
        List<String> l = new ArrayList<>();
        regime.path("labels").forEach(n -> l.add(n.asText().replace('_', ' ')));
        return String.join(", ", l);
    }

    private static String capitalised(String s) {
        if (s.isEmpty()) return s;
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private static Cell.Run text(String s) {
        return Cell.Run.text(s);
    }
}
