package dev.gcscope.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.GcSummary;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.report.ParseReportViewModel;
import dev.gcscope.ui.summary.SummaryViewModel;
import dev.gcscope.ui.task.DeferredRunner;
import dev.gcscope.ui.task.SynchronousRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's behaviour without a toolkit: JavaFX properties work without one. */
class MainWindowViewModelTest {
    private static final String SAMPLE = SampleTraces.DEFAULT_GCTRACE;

    @TempDir
    Path tmp;

    private final MainWindowViewModel vm = new MainWindowViewModel(new SynchronousRunner(), TraceLoader.standard());

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    @Test
    void beforeAnythingIsLoadedTheTitleIsJustTheAppName() {
        assertEquals("gcscope", vm.titleProperty().get());
        assertNull(vm.traceProperty().get());
        assertEquals("—", vm.summary().cyclesProperty().get());
        assertTrue(vm.stwSeriesProperty().get().isEmpty());
        assertTrue(vm.parseReport().isEmpty());
    }

    @Test
    void theBundledSampleLoadsWithItsSummaryFigures() throws Exception {
        vm.openSample(SAMPLE);

        SampleTraces.Sample s = SampleTraces.get(SAMPLE);
        ParseResult expected = new GcTraceParser().parse(TraceSource.of("x", s.bytes()));
        GcSummary sum = GcSummary.of(expected.table(GcColumns.CYCLES_TABLE));
        SummaryViewModel f = vm.summary();
        assertEquals("gcscope — " + s.fileName(), vm.titleProperty().get());
        assertEquals(String.format(Locale.ROOT, "%,d", sum.cycles()), f.cyclesProperty().get());
        assertEquals(Long.toString(sum.forced()), f.forcedProperty().get());
        assertEquals("1", f.runsProperty().get());
        assertEquals(ms(sum.stwMs().p50()), f.stwP50Property().get());
        assertEquals(ms(sum.stwMs().p90()), f.stwP90Property().get());
        assertEquals(ms(sum.stwMs().p99()), f.stwP99Property().get());
        assertEquals(ms(sum.stwMs().p999()), f.stwP999Property().get());
        assertEquals(ms(sum.stwMs().max()), f.stwMaxProperty().get());
        assertEquals(String.format(Locale.ROOT, "%.0f MB", sum.heapPeakMb()), f.heapPeakProperty().get());
        assertEquals(String.format(Locale.ROOT, "%.1f %%", sum.gcCpuPct()), f.gcCpuProperty().get());
        assertEquals("Go 1.18+", f.goVersionsProperty().get());
        assertEquals(String.format(Locale.ROOT, "%,d", expected.report().linesRead()), f.linesReadProperty().get());
        assertEquals(Long.toString(expected.report().linesSkipped()), f.linesSkippedProperty().get());
        assertEquals("0", f.issuesProperty().get());
        assertEquals(sum.cycles(), vm.stwSeriesProperty().get().size());
        assertFalse(vm.loadingProperty().get());
        assertEquals("", vm.errorMessageProperty().get());
        assertTrue(vm.statusProperty().get().contains("bundled sample"), vm.statusProperty().get());
    }

    @Test
    void aFileIsReadOnlyAndItsTitleIsTheFileName() throws Exception {
        Path file = SampleTraces.get(SAMPLE).copyTo(tmp);
        byte[] before = Files.readAllBytes(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        vm.openFile(file);
        assertEquals("gcscope — " + file.getFileName(), vm.titleProperty().get());
        assertEquals(before.length, Files.size(file));
        assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
    }

    @Test
    void binaryBytesShowOneLineAndKeepTheTraceShownBefore() throws Exception {
        vm.openSample(SAMPLE);
        LoadedTrace shown = vm.traceProperty().get();
        String cycles = vm.summary().cyclesProperty().get();

        Path bad = tmp.resolve("core.bin");
        Files.write(bad, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xfe, 0, 3});
        vm.openFile(bad);

        String msg = vm.errorMessageProperty().get();
        assertTrue(msg.startsWith(bad.toString() + ": not a format gcscope reads"), msg);
        assertTrue(msg.contains("binary data"), msg);
        assertFalse(msg.contains("\n"), "one line");
        assertFalse(msg.contains("Exception"), msg);
        assertSame(shown, vm.traceProperty().get());
        assertEquals(cycles, vm.summary().cyclesProperty().get());
        assertEquals("gcscope — " + SampleTraces.get(SAMPLE).fileName(), vm.titleProperty().get());
        assertFalse(vm.loadingProperty().get());

        // ... and the next good file clears it.
        vm.openFile(SampleTraces.get("gctrace/go1.22-phases-restart.log").copyTo(tmp));
        assertEquals("", vm.errorMessageProperty().get());
        assertEquals("2", vm.summary().runsProperty().get());
    }

    @Test
    void aDirectoryOrAMissingFileIsReportedWithoutLoading() {
        vm.openFile(tmp);
        assertEquals(tmp + ": is a directory, not a trace file", vm.errorMessageProperty().get());
        vm.openFile(tmp.resolve("nope.log"));
        assertEquals(tmp.resolve("nope.log") + ": no such file", vm.errorMessageProperty().get());
        vm.dismissError();
        assertEquals("", vm.errorMessageProperty().get());
        assertNull(vm.traceProperty().get());
    }

    @Test
    void ofSeveralDroppedFilesTheFirstIsOpenedAndTheStatusSaysSo() throws Exception {
        Path a = SampleTraces.get(SAMPLE).copyTo(tmp);
        Path b = SampleTraces.get("gctrace/go1.22-phases-restart.log").copyTo(tmp);
        vm.openDropped(List.of(a, b));
        assertEquals("gcscope — " + a.getFileName(), vm.titleProperty().get());
        assertTrue(vm.statusProperty().get().endsWith("(opened the first of 2 dropped files)"), vm.statusProperty().get());
    }

    @Test
    void progressIsReportedAndCancellingKeepsThePreviousTrace() {
        DeferredRunner runner = new DeferredRunner();
        MainWindowViewModel m = new MainWindowViewModel(runner, TraceLoader.standard());
        List<Double> progress = new ArrayList<>();
        m.progressProperty().addListener((o, old, now) -> progress.add(now.doubleValue()));

        m.openSample(SAMPLE);
        assertTrue(m.loadingProperty().get());
        assertEquals(-1, m.progressProperty().get(), 0, "unknown until the parser reports");
        runner.runNext();
        assertFalse(m.loadingProperty().get());
        assertTrue(progress.contains(1.0), "progress reached 100 %: " + progress);
        LoadedTrace first = m.traceProperty().get();
        assertNotNull(first);

        m.openSample("gctrace/go1.22-phases-restart.log");
        assertTrue(m.loadingProperty().get());
        m.cancelLoading();
        runner.runNext(); // the parser sees the cancel at its first progress report
        assertFalse(m.loadingProperty().get());
        assertSame(first, m.traceProperty().get());
        assertTrue(m.statusProperty().get().contains("cancelled"), m.statusProperty().get());
        assertEquals("", m.errorMessageProperty().get(), "a cancel is not an error");
    }

    @Test
    void aLoadThatWasSupersededCannotOverwriteTheNewerOne() {
        DeferredRunner runner = new DeferredRunner();
        MainWindowViewModel m = new MainWindowViewModel(runner, TraceLoader.standard());
        m.openSample("gctrace/go1.22-phases-restart.log");
        m.openSample(SAMPLE);
        assertEquals(2, runner.pendingCount());
        runner.runNext(); // the first load: cancelled when the second started
        assertNull(m.traceProperty().get());
        assertTrue(m.loadingProperty().get(), "the second load is still running");
        runner.runNext();
        assertEquals("gcscope — " + SampleTraces.get(SAMPLE).fileName(), m.titleProperty().get());
    }

    @Test
    void theParseReportListsIssuesWithLineNumbers() {
        String text = "gc 1 @0.085s 0%: 0.12+1.3+0.004 ms clock, 0.25+0/0.51/0.86+0.009 ms cpu, 3->3->2 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n"
                + "hello from the app\n"
                + "gc 2 @0.3s 0%: 0.014+zz+0.003 ms clock\n";
        vm.open(TraceSource.of("t.log", text.getBytes(StandardCharsets.UTF_8)), "t.log", "test");
        ParseReport report = vm.traceProperty().get().result().report();
        ParseReportViewModel r = vm.parseReport().orElseThrow();
        assertEquals("Parse report — t.log", r.title());
        assertEquals(report.issueCount(), r.issues().size());
        assertEquals("1", vm.summary().issuesProperty().get());
        assertEquals("3", r.issues().get(0).line());
        assertTrue(r.issues().get(0).reason().contains("gc line"), r.issues().get(0).reason());
        assertEquals("3 lines read: " + report.linesUsed() + " used, " + report.linesSkipped() + " skipped; 1 issue", r.headline());
        assertTrue(r.issuesAsText().startsWith("t.log:3: "), r.issuesAsText());
        assertEquals(report.skippedByKind().size(), r.skippedKinds().size());
    }

    @Test
    void unexpectedFailuresBecomeOneLineToo() {
        assertEquals("a.log: could not be read (disk on fire)",
                MainWindowViewModel.describeFailure("a.log", new java.io.IOException("disk\non fire")));
        assertTrue(MainWindowViewModel.describeFailure("a.log", new OutOfMemoryError()).contains("-Xmx"));
        String bug = MainWindowViewModel.describeFailure("a.log", new IllegalStateException("bad\nstate"));
        assertEquals("a.log: could not be parsed (IllegalStateException: bad state); please report this with the file", bug);
    }
}
