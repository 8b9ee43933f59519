package dev.gcscope.ui.window;

import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.chart.StwSeries;
import dev.gcscope.ui.report.ParseReportViewModel;
import dev.gcscope.ui.summary.Formats;
import dev.gcscope.ui.summary.SummaryViewModel;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.TaskHandle;
import dev.gcscope.ui.task.TaskListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * State and commands of the main window: which trace is shown, whether one is loading (and how
 * far), the last error, the title, the theme. Loading runs on the {@link BackgroundRunner}; every
 * listener call arrives on the UI thread, so properties are only ever set there.
 *
 * <p>A failed or cancelled load leaves the trace that was shown before in place; the error is a
 * one-line message (a {@link TraceInputException}'s message as it is), never a stack trace.
 */
public final class MainWindowViewModel {
    public static final String APP_NAME = "gcscope";
    static final String WELCOME = "Drop a Go GC trace (GODEBUG=gctrace=1 output) onto the window, or use File ▸ Open";
    private static final System.Logger LOG = System.getLogger(MainWindowViewModel.class.getName());

    private final BackgroundRunner runner;
    private final TraceLoader loader;
    private final SummaryViewModel summary = new SummaryViewModel();

    // --- state (read-only outside)
    private final ReadOnlyObjectWrapper<LoadedTrace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<StwSeries> stwSeries = new ReadOnlyObjectWrapper<>(this, "stwSeries", StwSeries.empty());
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", APP_NAME);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", WELCOME);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper chartPlaceholder =
            new ReadOnlyStringWrapper(this, "chartPlaceholder", "Drop a Go GC trace here");
    // --- settings (read-write)
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);

    private TaskHandle current;
    /** Bumped by every load, so a superseded load's late callbacks are recognised and dropped. */
    private long generation;

    public MainWindowViewModel(BackgroundRunner runner, TraceLoader loader) {
        this.runner = runner;
        this.loader = loader;
    }

    // ---------------------------------------------------------------- commands

    /** Opens a trace file; a missing, unreadable or directory path shows its message at once. */
    public void openFile(Path path) {
        open(path, "");
    }

    /** Opens what was dropped on the window: the first file, saying so when there were more. */
    public void openDropped(List<Path> paths) {
        if (paths.isEmpty()) return;
        String note = paths.size() > 1 ? " (opened the first of " + paths.size() + " dropped files)" : "";
        open(paths.get(0), note);
    }

    /** Opens a bundled sample, e.g. {@link SampleTraces#DEFAULT_GCTRACE}, from the classpath. */
    public void openSample(String samplePath) {
        String name = samplePath.substring(samplePath.lastIndexOf('/') + 1);
        open(() -> {
            try {
                SampleTraces.Sample sample = SampleTraces.get(samplePath);
                return TraceSource.of(sample.fileName(), sample.bytes());
            } catch (NoSuchElementException | java.io.UncheckedIOException e) {
                throw new TraceInputException("bundled sample " + samplePath + " is missing from this build", e);
            }
        }, name, "bundled sample", "");
    }

    /** Opens any source (a file, bytes in memory) under {@code displayName}. */
    public void open(TraceSource source, String displayName, String origin) {
        open(() -> source, displayName, origin, "");
    }

    /** Stops the load in progress, if any; the trace shown before stays. */
    public void cancelLoading() {
        if (current != null) current.cancel();
    }

    public void dismissError() {
        errorMessage.set("");
    }

    /** The report of the trace shown, for the parse report dialog. */
    public Optional<ParseReportViewModel> parseReport() {
        LoadedTrace t = trace.get();
        return t == null ? Optional.empty()
                : Optional.of(new ParseReportViewModel(t.displayName(), t.result().report()));
    }

    /** The bundled samples the File ▸ Open sample menu lists. */
    public List<SampleTraces.Sample> samples() {
        return SampleTraces.ofFormat("gctrace");
    }

    // ---------------------------------------------------------------- loading

    private void open(Path path, String note) {
        // TraceSource.of checks the file (exists, directory, readable): that is IO, so it runs on the worker too.
        open(() -> TraceSource.of(path), fileName(path), path.toAbsolutePath().toString(), note);
    }

    /** Where a trace's bytes come from, resolved on the loading thread: opening can be IO too. */
    @FunctionalInterface
    private interface SourceOpener {
        TraceSource open() throws IOException;
    }

    private void open(SourceOpener opener, String displayName, String origin, String note) {
        cancelLoading();
        long gen = ++generation;
        loading.set(true);
        progress.set(-1); // unknown until the parser reports
        status.set("Reading " + displayName + "…");
        current = runner.submit("load " + displayName,
                ctx -> LoadedTrace.load(loader, opener.open(), displayName, origin,
                        (done, total) -> {
                            ctx.progress(done, total);
                            return !ctx.isCancelled();
                        }),
                new TaskListener<>() {
                    @Override
                    public void progress(double fraction) {
                        if (gen == generation) progress.set(fraction);
                    }

                    @Override
                    public void succeeded(LoadedTrace value) {
                        if (gen == generation) finishLoading(value, note);
                    }

                    @Override
                    public void failed(Throwable error) {
                        if (gen != generation) return;
                        endLoading();
                        showError(describeFailure(displayName, error), "Could not open " + displayName);
                    }

                    @Override
                    public void cancelled() {
                        if (gen != generation) return;
                        endLoading();
                        status.set("Loading " + displayName + " was cancelled"
                                + (trace.get() == null ? "" : "; still showing " + trace.get().displayName()));
                    }
                });
    }

    private void finishLoading(LoadedTrace t, String note) {
        endLoading();
        errorMessage.set("");
        trace.set(t);
        stwSeries.set(t.stw());
        summary.show(t.summary(), t.result().report(), t.goVersions());
        title.set(APP_NAME + " — " + t.displayName());
        chartPlaceholder.set("No GC cycles in " + t.displayName());
        status.set(t.displayName() + " (" + t.origin() + "): " + Formats.count(t.summary().cycles()) + " cycles, read in "
                + Formats.count(t.loadMillis()) + " ms" + note);
    }

    private void endLoading() {
        loading.set(false);
        progress.set(0);
        current = null;
    }

    private void showError(String message, String statusText) {
        errorMessage.set(message);
        status.set(statusText);
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

    public SummaryViewModel summary() { return summary; }
    /** The trace shown, null before the first successful load. */
    public ReadOnlyObjectProperty<LoadedTrace> traceProperty() { return trace.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<StwSeries> stwSeriesProperty() { return stwSeries.getReadOnlyProperty(); }
    /** {@code gcscope — go1.24-phases.log}, or {@code gcscope} before anything is loaded. */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    /** 0..1 while loading, -1 when the size is unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The last load's one-line error, empty when there is none. */
    public ReadOnlyStringProperty errorMessageProperty() { return errorMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty chartPlaceholderProperty() { return chartPlaceholder.getReadOnlyProperty(); }
    public BooleanProperty darkThemeProperty() { return darkTheme; }
}
