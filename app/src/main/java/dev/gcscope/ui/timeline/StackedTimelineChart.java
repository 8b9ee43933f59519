package dev.gcscope.ui.timeline;

import static dev.gcscope.ui.timeline.CycleReadout.figure;

import dev.gcscope.ui.chart.ChartCss;
import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A bar per cycle, stacked from its parts (the phases of a pause, the kinds of GC CPU time); each
 * pixel column shows its tallest bar ({@link StackedBarsLayer}).
 *
 * <p>Coloured either by part (palette slot {@link TimelineSeries#colour()}) or by the cycle's regime
 * (palette slot = regime id, parts as lighter shades of it, {@code -chart-unassigned-fill} for
 * cycles in no regime); when a regime is highlighted the others are drawn faint. Forced cycles can
 * be marked with a hollow diamond ({@code -chart-forced-stroke}) on top of their bar.
 */
public final class StackedTimelineChart extends TimelineChart implements StackedBarsLayer.Paints {
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

    private final String yTitle;
    private final List<TimelineSeries> parts;
    private final double[] total;
    private final String totalLabel;
    private final boolean byRegime;
    private final StackedBarsLayer bars;

    /**
     * @param totalLabel the readout's name for the sum of the parts, or null to leave it out
     * @param byRegime colour by regime rather than by part
     * @param markForced mark forced cycles with a diamond
     */
    public StackedTimelineChart(TimelineCycles cycles, String yTitle, List<TimelineSeries> parts, String totalLabel,
                                boolean byRegime, boolean markForced) {
        super(cycles);
        this.yTitle = yTitle;
        this.parts = List.copyOf(parts);
        this.totalLabel = totalLabel;
        this.byRegime = byRegime;
        this.total = sum(this.parts, cycles.size());
        this.bars = new StackedBarsLayer(cycles, this.parts, total, byRegime, markForced, this);
        getStyleClass().add("stacked-timeline-chart");
    }

    /** Per row, the sum of the parts it has; NaN when it has none. */
    private static double[] sum(List<TimelineSeries> parts, int n) {
        double[] t = new double[n];
        java.util.Arrays.fill(t, Double.NaN);
        for (TimelineSeries part : parts) {
            double[] p = part.values();
            for (int i = 0; i < n; i++) {
                double v = p[i];
                if (!Double.isNaN(v)) t[i] = Double.isNaN(t[i]) ? v : t[i] + v;
            }
        }
        return t;
    }

    public List<TimelineSeries> parts() {
        return parts;
    }

    /** The stacked height of each row (shared: do not modify). */
    public double[] total() {
        return total;
    }

    @Override
    protected String yTitle() {
        return yTitle;
    }

    @Override
    protected double yMax(int from, int to) {
        double m = Double.NaN;
        for (int i = from; i < to; i++) {
            double v = total[i];
            if (v > m || (Double.isNaN(m) && !Double.isNaN(v))) m = v;
        }
        return m;
    }

    @Override
    TimelineLayer seriesLayer() {
        return bars;
    }

    @Override
    protected double pickY(int i, double pointerY) {
        return total[i];
    }

    /** Coloured by regime, the chart dims the other regimes instead; coloured by part, it bands. */
    @Override
    protected boolean bandsHighlight() {
        return !byRegime;
    }

    @Override
    protected void describeValues(StringBuilder b, int i) {
        for (TimelineSeries p : parts) {
            if (!Double.isNaN(p.values()[i])) figure(b, p.label(), p.values()[i], p.unit());
        }
        if (totalLabel != null && !parts.isEmpty()) figure(b, totalLabel, total[i], parts.get(0).unit());
    }

    /** The colour of a regime's bars: the palette's entry (cycling past its end), or the unassigned fill. */
    @Override
    public Paint regimeColour(int regime) {
        return regime < 0 ? unassignedFill.get() : paletteColour(regime);
    }

    @Override
    public Paint forcedStroke() {
        return forcedStroke.get();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
