package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.Fifos;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.jsoup.nodes.Document;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

    /**
     * A report proves which bytes it came from also when they came through a pipe or a FIFO, which
     * can be read only once: the SHA-256 is of the bytes the parse read.
     */
    @Test
    void theReportOfStandardInputHasTheFiguresOfTheFileAndTheSha256OfThePipedBytes() throws Exception {
        for (String path : new String[] {SampleTraces.DEFAULT_GCTRACE, "perf/go1.24-gmp4-quota50-timehist.txt.gz"}) {
            Sample s = SampleTraces.get(path);
            Path file = s.copyTo(dir);
            Path out = dir.resolve("stdin.html");
            CliRun run = CliRun.withStdin(s.bytes(), "report", "--out", out.toString(), "-");
            assertEquals(0, run.status(), run.err());
            Document doc = ReportHtmlTest.parseStrictly(Files.readString(out, StandardCharsets.UTF_8));
            assertEquals(ReportHtmlTest.sha256(file), doc.selectFirst("[data-key=sha256]").text(), path);
            assertEquals("<stdin>", doc.selectFirst("main > section h2").text());
            assertTrue(doc.selectFirst("footer").text().contains("gcscope summary --json -"), "the check reads standard input too");
            JsonNode summary = JSON.readTree(CliRun.of("summary", "--json", file.toString()).out()).get(0);
            Set<String> shown = new TreeSet<>(doc.select("[data-key^=/]").eachAttr("data-key"));
            assertTrue(shown.size() > 5, shown.toString());
            ReportHtmlTest.assertFiguresEqualSummary(doc, summary, shown);
        }
    }

    /** The timeout guards against the hang a second open of the FIFO is (it waits for a writer that has gone). */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theReportOfAFifoReadsItOnceAndLetsItsWriterFinish() throws Exception {
        Path fifo = Fifos.make(dir.resolve("gc.fifo"));
        Sample s = SampleTraces.get("gctrace/go1.23-phases.log.gz");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(s.bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Path out = dir.resolve("fifo.md");
        CliRun run = CliRun.of("report", "--format", "md", "--out", out.toString(), fifo.toString());
        writer.get(); // a second open would leave it blocked, or killed by a broken pipe
        assertEquals(0, run.status(), run.err());
        String md = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(md.contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.bytes()))), md);
        assertTrue(md.contains(String.format(java.util.Locale.ROOT, "%,d", JSON.readTree(CliRun.withStdin(s.bytes(),
                "summary", "--json", "-").out()).get(0).get("cycles").asLong())), "the cycles of the whole input");
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
