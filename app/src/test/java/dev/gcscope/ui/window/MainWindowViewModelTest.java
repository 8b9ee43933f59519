package dev.gcscope.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.report.ParseReportViewModel;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.settings.RecentFiles;
import dev.gcscope.ui.task.DeferredRunner;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.workspace.DocumentViewModel;
import dev.gcscope.ui.view.KeyFigure;
import dev.gcscope.ui.workspace.TraceDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The window's behaviour without a toolkit: JavaFX properties and collections work without one. */
class MainWindowViewModelTest {
    private static final String SAMPLE = SampleTraces.DEFAULT_GCTRACE;
    private static final String RESTART = "gctrace/go1.22-phases-restart.log";
    /** Five cycles: for tests about the window rather than the trace. */
    static final String SMALL = "gctrace/go1.24-idle-periodic.log";
    /** A real perf sched map dump: gcscope does not read that format. */
    static final String SCHED_MAP = "perf/go1.24-gmp4-quota50-map.txt";

    @TempDir
    Path tmp;

    private final MemorySettingsStore settings = new MemorySettingsStore();
    private final MainWindowViewModel vm = new MainWindowViewModel(new SynchronousRunner(), TraceLoader.standard(), settings);

    private TraceDocument selected() {
        return vm.selectedProperty().get().document();
    }

    @Test
    void beforeAnythingIsLoadedTheTitleIsJustTheAppName() {
        assertEquals("gcscope", vm.titleProperty().get());
        assertTrue(vm.documents().isEmpty());
        assertNull(vm.selectedProperty().get());
        assertTrue(vm.parseReport().isEmpty());
        assertFalse(vm.loadingProperty().get());
    }

    @Test
    void theBundledSampleOpensAsATabNamedAfterItsFileAndGoVersions() throws Exception {
        vm.openSample(SAMPLE);

        SampleTraces.Sample s = SampleTraces.get(SAMPLE);
        ParseResult expected = new GcTraceParser().parse(TraceSource.of("x", s.bytes()));
        assertEquals(1, vm.documents().size());
        DocumentViewModel doc = vm.documents().get(0);
        assertSame(doc, vm.selectedProperty().get());
        assertEquals(s.fileName() + " · " + expected.attributes().get("go_versions"), doc.tabTitle());
        assertEquals("go1.24-phases.log · Go 1.18+", doc.tabTitle());
        assertEquals("gcscope — " + s.fileName(), vm.titleProperty().get());
        assertEquals(expected.table(GcColumns.CYCLES_TABLE).rowCount(), doc.document().gcTrace().size());
        assertNotNull(doc.gcTraceModel());
        assertNotNull(doc.document().wholeTrace(), "a small trace arrives with its statistics");
        assertSame(doc.document().wholeTrace(), doc.gcTraceModel().statisticsProperty().get(), "no second pass for the first frame");
        assertNotNull(doc.selectionBar());
        assertFalse(vm.loadingProperty().get());
        assertEquals("", vm.errorMessageProperty().get());
        assertTrue(vm.statusProperty().get().contains("bundled sample"), vm.statusProperty().get());
        assertTrue(vm.recentFiles().isEmpty(), "a bundled sample is not a recent file");
    }

    @Test
    void aFileIsReadOnlyAndBecomesTheFirstRecentFile() throws Exception {
        Path file = SampleTraces.get(SAMPLE).copyTo(tmp);
        byte[] before = Files.readAllBytes(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        vm.openFile(file);
        assertEquals("gcscope — " + file.getFileName(), vm.titleProperty().get());
        assertEquals(before.length, Files.size(file));
        assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
        assertEquals(List.of(file.toAbsolutePath()), vm.recentFiles());
        assertEquals(file.toAbsolutePath(), selected().file());
    }

    @Test
    void recentFilesKeepTheNewestTenAndSurviveARestart() throws Exception {
        List<Path> files = new ArrayList<>();
        // the list is what counts, not the traces: the smallest recording, opened twelve times
        byte[] trace = SampleTraces.get(SMALL).bytes();
        for (int i = 0; i < RecentFiles.MAX + 2; i++) {
            Path f = tmp.resolve("trace-" + i + ".log");
            Files.write(f, trace);
            files.add(f.toAbsolutePath());
            vm.openFile(f);
        }
        vm.openFile(files.get(5)); // opened again: moves to the top, not listed twice

        List<Path> expected = new ArrayList<>();
        expected.add(files.get(5));
        for (int i = files.size() - 1; i >= 0 && expected.size() < RecentFiles.MAX; i--) {
            if (i != 5) expected.add(files.get(i));
        }
        assertEquals(expected, vm.recentFiles());

        MainWindowViewModel restarted = new MainWindowViewModel(new SynchronousRunner(), TraceLoader.standard(), settings);
        assertEquals(expected, restarted.recentFiles());
        restarted.clearRecentFiles();
        assertTrue(new MainWindowViewModel(new SynchronousRunner(), TraceLoader.standard(), settings).recentFiles().isEmpty());
    }

    @Test
    void severalDroppedFilesOpenOneTabEachInOrder() throws Exception {
        Path a = SampleTraces.get(SAMPLE).copyTo(tmp);
        Path b = SampleTraces.get(RESTART).copyTo(tmp);
        vm.openDropped(List.of(a, b));
        assertEquals(2, vm.documents().size());
        assertEquals(a.getFileName().toString(), vm.documents().get(0).document().displayName());
        assertEquals(b.getFileName().toString(), vm.documents().get(1).document().displayName());
        assertEquals(2, vm.documents().get(1).document().wholeTrace().summary().runs());
        assertSame(vm.documents().get(1), vm.selectedProperty().get(), "the last opened is shown");
    }

    @Test
    void closingATabSelectsItsNeighbourAndTheLastOneEmptiesTheWindow() {
        vm.openSample(SAMPLE);
        vm.openSample(RESTART);
        vm.open(TraceSource.of("go1.19-phases.log", SampleTraces.get("gctrace/go1.19-phases.log").bytes()), "go1.19-phases.log", "test");
        DocumentViewModel middle = vm.documents().get(1);
        vm.selectedProperty().set(middle);
        vm.closeSelected();
        assertEquals(2, vm.documents().size());
        assertFalse(vm.documents().contains(middle));
        assertEquals("go1.19-phases.log", selected().displayName(), "the tab right of the closed one");
        assertEquals("gcscope — go1.19-phases.log", vm.titleProperty().get());
        vm.closeSelected();
        vm.closeSelected();
        assertTrue(vm.documents().isEmpty());
        assertNull(vm.selectedProperty().get());
        assertEquals("gcscope", vm.titleProperty().get());
    }

    @Test
    void binaryBytesShowOneLineAndLeaveTheOpenTabsAlone() throws Exception {
        vm.openSample(SAMPLE);
        DocumentViewModel shown = vm.selectedProperty().get();

        Path bad = tmp.resolve("core.bin");
        Files.write(bad, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xfe, 0, 3});
        vm.openFile(bad);

        String msg = vm.errorMessageProperty().get();
        assertTrue(msg.startsWith(bad.toAbsolutePath() + ": not a format gcscope reads"), msg);
        assertTrue(msg.contains("binary data"), msg);
        assertFalse(msg.contains("\n"), "one line");
        assertFalse(msg.contains("Exception"), msg);
        assertEquals(List.of(shown), vm.documents());
        assertSame(shown, vm.selectedProperty().get());
        assertFalse(vm.loadingProperty().get());
        assertFalse(vm.recentFiles().contains(bad.toAbsolutePath()), "a file that did not open is not recent");

        // ... and a good file opened next leaves it up: it is about another input.
        vm.openFile(SampleTraces.get(RESTART).copyTo(tmp));
        assertEquals(msg, vm.errorMessageProperty().get());
        assertEquals(2, vm.documents().size());
        // The same file, fixed and opened again, takes its message down.
        Files.write(bad, SampleTraces.get(SAMPLE).bytes());
        vm.openFile(bad);
        assertTrue(vm.errors().isEmpty(), vm.errors().toString());
        assertEquals("", vm.errorMessageProperty().get());
    }

    @Test
    void severalBadFilesKeepOneOneLineMessageEach() throws Exception {
        Path png = tmp.resolve("chart.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0});
        Path empty = Files.createFile(tmp.resolve("empty.log"));
        Path missing = tmp.resolve("missing.log");

        vm.openFiles(List.of(png, empty, missing));

        assertTrue(vm.documents().isEmpty());
        assertEquals(3, vm.errors().size(), vm.errors().toString());
        LoadError pngError = vm.errors().get(0);
        assertEquals(png.toAbsolutePath().toString(), pngError.source());
        assertEquals("chart.png: not a format gcscope reads (it looks like binary data, not text)", pngError.headline());
        assertTrue(pngError.details().startsWith(png.toAbsolutePath() + ": not a format gcscope reads"), pngError.details());
        assertTrue(pngError.details().contains("gcscope reads"), "what it reads is one click away: " + pngError.details());
        assertEquals("empty.log: is empty", vm.errors().get(1).headline());
        assertEquals("missing.log: no such file", vm.errors().get(2).headline());
        for (LoadError e : vm.errors()) {
            assertFalse(e.details().contains("\n"), e.details());
            assertTrue(e.headline().length() <= 100, "fits one line at 1024 px: " + e.headline());
        }
        assertEquals(vm.errors().get(2).message(), vm.errorMessageProperty().get(), "the newest");

        vm.dismissError(vm.errors().get(1));
        assertEquals(List.of(png.toAbsolutePath().toString(), missing.toAbsolutePath().toString()),
                vm.errors().stream().map(LoadError::source).toList());
        vm.openFile(missing); // fails again: one message for it, not two
        assertEquals(2, vm.errors().size());
        vm.dismissError();
        assertTrue(vm.errors().isEmpty());
    }

    @Test
    void tabsFollowTheOrderAskedForNotTheOrderLoadingEnded() {
        DeferredRunner runner = new DeferredRunner();
        MainWindowViewModel m = new MainWindowViewModel(runner, TraceLoader.standard(), new MemorySettingsStore());
        m.openSample(SAMPLE);
        m.openSample(RESTART);
        m.openSample("metrics/go1.24-phases-histograms.jsonl");
        runner.runNextFromEnd(); // the last asked for ends first
        runner.runNext();
        runner.runNext();
        assertEquals(List.of(SampleTraces.get(SAMPLE).fileName(), SampleTraces.get(RESTART).fileName(), "go1.24-phases-histograms.jsonl"),
                m.documents().stream().map(d -> d.document().displayName()).toList());
    }

    @Test
    void twoFilesOfTheSameNameAreToldApartByTheirFolder() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("svc/api"));
        Path b = Files.createDirectories(tmp.resolve("svc/worker"));
        Path fa = Files.write(a.resolve("gctrace.log"), SampleTraces.get(SAMPLE).bytes());
        Path fb = Files.write(b.resolve("gctrace.log"), SampleTraces.get("gctrace/go1.19-phases.log").bytes());
        vm.openFile(fa);
        assertEquals("gctrace.log · Go 1.18+", vm.documents().get(0).tabTitle(), "alone, the name is enough");
        vm.openFile(fb);
        assertEquals(List.of("api/gctrace.log · Go 1.18+", "worker/gctrace.log · Go 1.18+"),
                vm.documents().stream().map(DocumentViewModel::tabTitle).toList());
        vm.closeDocument(vm.documents().get(0));
        assertEquals("gctrace.log · Go 1.18+", vm.documents().get(0).tabTitle());
        vm.openFile(fb); // the same file twice
        assertEquals(List.of("gctrace.log · Go 1.18+", "gctrace.log (2) · Go 1.18+"),
                vm.documents().stream().map(DocumentViewModel::tabTitle).toList());
    }

    @Test
    void theStatusLineDescribesTheSelectedTab() {
        vm.openSample(SAMPLE);
        vm.openSample(RESTART);
        DocumentViewModel first = vm.documents().get(0);
        assertTrue(vm.statusProperty().get().startsWith(SampleTraces.get(RESTART).fileName() + " (bundled sample): "),
                vm.statusProperty().get());
        vm.selectedProperty().set(first);
        String cycles = String.format(Locale.ROOT, "%,d cycles", first.document().gcTrace().size());
        assertTrue(vm.statusProperty().get().startsWith(SampleTraces.get(SAMPLE).fileName() + " (bundled sample): " + cycles),
                vm.statusProperty().get());
    }

    @Test
    void aFailureWhileAnotherFileLoadsStaysUpWhenThatOneSucceeds() throws Exception {
        DeferredRunner runner = new DeferredRunner();
        MainWindowViewModel m = new MainWindowViewModel(runner, TraceLoader.standard(), new MemorySettingsStore());
        Path bad = SampleTraces.get(SCHED_MAP).copyTo(tmp);
        m.openFile(SampleTraces.get(SAMPLE).copyTo(tmp)); // starts before the failure below
        m.openFile(bad);
        assertEquals(2, runner.pendingCount());
        runner.runNextFromEnd(); // the bad file fails first
        String msg = m.errorMessageProperty().get();
        assertTrue(msg.contains("perf sched map"), msg);
        runner.runNext(); // the good one, started earlier, finishes later
        assertEquals(msg, m.errorMessageProperty().get(), "the newer failure is not wiped by an older load's success");
        assertEquals(1, m.documents().size());
    }

    @Test
    void aRealFileOfAFormatGcscopeDoesNotReadSaysWhatItReads() throws Exception {
        Path map = SampleTraces.get(SCHED_MAP).copyTo(tmp);
        vm.openFile(map);
        String msg = vm.errorMessageProperty().get();
        assertTrue(msg.startsWith(map.toAbsolutePath() + ": not a format gcscope reads"), msg);
        assertTrue(msg.contains("perf sched map"), msg);
        assertFalse(msg.contains("\n"), msg);
        assertTrue(vm.documents().isEmpty());
    }

    @Test
    void aGcTraceWithoutOneCycleSaysHowToGetOne() {
        // Recognised as a gctrace by its scavenger lines, but not one GC cycle: nothing to show.
        String text = "scvg: 0 MB released\nscvg: inuse: 3, idle: 0, sys: 3, released: 0, consumed: 3 (MB)\n";
        vm.open(TraceSource.of("broken.log", text.getBytes(StandardCharsets.UTF_8)), "broken.log", "test");
        assertEquals("broken.log: no gctrace lines (no \"gc N @…\" cycle) — run the program with GODEBUG=gctrace=1 and keep its stderr:"
                + " GODEBUG=gctrace=1 ./app 2> gc.log", vm.errorMessageProperty().get());
        assertTrue(vm.documents().isEmpty());
    }

    @Test
    void aDirectoryOrAMissingFileIsReportedWithoutOpeningATab() {
        vm.openFile(tmp);
        assertEquals(tmp + ": is a directory, not a trace file", vm.errorMessageProperty().get());
        vm.openFile(tmp.resolve("nope.log"));
        assertEquals(tmp.resolve("nope.log") + ": no such file", vm.errorMessageProperty().get());
        vm.dismissError();
        assertEquals("", vm.errorMessageProperty().get());
        assertTrue(vm.documents().isEmpty());
    }

    static Stream<Arguments> demoSamplesOtherThanGctrace() {
        return DemoSamples.all().stream().filter(s -> !s.format().equals("gctrace"))
                .map(s -> Arguments.of(s.format(), s.path()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoSamplesOtherThanGctrace")
    void perfAndMetricsSamplesOpenWithTheirSummary(String format, String path) throws Exception {
        vm.openSample(path);
        assertEquals("", vm.errorMessageProperty().get());
        assertEquals(1, vm.documents().size());
        DocumentViewModel doc = vm.documents().get(0);
        assertNull(doc.gcTraceModel());
        assertEquals(format, doc.document().formatId());
        ParseResult expected = TraceLoader.standard().load(TraceSource.of("x", SampleTraces.get(path).bytes()), null,
                dev.gcscope.parsers.ParseListener.NONE);
        assertEquals(String.format(Locale.ROOT, "%,d", expected.mainTable().rowCount()), figure(doc, "rows"));
        assertEquals(String.format(Locale.ROOT, "%,d", expected.report().linesRead()), figure(doc, "lines-read"));
        assertEquals(expected.format().title(), figure(doc, "format"));
        assertTrue(doc.document().figures().size() > 6, "the format's own key figures follow: " + doc.document().figures());
    }

    private static String figure(DocumentViewModel doc, String id) {
        return doc.document().figures().stream().filter(f -> f.id().equals(id)).map(KeyFigure::value).findFirst().orElseThrow();
    }

    @Test
    void progressIsReportedAndCancellingKeepsTheOpenTabs() {
        DeferredRunner runner = new DeferredRunner();
        MainWindowViewModel m = new MainWindowViewModel(runner, TraceLoader.standard(), new MemorySettingsStore());
        List<Double> progress = new ArrayList<>();

        m.openSample(SAMPLE);
        assertTrue(m.loadingProperty().get());
        assertEquals(1, m.loads().size());
        LoadJob job = m.loads().get(0);
        job.progressProperty().addListener((o, old, now) -> progress.add(now.doubleValue()));
        assertEquals(-1, job.progressProperty().get(), 0, "unknown until the parser reports");
        runner.runNext();
        assertFalse(m.loadingProperty().get());
        assertTrue(progress.contains(1.0), "progress reached 100 %: " + progress);
        assertTrue(job.detailProperty().get().contains("MB"), job.detailProperty().get());
        DocumentViewModel first = m.documents().get(0);

        m.openSample(RESTART);
        assertTrue(m.loadingProperty().get());
        m.cancelLoading();
        runner.runNext(); // the parser sees the cancel at its first progress report
        assertFalse(m.loadingProperty().get());
        assertEquals(List.of(first), m.documents());
        assertTrue(m.statusProperty().get().contains("cancelled"), m.statusProperty().get());
        assertEquals("", m.errorMessageProperty().get(), "a cancel is not an error");
    }

    @Test
    void loadsInFlightTogetherEachOpenATab() {
        DeferredRunner runner = new DeferredRunner();
        MainWindowViewModel m = new MainWindowViewModel(runner, TraceLoader.standard(), new MemorySettingsStore());
        m.openSample(RESTART);
        m.openSample(SAMPLE);
        assertEquals(2, runner.pendingCount());
        assertEquals(2, m.loads().size());
        m.loads().get(0).cancel(); // cancelling one leaves the other running
        runner.runNext();
        assertTrue(m.documents().isEmpty());
        assertEquals(1, m.loads().size());
        runner.runNext();
        assertEquals(1, m.documents().size());
        assertEquals("gcscope — " + SampleTraces.get(SAMPLE).fileName(), m.titleProperty().get());
    }

    @Test
    void theParseReportListsIssuesWithLineNumbers() {
        String text = "gc 1 @0.085s 0%: 0.12+1.3+0.004 ms clock, 0.25+0/0.51/0.86+0.009 ms cpu, 3->3->2 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n"
                + "hello from the app\n"
                + "gc 2 @0.3s 0%: 0.014+zz+0.003 ms clock\n";
        vm.open(TraceSource.of("t.log", text.getBytes(StandardCharsets.UTF_8)), "t.log", "test");
        ParseReport report = selected().result().report();
        ParseReportViewModel r = vm.parseReport().orElseThrow();
        assertEquals("Parse report — t.log", r.title());
        assertEquals(report.issueCount(), r.issues().size());
        assertEquals("3", r.issues().get(0).line());
        assertTrue(r.issues().get(0).reason().contains("gc line"), r.issues().get(0).reason());
        assertEquals("3 lines read: " + report.linesUsed() + " used, " + report.linesSkipped() + " skipped; 1 issue", r.headline());
        assertTrue(r.issuesAsText().startsWith("t.log:3: "), r.issuesAsText());
        assertEquals("3 lines · " + report.linesSkipped() + " skipped · 1 issue", vm.selectedProperty().get().inputLine());
    }

    @Test
    void theThemeIsRememberedInTheSettings() {
        assertFalse(vm.darkThemeProperty().get());
        vm.darkThemeProperty().set(true);
        assertTrue(new MainWindowViewModel(new SynchronousRunner(), TraceLoader.standard(), settings).darkThemeProperty().get());
        vm.darkThemeProperty().set(false);
        assertFalse(new MainWindowViewModel(new SynchronousRunner(), TraceLoader.standard(), settings).darkThemeProperty().get());
    }

    @Test
    void everyDemoSampleIsOfferedUnderItsFormat() {
        var byFormat = vm.samplesByFormat();
        assertEquals(DemoSamples.all().size(), byFormat.values().stream().mapToInt(List::size).sum());
        assertEquals(DemoSamples.all().stream().filter(s -> s.format().equals("gctrace")).toList(), byFormat.get("gctrace"));
        assertTrue(byFormat.containsKey("metrics-json"));
    }

    @Test
    void aSampleThatIsNotBundledIsOneLine() {
        vm.openSample("gctrace/go1.19-phases.log");
        assertEquals("bundled sample gctrace/go1.19-phases.log is missing from this build", vm.errorMessageProperty().get());
        assertTrue(vm.documents().isEmpty());
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
