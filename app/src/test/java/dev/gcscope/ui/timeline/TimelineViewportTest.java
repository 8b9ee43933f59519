package dev.gcscope.ui.timeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.render.timeline.GcTraceSeries;
import dev.gcscope.render.plot.TimeRange;
import java.util.Arrays;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The timelines' viewport on a real recording's cycles, without a toolkit: what zooming, panning
 * and "show all" do to the range shown, and that linked viewports show the same range.
 */
class TimelineViewportTest {
    private static StwSeries layout;
    private static TimeRange full;

    @BeforeAll
    static void load() throws Exception {
        SampleTraces.Sample s = SampleTraces.get("gctrace/go1.24-phases.log");
        layout = GcTraceSeries.of(new GcTraceParser().parse(TraceSource.of(s.fileName(), s.bytes())).table(GcColumns.CYCLES_TABLE));
        assertTrue(layout.size() > 100, "a recording with many cycles");
        // From the first cycle (not the process start: an excerpt from late in a process fills the
        // chart) to the last, with a little room at each end as the x axis pads a range.
        double min = Arrays.stream(layout.x()).min().orElseThrow();
        double max = Arrays.stream(layout.x()).max().orElseThrow();
        double pad = (max - min) * AxisSpec.EDGE_PADDING;
        full = new TimeRange(min - pad, max + pad);
    }

    private static void assertRange(TimeRange want, TimeRange got) {
        double tolerance = want.length() * 1e-12;
        assertEquals(want.from(), got.from(), tolerance, "from of " + got);
        assertEquals(want.to(), got.to(), tolerance, "to of " + got);
    }

    /** Where {@code x} is across {@code r}, 0 at its left edge, 1 at its right. */
    private static double fractionOf(double x, TimeRange r) {
        return (x - r.from()) / r.length();
    }

    @Test
    void unzoomedItShowsEveryCycleWithALittleRoomAtEachEnd() {
        TimelineViewport v = TimelineViewport.over(layout);
        assertNull(v.rangeProperty().get());
        assertRange(full, v.shown());
        for (double x : layout.x()) assertTrue(x > v.shown().from() && x < v.shown().to());
    }

    @Test
    void zoomKeepsTheTimeUnderThePointerWhereItIs() {
        TimelineViewport v = TimelineViewport.over(layout);
        for (double pointer : new double[] {0.05, 0.3, 0.5, 0.77, 0.98}) {
            v.showAll();
            for (double factor : new double[] {0.8, 0.5, 0.1}) {
                TimeRange before = v.shown();
                double under = before.from() + pointer * before.length();
                v.zoomAt(pointer, factor);
                TimeRange after = v.shown();
                assertEquals(before.length() * factor, after.length(), full.length() * 1e-12, "zoomed by " + factor);
                assertEquals(pointer, fractionOf(under, after), 1e-9, "the time under the pointer at " + pointer);
            }
            // And back out by a notch, from well inside the extent: the same time stays put.
            TimeRange before = v.shown();
            double under = before.from() + pointer * before.length();
            v.zoomAt(pointer, 1 / 0.8);
            assertEquals(before.length() / 0.8, v.shown().length(), full.length() * 1e-12);
            assertEquals(pointer, fractionOf(under, v.shown()), 1e-9);
        }
    }

    @Test
    void zoomingInStopsAtATenMillionthOfTheExtent() {
        TimelineViewport v = TimelineViewport.over(layout);
        double middle = (full.from() + full.to()) / 2;
        for (int i = 0; i < 100; i++) v.zoom(middle, 0.5);
        assertEquals(full.length() * 1e-7, v.shown().length(), full.length() * 1e-16);
        assertTrue(v.shown().contains(middle));
    }

    @Test
    void panningStopsAtEitherEndAndKeepsTheWidth() {
        TimelineViewport v = TimelineViewport.over(layout);
        v.zoomAt(0.5, 0.1);
        double width = v.shown().length();
        TimeRange before = v.shown();
        v.pan(0.25);
        assertRange(new TimeRange(before.from() + width * 0.25, before.to() + width * 0.25), v.shown());

        for (int i = 0; i < 20; i++) v.pan(-0.5);
        assertEquals(full.from(), v.shown().from(), 0, "stopped at the start");
        assertEquals(width, v.shown().length(), full.length() * 1e-12);
        for (int i = 0; i < 40; i++) v.pan(0.5);
        assertEquals(full.to(), v.shown().to(), full.length() * 1e-12, "stopped at the end");
        assertEquals(width, v.shown().length(), full.length() * 1e-12);
    }

    @Test
    void aDragPansByThePixelsMovedAndStopsAtTheEnds() {
        TimelineViewport v = TimelineViewport.over(layout);
        v.zoomAt(0.5, 0.2);
        TimeRange pressed = v.shown();
        // 100 pixels right on a 1000-pixel plot: the content follows the pointer, a tenth earlier.
        v.dragFrom(pressed, 100, 1000);
        assertRange(new TimeRange(pressed.from() - pressed.length() / 10, pressed.to() - pressed.length() / 10), v.shown());
        v.dragFrom(pressed, 1e6, 1000);
        assertEquals(full.from(), v.shown().from(), 0);
        v.dragFrom(pressed, -1e6, 1000);
        assertEquals(full.to(), v.shown().to(), full.length() * 1e-12);
    }

    @Test
    void showAllAndZoomingOutPastEverythingClearTheViewport() {
        TimelineViewport v = TimelineViewport.over(layout);
        v.zoomAt(0.4, 0.3);
        v.showAll();
        assertNull(v.rangeProperty().get());
        assertRange(full, v.shown());

        v.zoomAt(0.9, 0.3);
        v.zoomAt(0.9, 1 / 0.3);
        v.zoomAt(0.9, 1 / 0.3);
        assertNull(v.rangeProperty().get(), "no viewport wider than everything, only everything");
        v.show(full.from() + 1, full.length());
        assertNull(v.rangeProperty().get());
    }

    @Test
    void linkedViewportsShowTheSameRange() {
        ObjectProperty<TimeRange> document = new SimpleObjectProperty<>();
        TimelineViewport pause = TimelineViewport.over(layout);
        TimelineViewport heap = TimelineViewport.over(layout);
        pause.link(document);
        heap.link(document);

        pause.zoomAt(0.3, 0.25);
        assertRange(pause.shown(), heap.shown());
        assertEquals(pause.shown(), document.get());
        heap.pan(0.5);
        assertRange(heap.shown(), pause.shown());
        TimeRange chosen = new TimeRange(full.from() + full.length() * 0.6, full.from() + full.length() * 0.7);
        document.set(chosen);
        assertEquals(chosen, pause.shown());
        assertEquals(chosen, heap.shown());
        heap.showAll();
        assertNull(pause.rangeProperty().get());
        assertNull(document.get());
    }

    @Test
    void withoutCyclesThereIsNothingToShowAndNavigationDoesNothing() {
        TimelineViewport v = TimelineViewport.over(StwSeries.empty());
        assertNull(v.shown());
        v.zoom(1, 0.5);
        v.zoomAt(0.5, 0.5);
        v.pan(0.1);
        v.show(0, 1);
        assertNull(v.rangeProperty().get());
        assertNull(v.shown());
    }

    @Test
    void aSingleCycleWithoutATimeGetsHalfAPositionEitherSide() {
        // Go 1.4 and older print no start time: x is the cycle's position in the file, here 1.
        StwSeries one = StwSeries.of(new double[] {Double.NaN}, new double[] {0.124}, new boolean[1], new int[] {1}, new int[] {1});
        assertRange(new TimeRange(0.5, 1.5), TimelineViewport.over(one).shown());
    }

    @Test
    void theViewportIsPlainJavaWithoutTheSceneGraph() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(new ClassFileImporter().importClasses(TimelineViewport.class));
    }
}
