package dev.gcscope.ui.chart;

import dev.gcscope.render.chart.BucketHistogramPlot;
import dev.gcscope.render.chart.BucketHistogramPlot.Bars;
import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A bucketed histogram on a log x axis with percentile markers, on screen ({@link BucketHistogramPlot}
 * draws it).
 *
 * <p>Colours: {@code -chart-bar-fill}, {@code -chart-marker-stroke}.
 */
public final class BucketHistogramChart extends CanvasChart {
    private static final CssMetaData<BucketHistogramChart, Paint> BAR_FILL =
            ChartCss.paint("-chart-bar-fill", c -> c.barFill, Color.STEELBLUE);
    private static final CssMetaData<BucketHistogramChart, Paint> MARKER_STROKE =
            ChartCss.paint("-chart-marker-stroke", c -> c.markerStroke, Color.ORANGERED);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA =
            ChartCss.extend(CanvasChart.getClassCssMetaData(), List.of(BAR_FILL, MARKER_STROKE));

    private final StyleableObjectProperty<Paint> barFill = ChartCss.paintProperty(BAR_FILL, this, "barFill", this::invalidate);
    private final StyleableObjectProperty<Paint> markerStroke =
            ChartCss.paintProperty(MARKER_STROKE, this, "markerStroke", this::invalidate);
    private final ObjectProperty<Bars> bars = new SimpleObjectProperty<>(this, "bars", Bars.empty());
    private final BooleanProperty logCounts = new SimpleBooleanProperty(this, "logCounts");
    /** What the last redraw drew, for picking. */
    private BucketHistogramPlot shown;

    public BucketHistogramChart() {
        getStyleClass().add("bucket-histogram-chart");
        bars.addListener((obs, old, now) -> invalidate());
        logCounts.addListener((obs, old, now) -> invalidate());
    }

    /**
     * Counts on a log axis: a latency histogram's tail (tens of observations beside tens of
     * thousands) is invisible on a linear one.
     */
    public BooleanProperty logCountsProperty() {
        return logCounts;
    }

    public ObjectProperty<Bars> barsProperty() {
        return bars;
    }

    /** The colours CSS set. */
    public BucketHistogramPlot.Colours colours() {
        return new BucketHistogramPlot.Colours(rgba(barFill), rgba(markerStroke));
    }

    @Override
    protected PlotContent content() {
        shown = new BucketHistogramPlot(bars.get(), logCounts.get(), colours(), tickFont());
        return shown;
    }

    @Override
    protected Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        return shown == null ? Optional.empty() : shown.pick(px, py, area);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
