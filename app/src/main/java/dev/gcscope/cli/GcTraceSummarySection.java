package dev.gcscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.analysis.GcSummary;
import dev.gcscope.analysis.StwPercentiles;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import java.util.Locale;

/** The gctrace figures: cycles, forced, runs, stop-the-world percentiles, heap peak, GC CPU share. */
final class GcTraceSummarySection implements SummarySection {
    /** Go prints clock times in whole microseconds; more decimals in text would be noise. */
    private static final int MS_DECIMALS = 3;
    /** Go prints the CPU share as a truncated integer; one decimal keeps the run weighting visible. */
    private static final int PCT_DECIMALS = 1;

    @Override
    public String formatId() {
        return GcTraceParser.FORMAT.id();
    }

    @Override
    public ParseOptions parseOptions() {
        return ParseOptions.columns(GcSummary.COLUMNS);
    }

    private static GcSummary summarize(ParseResult result) {
        return GcSummary.of(result.table(GcColumns.CYCLES_TABLE));
    }

    @Override
    public void addJson(ParseResult result, ObjectNode file) {
        GcSummary s = summarize(result);
        file.put("cycles", s.cycles());
        file.put("forced", s.forced());
        file.put("runs", s.runs());
        StwPercentiles stw = s.stwMs();
        ObjectNode pauses = file.putObject("stw_ms");
        putNumber(pauses, "p50", stw.p50());
        putNumber(pauses, "p90", stw.p90());
        putNumber(pauses, "p99", stw.p99());
        putNumber(pauses, "p999", stw.p999());
        putNumber(pauses, "max", stw.max());
        putNumber(file, "heap_peak_mb", s.heapPeakMb());
        putNumber(file, "gc_cpu_pct", s.gcCpuPct());
    }

    static void putNumber(ObjectNode node, String key, double value) {
        node.put(key, PlainNumbers.figure(value)); // null (NaN, no data) becomes JSON null
    }

    @Override
    public void addText(ParseResult result, TextReport out) {
        GcSummary s = summarize(result);
        out.row("cycles", Long.toString(s.cycles()));
        out.row("forced", s.forced() + "  (runtime.GC() and the 2-minute periodic GC)");
        out.row("runs", s.runs() + (s.runs() > 1 ? "  (the gc number restarted: the process restarted)" : ""));
        StwPercentiles stw = s.stwMs();
        if (stw.count() == 0) {
            out.row("stw pause", "n/a (no cycle with pause times)");
        } else {
            out.row("stw pause p50", ms(stw.p50()));
            out.row("          p90", ms(stw.p90()));
            out.row("          p99", ms(stw.p99()));
            out.row("          p99.9", ms(stw.p999()));
            out.row("          max", ms(stw.max()));
        }
        out.row("heap peak", Double.isNaN(s.heapPeakMb()) ? "n/a" : PlainNumbers.rounded(s.heapPeakMb(), 0) + " MB");
        out.row("gc cpu", Double.isNaN(s.gcCpuPct()) ? "n/a"
                : PlainNumbers.rounded(s.gcCpuPct(), PCT_DECIMALS) + " %  (since program start, as Go reports it)");
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%s ms", PlainNumbers.rounded(v, MS_DECIMALS));
    }
}
