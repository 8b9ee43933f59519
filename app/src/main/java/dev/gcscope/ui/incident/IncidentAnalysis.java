package dev.gcscope.ui.incident;

import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.analysis.incident.Attribution;
import dev.gcscope.analysis.incident.ClockAlignment;
import dev.gcscope.analysis.incident.Diagnosis;
import dev.gcscope.analysis.incident.IncidentLanes;
import dev.gcscope.analysis.incident.IncidentSources;
import dev.gcscope.analysis.incident.LaneBuilder;
import dev.gcscope.analysis.incident.SourceReader;
import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The incident view's work, toolkit-free and run off the UI thread: reading the files as
 * {@code gcscope diagnose} reads them (detected format, every column, derived columns), and the
 * alignment and attribution, which {@code diagnose} runs with the same arguments. The view does no
 * analysis of its own, so what it shows is what {@code diagnose --json} prints.
 */
public final class IncidentAnalysis {
    private IncidentAnalysis() {}

    /** How far the reading is: {@code done} of {@code total} units, over all files. */
    @FunctionalInterface
    public interface Progress {
        void report(long done, long total);
    }

    /** What the files of one incident hold, by kind; a file that cannot be read fails the whole read with its one-line message. */
    public static IncidentSources read(List<Path> files, TraceLoader loader, String program, BooleanSupplier cancelled, Progress progress)
            throws IOException {
        List<ParseResult> parsed = new ArrayList<>();
        final long perFile = 1_000_000;
        for (int i = 0; i < files.size(); i++) {
            if (cancelled.getAsBoolean()) throw new CancellationException();
            long before = i * perFile;
            TraceSource source = TraceSource.of(files.get(i));
            ParseListener listener = (done, total) -> {
                progress.report(before + (total > 0 ? Math.min(perFile, done * perFile / total) : 0), files.size() * perFile);
                return !cancelled.getAsBoolean();
            };
            try (DecodedInput in = source.open(listener)) {
                parsed.add(DerivedColumns.parse(loader.parserFor(in, null), in, listener, ParseOptions.ALL));
            } catch (TraceInputException e) {
                throw e;
            } catch (IOException e) {
                if (cancelled.getAsBoolean()) throw new CancellationException();
                throw new TraceInputException(source.name() + ": cannot be read (" + e.getMessage() + ")", e);
            }
        }
        if (cancelled.getAsBoolean()) throw new CancellationException();
        IncidentSources sources = new SourceReader(program).read(parsed);
        if (sources.isEmpty()) {
            throw new TraceInputException(files.get(0) + ": none of the files says when goroutines or threads waited"
                    + " (give gctrace, perf sched timehist, runtime/metrics or cgroup cpu.stat files)");
        }
        return sources;
    }

    /** {@code gcscope diagnose --bin-s binS --threshold-ms thresholdMs --offset FILE=SECONDS…} of the same sources. */
    public static Diagnosis diagnose(IncidentSources sources, Map<String, Double> offsets, double binS, double thresholdMs) {
        return Attribution.diagnose(sources, ClockAlignment.align(sources, offsets), binS, thresholdMs);
    }

    /**
     * The diagnosis, every runtime source's latency lane on its grid (the diagnosis' lanes hold the first
     * only; a Prometheus export beside the JSON lines is a second view of the same latencies), and GC's CPU
     * share as the runtime counted it ({@code /cpu/classes}), null without those counters.
     */
    public record Diagnosed(Diagnosis diagnosis, List<IncidentLanes.RuntimeLatency> runtimeLanes, double[] runtimeGcCpuShare) {}

    public static Diagnosed diagnoseWithLanes(IncidentSources sources, Map<String, Double> offsets, double binS, double thresholdMs) {
        Diagnosis d = diagnose(sources, offsets, binS, thresholdMs);
        return new Diagnosed(d, LaneBuilder.runtimeLanes(sources, d.alignment(), d.lanes()),
                LaneBuilder.runtimeGcCpuShare(sources, d.alignment(), d.lanes().bins()).orElse(null));
    }
}
