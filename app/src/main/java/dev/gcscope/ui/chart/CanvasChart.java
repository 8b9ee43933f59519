package dev.gcscope.ui.chart;

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
import javafx.scene.text.Text;

/**
 * Base of gcscope's charts: a canvas with a plot area, a linear x and y axis with nice ticks, grid
 * lines and axis titles, and a hover readout. Subclasses say what the axes cover and draw the data
 * (reducing it per pixel column with {@link MinMaxReducer}).
 *
 * <p>The chart lays the plot out; {@link PlotFrameLayer} draws the frame around the data and
 * {@link CrosshairLayer} the hover marks, each on the GraphicsContext it is given.
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
    private static final double TICK_LENGTH = PlotFrameLayer.TICK_LENGTH;
    private static final double LABEL_GAP = PlotFrameLayer.LABEL_GAP;
    private static final double X_PIXELS_PER_TICK = 70;
    private static final double Y_PIXELS_PER_TICK = 42;
    private static final double READOUT_OFFSET = 12;

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
    private final Label readout = new Label();
    private final Text measure = new Text();
    private final Font tickFont;
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
        tickFont = Font.font(base.getFamily(), Math.round(base.getSize() * 0.92));
        measure.setFont(tickFont);
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

    /** The x axis to draw, or null when there is no data. */
    protected abstract AxisSpec xAxis();

    /** The y axis to draw, or null when there is no data. */
    protected abstract AxisSpec yAxis();

    /** Draws the data inside {@code area}; axes, grid and background are already drawn. */
    protected abstract void drawData(GraphicsContext g, PlotArea area);

    /**
     * Label of x tick {@code i}; a log axis (data in log10 units) overrides it to show the value
     * itself, a time axis to show clock times.
     */
    protected String xTickLabel(AxisTicks ticks, int i) {
        return ticks.label(i);
    }

    /** Label of y tick {@code i}, as {@link #xTickLabel}. */
    protected String yTickLabel(AxisTicks ticks, int i) {
        return ticks.label(i);
    }

    /**
     * Whether the x axis is logarithmic. If so, {@link #xAxis()} gives the log10 of the range to show,
     * ticks are labelled with values ({@link LogTicks}), and {@link #drawData} maps {@code log10(value)}.
     */
    protected boolean logX() {
        return false;
    }

    /** Like {@link #logX()}, for the y axis. */
    protected boolean logY() {
        return false;
    }

    /** The data point nearest to the pointer at ({@code px}, {@code py}), if any is close enough. */
    protected Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        return Optional.empty();
    }

    /**
     * Ticks of the x axis for about {@code maxTicks} of them; a time axis overrides this to put ticks
     * at whole minutes or hours rather than at multiples of 1, 2 or 5.
     */
    protected AxisTicks xTicks(AxisSpec spec, int maxTicks) {
        return ticks(spec, logX(), maxTicks);
    }

    /** Room each x tick label needs, in pixels; wider labels (clock times) ask for more. */
    protected double xPixelsPerTick() {
        return X_PIXELS_PER_TICK;
    }

    /** True to draw a crosshair at the pointer rather than a line at the picked point. */
    protected boolean crosshair() {
        return false;
    }

    /**
     * Draws what belongs on the overlay canvas besides the crosshair and readout (a rubber band being
     * dragged); called whenever the overlay is repainted. The canvas is clear when it is called.
     */
    protected void drawOverlay(GraphicsContext g, PlotArea area) {}

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

    /** What the chart says when it has no data, e.g. "Drop a trace here". */
    /** Where the plot would start for this chart's own y labels (after the last redraw). */
    public final ReadOnlyDoubleProperty naturalPlotLeftProperty() {
        return naturalPlotLeft.getReadOnlyProperty();
    }

    /** The plot starts no further left than this, so charts stacked over one time axis line up. */
    public final DoubleProperty minPlotLeftProperty() {
        return minPlotLeft;
    }

    public final StringProperty placeholderProperty() {
        return placeholder;
    }

    /** The readout shown for the hovered point (a label, styled {@code .chart-readout}). */
    public final Label readout() {
        return readout;
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
        if (area != null) drawOverlay(g, area);
        CrosshairLayer marks = new CrosshairLayer(axisStroke.get(), textFill.get());
        if (inside && crosshair()) marks.drawCrosshair(g, area, x, y);
        if (point.isEmpty()) return;
        HoverPoint p = point.get();
        if (!crosshair()) marks.drawPickLine(g, area, p);
        marks.drawRing(g, p);

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
        } finally {
            // The pointer has not moved, but what is under it may have (a zoom): show it again.
            repaintOverlay();
        }
    }

    private void paint(double w, double h) {
        clearHover();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        plotArea = null;
        Insets pad = getInsets();
        double innerW = w - pad.getLeft() - pad.getRight();
        double innerH = h - pad.getTop() - pad.getBottom();
        if (innerW < 60 || innerH < 60) return;
        g.setFont(tickFont);
        double lineH = textHeight();

        AxisSpec xSpec = xAxis();
        AxisSpec ySpec = yAxis();
        PlotFrameLayer frame = new PlotFrameLayer(plotFill.get(), gridStroke.get(), axisStroke.get(), textFill.get(), tickFont);
        if (xSpec == null || ySpec == null) {
            frame.drawPlaceholder(g, pad.getLeft(), pad.getTop(), innerW, innerH, placeholder.get());
            return;
        }

        // Vertical layout first: the y ticks decide how wide their labels, and so the left margin, are.
        double top = pad.getTop() + lineH / 2;
        // an untitled x axis (a chart stacked under a titled one) gives its title's line to the plot
        double xTitleH = xSpec.title() == null || xSpec.title().isEmpty() ? 0 : lineH + LABEL_GAP;
        double bottom = h - pad.getBottom() - xTitleH - lineH - TICK_LENGTH - LABEL_GAP;
        AxisTicks yTicks = ticks(ySpec, logY(), Math.max(2, (int) ((bottom - top) / Y_PIXELS_PER_TICK)));
        double yLabelWidth = 0;
        for (int i = 0; i < yTicks.count(); i++) yLabelWidth = Math.max(yLabelWidth, textWidth(yTickLabel(yTicks, i)));
        // Whole pixels at both ends, so that pixel column c of the plot is exactly column c of a reduction.
        double natural = Math.ceil(pad.getLeft() + lineH + LABEL_GAP * 2 + yLabelWidth + TICK_LENGTH);
        naturalPlotLeft.set(natural);
        double left = Math.max(natural, Math.ceil(minPlotLeft.get()));
        double right = Math.floor(w - pad.getRight() - textWidth("00000") / 2);
        if (right - left < 40 || bottom - top < 40) return;
        AxisTicks xTicks = xTicks(xSpec, Math.max(2, (int) ((right - left) / xPixelsPerTick())));

        LinearScale xs = scale(xSpec, xTicks, left, right);
        LinearScale ys = scale(ySpec, yTicks, bottom, top);
        PlotArea area = new PlotArea(left, top, right - left, bottom - top, xs, ys);

        frame.drawUnderData(g, area, xTicks, this::xTickLabel, yTicks, this::yTickLabel);
        frame.drawTitles(g, area, xSpec.title(), ySpec.title(), pad.getLeft(), h - pad.getBottom());

        g.save();
        g.beginPath();
        g.rect(area.x(), area.y(), area.width(), area.height());
        g.clip();
        drawData(g, area);
        g.restore();

        frame.drawAxisLines(g, area);
        plotArea = area;
    }

    private static AxisTicks ticks(AxisSpec spec, boolean log, int maxTicks) {
        return log ? LogTicks.covering(spec.min(), Math.max(spec.max(), spec.min() + 1e-9), maxTicks) : spec.ticks(maxTicks);
    }

    /** A log axis shows exactly its range (already chosen in decades by the chart); a linear one per its spec. */
    private static LinearScale scale(AxisSpec spec, AxisTicks ticks, double pixelAtMin, double pixelAtMax) {
        if (ticks instanceof NiceTicks nice) return new LinearScale(spec.shownMin(nice), spec.shownMax(nice), pixelAtMin, pixelAtMax);
        double max = spec.max() > spec.min() ? spec.max() : spec.min() + 0.1;
        return new LinearScale(spec.min(), max, pixelAtMin, pixelAtMax);
    }

    /** The font tick labels and titles are drawn in. */
    protected final Font tickFont() {
        return tickFont;
    }

    protected final double textWidth(String s) {
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    protected final double textHeight() {
        measure.setText("0.9 ms");
        return Math.ceil(measure.getLayoutBounds().getHeight());
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

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
