package dev.gcscope.cli;

import dev.gcscope.samples.SampleTraces.Sample;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A deliberately simple, independent reading of a recorded gctrace file (Go 1.6+ layout, one gc line
 * per text line), so tests compare the CLI against the raw text rather than against the parser.
 */
final class RawGcTrace {
    // gc 1 @0.077s 0%: 0.10+0.95+0.004 ms clock, 0.20+0/0.23/0.51+0.008 ms cpu, 3->3->2 MB, 4 MB goal, ...
    private static final Pattern GC = Pattern.compile(
            "(?:^| )gc (\\d+) @(\\d+\\.\\d{3})s (\\d+)%: ([0-9.]+(?:\\+[0-9.]+)+) ms clock, .*? (\\d+)->(\\d+)->(\\d+) MB, .* \\d+ P(?: \\(forced\\))?$");
    private static final Pattern PERIODIC = Pattern.compile("(?:^| )GC forced$");
    /**
     * The start of a gc line: the runtime writes {@code "gc "} in one piece, so even a line split right
     * after it by other output still shows {@code gc } and a digit (of the gc number, or of the glued
     * log line's date, as in {@code gc 2026/11/27 00:25:37 phase=forced start t=15.047s}).
     */
    private static final Pattern START = Pattern.compile("(?:^| )gc \\d");

    /** One gc line as printed. */
    record Line(int lineNo, int gc, double startS, int cpuPct, List<BigDecimal> clock, int heapStart, int heapEnd,
                boolean forced, boolean periodic) {
        BigDecimal sweepTerm() { return clock.get(0); }
        BigDecimal markTerm() { return clock.get(clock.size() - 1); }
        /** Go 1.6+: first + last clock term, exact decimal sum rounded once to a double. */
        double stwMs() { return sweepTerm().add(markTerm()).doubleValue(); }
    }

    final List<String> lines;
    /** Complete gc lines: from {@code gc N @} to {@code N P} on one text line. */
    final List<Line> gcLines = new ArrayList<>();
    /** Lines where a gc line starts, complete or not. */
    int starts;
    /** Lines ending in {@code " (forced)"}: complete gc lines, or the rest of a split one. */
    int forcedLines;
    int periodic;

    private RawGcTrace(List<String> lines) {
        this.lines = lines;
        boolean afterGcForced = false;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (PERIODIC.matcher(text).find()) {
                periodic++;
                afterGcForced = true;
            }
            if (text.endsWith(" (forced)")) forcedLines++;
            if (START.matcher(text).find()) starts++;
            Matcher m = GC.matcher(text);
            if (!m.find()) continue;
            List<BigDecimal> clock = new ArrayList<>();
            for (String term : m.group(4).split("\\+")) clock.add(new BigDecimal(term));
            gcLines.add(new Line(i + 1, Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)),
                    Integer.parseInt(m.group(3)), clock, Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                    text.endsWith(" (forced)"), afterGcForced));
            afterGcForced = false;
        }
    }

    static RawGcTrace of(Sample sample) {
        byte[] bytes = sample.bytes();
        if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RawGcTrace(splitLines(new String(bytes, StandardCharsets.UTF_8)));
    }

    /** Lines ended by LF, CRLF or CR; a last line without an end still counts. */
    static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    /** True when no gc line was split by other output, so {@link #gcLines} holds every cycle. */
    boolean complete() {
        return starts == gcLines.size();
    }

    long forcedCount() {
        return forcedLines + periodic;
    }

    /** 1 + the number of times the gc number did not go up (among the complete lines). */
    int runs() {
        int runs = gcLines.isEmpty() ? 0 : 1;
        for (int i = 1; i < gcLines.size(); i++) {
            if (gcLines.get(i).gc() <= gcLines.get(i - 1).gc()) runs++;
        }
        return runs;
    }

    double[] stwMs() {
        return gcLines.stream().mapToDouble(Line::stwMs).toArray();
    }
}
