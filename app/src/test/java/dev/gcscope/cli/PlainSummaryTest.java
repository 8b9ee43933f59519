package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code summary [--json] FILE...} runs without picocli (start-up, see
 * {@link SummaryRun#plain}); everything else goes through picocli. The two must print the
 * same: {@code --regimes kmeans} (the default, said out loud) sends the same request through picocli.
 */
class PlainSummaryTest {
    @TempDir
    Path dir;

    @Test
    void thePlainCommandLinePrintsWhatPicocliPrints() throws IOException {
        String gctrace = SampleTraces.get("gctrace/go1.24-phases-app-log.log").copyTo(dir).toString();
        String other = SampleTraces.ofFormat("perf-sched-timehist").get(0).copyTo(dir).toString();
        String missing = dir.resolve("missing.log").toString();
        String[][] lines = {
            {gctrace}, {"--json", gctrace}, {gctrace, "--json", other}, {gctrace, missing, other}, {"--json", missing},
        };
        for (String[] files : lines) {
            String[] plain = concat(new String[] {"summary"}, files);
            String[] picocli = concat(new String[] {"summary", "--regimes", "kmeans"}, files);
            CliContext context = new CliContext(new TraceInputs(dev.gcscope.parsers.TraceLoader.standard()),
                    dev.gcscope.format.FormatSupports.standard(), new ErrorReporter(new PrintWriter(new StringWriter()), false));
            assertTrue(SummaryRun.plain(context, new PrintWriter(new StringWriter()), plain) != null,
                    () -> String.join(" ", plain) + " should run without picocli");
            CliRun a = CliRun.of(plain);
            CliRun b = CliRun.of(picocli);
            assertEquals(b.out(), a.out(), () -> String.join(" ", plain));
            assertEquals(b.err(), a.err(), () -> String.join(" ", plain));
            assertEquals(b.status(), a.status(), () -> String.join(" ", plain));
        }
    }

    @Test
    void anythingElseIsLeftToPicocli() throws IOException {
        CliContext context = new CliContext(new TraceInputs(dev.gcscope.parsers.TraceLoader.standard()),
                dev.gcscope.format.FormatSupports.standard(), new ErrorReporter(new PrintWriter(new StringWriter()), false));
        PrintWriter out = new PrintWriter(new StringWriter());
        for (String[] args : new String[][] {
            {"summary"}, {"summary", "--json"}, {"summary", "--json", "--json", "a.log"}, {"summary", "-x", "a.log"},
            {"summary", "--format", "gctrace", "a.log"}, {"summary", "--json=true", "a.log"}, {"summary", "--", "a.log"},
            {"summary", "a\0.log"}, {"export", "a.log"}, {"help"},
        }) {
            assertNull(SummaryRun.plain(context, out, args), () -> String.join(" ", args));
        }
        CliRun.of("summary", "--json", "--json", "a.log").assertOneLineError(ExitStatus.USAGE, "--json");
        CliRun.of("summary").assertOneLineError(ExitStatus.USAGE, "FILE");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
