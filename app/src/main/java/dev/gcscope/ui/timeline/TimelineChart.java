package dev.gcscope.ui.timeline;

import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.AxisSpec;
import dev.gcscope.render.plot.ChartDrawing;
import dev.gcscope.render.plot.FrameStyle;
import dev.gcscope.render.plot.FramedChart;
import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.render.plot.YScale;
import dev.gcscope.render.timeline.SelectionBandLayer;
import dev.gcscope.render.timeline.TimeAxis;
import dev.gcscope.render.timeline.TimelineClock;
import dev.gcscope.render.timeline.TimelineColours;
import dev.gcscope.render.timeline.TimelineCycles;
import dev.gcscope.render.timeline.TimelineLegend;
import dev.gcscope.render.timeline.TimelinePlot;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.chart.ChartCss;
import dev.gcscope.ui.chart.FxPainter;
import dev.gcscope.ui.chart.RegimePalette;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * A chart over the cycles of a gctrace, x = when each cycle started, sharing with the other
 * timelines of its document the {@link #viewportProperty() viewport} (null = everything) and the
 * {@link #selectionProperty() selection} (shaded on every timeline).
 *
 * <p>The chart wires its parts: the {@link TimelineViewport} decides what range is shown;
 * {@link TimelineMouse} and {@link TimelineKeys} turn input into its commands (the wheel zooms
 * around the pointer, a drag selects, Shift-, Ctrl- or middle-drag pans, a double click or Home
 * shows everything, ← → pan, + − zoom, Escape clears the selection); a {@link TimelinePlot} draws it
 * (the same plot draws its exports); {@link NearestCycle} finds the cycle under the pointer and
 * {@link CycleReadout} says what it is. A crosshair follows the pointer.
 *
 * <p>Colours: {@code -chart-selection-fill}, {@code -chart-selection-stroke},
 * {@code -chart-separator-stroke}, and a palette of {@value #PALETTE_SIZE} for the data,
 * {@code -chart-color-0} … {@code -chart-color-7}. (CSS cannot pass a list of looked-up colours to
 * a custom property, so the palette is slots.)
 */
public abstract class TimelineChart extends CanvasChart {
    private static final CssMetaData<TimelineChart, Paint> SELECTION_FILL =
            ChartCss.paint("-chart-selection-fill", c -> c.selectionFill, Color.rgb(47, 110, 181, 0.15));
    private static final CssMetaData<TimelineChart, Paint> SELECTION_STROKE =
            ChartCss.paint("-chart-selection-stroke", c -> c.selectionStroke, Color.rgb(47, 110, 181));
    private static final CssMetaData<TimelineChart, Paint> SEPARATOR_STROKE =
            ChartCss.paint("-chart-separator-stroke", c -> c.separatorStroke, Color.GRAY);
    /** Slots of the chart's palette: its series, or its regimes (cycling past the last). */
    public static final int PALETTE_SIZE = TimelineColours.PALETTE_SIZE;
    private static final List<CssMetaData<TimelineChart, Paint>> PALETTE = IntStream.range(0, PALETTE_SIZE)
            .mapToObj(k -> ChartCss.<TimelineChart>paint("-chart-color-" + k, c -> c.palette[k], Color.GRAY))
            .toList();
    private static final List<CssMetaData<TimelineChart, Paint>> REGIMES = RegimePalette.metaData(c -> c.regimes);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA = ChartCss.extend(
            CanvasChart.getClassCssMetaData(), Stream.of(Stream.<CssMetaData<? extends Styleable, ?>>of(
                    SELECTION_FILL, SELECTION_STROKE, SEPARATOR_STROKE), PALETTE.stream(), REGIMES.stream())
                    .<CssMetaData<? extends Styleable, ?>>flatMap(x -> x).toList());

    private final StyleableObjectProperty<Paint> selectionFill =
            ChartCss.paintProperty(SELECTION_FILL, this, "selectionFill", this::invalidate);
    private final StyleableObjectProperty<Paint> selectionStroke =
            ChartCss.paintProperty(SELECTION_STROKE, this, "selectionStroke", this::invalidate);
    private final StyleableObjectProperty<Paint> separatorStroke =
            ChartCss.paintProperty(SEPARATOR_STROKE, this, "separatorStroke", this::invalidate);

    @SuppressWarnings("unchecked")
    private final StyleableObjectProperty<Paint>[] palette = IntStream.range(0, PALETTE_SIZE)
            .mapToObj(k -> ChartCss.paintProperty(PALETTE.get(k), this, "color" + k, this::invalidate))
            .toArray(StyleableObjectProperty[]::new);

    private final RegimePalette regimes = new RegimePalette(this, REGIMES, this::invalidate);
    private final ObjectProperty<TimeRange> selection = new SimpleObjectProperty<>(this, "selection");
    private final IntegerProperty highlightedRegime = new SimpleIntegerProperty(this, "highlightedRegime", -1);
    private final ObjectProperty<TimeAxis> timeAxis = new SimpleObjectProperty<>(this, "timeAxis", TimeAxis.WALL_CLOCK);
    private final ObjectProperty<YScale> yScale = new SimpleObjectProperty<>(this, "yScale", YScale.LINEAR);
    private final javafx.beans.property.ReadOnlyBooleanWrapper dense =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "dense");

    protected final TimelineCycles cycles;
    protected final StwSeries layout;
    private final TimelinePlot plot;
    private final TimelineViewport viewport;
    private final TimelineMouse mouse;
    private final NearestCycle nearest;
    private final CycleReadout cycleReadout;
    private boolean xTitleShown = true;

    /** @param plot what the chart draws, over {@code plot.cycles()} */
    protected TimelineChart(TimelinePlot plot) {
        this.plot = plot;
        this.cycles = plot.cycles();
        this.layout = cycles.layout();
        this.viewport = TimelineViewport.over(layout);
        this.nearest = new NearestCycle(layout, this::pickY, () -> plot.yScale() == YScale.LOG);
        this.cycleReadout = new CycleReadout(cycles, this::describeValues, this::clock);
        getStyleClass().add("timeline-chart");
        setFocusTraversable(true);
        viewport.rangeProperty().addListener((obs, old, now) -> invalidate());
        selection.addListener((obs, old, now) -> invalidate());
        highlightedRegime.addListener((obs, old, now) -> invalidate());
        timeAxis.addListener((obs, old, now) -> invalidate());
        yScale.addListener((obs, old, now) -> invalidate());
        mouse = TimelineMouse.install(this, viewport);
        TimelineKeys.install(this, viewport, selection);
    }

    // ------------------------------------------------------------------ shared state

    /** The x range shown, null for everything; shared with the document's other timelines. */
    public final ObjectProperty<TimeRange> viewportProperty() {
        return viewport.rangeProperty();
    }

    /** What decides the range shown: zoom, pan, show all. */
    public final TimelineViewport viewport() {
        return viewport;
    }

    /** The selected time range, null for none; shared with the document's other views. */
    public final ObjectProperty<TimeRange> selectionProperty() {
        return selection;
    }

    /** The regime whose cycles are emphasised, −1 for none. */
    public final IntegerProperty highlightedRegimeProperty() {
        return highlightedRegime;
    }

    /**
     * What the x axis counts from (the wall clock falls back to process start on a trace without
     * one); shared by a document's timelines and remembered ({@code ChartPreferences}).
     */
    public final ObjectProperty<TimeAxis> timeAxisProperty() {
        return timeAxis;
    }

    /** Linear or logarithmic y axis; remembered per view. */
    public final ObjectProperty<YScale> yScaleProperty() {
        return yScale;
    }

    /** Whether the last drawing had more cycles than a few per pixel column, so drew densities. */
    public final javafx.beans.property.ReadOnlyBooleanProperty denseProperty() {
        return dense.getReadOnlyProperty();
    }

    /** Whether this chart draws quantile bands when dense (the pause timeline). */
    public final boolean drawsDensityBands() {
        return plot.drawsDensityBands();
    }

    @Override
    protected final void painted() {
        dense.set(plot.dense());
    }

    /** What the chart shows now: the viewport, or the whole extent; null without cycles. */
    public final TimeRange shownRange() {
        return viewport.shown();
    }

    public final TimelineClock clock() {
        return plot.clock();
    }

    /**
     * Whether the x axis is titled; a chart stacked under another of the same view leaves it off,
     * so the time axis is named once.
     */
    public final void setXTitleShown(boolean shown) {
        xTitleShown = shown;
        invalidate();
    }

    // ------------------------------------------------------------------ navigation

    /** Zooms by {@code factor} (below 1 zooms in) keeping {@code x} where it is on screen. */
    public final void zoom(double x, double factor) {
        viewport.zoom(x, factor);
    }

    /** Shifts the view by {@code fraction} of its width (positive moves later in time). */
    public final void pan(double fraction) {
        viewport.pan(fraction);
    }

    public final void showAll() {
        viewport.showAll();
    }

    /** Repaints the overlay (crosshair, readout, rubber band) after the pointer or a drag moved. */
    final void overlayChanged() {
        repaintOverlay();
    }

    // ------------------------------------------------------------------ what subclasses give

    /**
     * The y of row {@code i} the pointer is measured to: of the values drawn for the row, the one
     * nearest {@code pointerY} (a y value; NaN: the highest); NaN when the row has nothing drawn.
     */
    protected abstract double pickY(int i, double pointerY);

    /** Appends the plotted figures of row {@code i}, one per line, each with its unit ({@link CycleReadout#figure}). */
    protected abstract void describeValues(StringBuilder b, int i);

    // ------------------------------------------------------------------ drawing

    @Override
    protected final PlotContent content() {
        return plot.scales(timeAxis.get(), yScale.get())
                .view(shownRange(), selection.get(), highlightedRegime.get(), xTitleShown, colours(), tickFont());
    }

    /** A copy of the plot for an export: it must not share the reused arrays of the one on screen. */
    @Override
    protected final PlotContent exportContent() {
        return ((TimelinePlot) content()).copy();
    }

    /** The chart under its legend, which the window shows in the view's header and a picture would lose. */
    @Override
    public ChartDrawing exportDrawing() {
        FramedChart d = drawing();
        FrameStyle style = d.style();
        return TimelineLegend.over(d, List.of((TimelinePlot) d.content()), style.font(), style.colours().textFill(),
                style.padding().left());
    }

    /** The x axis the chart draws now: its title and the range shown. */
    final AxisSpec xAxis() {
        return content().xAxis();
    }

    @Override
    protected final boolean crosshair() {
        return true;
    }

    /** The rubber band of a selection being dragged. */
    @Override
    protected final void drawOverlay(Painter g, PlotArea area) {
        mouse.rubberBand(area).ifPresent(b -> SelectionBandLayer.drawRubberBand(g, colours(), area, b.left(), b.right()));
    }

    // ------------------------------------------------------------------ picking

    @Override
    protected final Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        return nearest.pick(px, py, area, plot.from(), plot.to(), cycleReadout::describe);
    }

    /** The readout of row {@code i}: which cycle, when, and its plotted figures. */
    final String describe(int i) {
        return cycleReadout.describe(i);
    }

    // ------------------------------------------------------------------ colours

    /** The colours the plot draws with, as CSS set them. */
    public final TimelineColours colours() {
        List<Rgba> pal = Stream.of(palette).map(p -> FxPainter.rgba(p.get())).toList();
        List<Rgba> reg = IntStream.range(0, PALETTE_SIZE).mapToObj(k -> FxPainter.rgba(regimes.colour(k))).toList();
        return new TimelineColours(FxPainter.rgba(plotFill()), rgba(selectionFill), rgba(selectionStroke), rgba(separatorStroke),
                pal, reg, unassignedColour(), forcedColour());
    }

    /** The fill of cycles in no regime on a chart coloured by regime. */
    protected Rgba unassignedColour() {
        return Rgba.GRAY;
    }

    /** The diamond of forced cycles. */
    protected Rgba forcedColour() {
        return Rgba.GRAY;
    }

    /**
     * Colour {@code k} of the chart's palette ({@code -chart-color-0} … {@code -chart-color-7}, set
     * by the theme), cycling past the last.
     */
    public final Paint paletteColour(int k) {
        return palette[Math.floorMod(k, PALETTE_SIZE)].get();
    }

    /** The colour of regime {@code id} ({@code -chart-regime-N}), as the highlight band uses it. */
    public final Paint regimeBandColour(int id) {
        return regimes.colour(id);
    }

    public final Paint selectionFill() {
        return selectionFill.get();
    }

    public final Paint selectionStroke() {
        return selectionStroke.get();
    }

    public final Paint separatorStroke() {
        return separatorStroke.get();
    }

    /** The font of the run separators' labels: the tick labels'. */
    public final Font labelFont() {
        return FxPainter.font(tickFont());
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
