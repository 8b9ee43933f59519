package dev.gcscope.ui.timeline;

import static dev.gcscope.ui.timeline.CycleReadout.figure;

import dev.gcscope.render.Rgba;
import dev.gcscope.render.timeline.TimelineCycles;
import dev.gcscope.render.timeline.TimelineKind;
import dev.gcscope.render.timeline.TimelinePlot;
import dev.gcscope.render.timeline.TimelineSeries;
import dev.gcscope.ui.chart.ChartCss;
import dev.gcscope.ui.chart.FxPainter;
import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A bar per cycle, stacked from its parts (the phases of a pause, the kinds of GC CPU time); each
 * pixel column shows its tallest bar ({@link TimelinePlot#stacked}).
 *
 * <p>Coloured either by part (palette slot {@link TimelineSeries#colour()}) or by the cycle's regime
 * (palette slot = regime id, parts as lighter shades of it, {@code -chart-unassigned-fill} for
 * cycles in no regime); when a regime is highlighted the others are drawn faint. Forced cycles can
 * be marked with a hollow diamond ({@code -chart-forced-stroke}) on top of their bar.
 */
public final class StackedTimelineChart extends TimelineChart {
    private static final CssMetaData<StackedTimelineChart, Paint> UNASSIGNED_FILL =
            ChartCss.paint("-chart-unassigned-fill", c -> c.unassignedFill, Color.GRAY);
    private static final CssMetaData<StackedTimelineChart, Paint> FORCED_STROKE =
            ChartCss.paint("-chart-forced-stroke", c -> c.forcedStroke, Color.ORANGERED);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA = ChartCss.extend(
            TimelineChart.getClassCssMetaData(), List.of(UNASSIGNED_FILL, FORCED_STROKE));

    private final StyleableObjectProperty<Paint> unassignedFill =
            ChartCss.paintProperty(UNASSIGNED_FILL, this, "unassignedFill", this::invalidate);
    private final StyleableObjectProperty<Paint> forcedStroke =
            ChartCss.paintProperty(FORCED_STROKE, this, "forcedStroke", this::invalidate);

    private final List<TimelineSeries> parts;
    private final double[] total;
    private final String totalLabel;

    /**
     * @param totalLabel the readout's name for the sum of the parts, or null to leave it out
     * @param byRegime colour by regime rather than by part
     * @param markForced mark forced cycles with a diamond
     */
    public StackedTimelineChart(TimelineCycles cycles, String yTitle, List<TimelineSeries> parts, String totalLabel,
                                boolean byRegime, boolean markForced) {
        this(TimelinePlot.stacked(TimelineKind.OTHER, cycles, yTitle, parts, byRegime, markForced), totalLabel);
    }

    /** @param plot a stacked plot ({@link TimelinePlot#stacked}) */
    public StackedTimelineChart(TimelinePlot plot, String totalLabel) {
        super(plot);
        if (plot.total() == null) throw new IllegalArgumentException("not a stacked plot");
        this.parts = plot.series();
        this.totalLabel = totalLabel;
        this.total = plot.total();
        getStyleClass().add("stacked-timeline-chart");
    }

    public List<TimelineSeries> parts() {
        return parts;
    }

    /** The stacked height of each row (shared: do not modify). */
    public double[] total() {
        return total;
    }

    @Override
    protected double pickY(int i, double pointerY) {
        return total[i];
    }

    @Override
    protected void describeValues(StringBuilder b, int i) {
        for (TimelineSeries p : parts) {
            if (!Double.isNaN(p.values()[i])) figure(b, p.label(), p.values()[i], p.unit());
        }
        if (totalLabel != null && !parts.isEmpty()) figure(b, totalLabel, total[i], parts.get(0).unit());
    }

    /** The colour of a regime's bars: the palette's entry (cycling past its end), or the unassigned fill. */
    public Paint regimeColour(int regime) {
        return regime < 0 ? unassignedFill.get() : paletteColour(regime);
    }

    public Paint forcedStroke() {
        return forcedStroke.get();
    }

    @Override
    protected Rgba unassignedColour() {
        return FxPainter.rgba(unassignedFill.get());
    }

    @Override
    protected Rgba forcedColour() {
        return FxPainter.rgba(forcedStroke.get());
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
