package dev.gcscope.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.compare.ComparisonCurves;
import dev.gcscope.analysis.compare.CostRow;
import dev.gcscope.analysis.compare.GcComparison;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.workspace.DocumentLoader;
import dev.gcscope.ui.workspace.TraceDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison's sides without a toolkit: labels, swap, rename, and the Compare… picker's choice. */
class ComparisonViewModelTest {
    private static TraceDocument open(String sample) throws Exception {
        SampleTraces.Sample s = SampleTraces.get(sample);
        return new DocumentLoader(TraceLoader.standard()).load(TraceSource.of(s.fileName(), s.bytes()), s.fileName(), "test", null,
                ParseListener.NONE, () -> false);
    }

    @Test
    void swappingAndRenamingRearrangeTheFiguresWithoutComputingThemAgain() throws Exception {
        TraceDocument a = open("steady/go1.19-steady.log"), b = open("steady/go1.24-steady.log");
        ComparisonViewModel vm = new ComparisonViewModel(List.of(a, b), new SynchronousRunner());
        assertEquals("go1.19-steady.log vs go1.24-steady.log", vm.title());
        vm.start();
        GcComparison before = vm.comparisonProperty().get();
        ComparisonCurves curvesBefore = vm.curvesProperty().get();
        List<CostRow> costsBefore = List.copyOf(vm.costs());

        vm.swap();
        assertEquals("go1.24-steady.log vs go1.19-steady.log", vm.title());
        assertEquals(List.of("go1.24-steady.log", "go1.19-steady.log"), vm.labels());
        GcComparison after = vm.comparisonProperty().get();
        // the same sides' figures, the other way round
        assertSame(before.sides().get(0).pauses(), after.sides().get(1).pauses());
        assertSame(curvesBefore.sides().get(0).mmu(), vm.curvesProperty().get().sides().get(1).mmu());
        for (int i = 0; i < costsBefore.size(); i++) {
            CostRow was = costsBefore.get(i), now = vm.costs().get(i);
            assertEquals(was.a(), now.b(), 0, was.cost().key());
            assertEquals(was.b(), now.a(), 0, was.cost().key());
        }
        assertTrue(vm.statusProperty().get().startsWith("Comparing A go1.24-steady.log (1,593 cycles) with B go1.19-steady.log (1,590 cycles)"),
                vm.statusProperty().get());

        vm.relabel(1, "  Go 1.19  ");
        assertEquals(List.of("go1.24-steady.log", "Go 1.19"), vm.labels());
        assertEquals("Go 1.19", vm.comparisonProperty().get().sides().get(1).label());
        assertEquals("Go 1.19", vm.curvesProperty().get().sides().get(1).label());
        assertEquals("Go 1.19", vm.ladder().get(1).label());
        vm.relabel(1, "");
        assertEquals("go1.19-steady.log", vm.labels().get(1), "an empty label restores the file name");
    }

    @Test
    void labelsAreTheFileNamesTellingTwoOpeningsOfOneFileApart() throws Exception {
        TraceDocument a = open("steady/go1.19-steady.log"), again = open("steady/go1.19-steady.log");
        assertEquals("Go 1.18+", a.goVersions(), "the dialect's range, the same for every side here");
        assertEquals(List.of("go1.19-steady.log", "go1.19-steady.log (2)"), ComparisonViewModel.defaultLabels(List.of(a, again)));
        assertEquals("A", ComparisonViewModel.sideLetter(0, 2));
        assertEquals("3", ComparisonViewModel.sideLetter(2, 3));
    }

    @Test
    void thePickerComparesTheCheckedDocumentsInTheOrderShown() throws Exception {
        TraceDocument a = open("gctrace/go1.19-phases.log"), b = open("gctrace/go1.21-phases.log"), c = open("gctrace/go1.24-phases.log");
        ComparePickerModel m = new ComparePickerModel(List.of(a, b, c));
        assertEquals(List.of(a, b, c), m.chosen());
        assertTrue(m.canCompareBinding().get());
        m.moveDown(0);
        assertEquals(List.of(b, a, c), m.chosen());
        m.moveUp(2);
        assertEquals(List.of(b, c, a), m.chosen());
        m.moveUp(0);
        m.moveDown(2);
        assertEquals(List.of(b, c, a), m.chosen(), "nothing moves past an end");
        m.entries().get(0).chosenProperty().set(false);
        assertEquals(List.of(c, a), m.chosen());
        m.entries().get(1).chosenProperty().set(false);
        assertFalse(m.canCompareBinding().get(), "one trace is nothing to compare");
    }
}
