package dev.gcscope.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.Fifos;
import dev.gcscope.GctraceParserWith;
import dev.gcscope.parsers.ParseCancelledException;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.TraceParsers;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.window.DemoSamples;
import dev.gcscope.ui.window.MainWindowViewModel;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load started before the window: what the window gets when it takes it over must be what its
 * own load would have given, and taking it over must hand the window its progress and its cancel.
 * The early load parses through {@link HeldParser}, the real gctrace parser held at its start until
 * the window takes the load over, so every test knows the load is still running when it does.
 */
class EarlyLoadTest {
    private static final String SAMPLE = "gctrace/go1.24-phases-app-log.log";

    @TempDir
    Path tmp;

    private Path file;

    @BeforeEach
    void writeSample() throws IOException {
        file = tmp.resolve("app.log");
        Files.write(file, SampleTraces.get(SAMPLE).bytes());
    }

    @Test
    void theWindowGetsTheDocumentItsOwnLoadWouldHaveMade() throws Exception {
        HeldParser held = new HeldParser();
        EarlyLoad early = EarlyLoad.ofFile(file, "app.log", loaderWith(held)).orElseThrow();
        List<long[]> reports = new CopyOnWriteArrayList<>();

        TraceDocument got = early.join(reportingTo(reports, held), () -> false);

        TraceDocument direct = new DocumentLoader(TraceLoader.standard())
                .load(TraceSource.of(file), "app.log", file.toString(), file, ParseListener.NONE, () -> false);
        assertEquals(direct.displayName(), got.displayName());
        assertEquals(direct.origin(), got.origin());
        assertEquals(direct.file(), got.file());
        assertEquals(direct.gcTrace().size(), got.gcTrace().size());
        assertEquals(direct.result().report().issues(), got.result().report().issues());
        assertNotNull(got.wholeTrace(), "a small trace arrives with its statistics, as from the window's own load");
        assertEquals(direct.wholeTrace().summary(), got.wholeTrace().summary());
        assertEquals(direct.wholeTrace().pauses(), got.wholeTrace().pauses());
        assertEquals(direct.wholeTrace().regimes(), got.wholeTrace().regimes());
        // the progress so far at once, then the parse's own reports, up to every byte of the file
        assertTrue(reports.size() >= 2, "reports: " + reports.size());
        assertEquals(Files.size(file), reports.get(reports.size() - 1)[0]);
    }

    @Test
    void theWindowsCancelStopsTheEarlyLoad() {
        HeldParser held = new HeldParser();
        EarlyLoad early = EarlyLoad.ofFile(file, "app.log", loaderWith(held)).orElseThrow();
        BooleanSupplier cancelled = () -> true;

        assertThrows(java.util.concurrent.CancellationException.class, () -> early.join((done, total) -> false, cancelled));
        assertTrue(awaitQuietly(held.stopped), "the early parse stopped when the window cancelled");
    }

    @Test
    void whatTheEarlyLoadCannotReadFailsTheWindowsLoadAsItsOwnWould() throws Exception {
        Path text = tmp.resolve("notes.txt");
        Files.writeString(text, "nothing here is a trace\njust words\n", StandardCharsets.UTF_8);
        EarlyLoad early = EarlyLoad.ofFile(text, "notes.txt", new DocumentLoader(TraceLoader.standard())).orElseThrow();

        TraceInputException failed = assertThrows(TraceInputException.class, () -> early.join(ParseListener.NONE, () -> false));

        TraceInputException own = assertThrows(TraceInputException.class, () -> new DocumentLoader(TraceLoader.standard())
                .load(TraceSource.of(text), "notes.txt", text.toString(), text, ParseListener.NONE, () -> false));
        assertEquals(own.getMessage(), failed.getMessage());
    }

    @Test
    void onlyARegularFileOfBoundedSizeIsReadEarly() throws IOException {
        DocumentLoader loader = new DocumentLoader(TraceLoader.standard());
        assertTrue(EarlyLoad.ofFile(tmp, "dir", loader).isEmpty(), "a directory");
        assertTrue(EarlyLoad.ofFile(tmp.resolve("missing.log"), "missing.log", loader).isEmpty(), "a missing file");
        Path big = tmp.resolve("big.log");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(EarlyLoad.MAX_BYTES + 1); // sparse: no disk used
        }
        assertTrue(EarlyLoad.ofFile(big, "big.log", loader).isEmpty(), "a file over the limit");
        Path fifo = tmp.resolve("fifo");
        if (Fifos.tryMake(fifo)) assertTrue(EarlyLoad.ofFile(fifo, "fifo", loader).isEmpty(), "a FIFO is read once, by the window");
    }

    @Test
    void theWindowTakesTheEarlyLoadOverInsteadOfReadingTheFileAgain() {
        HeldParser held = new HeldParser();
        EarlyLoad early = EarlyLoad.ofFile(file, "app.log", loaderWith(held)).orElseThrow();
        MainWindowViewModel vm = new MainWindowViewModel(new SynchronousRunner(), TraceLoader.standard(), new MemorySettingsStore());
        vm.takeOver(early);
        held.release.countDown(); // the window's own listener does not hold it: the load may finish before it is taken over

        vm.openFile(file);

        assertEquals(1, vm.documents().size());
        assertEquals(1, held.parses, "the early load's parse made the document");
        assertEquals(file.toAbsolutePath(), vm.documents().get(0).document().file());
        // its read shared the cores with the window's start: said, and no MB/s made of it
        String status = vm.statusProperty().get();
        assertTrue(status.contains(" read in ") && status.endsWith(" ms while the window opened"), status);
        // a second open reads the file again, in the window's own load
        vm.openFile(file);
        assertEquals(2, vm.documents().size());
        assertEquals(1, held.parses);
        assertFalse(vm.statusProperty().get().contains("while the window opened"), vm.statusProperty().get());
    }

    @Test
    void theDemoTraceLoadedEarlyIsTheOneTheWindowOpens() {
        MainWindowViewModel early = new MainWindowViewModel(new SynchronousRunner(), TraceLoader.standard(), new MemorySettingsStore());
        early.takeOver(MainWindowViewModel.loadSampleEarly(DemoSamples.DEFAULT_GCTRACE));
        early.openSample(DemoSamples.DEFAULT_GCTRACE);
        MainWindowViewModel own = new MainWindowViewModel(new SynchronousRunner(), TraceLoader.standard(), new MemorySettingsStore());
        own.openSample(DemoSamples.DEFAULT_GCTRACE);

        TraceDocument got = early.documents().get(0).document();
        TraceDocument direct = own.documents().get(0).document();
        assertEquals(direct.displayName(), got.displayName());
        assertEquals(direct.origin(), got.origin());
        assertEquals(direct.tabTitle(), got.tabTitle());
        assertEquals(direct.gcTrace().size(), got.gcTrace().size());
        assertEquals(direct.wholeTrace().summary(), got.wholeTrace().summary());
        assertTrue(early.statusProperty().get().endsWith(" ms while the window opened"), early.statusProperty().get());
    }

    private static DocumentLoader loaderWith(HeldParser parser) {
        return new DocumentLoader(new TraceLoader(new TraceParsers(List.of(parser.parser))));
    }

    /** A window's listener: records each report, and the first (the progress so far) lets the held parse go. */
    private static ParseListener reportingTo(List<long[]> reports, HeldParser held) {
        return (done, total) -> {
            reports.add(new long[] {done, total});
            held.release.countDown();
            return true;
        };
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }


    /**
     * The gctrace parser, held before its first byte until released: meanwhile it asks its listener
     * whether to go on, as a parse between reads does, and stops when told to.
     */
    private static final class HeldParser {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch stopped = new CountDownLatch(1);
        volatile int parses;
        final TraceParser parser = new GctraceParserWith((real, in, listener, options) -> {
            try {
                while (!release.await(1, TimeUnit.MILLISECONDS)) {
                    if (!listener.progress(0, -1)) {
                        stopped.countDown();
                        throw new ParseCancelledException("held");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ParseCancelledException("held");
            }
            parses++;
            return real.parse(in, listener, options);
        });
    }
}
