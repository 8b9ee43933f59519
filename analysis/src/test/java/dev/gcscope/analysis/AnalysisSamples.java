package dev.gcscope.analysis;

import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.samples.SampleTraces;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import tech.tablesaw.api.Table;

/** Real traces for the analysis tests, and the phase log the workload wrote into them. */
public final class AnalysisSamples {
    private AnalysisSamples() {}

    public static Table cycles(String path) {
        try {
            SampleTraces.Sample s = SampleTraces.get(path);
            return DerivedColumns.addTo(TraceLoader.standard().load(TraceSource.of(path, s.bytes()), null, ParseListener.NONE))
                    .table(GcColumns.CYCLES_TABLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phase of the workload: its name and when it started and ended, in seconds since process start. */
    public record Phase(String name, double startS, double endS) {}

    /** The phases of the first run, from lines like {@code phase=cache start t=5.021s}. */
    public static List<Phase> phases(String path) {
        String text = text(path);
        Matcher m = Pattern.compile("phase=(\\S+) start t=([0-9.]+)s").matcher(text);
        List<String> names = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        while (m.find()) {
            if (!names.isEmpty() && m.group(1).equals("low-alloc")) break; // a second run restarts the phases
            names.add(m.group(1));
            starts.add(Double.parseDouble(m.group(2)));
        }
        List<Phase> out = new ArrayList<>();
        for (int i = 0; i + 1 < names.size(); i++) out.add(new Phase(names.get(i), starts.get(i), starts.get(i + 1)));
        return out;
    }

    public static String text(String path) {
        byte[] b = SampleTraces.get(path).bytes();
        try {
            if (path.endsWith(".gz")) b = new GZIPInputStream(new ByteArrayInputStream(b)).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
