package dev.gcscope.ui.timeline;

import static dev.gcscope.ui.timeline.CycleReadout.figure;

import dev.gcscope.render.timeline.TimelineCycles;
import dev.gcscope.render.timeline.TimelineKind;
import dev.gcscope.render.timeline.TimelinePlot;
import dev.gcscope.render.timeline.TimelineSeries;
import java.util.List;
import javafx.scene.paint.Paint;

/**
 * Figures per cycle as lines (heap sizes, GC CPU share), drawn so that the envelope of a million
 * cycles is exact and a single extreme still reaches its value ({@link TimelinePlot#lines}).
 *
 * <p>Colours: the palette slot {@link TimelineSeries#colour()} of each series.
 */
public final class LineTimelineChart extends TimelineChart {
    private final List<TimelineSeries> series;

    public LineTimelineChart(TimelineCycles cycles, String yTitle, List<TimelineSeries> series) {
        this(TimelinePlot.lines(TimelineKind.OTHER, cycles, yTitle, series));
    }

    /** @param plot a plot of lines ({@link TimelinePlot#lines}) */
    public LineTimelineChart(TimelinePlot plot) {
        super(plot);
        this.series = plot.series();
        getStyleClass().add("line-timeline-chart");
    }

    public List<TimelineSeries> series() {
        return series;
    }

    /** The colour series {@code s} is drawn in. */
    public Paint colour(TimelineSeries s) {
        return paletteColour(s.colour());
    }

    @Override
    protected double pickY(int i, double pointerY) {
        double best = Double.NaN;
        for (TimelineSeries s : series) {
            double v = s.values()[i];
            if (Double.isNaN(v)) continue;
            if (Double.isNaN(best)) best = v;
            else if (Double.isNaN(pointerY) ? v > best : closer(v, best, pointerY)) best = v;
        }
        return best;
    }

    /** Whether {@code v} is nearer {@code target} than {@code best} (ties to the higher). */
    private static boolean closer(double v, double best, double target) {
        double dv = Math.abs(v - target), db = Math.abs(best - target);
        return dv < db || (dv == db && v > best);
    }

    @Override
    protected void describeValues(StringBuilder b, int i) {
        for (TimelineSeries s : series) figure(b, s.label(), s.values()[i], s.unit());
    }
}
