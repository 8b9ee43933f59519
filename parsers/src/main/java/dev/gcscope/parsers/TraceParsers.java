package dev.gcscope.parsers;

import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.parsers.io.Excerpt;
import dev.gcscope.parsers.perfsched.PerfSchedLatencyParser;
import dev.gcscope.parsers.perfsched.PerfSchedTimehistParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry of formats. Detection reads the first 64 KiB of the decoded input (gzip unwrapped)
 * and lets every parser's probe vote; the file name is never consulted, because collectors name
 * files whatever they like ({@code pod-7f9c.log}, {@code stderr}, {@code out.txt.1.gz}).
 */
public final class TraceParsers {
    public static final int SAMPLE_BYTES = 64 * 1024;
    /** Below this no parser is sure enough to claim the input. */
    public static final double MIN_CONFIDENCE = 0.3;

    private final List<TraceParser> parsers;

    public TraceParsers(List<TraceParser> parsers) {
        this.parsers = List.copyOf(parsers);
    }

    /** Every format gcscope reads. */
    public static TraceParsers standard() {
        List<TraceParser> all = new ArrayList<>();
        all.add(new GcTraceParser());
        // perf sched (dev.gcscope.parsers.perfsched): latency, timehist
        all.add(new PerfSchedLatencyParser());
        all.add(new PerfSchedTimehistParser());
        // runtime/metrics (dev.gcscope.parsers.metrics): Prometheus/OpenMetrics text, JSON
        all.add(new dev.gcscope.parsers.metrics.PrometheusTextParser());
        all.add(new dev.gcscope.parsers.metrics.MetricsJsonParser());
        all.add(new dev.gcscope.parsers.metrics.PrometheusRangeParser());
        // cgroup CPU bandwidth (dev.gcscope.parsers.cgroup): cpu.stat sampled over time
        all.add(new dev.gcscope.parsers.cgroup.CpuStatLogParser());
        return new TraceParsers(all);
    }

    public List<TraceParser> all() {
        return parsers;
    }

    public Optional<TraceParser> byId(String id) {
        return parsers.stream().filter(p -> p.format().id().equals(id)).findFirst();
    }

    /** The parser for {@code --format ID}, or a one-line message listing the ids there are. */
    public TraceParser require(String id) throws TraceInputException {
        return byId(id).orElseThrow(() -> new TraceInputException("unknown format '" + id + "'; known formats: "
                + parsers.stream().map(p -> p.format().id()).collect(Collectors.joining(", "))));
    }

    /** A parser's verdict on one input. */
    public record Vote(TraceParser parser, Probe probe) {}

    /** Every parser's verdict on {@code sample}, most confident first. */
    public List<Vote> rank(TraceSample sample) {
        List<Vote> votes = new ArrayList<>();
        for (TraceParser p : parsers) votes.add(new Vote(p, p.probe(sample)));
        votes.sort(Comparator.comparingDouble((Vote v) -> v.probe().confidence()).reversed());
        return votes;
    }

    /** The parser for {@code source} (opened for it), or a message saying what gcscope reads and what the file looks like. */
    public TraceParser detect(TraceSource source) throws IOException {
        try (DecodedInput in = source.open()) {
            return detect(in);
        }
    }

    /** The parser for an opened input, from its {@link DecodedInput#sample()}; reading it then starts at its first byte. */
    public TraceParser detect(DecodedInput in) throws IOException {
        TraceSample sample = in.sample();
        TraceParser best = mostConfident(sample);
        if (best != null) return best;
        // Damage that left no text, or text no parser knows, is the reason to give: not "is empty"
        // for a gzip whose first block is corrupt.
        List<String> damage = in.damageSoFar();
        if (!damage.isEmpty()) {
            String read = sample.isEmpty() ? "nothing could be read" : "what could be read is " + describeUnknown(sample);
            throw new TraceInputException(in.name() + ": " + damage.get(0) + "; " + read);
        }
        throw new TraceInputException(in.name() + ": " + describeUnknown(sample));
    }

    /**
     * The first parser of {@link #rank}, or null when none reaches {@link #MIN_CONFIDENCE}. A probe
     * that is sure (confidence 1) ends the vote: no later one can beat it, and a tie goes to the
     * earlier parser in {@link #rank} as well. Saves running every other probe over the 64 KiB head
     * in a cold JVM.
     */
    private TraceParser mostConfident(TraceSample sample) {
        TraceParser best = null;
        double bestConfidence = -1;
        for (TraceParser p : parsers) {
            double c = p.probe(sample).confidence();
            if (c > bestConfidence) {
                best = p;
                bestConfidence = c;
            }
            if (c >= 1.0) break;
        }
        return bestConfidence >= MIN_CONFIDENCE ? best : null;
    }

    private String describeUnknown(TraceSample sample) {
        String reads = parsers.stream().map(p -> p.format().title()).collect(Collectors.joining(", "));
        if (sample.isEmpty()) return "is empty; gcscope reads " + reads;
        java.util.Optional<String> neighbour = NeighbourFormats.explain(sample);
        if (neighbour.isPresent()) return "not a format gcscope reads: it looks like " + neighbour.get();
        String looks;
        if (sample.looksBinary()) {
            looks = "binary data, not text";
        } else {
            String first = sample.lines().stream().filter(l -> !l.isBlank()).findFirst().orElse("");
            byte[] b = first.getBytes(StandardCharsets.ISO_8859_1);
            looks = "text starting with '" + Excerpt.of(b, 0, b.length, 80) + "'";
        }
        String hint = parsers.get(0).format().howToProduce();
        return String.format(Locale.ROOT, "not a format gcscope reads (it looks like %s); gcscope reads %s — for example, %s",
                looks, reads, hint);
    }
}
