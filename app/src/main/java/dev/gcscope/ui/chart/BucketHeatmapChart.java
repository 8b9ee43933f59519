package dev.gcscope.ui.chart;

import dev.gcscope.render.Rgba;
import dev.gcscope.render.chart.BucketHeatmapPlot;
import dev.gcscope.render.chart.BucketHeatmapPlot.Cells;
import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Per-interval histograms as a heatmap on screen ({@link BucketHeatmapPlot} draws it): one column per
 * interval, one row per bucket on a log y axis, colour = count on a log scale from
 * {@code -chart-heat-low} (one observation) to {@code -chart-heat-high} (the largest count).
 */
public final class BucketHeatmapChart extends CanvasChart {
    private static final CssMetaData<BucketHeatmapChart, Paint> LOW = ChartCss.paint("-chart-heat-low", c -> c.low, Color.LIGHTYELLOW);
    private static final CssMetaData<BucketHeatmapChart, Paint> HIGH = ChartCss.paint("-chart-heat-high", c -> c.high, Color.DARKRED);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA =
            ChartCss.extend(CanvasChart.getClassCssMetaData(), List.of(LOW, HIGH));

    private final StyleableObjectProperty<Paint> low = ChartCss.paintProperty(LOW, this, "low", this::invalidate);
    private final StyleableObjectProperty<Paint> high = ChartCss.paintProperty(HIGH, this, "high", this::invalidate);
    private final ObjectProperty<Cells> cells = new SimpleObjectProperty<>(this, "cells", Cells.empty());
    private double maxCount;
    /** What the last redraw drew, for picking. */
    private BucketHeatmapPlot shown;

    public BucketHeatmapChart() {
        getStyleClass().add("bucket-heatmap-chart");
        cells.addListener((obs, old, now) -> {
            maxCount = now.maxCount();
            invalidate();
        });
    }

    public ObjectProperty<Cells> cellsProperty() {
        return cells;
    }

    /** The colours CSS set. */
    public BucketHeatmapPlot.Colours colours() {
        return new BucketHeatmapPlot.Colours(rgba(low), rgba(high));
    }

    /** The colour of a count, as drawn (for the legend and tests). */
    public Color colorOf(double count) {
        Rgba c = colours().of(count, maxCount);
        return c == null ? null : FxPainter.color(c);
    }

    public double maxCount() {
        return maxCount;
    }

    @Override
    protected PlotContent content() {
        shown = new BucketHeatmapPlot(cells.get(), colours());
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
