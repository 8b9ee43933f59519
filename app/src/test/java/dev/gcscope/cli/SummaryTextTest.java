package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readable report: the same facts as --json, aligned, with units. */
class SummaryTextTest {
    private static final Pattern EXPONENT = Pattern.compile("[0-9][eE][-+]?[0-9]");

    @TempDir
    Path dir;

    @Test
    void restartRecordingReadsWell() throws IOException {
        Sample sample = SampleTraces.withFeature("restart").stream().filter(s -> !s.has("quoted")).findFirst().orElseThrow();
        RawGcTrace raw = RawGcTrace.of(sample);
        Path file = sample.copyTo(dir);
        CliRun run = CliRun.of("summary", file.toString());
        assertEquals(0, run.status(), run.err());
        String out = run.out();
        List<String> lines = out.lines().toList();
        assertEquals(file.toString(), lines.get(0));
        assertRow(out, "format", "gctrace");
        assertRow(out, "go versions", "Go 1.");
        assertRow(out, "lines", raw.lines.size() + " read");
        assertRow(out, "cycles", Integer.toString(raw.starts));
        assertRow(out, "forced", Long.toString(raw.forcedCount()));
        assertRow(out, "runs", "2");
        assertTrue(Pattern.compile("(?m)^  stw pause p50 +[0-9.]+ ms  \\(95% CI [0-9.]+–[0-9.]+\\)$").matcher(out).find(), out);
        // 1,128 cycles are too few for an upper bound of P99.9: the text says so instead of quoting the
        // maximum, with the cycles it would take: 3,688 independent ones, more as alike as these are
        Matcher needs = Pattern.compile("(?m)^ +p99\\.9 +[0-9.]+ ms  \\(95% CI [0-9.]+ – > max; an upper bound needs (\\d+) cycles\\)$")
                .matcher(out);
        assertTrue(needs.find(), out);
        assertTrue(Integer.parseInt(needs.group(1)) >= 3688, out);
        assertTrue(Pattern.compile("(?m)^  regimes +\\d+  \\(k-means").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^ +#0 \\w+").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^  heap peak +\\d+ MB$").matcher(out).find(), out);
        assertTrue(out.contains("restarted"), "the restart note: " + out);
        assertFalse(EXPONENT.matcher(out).find(), out);
        // every labelled row starts its value in the same column
        assertEquals(1, lines.stream().skip(1).filter(l -> l.matches("  \\S.*")).map(SummaryTextTest::valueColumn).distinct().count(),
                () -> "values aligned:\n" + out);
    }

    @Test
    void issuesAreListedCompilerStyle() throws IOException {
        Sample sample = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE);
        byte[] bytes = sample.bytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        int lastGc = text.lastIndexOf("\ngc ");
        Path file = dir.resolve("cut-off.log");
        Files.write(file, Arrays.copyOf(bytes, text.indexOf(" ms clock", lastGc)));
        int cutLine = (int) text.substring(0, lastGc + 1).chars().filter(c -> c == '\n').count() + 1;

        CliRun run = CliRun.of("summary", file.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains(file + ":" + cutLine + ": "), "file:line: reason: excerpt\n" + run.out());
    }

    private static void assertRow(String out, String label, String valueStart) {
        Pattern row = Pattern.compile("(?m)^  " + Pattern.quote(label) + " +" + Pattern.quote(valueStart));
        assertTrue(row.matcher(out).find(), () -> "row '" + label + "' starting with '" + valueStart + "':\n" + out);
    }

    /** Where the value starts: after the label and its padding. */
    private static int valueColumn(String line) {
        int i = 2;
        while (i < line.length() && !(line.charAt(i) == ' ' && line.charAt(i + 1) == ' ')) i++;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }
}
