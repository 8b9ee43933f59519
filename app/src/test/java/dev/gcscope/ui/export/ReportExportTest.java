package dev.gcscope.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.Fifos;
import dev.gcscope.cli.GcscopeCli;
import dev.gcscope.export.report.CycleSpan;
import dev.gcscope.export.report.ReportFormat;
import dev.gcscope.export.report.TimelineSpan;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.gctrace.GcTraceData;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.window.MainWindowViewModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * File ▸ Export report… writes, for the selected document and time range, the report
 * {@code gcscope report} writes for the same file and range: the command its footer gives makes a
 * report with the same figures. Without a toolkit, with the synchronous runner (the export has
 * happened when the call returns).
 */
class ReportExportTest {
    /** Two process runs in one file: the timeline lays them end to end, so seconds are not start_s. */
    private static final String RESTART = "gctrace/go1.22-phases-restart.log";

    @TempDir
    Path tmp;

    private final MainWindowViewModel vm = new MainWindowViewModel(new SynchronousRunner(), TraceLoader.standard(),
            new MemorySettingsStore());

    @Test
    void theWindowsReportOfASelectionHasTheFiguresOfTheCommandItNames() throws Exception {
        Path input = SampleTraces.get(RESTART).copyTo(tmp);
        vm.openFiles(List.of(input));
        GcTraceModel model = vm.selectedProperty().get().gcTraceModel();
        TimeRange extent = model.data().extent();
        // across the restart: a range no single run's start_s describes
        TimeRange range = new TimeRange(extent.from() + extent.length() * 0.3, extent.from() + extent.length() * 0.8);
        model.selectionProperty().set(range);

        Path out = tmp.resolve("window.html");
        vm.exportReport(out, ReportFormat.HTML);
        assertTrue(vm.statusProperty().get().contains(out.toString()), vm.statusProperty().get());
        Document window = Jsoup.parse(Files.readString(out, StandardCharsets.UTF_8));
        assertEquals(sha256(input), window.selectFirst("[data-key=sha256]").text());
        String made = window.select("main, body").text();
        assertTrue(made.contains("File ▸ Export report… on " + input.getFileName()), "says the window made it");

        // the footer's command, run: the same figures, the same cycles
        String command = window.select("footer dd.mono").eachText().stream().filter(c -> c.startsWith("gcscope report"))
                .findFirst().orElseThrow();
        assertTrue(command.contains("--from") && command.contains("--to"), command);
        List<String> args = new ArrayList<>(List.of(command.substring("gcscope ".length()).split(" ")));
        Path cliOut = tmp.resolve("cli.html");
        args.add(1, "--out");
        args.add(2, cliOut.toString());
        assertEquals(0, cli(args), "gcscope " + String.join(" ", args));
        Document cli = Jsoup.parse(Files.readString(cliOut, StandardCharsets.UTF_8));
        Map<String, String> windowFigures = figures(window);
        assertTrue(windowFigures.containsKey("/stw_ms/p99"), windowFigures.keySet().toString());
        assertEquals(windowFigures, figures(cli));
        int[] rows = model.data().rowsIn(range);
        assertTrue(rows[0] > 0 && rows[1] < model.data().size(), "a part of the trace: " + rows[0] + ".." + rows[1]);
        assertEquals(String.valueOf(rows[1] - rows[0]), windowFigures.get("/cycles"), "the cycles of the selection");
    }

    @Test
    void aReportIsNeverWrittenOverTheOpenInput() throws Exception {
        Path input = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(tmp);
        vm.openFiles(List.of(input));
        byte[] before = Files.readAllBytes(input);
        vm.exportReport(input, ReportFormat.HTML);
        assertTrue(vm.errorMessageProperty().get().contains("is the input file"), vm.errorMessageProperty().get());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(input)));
    }

    @Test
    void aMarkdownReportIsWrittenAsMarkdown() throws Exception {
        Path input = SampleTraces.get("perf/go1.24-gmp4-quota50-timehist.txt.gz").copyTo(tmp);
        vm.openFiles(List.of(input));
        Path out = tmp.resolve("r.md");
        vm.exportReport(out, ReportFormat.MD);
        String md = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# gcscope report: " + input.getFileName()), md.lines().findFirst().orElse(""));
        assertTrue(md.contains(sha256(input)));
        assertFalse(md.contains("<script"));
    }

    /**
     * A FIFO can be read once: its report carries the SHA-256 of the bytes the window read, taken as
     * it read them. The timeout guards against the hang a second open would be (no writer is left).
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theReportOfATraceReadFromAFifoHasTheSha256OfWhatWasRead() throws Exception {
        Path fifo = Fifos.make(tmp.resolve("gc.fifo"));
        byte[] bytes = SampleTraces.get("gctrace/go1.23-phases.log.gz").bytes();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        vm.openFiles(List.of(fifo));
        writer.get();
        Path out = tmp.resolve("fifo.md");
        vm.exportReport(out, ReportFormat.MD);
        assertEquals("", vm.errorMessageProperty().get());
        assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains(sha256(bytes)));
    }

    /** A followed pipe keeps no digest: its report is refused in one line, never a wait for a writer that has gone. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theReportOfAPipeWithoutItsDigestIsRefusedAtOnce() throws Exception {
        Path fifo = Fifos.make(tmp.resolve("followed.fifo"));
        var result = TraceLoader.standard().load(dev.gcscope.parsers.TraceSource.of("followed.fifo",
                SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).bytes()), null, dev.gcscope.parsers.ParseListener.NONE);
        var source = new ReportExport.Source("followed.fifo", fifo, false, -1, result, null, null);
        Path out = tmp.resolve("followed.md");
        var charts = new dev.gcscope.export.report.RenderedCharts(
                dev.gcscope.analysis.work.Work.on(vm.exports().runner().executor(), () -> false));
        new ReportExport(vm.exports(), charts).export(source, out, ReportFormat.MD, dev.gcscope.export.report.ReportTheme.LIGHT);
        assertTrue(vm.errorMessageProperty().get().contains(fifo + ": was read from a pipe"), vm.errorMessageProperty().get());
        assertFalse(Files.exists(out));
    }

    @Test
    void theReportOfPastedTextHasTheSha256OfItsBytes() throws Exception {
        String text = new String(SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).bytes(), StandardCharsets.UTF_8);
        vm.openPasted(text);
        Path out = tmp.resolve("pasted.md");
        vm.exportReport(out, ReportFormat.MD);
        assertEquals("", vm.errorMessageProperty().get());
        String md = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(md.contains(sha256(text.getBytes(StandardCharsets.UTF_8))));
        // the commands it names read the text where it can be given to them: standard input
        assertTrue(md.contains("`gcscope report --format md -`"), md);
        assertTrue(md.contains("`gcscope summary --json -`"), md);
        assertTrue(md.contains("not read from a file"), md);
    }

    /** The report command finds the cycles of a range exactly as the window's selection does. */
    @ParameterizedTest
    @ValueSource(strings = {RESTART, SampleTraces.DEFAULT_GCTRACE, "gctrace/quoted/go1.4-golang-go-12228.txt"})
    void theReportCommandsRangeIsTheWindowsSelection(String sample) throws Exception {
        vm.openFiles(List.of(SampleTraces.get(sample).copyTo(tmp)));
        GcTraceData data = vm.selectedProperty().get().gcTraceModel().data();
        var cycles = vm.selectedProperty().get().document().result().table(GcColumns.CYCLES_TABLE);
        TimeRange extent = data.extent();
        double[] cuts = {-1, 0, 0.1, 0.25, 0.49, 0.5, 0.77, 1, 2};
        for (double a : cuts) {
            for (double b : cuts) {
                if (b < a) continue;
                TimeRange r = new TimeRange(extent.from() + a * extent.length(), extent.from() + b * extent.length());
                CycleSpan span = TimelineSpan.of(cycles, r.from(), r.to());
                int[] rows = data.rowsIn(r);
                String what = sample + " " + r;
                if (rows[0] == rows[1]) assertEquals(0, span.cycles(), what);
                else assertEquals(List.of(rows[0], rows[1]), List.of(span.fromRow(), span.toRow()), what);
            }
        }
        CycleSpan all = TimelineSpan.of(cycles, null, null);
        assertEquals(List.of(0, data.size()), List.of(all.fromRow(), all.toRow()));
    }

    private static Map<String, String> figures(Document doc) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element e : doc.select("[data-key^=/]")) out.put(e.attr("data-key"), e.wholeText());
        return out;
    }

    private static int cli(List<String> args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (PrintStream s = new PrintStream(sink, true, StandardCharsets.UTF_8)) {
            return new GcscopeCli(s, s, false).execute(args.toArray(String[]::new));
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
