package dev.gcscope.ui.incident;

import dev.gcscope.analysis.incident.Attribution;
import dev.gcscope.analysis.incident.Diagnosis;
import dev.gcscope.analysis.incident.IncidentSources;
import dev.gcscope.analysis.incident.RangeReading;
import dev.gcscope.analysis.incident.SourceAlignment;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.render.incident.IncidentLaneSet;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.LatestTask;
import dev.gcscope.ui.task.TaskListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One incident: several files of one Go process read together, put on one clock and diagnosed. The
 * files are read once, off the UI thread; every change the user makes (a source's offset, the
 * threshold, the interval length) runs the alignment and attribution again in the background, latest
 * request wins, with {@code diagnose}'s own classes ({@link IncidentAnalysis}), so the lanes and tables
 * always show what {@code gcscope diagnose --json} prints for the same arguments.
 *
 * <p>It also holds the lanes' shared viewport (seconds from the lane set's origin): every lane shows
 * the same x range, so zooming or panning one moves all; and the selected range, whose figures and causes
 * ({@link RangeReading}) are read in the background, again after every re-diagnosis.
 */
public final class IncidentViewModel {
    /** The smallest viewport: a tenth of the grid's bin is as close as the lanes' data goes. */
    private static final double MIN_VIEWPORT_BINS = 0.5;

    private final List<Path> files;
    private final BackgroundRunner runner;
    private final TraceLoader loader;
    private final LatestTask task;
    /** Reads the selected range; apart from {@link #task} so a selection never cancels a re-alignment. */
    private final LatestTask rangeTask;
    private IncidentAnalysis.Diagnosed current;
    private IncidentSources sources;
    /** Each source as the files alone place it; the base the shifts are added to. */
    private List<SourceAlignment> found = List.of();
    /** The user's shift per file (seconds), as asked; {@link #appliedShifts} as the shown diagnosis has them. */
    private final Map<String, Double> shifts = new LinkedHashMap<>();
    private Map<String, Double> appliedShifts = Map.of();
    /** Per file whose shift was dragged on its lane: one pixel's time at the zoom it was dragged at. */
    private final Map<String, Double> dragPixelS = new LinkedHashMap<>();

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyObjectWrapper<Diagnosis> diagnosis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<IncidentLaneSet> lanes = new ReadOnlyObjectWrapper<>();
    private final ObservableList<AlignmentRow> alignment = FXCollections.observableArrayList();
    private final ObservableList<Diagnosis.Interval> intervals = FXCollections.observableArrayList();
    private final ObjectProperty<TimeRange> viewport = new SimpleObjectProperty<>(this, "viewport");
    private final DoubleProperty thresholdMs = new SimpleDoubleProperty(this, "thresholdMs", Attribution.DEFAULT_THRESHOLD_MS);
    private final DoubleProperty binS = new SimpleDoubleProperty(this, "binS", 1);
    /** The selected range on the incident's clock (not the lanes' x: the origin moves when the alignment does); null for none. */
    private final ReadOnlyObjectWrapper<TimeRange> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    private final ReadOnlyObjectWrapper<RangeReading> reading = new ReadOnlyObjectWrapper<>(this, "reading");
    private final ReadOnlyStringWrapper readingStatus = new ReadOnlyStringWrapper(this, "readingStatus", "");

    public IncidentViewModel(List<Path> files, BackgroundRunner runner, TraceLoader loader) {
        if (files.isEmpty()) throw new IllegalArgumentException("an incident needs at least one file");
        this.files = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.runner = runner;
        this.loader = loader;
        this.task = new LatestTask(runner);
        this.rangeTask = new LatestTask(runner);
        thresholdMs.addListener((o, old, now) -> recompute());
        binS.addListener((o, old, now) -> recompute());
    }

    /** {@code Incident: quota50-gctrace.log + 4}. */
    public String title() {
        String first = String.valueOf(files.get(0).getFileName());
        return "Incident: " + first + (files.size() > 1 ? " + " + (files.size() - 1) : "");
    }

    public List<Path> files() {
        return files;
    }

    // ---------------------------------------------------------------- commands

    /** Reads the files and diagnoses them, in the background. */
    public void start() {
        busy.set(true);
        progress.set(-1);
        status.set("Reading " + files.size() + " files…");
        task.submit("read incident " + title(), ctx -> {
            IncidentSources s = IncidentAnalysis.read(files, loader, null, ctx::isCancelled, ctx::progress);
            return new Computed(s, IncidentAnalysis.diagnoseWithLanes(s, Map.of(), binS.get(), thresholdMs.get()), Map.of());
        }, listener(true));
    }

    /**
     * Shifts {@code file}'s clock by {@code seconds} from where the files alone placed it (0 restores
     * that), and diagnoses again: {@code diagnose --offset FILE=found+seconds}.
     */
    public void setShift(String file, double seconds) {
        if (sources == null) return;
        // typed: no longer what the drag set
        if (shifts.getOrDefault(file, 0.0) != seconds) dragPixelS.remove(file);
        putShift(file, seconds);
    }

    /**
     * Shifts {@code file}'s clock as {@link #setShift} does, to where the user dragged its lane: the alignment row
     * then says the offset was set by hand, to within one pixel's time, {@code pixelS}.
     */
    public void setShiftByHand(String file, double seconds, double pixelS) {
        if (sources == null) return;
        dragPixelS.put(file, pixelS);
        putShift(file, seconds);
        // the spinner shows the dragged shift at once, before the re-alignment ends
        rebuildAlignmentRows();
    }

    /** The user's shift of {@code file} as asked (the spinner's value), 0 for none. */
    public double shiftOf(String file) {
        return shifts.getOrDefault(file, 0.0);
    }

    /** The file {@code lane} was read from, as the alignment names it; null when no source's file is its. */
    public String fileOf(dev.gcscope.render.incident.IncidentLane lane) {
        // the kernel lane's source adds the program's name after the file
        return found.stream().map(SourceAlignment::file).filter(f -> lane.source().equals(f) || lane.source().startsWith(f + " ("))
                .findFirst().orElse(null);
    }

    private void putShift(String file, double seconds) {
        Double before = seconds == 0 ? shifts.remove(file) : shifts.put(file, seconds);
        if (before == null ? seconds != 0 : before != seconds) recompute();
    }

    /** The user offsets the shown figures were computed with, as {@code diagnose --offset} takes them. */
    public Map<String, Double> userOffsets() {
        return offsetsFor(appliedShifts);
    }

    /** Stops the read or the re-alignment under way; a cancelled re-alignment leaves the last result shown. */
    public void cancel() {
        if (!task.isRunning()) return;
        task.cancel();
        busy.set(false);
        if (sources == null) {
            status.set("Reading the incident was cancelled");
        } else {
            shifts.clear();
            shifts.putAll(appliedShifts);
            rebuildAlignmentRows();
            status.set("Re-alignment cancelled; the figures are those of the offsets before");
        }
    }

    /** The lanes show {@code interval} with a quarter of its length on either side. */
    public void zoomTo(Diagnosis.Interval interval) {
        IncidentLaneSet set = lanes.get();
        if (set == null || interval == null) return;
        double pad = Math.max((interval.toS() - interval.fromS()) / 4, set.bins().widthS() / 2);
        setViewport(interval.fromS() - set.originS() - pad, interval.toS() - set.originS() + pad);
    }

    /** The lanes show {@code from..to} (seconds from the lane set's origin), a range dragged on a lane. */
    public void zoomTo(double from, double to) {
        setViewport(Math.min(from, to), Math.max(from, to));
    }

    /**
     * Selects {@code from..to} (seconds from the lane set's origin, a range dragged on a lane): the lanes zoom to it and
     * its figures and causes are read in the background ({@link #readingProperty()}).
     */
    public void select(double from, double to) {
        IncidentLaneSet set = lanes.get();
        if (set == null || !(Math.abs(to - from) > 0)) return;
        selection.set(new TimeRange(Math.min(from, to) + set.originS(), Math.max(from, to) + set.originS()));
        zoomTo(from, to);
        readRange();
    }

    /** No range selected: the readings panel asks for one. */
    public void clearSelection() {
        if (selection.get() == null) return;
        rangeTask.cancel();
        selection.set(null);
        reading.set(null);
        readingStatus.set("");
    }

    /** The whole incident shown and no range selected ("Whole incident", a double click). */
    public void showWhole() {
        clearSelection();
        resetZoom();
    }

    private void readRange() {
        IncidentAnalysis.Diagnosed d = current;
        TimeRange range = selection.get();
        if (d == null || range == null) return;
        reading.set(null);
        readingStatus.set("Reading the selected range…");
        rangeTask.submit("read incident range", ctx -> RangeReading.of(d.diagnosis(), d.runtimeLanes(), range.from(), range.to()),
                new TaskListener<>() {
                    @Override
                    public void succeeded(RangeReading r) {
                        reading.set(r);
                        readingStatus.set("");
                    }

                    @Override
                    public void failed(Throwable e) {
                        readingStatus.set("The range could not be read: " + e.getMessage());
                    }
                });
    }

    /** The lanes show the whole incident. */
    public void resetZoom() {
        IncidentLaneSet set = lanes.get();
        if (set != null) viewport.set(new TimeRange(set.fromX(), set.toX()));
    }

    /** Zooms by {@code factor} (below 1 zooms in) keeping {@code aroundX} where it is. */
    public void zoom(double factor, double aroundX) {
        TimeRange v = viewport.get();
        if (v == null) return;
        setViewport(aroundX - (aroundX - v.from()) * factor, aroundX + (v.to() - aroundX) * factor);
    }

    /** Moves the viewport by {@code dx} seconds, within the incident. */
    public void pan(double dx) {
        TimeRange v = viewport.get();
        IncidentLaneSet set = lanes.get();
        if (v == null || set == null) return;
        double shift = Math.max(set.fromX() - v.from(), Math.min(set.toX() - v.to(), dx));
        if (shift != 0) viewport.set(new TimeRange(v.from() + shift, v.to() + shift));
    }

    private void setViewport(double from, double to) {
        IncidentLaneSet set = lanes.get();
        if (set == null) return;
        double min = set.bins().widthS() * MIN_VIEWPORT_BINS;
        if (to - from < min) {
            double mid = (from + to) / 2;
            from = mid - min / 2;
            to = mid + min / 2;
        }
        from = Math.max(set.fromX(), from);
        to = Math.min(set.toX(), to);
        if (to > from) viewport.set(new TimeRange(from, to));
    }

    // ---------------------------------------------------------------- the work

    private record Computed(IncidentSources sources, IncidentAnalysis.Diagnosed diagnosed, Map<String, Double> shifts) {}

    private void recompute() {
        if (sources == null) return;
        IncidentSources s = sources;
        Map<String, Double> asked = Map.copyOf(shifts);
        Map<String, Double> offsets = offsetsFor(asked);
        double bin = binS.get(), threshold = thresholdMs.get();
        if (!(bin > 0) || !(threshold > 0)) return;
        busy.set(true);
        progress.set(-1);
        status.set("Aligning the sources again…");
        task.submit("align incident " + title(), ctx -> new Computed(s, IncidentAnalysis.diagnoseWithLanes(s, offsets, bin, threshold), asked),
                listener(false));
    }

    private Map<String, Double> offsetsFor(Map<String, Double> byFile) {
        Map<String, Double> out = new LinkedHashMap<>();
        byFile.forEach((file, shift) -> found.stream().filter(a -> a.file().equals(file)).findFirst()
                .ifPresent(a -> out.put(file, a.offsetS() + shift)));
        return out;
    }

    private TaskListener<Computed> listener(boolean first) {
        return new TaskListener<>() {
            @Override
            public void progress(double fraction) {
                progress.set(fraction);
            }

            @Override
            public void succeeded(Computed c) {
                busy.set(false);
                if (first) {
                    sources = c.sources();
                    found = c.diagnosed().diagnosis().alignment().sources();
                }
                appliedShifts = c.shifts();
                show(c.diagnosed(), first);
            }

            @Override
            public void failed(Throwable e) {
                busy.set(false);
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ");
                error.set(message);
                status.set(first ? "The incident could not be read" : "The re-alignment failed");
            }

            @Override
            public void cancelled() {
                busy.set(false);
            }
        };
    }

    private void show(IncidentAnalysis.Diagnosed result, boolean first) {
        Diagnosis d = result.diagnosis();
        current = result;
        IncidentLaneSet set = IncidentLaneSet.of(d, result.runtimeLanes(), result.runtimeGcCpuShare());
        TimeRange before = viewport.get();
        diagnosis.set(d);
        lanes.set(set);
        verdict.set(d.verdict());
        intervals.setAll(d.intervals());
        rebuildAlignmentRows();
        error.set("");
        if (first || before == null) resetZoom();
        else setViewport(before.from(), before.to());
        // the same range, read again from the new figures (threshold, bins or alignment changed)
        readRange();
        status.set(String.format(Locale.ROOT, "%d sources from %d files on one %s clock; %d delayed interval%s", d.alignment().sources().size(),
                files.size(), d.alignment().unixClock() ? "wall" : "process", d.intervals().size(), d.intervals().size() == 1 ? "" : "s"));
    }

    private void rebuildAlignmentRows() {
        Diagnosis d = diagnosis.get();
        if (d == null) return;
        List<AlignmentRow> rows = new ArrayList<>();
        for (SourceAlignment now : d.alignment().sources()) {
            SourceAlignment base = found.stream().filter(f -> f.file().equals(now.file()) && f.kind().equals(now.kind())).findFirst()
                    .orElse(now);
            rows.add(new AlignmentRow(now, base, shifts.getOrDefault(now.file(), 0.0), dragPixelS.getOrDefault(now.file(), Double.NaN)));
        }
        alignment.setAll(rows);
    }

    // ---------------------------------------------------------------- state

    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** Why the files could not be read or aligned; empty when they were. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }
    /** True while reading or re-aligning. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** 0..1 while reading, -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Diagnosis> diagnosisProperty() { return diagnosis.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<IncidentLaneSet> lanesProperty() { return lanes.getReadOnlyProperty(); }
    /** One row per source, in {@code diagnose --json}'s {@code alignment.sources} order. */
    public ObservableList<AlignmentRow> alignmentRows() { return alignment; }
    /** The delayed intervals, in {@code diagnose --json}'s {@code intervals} order. */
    public ObservableList<Diagnosis.Interval> intervals() { return intervals; }
    /** The lanes' x range, seconds from the lane set's origin; null before the first result. */
    public ObjectProperty<TimeRange> viewportProperty() { return viewport; }
    /** The selected range on the incident's clock (subtract the lane set's origin for the lanes' x); null for none. */
    public ReadOnlyObjectProperty<TimeRange> selectionProperty() { return selection.getReadOnlyProperty(); }
    /** The selected range's figures and causes; null while none is selected or it is being read. */
    public ReadOnlyObjectProperty<RangeReading> readingProperty() { return reading.getReadOnlyProperty(); }
    /** "Reading the selected range…", or why it could not be read; empty otherwise. */
    public ReadOnlyStringProperty readingStatusProperty() { return readingStatus.getReadOnlyProperty(); }
    /** {@code diagnose --threshold-ms}. */
    public DoubleProperty thresholdMsProperty() { return thresholdMs; }
    /** {@code diagnose --bin-s}. */
    public DoubleProperty binSProperty() { return binS; }
}
