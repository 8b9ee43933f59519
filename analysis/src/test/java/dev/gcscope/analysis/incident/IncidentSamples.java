package dev.gcscope.analysis.incident;

import dev.gcscope.analysis.sched.SchedSamples;
import dev.gcscope.parsers.ParseResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The incident recordings of record-incident.sh, by run ({@code free}, {@code quota50}). */
final class IncidentSamples {
    static final List<String> CORE = List.of("gctrace.log", "timehist.txt.gz", "metrics.jsonl.gz", "cpu-stat.log");
    private static final Pattern PHASE = Pattern.compile("^(\\S+Z) stderr F .* phase=(\\S+) start t=([0-9.]+)s$", Pattern.MULTILINE);

    private IncidentSamples() {}

    static String path(String run, String file) {
        return "incident/" + run + "-" + file;
    }

    static List<ParseResult> parse(String run, List<String> files) {
        List<ParseResult> out = new ArrayList<>();
        for (String f : files) out.add(SchedSamples.parse(path(run, f)));
        return out;
    }

    /**
     * Each phase's start as the workload logged it: {wall clock of the CRI line (Unix s), t since the
     * process started}; read from the raw log, not through the parsers.
     */
    static Map<String, double[]> phases(String run) {
        Map<String, double[]> out = new LinkedHashMap<>();
        Matcher m = PHASE.matcher(SchedSamples.text(path(run, "gctrace.log")));
        while (m.find()) {
            Instant wall = Instant.parse(m.group(1));
            out.put(m.group(2), new double[] {wall.getEpochSecond() + wall.getNano() / 1e9, Double.parseDouble(m.group(3))});
        }
        return out;
    }
}
