package dev.gcscope.ui.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.incident.Diagnosis;
import dev.gcscope.analysis.incident.RangeReading;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.task.DeferredRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident's background work, held by a runner that runs a task only when told: reading and
 * re-aligning are never done on the calling thread, a cancelled re-alignment leaves the figures and
 * the offsets they were computed with, and a file that cannot be read says why in one line.
 */
class IncidentViewModelTest {
    @TempDir
    Path tmp;

    private List<Path> quotaRun() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("quota50-gctrace.log", "quota50-metrics.jsonl.gz", "quota50-cpu-stat.log")) {
            files.add(SampleTraces.get("incident/" + name).copyTo(tmp));
        }
        return files;
    }

    @Test
    void aCancelledReAlignmentKeepsTheFiguresAndTheOffsetsTheyWereComputedWith() throws Exception {
        DeferredRunner runner = new DeferredRunner();
        IncidentViewModel vm = new IncidentViewModel(quotaRun(), runner, TraceLoader.standard());
        vm.start();
        assertTrue(vm.busyProperty().get());
        assertNull(vm.diagnosisProperty().get(), "nothing is read on the calling thread");
        runner.runNext();
        Diagnosis first = vm.diagnosisProperty().get();
        assertFalse(vm.busyProperty().get());
        String metrics = vm.alignmentRows().stream().filter(r -> r.current().kind().equals("runtime")).findFirst().orElseThrow()
                .current().file();

        vm.setShift(metrics, 2.0);
        assertTrue(vm.busyProperty().get());
        assertEquals(1, runner.pendingCount(), "the re-alignment waits for its worker");
        assertSame(first, vm.diagnosisProperty().get());
        vm.cancel();
        runner.runNext(); // the cancelled task reports nothing
        assertFalse(vm.busyProperty().get());
        assertSame(first, vm.diagnosisProperty().get(), "the figures shown stay those of the offsets before");
        assertTrue(vm.userOffsets().isEmpty());
        assertEquals(0.0, vm.alignmentRows().stream().filter(r -> r.current().file().equals(metrics)).findFirst().orElseThrow().shiftS());

        // the latest request wins: two shifts in a row, the first never shows
        vm.setShift(metrics, 1.0);
        vm.setShift(metrics, 3.0);
        runner.runNext();
        runner.runNext();
        assertEquals(3.0, vm.alignmentRows().stream().filter(r -> r.current().file().equals(metrics)).findFirst().orElseThrow().shiftS());
        assertEquals(first.alignment().of(metrics, "runtime").orElseThrow().offsetS() + 3.0,
                vm.diagnosisProperty().get().alignment().of(metrics, "runtime").orElseThrow().offsetS(), 1e-9);
    }

    @Test
    void aFileThatIsNoTraceSaysWhyInOneLine() throws Exception {
        Path junk = Files.writeString(tmp.resolve("notes.txt"), "shopping list\neggs\n");
        DeferredRunner runner = new DeferredRunner();
        IncidentViewModel vm = new IncidentViewModel(List.of(junk), runner, TraceLoader.standard());
        vm.start();
        runner.runNext();
        assertNull(vm.diagnosisProperty().get());
        assertFalse(vm.busyProperty().get());
        assertTrue(vm.errorProperty().get().startsWith(junk.toString()), vm.errorProperty().get());
        assertFalse(vm.errorProperty().get().contains("\n"));
    }

    /**
     * A range dragged on the lanes is read in the background, never on the calling thread, and read again when the
     * diagnosis changes: the quota run's worst phase (12–15 s after the process started) is delayed at the default
     * threshold, led by the quota, and not at a threshold above its P99.
     */
    @Test
    void aSelectedRangeIsReadInTheBackgroundAndAgainAfterEveryReDiagnosis() throws Exception {
        DeferredRunner runner = new DeferredRunner();
        IncidentViewModel vm = new IncidentViewModel(quotaRun(), runner, TraceLoader.standard());
        vm.start();
        runner.runNext();
        assertEquals(0, runner.pendingCount(), "no range is read before one is selected");

        vm.select(12, 15);
        assertNotNull(vm.selectionProperty().get());
        assertNull(vm.readingProperty().get(), "nothing is read on the calling thread");
        assertEquals("Reading the selected range…", vm.readingStatusProperty().get());
        assertEquals(12, vm.viewportProperty().get().from(), 1e-9, "the lanes zoom to the range");
        assertEquals(15, vm.viewportProperty().get().to(), 1e-9);
        runner.runNext();
        RangeReading r = vm.readingProperty().get();
        double origin = vm.lanesProperty().get().originS();
        assertEquals(12, r.fromS() - origin, 0.5 + 1e-9, r::toString);
        assertEquals(15, r.toS() - origin, 0.5 + 1e-9, r::toString);
        assertTrue(r.delayed(), r::toString);
        assertEquals(Diagnosis.CPU_QUOTA, r.causes().get(0).cause(), r::toString);

        vm.thresholdMsProperty().set(r.schedDelayP99Ms() + 1);
        runner.runNext(); // the re-diagnosis
        assertNull(vm.readingProperty().get(), "the old figures go while the range is read again");
        runner.runNext(); // the range again
        RangeReading again = vm.readingProperty().get();
        assertEquals(r.fromS(), again.fromS(), 1e-9);
        assertFalse(again.delayed(), again::toString);

        vm.showWhole();
        assertNull(vm.selectionProperty().get());
        assertNull(vm.readingProperty().get());
        assertEquals(vm.lanesProperty().get().fromX(), vm.viewportProperty().get().from(), 1e-9);
    }
}
