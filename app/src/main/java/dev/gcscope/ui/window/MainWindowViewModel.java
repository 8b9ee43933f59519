package dev.gcscope.ui.window;

import dev.gcscope.analysis.work.Work;
import dev.gcscope.export.report.CycleSpan;
import dev.gcscope.export.report.RenderedCharts;
import dev.gcscope.export.report.ReportFormat;
import dev.gcscope.export.report.ReportTheme;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.export.FileExports;
import dev.gcscope.ui.export.ReportExport;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.ui.report.ParseReportViewModel;
import dev.gcscope.ui.settings.RecentFiles;
import dev.gcscope.ui.settings.SettingsStore;
import dev.gcscope.ui.settings.WindowSettings;
import dev.gcscope.ui.summary.Formats;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.TaskListener;
import dev.gcscope.ui.workspace.DocumentFollower;
import dev.gcscope.ui.workspace.DocumentLoader;
import dev.gcscope.ui.workspace.LiveFollow;
import dev.gcscope.ui.workspace.DocumentViewModel;
import dev.gcscope.ui.workspace.EarlyLoad;
import dev.gcscope.ui.workspace.TraceDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the main window: the open documents (one tab each, in the order they were
 * asked for, named apart by {@link TabLabels}) and which is selected, the loads in progress
 * (several may run at once, each cancellable), the inputs that failed (one {@link LoadError} each,
 * until dismissed), the recent files, the title, the status line of the selected document and the
 * theme. Loading runs on the {@link BackgroundRunner}; every listener call
 * arrives on the UI thread, so properties are only ever set there.
 *
 * <p>A failed or cancelled load leaves the open documents alone; the error is a one-line message
 * (a {@link TraceInputException}'s message as it is), never a stack trace. Each failed input keeps
 * its own message: opening three bad files shows three.
 */
public final class MainWindowViewModel {
    public static final String APP_NAME = "gcscope";
    static final String WELCOME = "Drop Go GC traces (GODEBUG=gctrace=1 output), perf sched or runtime/metrics files onto the window, or use File ▸ Open";
    private static final System.Logger LOG = System.getLogger(MainWindowViewModel.class.getName());
    /** What a bundled sample's document says it came from. */

    private final BackgroundRunner runner;
    private final DocumentLoader loader;
    private final TraceLoader parsers;
    private final SettingsStore settings;
    private final dev.gcscope.ui.settings.ChartPreferences chartPreferences;
    private final RecentFiles recent;
    private final FileExports exports;
    private final DocumentFollower follower;
    private EarlyLoad earlyLoad;

    // --- state (read-only outside)
    private final ObservableList<DocumentViewModel> documents = FXCollections.observableArrayList();
    private final ObservableList<LoadJob> loads = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObservableList<LoadError> errors = FXCollections.observableArrayList();
    // The read-only views are made once: an unmodifiable wrapper listens to its list weakly, so a
    // fresh wrapper per call could be collected with the listeners added to it.
    private final ObservableList<DocumentViewModel> documentsView = FXCollections.unmodifiableObservableList(documents);
    private final ObservableList<LoadJob> loadsView = FXCollections.unmodifiableObservableList(loads);
    private final ObservableList<Path> recentFilesView = FXCollections.unmodifiableObservableList(recentFiles);
    private final ObservableList<LoadError> errorsView = FXCollections.unmodifiableObservableList(errors);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", APP_NAME);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", WELCOME);
    private static final String EXPORT_SOURCE = "export #";
    private int exportFailures;
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final BooleanBinding loading = Bindings.isNotEmpty(loads);
    /** The order each open document was asked for in; a tab goes where its request was, not where its load ended. */
    private final Map<DocumentViewModel, Long> requestOrder = new java.util.IdentityHashMap<>();
    private long requests;
    // --- settings and selection (read-write)
    private final ObjectProperty<DocumentViewModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);

    /**
     * @param settings where recent files and the theme are remembered; tests pass a
     *                 {@link dev.gcscope.ui.settings.MemorySettingsStore}
     */
    public MainWindowViewModel(BackgroundRunner runner, TraceLoader loader, SettingsStore settings) {
        this.runner = runner;
        this.loader = new DocumentLoader(loader, runner.executor());
        this.parsers = loader;
        this.follower = new DocumentFollower(this.loader, loader, runner);
        this.settings = settings;
        this.chartPreferences = new dev.gcscope.ui.settings.ChartPreferences(settings);
        this.recent = new RecentFiles(settings);
        this.exports = new FileExports(runner, this::inputFiles, new FileExports.Messages() {
            @Override
            public void done(String message) {
                status.set(message);
            }

            @Override
            public void failed(String message) {
                // an export's failure gets its own dismissable line, as a file that failed to open does
                errors.add(new LoadError(EXPORT_SOURCE + (++exportFailures), message));
            }
        });
        recentFiles.setAll(recent.list());
        Boolean dark = WindowSettings.darkTheme(settings);
        if (dark != null) darkTheme.set(dark);
        darkTheme.addListener((o, old, now) -> WindowSettings.saveDarkTheme(settings, now));
        selected.addListener((o, old, now) -> {
            title.set(now == null ? APP_NAME : APP_NAME + " — " + now.document().displayName());
            if (now != null) status.set(now.statusLine());
        });
        errors.addListener((javafx.collections.ListChangeListener<LoadError>) c ->
                errorMessage.set(errors.isEmpty() ? "" : errors.get(errors.size() - 1).message()));
        documents.addListener((javafx.collections.ListChangeListener<DocumentViewModel>) c -> nameTabs());
    }

    // ---------------------------------------------------------------- commands: opening

    /** Opens a trace file in a new tab; a missing, unreadable or directory path shows its message. */
    public void openFile(Path path) {
        Path file = path.toAbsolutePath();
        EarlyLoad early = takeEarly(file);
        if (early != null) {
            open(early::join, fileName(path), file.toString(), file, true);
            return;
        }
        // TraceSource.of checks the file (exists, directory, readable): that is IO, so it runs on the worker too.
        open(() -> TraceSource.of(file), fileName(path), file.toString(), file);
    }

    /**
     * Starts loading the first file of the command line before the window exists, as
     * {@link #openFile} would load it; the window's {@link #openFile} of it then takes the load
     * over ({@link #takeOver}). Empty when the file is not one to read early ({@link EarlyLoad#ofFile}).
     */
    public static Optional<EarlyLoad> loadEarly(Path path) {
        return EarlyLoad.ofFile(path, fileName(path), new DocumentLoader(TraceLoader.standard()));
    }

    /** As {@link #loadEarly}, for the bundled sample {@link #openSample} of {@code samplePath} opens. */
    public static EarlyLoad loadSampleEarly(String samplePath) {
        return EarlyLoad.start(samplePath, () -> sampleSource(samplePath), sampleName(samplePath), TraceDocument.SAMPLE_ORIGIN, null,
                new DocumentLoader(TraceLoader.standard()));
    }

    /**
     * The load {@link #loadEarly} or {@link #loadSampleEarly} started: {@link #openFile} of its file
     * or {@link #openSample} of its sample takes it over instead of reading it again.
     */
    public void takeOver(EarlyLoad early) {
        earlyLoad = early;
    }

    /** The early load of {@code key}, taken once: opening the same again reads it again. */
    private EarlyLoad takeEarly(Object key) {
        EarlyLoad early = earlyLoad;
        if (early == null || !early.isFor(key)) return null;
        earlyLoad = null;
        return early;
    }

    /** Opens each file in a tab of its own (File ▸ Open with several files, several command-line arguments). */
    public void openFiles(List<Path> paths) {
        for (Path p : paths) openFile(p);
    }

    /** Opens what was dropped on the window: every file, each in a tab of its own. */
    public void openDropped(List<Path> paths) {
        openFiles(paths);
    }

    /** Opens one of the recent files. */
    public void openRecent(Path path) {
        openFile(path);
    }

    public void clearRecentFiles() {
        recent.clear();
        recentFiles.clear();
    }

    /** Opens a bundled demo sample, e.g. {@link DemoSamples#DEFAULT_GCTRACE}, from the classpath. */
    public void openSample(String samplePath) {
        EarlyLoad early = takeEarly(samplePath);
        if (early != null) {
            open(early::join, sampleName(samplePath), TraceDocument.SAMPLE_ORIGIN, null, true);
            return;
        }
        open(() -> sampleSource(samplePath), sampleName(samplePath), TraceDocument.SAMPLE_ORIGIN, null);
    }

    private static String sampleName(String samplePath) {
        return samplePath.substring(samplePath.lastIndexOf('/') + 1);
    }

    /** A bundled sample's bytes: IO (from the jar), so on a loading thread. */
    private static TraceSource sampleSource(String samplePath) throws IOException {
        try {
            DemoSamples.Sample sample = DemoSamples.find(samplePath).orElseThrow();
            return TraceSource.of(sample.fileName(), sample.bytes());
        } catch (NoSuchElementException | java.io.UncheckedIOException e) {
            throw new TraceInputException("bundled sample " + samplePath + " is missing from this build", e);
        }
    }

    /** What a paste is called in its tab and in messages. */
    static final String PASTED_NAME = "Pasted text";

    /**
     * Edit ▸ Paste: opens text from the clipboard as a document, its format detected as a file's
     * would be. Text that is no trace gets the same one-line message a file would.
     */
    public void openPasted(String text) {
        if (text == null || text.isBlank()) {
            errors.removeIf(e -> e.source().equals(PASTED_NAME));
            errors.add(new LoadError(PASTED_NAME, PASTED_NAME + ": the clipboard holds no text to open"));
            return;
        }
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        open(() -> TraceSource.of(PASTED_NAME, bytes), PASTED_NAME, "clipboard", null);
    }

    /** Opens any source (a file, bytes in memory) under {@code displayName}. */
    public void open(TraceSource source, String displayName, String origin) {
        open(() -> source, displayName, origin, null);
    }

    /**
     * File ▸ Follow…, {@code -f FILE}: opens {@code path} as a document that keeps reading it as it
     * is written (across rotation) until it is stopped or closed. Until its first cycle it is a load
     * in the status bar (saying so when it is a FIFO with no writer); then a tab whose views are
     * updated at most twice a second.
     */
    public void followFile(Path path) {
        Path file = path.toAbsolutePath().normalize();
        String name = fileName(path);
        LoadJob job = new LoadJob(name);
        long order = requests++;
        LiveFollow[] live = new LiveFollow[1];
        DocumentViewModel[] shown = new DocumentViewModel[1];
        boolean[] cancelled = {false};
        DocumentFollower.Events events = new DocumentFollower.Events() {
            @Override
            public void updated(TraceDocument document) {
                if (shown[0] == null) {
                    loads.remove(job);
                    shown[0] = new DocumentViewModel(document, runner, live[0], null);
                    addDocument(shown[0], document, order, false);
                } else if (documents.contains(shown[0])) {
                    shown[0] = replaceDocument(shown[0], document);
                }
                live[0].updated(document.gcTrace().size(), document.bytes());
            }

            @Override
            public void notice(String message) {
                live[0].notice(message);
                if (shown[0] == null) job.detail(message);
            }

            @Override
            public void ended(TraceDocument last) {
                loads.remove(job);
                live[0].ended("Stopped");
                if (cancelled[0] && shown[0] == null) {
                    status.set("Following " + name + " was cancelled");
                    return;
                }
                if (last == null) {
                    if (shown[0] == null) errors.add(new LoadError(file.toString(), file + ": no gc lines were written to it while it was followed"));
                    return;
                }
                if (shown[0] == null) {
                    shown[0] = new DocumentViewModel(last, runner, live[0], null);
                    addDocument(shown[0], last, order, false);
                } else if (documents.contains(shown[0])) {
                    shown[0] = replaceDocument(shown[0], last);
                }
                live[0].ended("Stopped · " + Formats.count(last.gcTrace().size()) + " cycles · "
                        + String.format(java.util.Locale.ROOT, "%.1f MB", last.bytes() / 1e6));
            }

            @Override
            public void failed(Throwable error) {
                loads.remove(job);
                if (live[0] != null) live[0].ended("Stopped: " + describeFailure(file.toString(), error));
                if (shown[0] == null) errors.add(new LoadError(file.toString(), describeFailure(file.toString(), error)));
            }
        };
        try {
            live[0] = follower.follow(file, events);
        } catch (TraceInputException e) {
            errors.add(new LoadError(file.toString(), describeFailure(file.toString(), e)));
            return;
        }
        // "Follow end" as the user last chose it, in this follow or an earlier one
        live[0].followEndProperty().set(chartPreferences.followEndProperty().get());
        live[0].followEndProperty().addListener((o, was, now) -> chartPreferences.followEndProperty().set(now));
        job.detail("following " + name + " · waiting for its first gc line…");
        job.onCancel(() -> {
            cancelled[0] = true; // before its first cycles: no tab
            live[0].stop();
        });
        loads.add(job);
        status.set("Following " + name + "…");
    }

    /**
     * An update of a followed document: a new view model in the old one's place (its tab stays,
     * the window swaps the tab's views), with the selection, zoom, highlighted regime and SLO
     * carried over; a zoomed timeline slides to the new end when the follow says so.
     */
    private DocumentViewModel replaceDocument(DocumentViewModel old, TraceDocument document) {
        DocumentViewModel next = new DocumentViewModel(document, runner, old.live(), old);
        if (next.gcTraceModel() != null) next.gcTraceModel().useChartPreferences(chartPreferences);
        next.setStatusLine(followedStatusLine(document));
        int i = documents.indexOf(old);
        requestOrder.put(next, requestOrder.getOrDefault(old, Long.MAX_VALUE));
        requestOrder.remove(old);
        boolean wasSelected = selected.get() == old;
        documents.set(i, next);
        if (wasSelected) selected.set(next);
        return next;
    }
    // ---------------------------------------------------------------- commands: documents

    public void closeDocument(DocumentViewModel doc) {
        int i = documents.indexOf(doc);
        if (i < 0) return;
        if (doc.live() != null) doc.live().stop(); // a followed log is read no more once its tab is closed
        documents.remove(i);
        requestOrder.remove(doc);
        if (selected.get() == doc) selected.set(documents.isEmpty() ? null : documents.get(Math.min(i, documents.size() - 1)));
        if (documents.isEmpty()) status.set(WELCOME);
    }

    /** Closes the selected document (Ctrl+W). */
    public void closeSelected() {
        if (selected.get() != null) closeDocument(selected.get());
    }

    /** The selected document back to its whole trace (Ctrl+R, Escape). */
    public void resetSelection() {
        if (selected.get() != null) selected.get().resetSelection();
    }

    /** Stops every load in progress; open documents stay. */
    public void cancelLoading() {
        for (LoadJob job : List.copyOf(loads)) job.cancel();
    }

    /** Dismisses every error message. */
    public void dismissError() {
        errors.clear();
    }

    /** Dismisses one input's error message. */
    public void dismissError(LoadError error) {
        errors.remove(error);
    }

    /** The report of the selected document, for the parse report dialog. */
    public Optional<ParseReportViewModel> parseReport() {
        return Optional.ofNullable(selected.get()).map(DocumentViewModel::parseReport);
    }

    /** Every bundled demo sample, by format id, for File ▸ Open sample. */
    public Map<String, List<DemoSamples.Sample>> samplesByFormat() {
        Map<String, List<DemoSamples.Sample>> out = new LinkedHashMap<>();
        for (DemoSamples.Sample s : DemoSamples.all()) {
            out.computeIfAbsent(s.format(), k -> new java.util.ArrayList<>()).add(s);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    // ---------------------------------------------------------------- exporting

    /** Where the window's exports are written (tables as CSV, reports): off the UI thread, never over an open input. */
    public FileExports exports() {
        return exports;
    }

    /** The files of the open documents: no export may replace one. */
    public List<Path> inputFiles() {
        return documents.stream().map(d -> d.document().file()).filter(java.util.Objects::nonNull).toList();
    }

    /** {@code NAME-gcscope.html} for the selected document; null when none is open. */
    public String reportFileName(ReportFormat format) {
        DocumentViewModel doc = selected.get();
        return doc == null ? null : format.defaultFileName(doc.document().displayName());
    }

    /** The folder of the selected document's file, where its report is offered; null for none or a sample. */
    public Path reportFolder() {
        DocumentViewModel doc = selected.get();
        Path file = doc == null ? null : doc.document().file();
        return file == null ? null : file.toAbsolutePath().getParent();
    }

    /**
     * File ▸ Export report…: the report of the selected document and its selected time range, in
     * the window's theme, written to {@code target} in the background (the status line says when it
     * is there, the error banner why not).
     */
    public void exportReport(Path target, ReportFormat format) {
        DocumentViewModel doc = selected.get();
        if (doc == null) return;
        TraceDocument d = doc.document();
        Path file = d.file();
        ReportExport.Source source = new ReportExport.Source(d.displayName(), file, d.isSample(), d.bytes(), d.result(),
                span(doc.gcTraceModel()), d.digest());
        status.set("Writing the report of " + d.displayName() + "…");
        // the charts' analysis runs beside the report's on the window's runner
        RenderedCharts charts = new RenderedCharts(Work.on(exports.runner().executor(), () -> false));
        new ReportExport(exports, charts).export(source, target, format, darkTheme.get() ? ReportTheme.DARK : ReportTheme.LIGHT);
    }

    /** The selected range of a gctrace and the cycles in it; null for the whole trace or another format. */
    private static CycleSpan span(GcTraceModel model) {
        TimeRange range = model == null ? null : model.selectionProperty().get();
        if (range == null) return null;
        int[] rows = model.data().rowsIn(range);
        return new CycleSpan(range.from(), range.to(), rows[0], rows[1], model.data().size());
    }

    /** A format's name for people, e.g. {@code perf sched latency} for {@code perf-sched-latency}. */
    public String formatTitle(String formatId) {
        return parsers.parsers().byId(formatId).map(p -> p.format().title()).orElse(formatId);
    }

    // ---------------------------------------------------------------- loading

    /** Where a trace's bytes come from, resolved on the loading thread: opening can be IO too. */
    @FunctionalInterface
    private interface SourceOpener {
        TraceSource open() throws IOException;
    }

    /** A document load on the loading thread, reporting to the listener and polling the cancel. */
    @FunctionalInterface
    private interface Loading {
        TraceDocument load(ParseListener listener, java.util.function.BooleanSupplier cancelled) throws Exception;
    }

    private void open(SourceOpener opener, String displayName, String origin, Path file) {
        open((listener, cancelled) -> loader.load(opener.open(), displayName, origin, file, listener, cancelled),
                displayName, origin, file, false);
    }

    /** @param early the load began before the window did ({@link EarlyLoad}): its status line says so */
    private void open(Loading loading, String displayName, String origin, Path file, boolean early) {
        LoadJob job = new LoadJob(displayName);
        long order = requests++;
        String source = file == null ? displayName : file.toString();
        loads.add(job);
        status.set("Reading " + displayName + "…");
        job.attach(runner.submit("load " + displayName,
                ctx -> loading.load(
                        new ParseListener() {
                            @Override
                            public boolean progress(long done, long total) {
                                job.bytes(done, total);
                                ctx.progress(done, total);
                                return !ctx.isCancelled();
                            }

                            @Override
                            public void waiting(String message) {
                                job.waiting(message); // a FIFO with no writer yet: said in the load's line
                            }
                        }, ctx::isCancelled),
                new TaskListener<TraceDocument>() {
                    @Override
                    public void progress(double fraction) {
                        job.progress(fraction);
                    }

                    @Override
                    public void succeeded(TraceDocument value) {
                        loads.remove(job);
                        // This input opened after all: its older error is out of date. Other inputs' stay.
                        errors.removeIf(e -> e.source().equals(source));
                        addDocument(new DocumentViewModel(value, runner), value, order, early);
                    }

                    @Override
                    public void failed(Throwable error) {
                        loads.remove(job);
                        errors.removeIf(e -> e.source().equals(source));
                        errors.add(new LoadError(source, describeFailure(source, error)));
                        status.set("Could not open " + displayName);
                    }

                    @Override
                    public void cancelled() {
                        loads.remove(job);
                        status.set("Loading " + displayName + " was cancelled");
                    }
                }));
    }

    private void addDocument(DocumentViewModel vm, TraceDocument doc, long order, boolean early) {
        if (vm.gcTraceModel() != null) vm.gcTraceModel().useChartPreferences(chartPreferences);
        vm.setStatusLine(vm.live() == null ? statusLine(doc, early) : followedStatusLine(doc));
        requestOrder.put(vm, order);
        int at = documents.size();
        while (at > 0 && requestOrder.getOrDefault(documents.get(at - 1), Long.MIN_VALUE) > order) at--;
        documents.add(at, vm);
        selected.set(vm);
        if (doc.file() != null) recentFiles.setAll(recent.add(doc.file()));
    }

    /** Names every tab again: a new document can make an old tab's name ambiguous, a closed one unambiguous. */
    private void nameTabs() {
        List<TabLabels.Named> named = documents.stream()
                .map(d -> new TabLabels.Named(d.document().displayName(), d.document().file(), d.document().goVersions()))
                .toList();
        List<String> labels = TabLabels.of(named);
        for (int i = 0; i < labels.size(); i++) documents.get(i).setTabTitle(labels.get(i));
    }

    /** {@code gc.log: 2,198 cycles so far, followed}: its reading has no duration. */
    private static String followedStatusLine(TraceDocument doc) {
        int n = doc.gcTrace().size();
        return doc.displayName() + ": " + Formats.count(n) + (n == 1 ? " cycle" : " cycles") + " read as the log is written";
    }

    /** {@code gc.log: 2,198 cycles, read in 41 ms (95 MB/s)}. */
    /**
     * @param early the read began before the window and shared the cores with its start, so its time
     *              says so and no throughput is derived from it
     */
    private static String statusLine(TraceDocument doc, boolean early) {
        double mbs = doc.parseMillis() > 0 && !early ? doc.bytes() / 1e3 / doc.parseMillis() : Double.NaN;
        String what = doc.isGcTrace() ? Formats.count(doc.gcTrace().size()) + (doc.gcTrace().size() == 1 ? " cycle" : " cycles")
                : doc.result().format().title();
        String origin = doc.file() == null ? " (" + doc.origin() + ")" : ""; // a file's path is in its tab's tooltip
        return doc.displayName() + origin + ": " + what + ", read in " + Formats.count(doc.loadMillis()) + " ms"
                + (early ? " while the window opened" : "")
                + (Double.isNaN(mbs) || doc.bytes() < 1_000_000 ? "" : String.format(java.util.Locale.ROOT, " (%.0f MB/s)", mbs));
    }

    /**
     * One line for the window. A {@link TraceInputException} already is one; anything else is an
     * unexpected failure, logged in full and shown as its type and message.
     */
    static String describeFailure(String sourceName, Throwable e) {
        if (e instanceof TraceInputException) return oneLine(e.getMessage());
        if (e instanceof OutOfMemoryError) {
            return sourceName + ": too large for the memory gcscope may use; start it with a larger -Xmx (e.g. java -Xmx8g -jar gcscope.jar)";
        }
        if (e instanceof IOException) {
            return sourceName + ": could not be read (" + oneLine(String.valueOf(e.getMessage())) + ")";
        }
        LOG.log(System.Logger.Level.ERROR, "loading " + sourceName + " failed", e);
        return sourceName + ": could not be parsed (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())) + "); please report this with the file";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    // ---------------------------------------------------------------- properties

    /** The parsers documents are read with; an incident reads its files with the same. */
    public TraceLoader traceLoader() { return parsers; }
    /** The open documents, in tab order. */
    public ObservableList<DocumentViewModel> documents() { return documentsView; }
    /** The loads in progress, oldest first. */
    public ObservableList<LoadJob> loads() { return loadsView; }
    /** The recent files, newest first (at most {@link RecentFiles#MAX}). */
    public ObservableList<Path> recentFiles() { return recentFilesView; }
    /** The document whose tab is selected; null when none is open. */
    public ObjectProperty<DocumentViewModel> selectedProperty() { return selected; }
    /** {@code gcscope — go1.24-phases.log}, or {@code gcscope} when nothing is open. */
    /**
     * A comparison tab is shown: no document is selected, the title names the comparison
     * ({@code gcscope — go1.19.log vs go1.24.log}) and the status line is the comparison's own.
     */
    public void showComparison(String name, String statusLine) {
        selected.set(null);
        title.set(APP_NAME + " — " + name);
        status.set(statusLine);
    }

    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public BooleanBinding loadingProperty() { return loading; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The newest failed input's one-line message, empty when there is none. */
    public ReadOnlyStringProperty errorMessageProperty() { return errorMessage.getReadOnlyProperty(); }
    /** Every input that failed and whose message was not dismissed, oldest first. */
    public ObservableList<LoadError> errors() { return errorsView; }
    public BooleanProperty darkThemeProperty() { return darkTheme; }
    public SettingsStore settings() { return settings; }
}
