package dev.gcscope.ui.compare;

import dev.gcscope.render.Rgba;
import dev.gcscope.render.compare.OverlayStyle;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.chart.ChartCss;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A chart of a comparison: one of the overlays or a ladder figure ({@code dev.gcscope.render.compare}),
 * drawn through the same frame and painters as every chart, so it has the same context menu, copy
 * and PNG/SVG export. Each side's colour is {@code -chart-side-0..5}, set by the stylesheet from the
 * theme's {@code -gc-side-0..5}.
 */
public final class ComparisonChart extends CanvasChart {
    public static final int SIDE_COLOURS = 6;
    private static final Color[] INITIAL = {Color.STEELBLUE, Color.ORANGERED, Color.SEAGREEN, Color.PURPLE, Color.GOLDENROD, Color.GRAY};

    private static final List<CssMetaData<ComparisonChart, Paint>> SIDE_META = sideMeta();
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA =
            ChartCss.extend(CanvasChart.getClassCssMetaData(), List.copyOf(SIDE_META));

    private final List<StyleableObjectProperty<Paint>> sides = new ArrayList<>();
    private final ObjectProperty<Function<OverlayStyle, PlotContent>> plot = new SimpleObjectProperty<>(this, "plot");

    public ComparisonChart(String placeholder) {
        getStyleClass().add("comparison-chart");
        for (int i = 0; i < SIDE_COLOURS; i++) {
            sides.add(ChartCss.paintProperty(SIDE_META.get(i), this, "side" + i, this::invalidate));
        }
        placeholderProperty().set(placeholder);
        plot.addListener((obs, old, now) -> invalidate());
    }

    private static List<CssMetaData<ComparisonChart, Paint>> sideMeta() {
        List<CssMetaData<ComparisonChart, Paint>> out = new ArrayList<>();
        for (int i = 0; i < SIDE_COLOURS; i++) {
            int side = i;
            out.add(ChartCss.paint("-chart-side-" + i, c -> c.sides.get(side), INITIAL[i]));
        }
        return List.copyOf(out);
    }

    /** What to draw, given the sides' colours and the frame's; null draws the placeholder. */
    public ObjectProperty<Function<OverlayStyle, PlotContent>> plotProperty() {
        return plot;
    }

    /** The overlay's colours and font as CSS set them now. */
    public OverlayStyle style() {
        List<Rgba> colours = new ArrayList<>();
        for (StyleableObjectProperty<Paint> p : sides) colours.add(rgba(p));
        return new OverlayStyle(colours, frameColours(), tickFont());
    }

    /** The content drawn now, for tests to read what is on screen. */
    public PlotContent shown() {
        return content();
    }

    @Override
    protected PlotContent content() {
        Function<OverlayStyle, PlotContent> f = plot.get();
        return f == null ? NOTHING : f.apply(style());
    }

    private static final PlotContent NOTHING = new PlotContent() {
        @Override public AxisSpec xAxis() { return null; }
        @Override public AxisSpec yAxis() { return null; }
        @Override public void drawData(dev.gcscope.render.Painter g, PlotArea area) {}
    };

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
