package dev.gcscope.ui.chart;

import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.CrosshairLayer;
import dev.gcscope.render.plot.FrameColours;
import dev.gcscope.render.plot.FrameStyle;
import dev.gcscope.render.plot.ChartDrawing;
import dev.gcscope.render.plot.FramedChart;
import dev.gcscope.render.plot.HoverPoint;
import dev.gcscope.render.plot.Padding;
import dev.gcscope.render.plot.Pixels;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.render.plot.PlotFrame;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * Base of gcscope's charts on screen: a canvas a toolkit-free {@link PlotContent} is drawn on
 * through {@link FxPainter} and {@link PlotFrame} (which lays out the plot, the axes with nice ticks,
 * grid lines and titles), and a hover readout. Subclasses hold the chart's state as properties and
 * say what to draw ({@link #content()}); the same content draws the chart into a file
 * ({@link #drawing()}), so an export is the chart on screen.
 *
 * <p>The canvas is redrawn only when the chart's size, data or colours change, at most once per
 * pulse: {@link #invalidate()} only marks it dirty and asks for a layout, and the redraw happens in
 * {@link #layoutChildren()}. Moving the pointer redraws only a second, transparent canvas on top.
 *
 * <p>Colours come from CSS ({@code -chart-plot-fill}, {@code -chart-grid-stroke},
 * {@code -chart-axis-stroke}, {@code -chart-text-fill}), set by the theme stylesheet from its looked-up
 * colours.
 */
public abstract class CanvasChart extends Region {
    private static final double READOUT_OFFSET = 12;
    /** The labels' size relative to the platform's default font. */
    private static final double LABEL_SCALE = 0.92;

    private static final CssMetaData<CanvasChart, Paint> PLOT_FILL =
            ChartCss.paint("-chart-plot-fill", c -> c.plotFill, Color.WHITE);
    private static final CssMetaData<CanvasChart, Paint> GRID_STROKE =
            ChartCss.paint("-chart-grid-stroke", c -> c.gridStroke, Color.gray(0.9));
    private static final CssMetaData<CanvasChart, Paint> AXIS_STROKE =
            ChartCss.paint("-chart-axis-stroke", c -> c.axisStroke, Color.gray(0.45));
    private static final CssMetaData<CanvasChart, Paint> TEXT_FILL =
            ChartCss.paint("-chart-text-fill", c -> c.textFill, Color.gray(0.2));
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA =
            ChartCss.extend(Region.getClassCssMetaData(), List.of(PLOT_FILL, GRID_STROKE, AXIS_STROKE, TEXT_FILL));

    private final StyleableObjectProperty<Paint> plotFill = ChartCss.paintProperty(PLOT_FILL, this, "plotFill", this::invalidate);
    private final StyleableObjectProperty<Paint> gridStroke = ChartCss.paintProperty(GRID_STROKE, this, "gridStroke", this::invalidate);
    private final StyleableObjectProperty<Paint> axisStroke = ChartCss.paintProperty(AXIS_STROKE, this, "axisStroke", this::invalidate);
    private final StyleableObjectProperty<Paint> textFill = ChartCss.paintProperty(TEXT_FILL, this, "textFill", this::invalidate);
    private final StringProperty placeholder = new SimpleStringProperty(this, "placeholder", "No data");

    private final Canvas canvas = new Canvas();
    private final Canvas hoverCanvas = new Canvas();
    private final FxPainter painter = new FxPainter(canvas.getGraphicsContext2D());
    private final FxPainter hoverPainter = new FxPainter(hoverCanvas.getGraphicsContext2D());
    private final Label readout = new Label();
    private final ChartFont tickFont;
    private boolean dirty = true;
    private PlotArea plotArea;
    /** The left edge of the plot this chart's own labels need; charts stacked in one view align to the widest. */
    private final ReadOnlyDoubleWrapper naturalPlotLeft =
            new ReadOnlyDoubleWrapper(this, "naturalPlotLeft", 0);
    private final DoubleProperty minPlotLeft =
            new SimpleDoubleProperty(this, "minPlotLeft", 0);
    private long redraws;
    /** Where the pointer is over the chart, NaN when it is elsewhere. */
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;

    protected CanvasChart() {
        getStyleClass().add("canvas-chart");
        Font base = Font.getDefault();
        tickFont = new ChartFont(base.getFamily(), Math.round(base.getSize() * LABEL_SCALE), false);
        hoverCanvas.setMouseTransparent(true);
        readout.getStyleClass().add("chart-readout");
        readout.setManaged(false);
        readout.setVisible(false);
        readout.setMouseTransparent(true);
        getChildren().addAll(canvas, hoverCanvas, readout);
        setPickOnBounds(true);
        setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        setOnMouseExited(e -> {
            pointerX = Double.NaN;
            pointerY = Double.NaN;
            clearHover();
        });
        placeholder.addListener((obs, old, now) -> invalidate());
        minPlotLeft.addListener((obs, old, now) -> invalidate());
    }

    /**
     * What the chart draws now: its data, selection, highlight and colours, for one drawing. The
     * screen asks once per redraw; {@link #drawing()} asks for an export, so what it returns must not
     * share anything a later redraw changes (reused arrays of a reduction belong to one content).
     */
    protected abstract PlotContent content();

    /**
     * What an export of the chart draws: {@link #content()}, or a copy of it when the content keeps
     * arrays it reuses from one redraw to the next.
     */
    protected PlotContent exportContent() {
        return content();
    }

    /** The data point nearest to the pointer at ({@code px}, {@code py}), if any is close enough. */
    protected Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        return Optional.empty();
    }

    /** True to draw a crosshair at the pointer rather than a line at the picked point. */
    protected boolean crosshair() {
        return false;
    }

    /**
     * Draws what belongs on the overlay canvas besides the crosshair and readout (a rubber band being
     * dragged); called whenever the overlay is repainted. The canvas is clear when it is called.
     */
    protected void drawOverlay(Painter g, PlotArea area) {}

    /** Repaints the overlay canvas (crosshair, readout, {@link #drawOverlay}) without redrawing the chart. */
    protected final void repaintOverlay() {
        if (Double.isNaN(pointerX)) clearHover();
        else hover(pointerX, pointerY);
    }

    /** Marks the chart for a redraw on the next pulse; calling it often costs nothing extra. */
    protected final void invalidate() {
        dirty = true;
        requestLayout();
    }

    /** The plot rectangle of the last redraw, empty when nothing was plotted. */
    public final Optional<PlotArea> plotArea() {
        return Optional.ofNullable(plotArea);
    }

    /** How often the canvas was redrawn; lets tests check that hovering does not redraw it. */
    public final long redrawCount() {
        return redraws;
    }

    /** Where the plot would start for this chart's own y labels (after the last redraw). */
    public final ReadOnlyDoubleProperty naturalPlotLeftProperty() {
        return naturalPlotLeft.getReadOnlyProperty();
    }

    /** The plot starts no further left than this, so charts stacked over one time axis line up. */
    public final DoubleProperty minPlotLeftProperty() {
        return minPlotLeft;
    }

    /** What the chart says when it has no data, e.g. "Drop a trace here". */
    public final StringProperty placeholderProperty() {
        return placeholder;
    }

    /** The readout shown for the hovered point (a label, styled {@code .chart-readout}). */
    public final Label readout() {
        return readout;
    }

    /**
     * The chart as it is now (data, selection, highlight, colours, font, padding), frozen: it draws
     * at any size on any {@link Painter}, on any thread, and no later change of the chart reaches it.
     * Call on the UI thread.
     */
    public final FramedChart drawing() {
        return new FramedChart(exportContent(), frameStyle(), placeholder.get());
    }

    /**
     * What an export of the chart draws: {@link #drawing()}, with what a picture needs that the
     * window shows around the chart (a timeline's legend). Call on the UI thread.
     */
    public ChartDrawing exportDrawing() {
        return drawing();
    }

    /** The frame's colours, font and padding as CSS set them, with the plot's current left alignment. */
    public final FrameStyle frameStyle() {
        Insets pad = getInsets();
        return new FrameStyle(frameColours(), tickFont, new Padding(pad.getTop(), pad.getRight(), pad.getBottom(), pad.getLeft()),
                Math.ceil(minPlotLeft.get()));
    }

    /** The colours of the frame, as CSS set them. */
    public final FrameColours frameColours() {
        return new FrameColours(FxPainter.rgba(plotFill.get()), FxPainter.rgba(gridStroke.get()), FxPainter.rgba(axisStroke.get()),
                FxPainter.rgba(textFill.get()));
    }

    /** Shows the readout for the point nearest to ({@code x}, {@code y}), as moving the pointer there does. */
    public final void hover(double x, double y) {
        pointerX = x;
        pointerY = y;
        PlotArea area = plotArea;
        boolean inside = area != null && area.contains(x, y);
        Optional<HoverPoint> point = inside ? pick(x, y, area) : Optional.empty();
        GraphicsContext g = hoverCanvas.getGraphicsContext2D();
        g.clearRect(0, 0, hoverCanvas.getWidth(), hoverCanvas.getHeight());
        readout.setVisible(false);
        if (area != null) drawOverlay(hoverPainter, area);
        CrosshairLayer marks = new CrosshairLayer(FxPainter.rgba(axisStroke.get()), FxPainter.rgba(textFill.get()));
        if (inside && crosshair()) marks.drawCrosshair(hoverPainter, area, x, y);
        if (point.isEmpty()) return;
        HoverPoint p = point.get();
        if (!crosshair()) marks.drawPickLine(hoverPainter, area, p);
        marks.drawRing(hoverPainter, p);

        readout.setText(p.text());
        readout.setVisible(true);
        readout.applyCss();
        readout.autosize();
        double w = readout.getWidth();
        double h = readout.getHeight();
        // Beside the pointer (or the point), on whichever side has room.
        double anchorX = crosshair() ? x : p.px();
        double anchorY = crosshair() ? y : p.py();
        double rx = anchorX + READOUT_OFFSET;
        if (rx + w > area.right()) rx = anchorX - READOUT_OFFSET - w;
        double ry = Math.max(area.y(), Math.min(anchorY - h - READOUT_OFFSET, area.bottom() - h));
        readout.relocate(Math.max(area.x(), rx), ry);
    }

    public final void clearHover() {
        hoverCanvas.getGraphicsContext2D().clearRect(0, 0, hoverCanvas.getWidth(), hoverCanvas.getHeight());
        readout.setVisible(false);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            hoverCanvas.setWidth(w);
            hoverCanvas.setHeight(h);
            dirty = true;
        }
        if (dirty) {
            dirty = false;
            redraw(w, h);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 320;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 140;
    }

    private void redraw(double w, double h) {
        redraws++;
        try {
            paint(w, h);
            painted();
        } finally {
            // The pointer has not moved, but what is under it may have (a zoom): show it again.
            repaintOverlay();
        }
    }

    private void paint(double w, double h) {
        clearHover();
        canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
        plotArea = null;
        FrameStyle style = frameStyle();
        PlotFrame.Painted painted = PlotFrame.paint(painter, w, h, style, content(), placeholder.get(), natural -> {
            // Published before the plot is placed: a view aligning its charts updates the minimum now.
            naturalPlotLeft.set(natural);
            return Math.max(natural, Math.ceil(minPlotLeft.get()));
        });
        plotArea = painted.area();
    }

    /** Called after each redraw of the chart: a subclass publishes what the drawing decided (a timeline, whether it was dense). */
    protected void painted() {}

    /** The font tick labels and titles are drawn in. */
    protected final ChartFont tickFont() {
        return tickFont;
    }

    /** Width of {@code s} in the labels' font. */
    protected final double textWidth(String s) {
        painter.setFont(tickFont);
        return painter.textWidth(s);
    }

    protected final Paint textFill() {
        return textFill.get();
    }

    public final Paint plotFill() {
        return plotFill.get();
    }

    public final Paint axisStroke() {
        return axisStroke.get();
    }

    public final Paint gridStroke() {
        return gridStroke.get();
    }

    /** Centres a 1-pixel line on a pixel, so it is drawn sharp rather than smeared over two. */
    protected static double snap(double v) {
        return Pixels.snap(v);
    }

    /** The colour CSS set, as the renderers take it. */
    protected static Rgba rgba(javafx.beans.value.ObservableValue<Paint> p) {
        return FxPainter.rgba(p.getValue());
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
