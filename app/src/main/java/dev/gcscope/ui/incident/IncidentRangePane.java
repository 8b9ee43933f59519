package dev.gcscope.ui.incident;

import dev.gcscope.analysis.incident.Diagnosis;
import dev.gcscope.analysis.incident.RangeReading;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.render.incident.IncidentLanePlot;
import dev.gcscope.render.incident.IncidentLaneSet;
import dev.gcscope.ui.table.TableActions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The "Selected range" tab: the figures of the range dragged on the lanes — its P99 delay, the kernel's and every
 * runtime source's latency, and the causes an interval there would get, with their evidence — read in the
 * background by the view model ({@link RangeReading}), read again after every re-diagnosis.
 */
final class IncidentRangePane extends VBox {
    static final String HINT = "Drag across the lanes to read a range: its P99 scheduling delay and the causes, as for a delayed interval."
            + " Alt- (or Ctrl-) drag a lane to move its file's clock by hand over the other sources' GC pauses; Esc cancels.";

    private final IncidentViewModel vm;
    private final Label summary = new Label(HINT);
    private final Label latencies = new Label();
    private final TableView<Diagnosis.Cause> causes = new TableView<>();

    IncidentRangePane(IncidentViewModel vm) {
        super(4);
        this.vm = vm;
        setId("incident-range");
        getStyleClass().add("incident-range");
        summary.setId("incident-range-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        latencies.setId("incident-range-latencies");
        latencies.setWrapText(true);
        latencies.setMinHeight(Region.USE_PREF_SIZE);
        latencies.getStyleClass().add("incident-status");
        causes.setId("incident-range-causes");
        causes.setPlaceholder(new Label(""));
        causes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Diagnosis.Cause, String> cause = new TableColumn<>("cause");
        cause.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().cause()));
        cause.setPrefWidth(150);
        cause.setSortable(false);
        TableColumn<Diagnosis.Cause, String> evidence = new TableColumn<>("evidence");
        evidence.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().evidence()));
        evidence.setPrefWidth(600);
        evidence.setSortable(false);
        causes.getColumns().add(cause);
        causes.getColumns().add(evidence);
        TableActions.install(causes, "selected range causes");
        VBox.setVgrow(causes, Priority.ALWAYS);
        getChildren().addAll(summary, latencies, causes);
        vm.readingProperty().addListener(o -> show());
        vm.readingStatusProperty().addListener(o -> show());
        vm.selectionProperty().addListener(o -> show());
        show();
    }

    private void show() {
        RangeReading r = vm.readingProperty().get();
        IncidentLaneSet set = vm.lanesProperty().get();
        if (r == null || set == null) {
            summary.setText(vm.selectionProperty().get() == null ? HINT : vm.readingStatusProperty().get());
            latencies.setText("");
            causes.getItems().clear();
            return;
        }
        summary.setText(summary(r, set, vm.thresholdMsProperty().get()));
        latencies.setText(latencies(r));
        causes.getItems().setAll(r.causes());
    }

    /**
     * "9.9–13.9 s after the Go process started (4 intervals of 1 s): P99 scheduling delay 1636 ms, delayed (threshold 10 ms)",
     * and the delayed intervals within it: a P99 over a long range can fall under the threshold although some of its
     * seconds were delayed (2.9–11.9 s of the quota run: 3.96 ms over 9 s holding two delayed seconds).
     */
    static String summary(RangeReading r, IncidentLaneSet set, double thresholdMs) {
        double w = set.bins().widthS();
        List<String> inside = new ArrayList<>();
        for (Diagnosis.Interval i : set.intervals()) {
            if (i.fromS() < r.toS() - 1e-9 && i.toS() > r.fromS() + 1e-9) {
                inside.add(PlainNumbers.rounded(i.fromS() - set.originS(), 1) + "–" + PlainNumbers.rounded(i.toS() - set.originS(), 1) + " s");
            }
        }
        String within = inside.isEmpty() ? "; no delayed interval within it"
                : "; delayed interval" + (inside.size() == 1 ? "" : "s") + " within it: " + String.join(", ", inside);
        return String.format(Locale.ROOT, "%s–%s s%s (%d interval%s of %s s, those whose middle the selection covers): P99 scheduling delay %s, %s%s",
                PlainNumbers.rounded(r.fromS() - set.originS(), 2), PlainNumbers.rounded(r.toS() - set.originS(), 2),
                set.originIsProcessStart() ? " after the Go process started" : "", r.bins(), r.bins() == 1 ? "" : "s", PlainNumbers.rounded(w, 2),
                IncidentLanePlot.value(r.schedDelayP99Ms(), "ms"),
                (r.delayed() ? "delayed" : "not delayed") + " (threshold " + PlainNumbers.rounded(thresholdMs, 2) + " ms)", within);
    }

    /** Kernel P99, then every runtime source's P50/P99, a lower bound marked and a snapshot interval reaching past the range said. */
    static String latencies(RangeReading r) {
        List<String> parts = new ArrayList<>();
        if (!Double.isNaN(r.kernelDelayP99Ms())) parts.add("kernel delay P99 " + IncidentLanePlot.value(r.kernelDelayP99Ms(), "ms"));
        for (RangeReading.Latency l : r.latencies()) {
            String s = "goroutine latency P50 " + IncidentLanePlot.value(l.p50Ms(), "ms") + ", P99 " + (l.p99AtLeast() ? "≥ " : "")
                    + IncidentLanePlot.value(l.p99Ms(), "ms") + " (" + Path.of(l.file()).getFileName() + ", " + PlainNumbers.rounded(l.count(), 0)
                    + " scheduled";
            if (l.p99AtLeast()) s += "; above its highest bucket: a lower bound";
            if (l.sampleToS() - l.sampleFromS() > (r.toS() - r.fromS()) * 1.5) {
                s += "; its snapshots span " + PlainNumbers.rounded(l.sampleToS() - l.sampleFromS(), 1) + " s, shared evenly";
            }
            parts.add(s + ")");
        }
        return String.join(" · ", parts);
    }

    /** What the tab says, for tests: the summary, the latencies and one "cause: evidence" per row. */
    List<String> text() {
        List<String> out = new ArrayList<>(List.of(summary.getText(), latencies.getText()));
        causes.getItems().forEach(c -> out.add(c.cause() + ": " + c.evidence()));
        return out;
    }
}
