package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -} is standard input ({@code kubectl logs POD | gcscope summary -}), read once like any pipe. */
class StdinInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void summaryOfStandardInputIsTheSummaryOfTheFileUnderTheNameStdin() throws IOException {
        for (String path : new String[] {SampleTraces.DEFAULT_GCTRACE, "gctrace/go1.23-phases.log.gz"}) {
            Sample s = SampleTraces.get(path);
            Path file = s.copyTo(dir);
            CliRun fromFile = CliRun.of("summary", "--json", file.toString());
            CliRun fromStdin = CliRun.withStdin(s.bytes(), "summary", "--json", "-");
            assertEquals(0, fromStdin.status(), fromStdin.err());
            assertEquals("", fromStdin.err());
            JsonNode expected = JSON.readTree(fromFile.out()).get(0);
            JsonNode actual = JSON.readTree(fromStdin.out()).get(0);
            assertEquals("<stdin>", actual.get("file").asText());
            ((ObjectNode) expected).put("file", "<stdin>");
            assertEquals(expected, actual, path);
        }
    }

    @Test
    void exportOfStandardInputWritesTheCsvOfTheFile() throws IOException {
        Sample s = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE);
        Path file = s.copyTo(dir);
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        assertEquals(0, CliRun.of("export", "--csv", a.toString(), file.toString()).status());
        CliRun run = CliRun.withStdin(s.bytes(), "export", "--csv", b.toString(), "-");
        assertEquals(0, run.status(), run.err());
        assertEquals(Files.readString(a, StandardCharsets.UTF_8), Files.readString(b, StandardCharsets.UTF_8));
    }

    @Test
    void standardInputNamedTwiceIsOneLineAndTheOtherFilesAreStillRead() throws IOException {
        Sample s = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE);
        CliRun run = CliRun.withStdin(s.bytes(), "summary", "--json", "-", "-");
        run.assertOneLineError(ExitStatus.INPUT, "standard input is named twice");
        JsonNode array = JSON.readTree(run.out());
        assertEquals(2, array.size());
        assertEquals("gctrace", array.get(0).get("format").asText());
        assertEquals(run.errLines().get(0), "gcscope: " + array.get(1).get("error").asText());
    }

    @Test
    void emptyStandardInputIsNamed() {
        CliRun.withStdin(new byte[0], "summary", "-").assertOneLineError(ExitStatus.INPUT, "<stdin>: is empty");
    }
}
