package dev.gcscope.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.plot.LinearScale;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.render.timeline.GcTraceSeries;
import dev.gcscope.render.plot.TimeRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hit-testing on a real recording's pauses, without a toolkit: the cycle the readout shows is the
 * one nearest the pointer on screen among those a few pixels away along x, else the nearest along x.
 */
class NearestCycleTest {
    private static StwSeries layout;
    private static double[] stw;
    private static PlotArea area;

    @BeforeAll
    static void load() throws Exception {
        SampleTraces.Sample s = SampleTraces.get("gctrace/go1.24-phases.log");
        layout = GcTraceSeries.of(new GcTraceParser().parse(TraceSource.of(s.fileName(), s.bytes())).table(GcColumns.CYCLES_TABLE));
        stw = layout.stwMs();
        TimeRange full = TimelineViewport.over(layout).shown();
        // A 1000 x 400 plot of everything, as a timeline draws it.
        area = new PlotArea(60, 10, 1000, 400, new LinearScale(full.from(), full.to(), 60, 1060),
                new LinearScale(0, layout.yMax(), 410, 10));
    }

    private static NearestCycle picker() {
        return new NearestCycle(layout, (i, pointerY) -> stw[i], () -> false);
    }

    @Test
    void aCycleWithinReachIsTheOneNearestThePointerOnScreen() {
        int within = 0;
        for (double px = area.x(); px <= area.right(); px += 3) {
            for (double py : new double[] {area.y() + 5, area.y() + area.height() / 2, area.bottom() - 2}) {
                int best = -1;
                double bestD = Double.POSITIVE_INFINITY;
                for (int i = 0; i < layout.size(); i++) {
                    double dx = area.xScale().toPixel(layout.x()[i]) - px;
                    if (Math.abs(dx) > NearestCycle.PICK_RADIUS) continue;
                    double dy = area.yScale().toPixel(stw[i]) - py;
                    if (dx * dx + dy * dy < bestD) {
                        bestD = dx * dx + dy * dy;
                        best = i;
                    }
                }
                if (best < 0) continue;
                within++;
                int picked = picker().nearestRow(px, py, area, 0, layout.size());
                double dx = area.xScale().toPixel(layout.x()[picked]) - px;
                double dy = area.yScale().toPixel(stw[picked]) - py;
                assertEquals(bestD, dx * dx + dy * dy, 1e-9, "at " + px + "," + py + ": gc " + layout.gc(picked)
                        + " rather than gc " + layout.gc(best));
            }
        }
        assertTrue(within > 100, "pointer positions with cycles in reach: " + within);
    }

    @Test
    void withNoneWithinReachItIsTheNearestAlongX() {
        // Left of the first cycle: the plot starts at process start, the first cycle comes later.
        double firstPx = area.xScale().toPixel(layout.x()[0]);
        assertTrue(firstPx - area.x() > NearestCycle.PICK_RADIUS, "room before the first cycle");
        assertEquals(0, picker().nearestRow(area.x(), area.y(), area, 0, layout.size()));
        // Only the rows in view compete.
        assertEquals(5, picker().nearestRow(area.x(), area.y(), area, 5, layout.size()));
        // Right of the last, in the room the axis leaves after it.
        assertTrue(area.right() - area.xScale().toPixel(layout.x()[layout.size() - 1]) > NearestCycle.PICK_RADIUS);
        assertEquals(layout.size() - 1, picker().nearestRow(area.right(), area.y(), area, 0, layout.size()));
    }

    @Test
    void theRingSitsOnThePickedCyclesValueAndTheReadoutIsItsOwn() {
        int longest = 0;
        for (int i = 1; i < stw.length; i++) if (stw[i] > stw[longest]) longest = i;
        double px = area.xScale().toPixel(layout.x()[longest]);
        double py = area.yScale().toPixel(stw[longest]);
        HoverPoint p = picker().pick(px, py + 1, area, 0, layout.size(), i -> "gc " + layout.gc(i)).orElseThrow();
        assertEquals(longest, p.index());
        assertEquals(px, p.px(), 0);
        assertEquals(py, p.py(), 0);
        assertEquals("gc " + layout.gc(longest), p.text());
    }
}
