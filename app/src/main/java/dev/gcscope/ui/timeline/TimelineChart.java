package dev.gcscope.ui.timeline;

import dev.gcscope.ui.chart.AxisSpec;
import dev.gcscope.ui.chart.AxisTicks;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.chart.ChartCss;
import dev.gcscope.ui.chart.HoverPoint;
import dev.gcscope.ui.chart.LinearScale;
import dev.gcscope.ui.chart.NiceTicks;
import dev.gcscope.ui.chart.PlotArea;
import dev.gcscope.ui.chart.RegimePalette;
import dev.gcscope.ui.chart.StwSeries;
import dev.gcscope.ui.chart.TimeRange;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

/**
 * A chart over the cycles of a gctrace, x = when each cycle started, sharing with the other
 * timelines of its document the {@link #viewportProperty() viewport} (null = everything) and the
 * {@link #selectionProperty() selection} (shaded on every timeline).
 *
 * <p>Mouse: the wheel zooms around the pointer; dragging with the primary button selects a time
 * range; Shift- or Ctrl-drag, or dragging with the middle button, pans; a double click shows
 * everything. Keys (once the chart has focus, which a click gives it): ← → pan, + − zoom, Home shows
 * everything, Escape clears the selection. A crosshair follows the pointer, with a readout of the
 * nearest cycle's exact figures.
 *
 * <p>Subclasses draw the rows in view, reducing them per pixel column ({@link dev.gcscope.ui.chart.MinMaxReducer})
 * so that any number of cycles costs one column's work per pixel and no extreme is lost.
 *
 * <p>Colours: {@code -chart-selection-fill}, {@code -chart-selection-stroke},
 * {@code -chart-separator-stroke}, and a palette of {@value #PALETTE_SIZE} for the data,
 * {@code -chart-color-0} … {@code -chart-color-7}. (CSS cannot pass a list of looked-up colours to
 * a custom property, so the palette is slots.)
 */
public abstract class TimelineChart extends CanvasChart {
    /** Pixels the pointer must move before a press becomes a selection rather than a click. */
    static final double DRAG_THRESHOLD = 3;
    /** Zoom per wheel notch. */
    private static final double WHEEL_ZOOM_PER_NOTCH = 0.8;
    static final double KEY_ZOOM = 0.8;
    static final double KEY_PAN = 0.1;
    /** How far from the pointer, in pixels, cycles compete to be the one the readout shows. */
    private static final double PICK_RADIUS = 8;
    /** The narrowest viewport, as a fraction of the whole extent: a million cycles zoom to a few. */
    private static final double MIN_VIEWPORT_FRACTION = 1e-7;

    private static final CssMetaData<TimelineChart, Paint> SELECTION_FILL =
            ChartCss.paint("-chart-selection-fill", c -> c.selectionFill, Color.rgb(47, 110, 181, 0.15));
    private static final CssMetaData<TimelineChart, Paint> SELECTION_STROKE =
            ChartCss.paint("-chart-selection-stroke", c -> c.selectionStroke, Color.rgb(47, 110, 181));
    private static final CssMetaData<TimelineChart, Paint> SEPARATOR_STROKE =
            ChartCss.paint("-chart-separator-stroke", c -> c.separatorStroke, Color.GRAY);
    /** Slots of the chart's palette: its series, or its regimes (cycling past the last). */
    public static final int PALETTE_SIZE = 8;
    private static final List<CssMetaData<TimelineChart, Paint>> PALETTE = IntStream.range(0, PALETTE_SIZE)
            .mapToObj(k -> ChartCss.<TimelineChart>paint("-chart-color-" + k, c -> c.palette[k], Color.GRAY))
            .toList();
    private static final List<CssMetaData<TimelineChart, Paint>> REGIMES = RegimePalette.metaData(c -> c.regimes);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA = ChartCss.extend(
            CanvasChart.getClassCssMetaData(), Stream.of(Stream.<CssMetaData<? extends Styleable, ?>>of(
                    SELECTION_FILL, SELECTION_STROKE, SEPARATOR_STROKE), PALETTE.stream(), REGIMES.stream())
                    .<CssMetaData<? extends Styleable, ?>>flatMap(x -> x).toList());
    /** Opacity of the band behind the highlighted regime's cycles: visible, yet every line stays legible over it. */
    static final double HIGHLIGHT_BAND_OPACITY = 0.16;

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
    private final ObjectProperty<TimeRange> viewport = new SimpleObjectProperty<>(this, "viewport");
    private final ObjectProperty<TimeRange> selection = new SimpleObjectProperty<>(this, "selection");
    private final IntegerProperty highlightedRegime = new SimpleIntegerProperty(this, "highlightedRegime", -1);

    protected final TimelineCycles cycles;
    protected final StwSeries layout;
    private final TimelineClock clock;
    /** The whole extent with a little room at each end; what a null viewport shows. */
    private final TimeRange full;

    /** Rows in view during the current redraw, {@code [from, to)}. */
    private int from;
    private int to;
    private boolean spanCrossesDays;
    private boolean xTitleShown = true;
    /** Per pixel column, +1 where a highlighted cycle's span starts and −1 past where it ends; reused between frames. */
    private int[] bandEdges = new int[0];

    private enum Drag { NONE, SELECT, PAN }
    private Drag drag = Drag.NONE;
    private double pressX;
    private double dragX;
    private TimeRange pressRange;

    protected TimelineChart(TimelineCycles cycles) {
        this.cycles = cycles;
        this.layout = cycles.layout();
        this.clock = new TimelineClock(cycles);
        this.full = fullExtent(layout);
        getStyleClass().add("timeline-chart");
        setFocusTraversable(true);
        viewport.addListener((obs, old, now) -> invalidate());
        selection.addListener((obs, old, now) -> invalidate());
        highlightedRegime.addListener((obs, old, now) -> invalidate());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) showAll();
        });
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    private static TimeRange fullExtent(StwSeries s) {
        if (s.isEmpty()) return null;
        double min = s.xMin();
        double max = s.xMax();
        if (!(max > min)) return new TimeRange(min - 0.5, max + 0.5);
        double pad = (max - min) * AxisSpec.EDGE_PADDING;
        return new TimeRange(min - pad, max + pad);
    }

    // ------------------------------------------------------------------ shared state

    /** The x range shown, null for everything; shared with the document's other timelines. */
    public final ObjectProperty<TimeRange> viewportProperty() {
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

    /** What the chart shows now: the viewport, or the whole extent; null without cycles. */
    public final TimeRange shownRange() {
        TimeRange v = viewport.get();
        return v != null ? v : full;
    }

    public final TimelineClock clock() {
        return clock;
    }

    /**
     * Whether the x axis is titled; a chart stacked under another of the same view leaves it off,
     * so the time axis is named once.
     */
    public final void setXTitleShown(boolean shown) {
        xTitleShown = shown;
        invalidate();
    }

    /** The colour of regime {@code id} ({@code -chart-regime-N}), as the highlight band uses it. */
    public final Paint regimeBandColour(int id) {
        return regimes.colour(id);
    }

    // ------------------------------------------------------------------ navigation

    /** Zooms by {@code factor} (below 1 zooms in) keeping {@code x} where it is on screen. */
    public final void zoom(double x, double factor) {
        TimeRange r = shownRange();
        if (r == null) return;
        double width = Math.max(r.length() * factor, full.length() * MIN_VIEWPORT_FRACTION);
        double left = x - (x - r.from()) * (width / r.length());
        setViewport(left, width);
    }

    /** Shifts the view by {@code fraction} of its width (positive moves later in time). */
    public final void pan(double fraction) {
        TimeRange r = shownRange();
        if (r == null) return;
        setViewport(r.from() + r.length() * fraction, r.length());
    }

    public final void showAll() {
        viewport.set(null);
    }

    /** Sets the viewport to {@code [left, left + width]} kept inside the extent; null when it covers all. */
    private void setViewport(double left, double width) {
        if (full == null) return;
        if (width >= full.length()) {
            viewport.set(null);
            return;
        }
        left = Math.max(full.from(), Math.min(left, full.to() - width));
        viewport.set(new TimeRange(left, left + width));
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        Optional<PlotArea> area = plotArea();
        if (area.isEmpty() || !area.get().contains(e.getX(), e.getY())) return;
        boolean panButton = e.getButton() == MouseButton.MIDDLE
                || (e.getButton() == MouseButton.PRIMARY && (e.isShiftDown() || e.isControlDown() || e.isShortcutDown()));
        if (panButton) drag = Drag.PAN;
        else if (e.getButton() == MouseButton.PRIMARY) drag = Drag.SELECT;
        else return;
        pressX = e.getX();
        dragX = e.getX();
        pressRange = shownRange();
        e.consume();
    }

    private void dragged(MouseEvent e) {
        hover(e.getX(), e.getY());
        if (drag == Drag.NONE) return;
        dragX = e.getX();
        if (drag == Drag.PAN) {
            PlotArea area = plotArea().orElse(null);
            if (area == null || pressRange == null) return;
            double unitsPerPixel = pressRange.length() / area.width();
            setViewport(pressRange.from() - (dragX - pressX) * unitsPerPixel, pressRange.length());
        } else {
            repaintOverlay();
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        Drag was = drag;
        drag = Drag.NONE;
        if (was == Drag.SELECT && Math.abs(e.getX() - pressX) >= DRAG_THRESHOLD) {
            PlotArea area = plotArea().orElse(null);
            if (area != null) {
                double a = clampToArea(area, pressX);
                double b = clampToArea(area, e.getX());
                selection.set(new TimeRange(area.xScale().toValue(a), area.xScale().toValue(b)));
            }
        }
        repaintOverlay();
    }

    private static double clampToArea(PlotArea area, double px) {
        return Math.max(area.x(), Math.min(area.right(), px));
    }

    private void scrolled(ScrollEvent e) {
        PlotArea area = plotArea().orElse(null);
        if (area == null || e.getDeltaY() == 0) return;
        // From the range shown rather than the last drawn scale: several wheel events can arrive
        // before the next redraw, and each must zoom about the same point.
        TimeRange r = shownRange();
        double x = r.from() + (clampToArea(area, e.getX()) - area.x()) / area.width() * r.length();
        // deltaY is in pixels, the platform's notch times its multiplier (40 on Windows, 1 on Monocle);
        // dividing it out makes a notch zoom as much everywhere, and a trackpad's fractions smoothly.
        double notches = e.getMultiplierY() > 0 ? e.getDeltaY() / e.getMultiplierY() : Math.signum(e.getDeltaY());
        zoom(x, Math.pow(WHEEL_ZOOM_PER_NOTCH, notches));
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        TimeRange r = shownRange();
        if (r == null) return;
        double centre = (r.from() + r.to()) / 2;
        switch (e.getCode()) {
            case LEFT -> pan(-KEY_PAN);
            case RIGHT -> pan(KEY_PAN);
            case PLUS, EQUALS, ADD -> zoom(centre, KEY_ZOOM);
            case MINUS, SUBTRACT -> zoom(centre, 1 / KEY_ZOOM);
            case HOME -> showAll();
            case ESCAPE -> selection.set(null);
            default -> {
                return;
            }
        }
        e.consume();
    }

    // ------------------------------------------------------------------ drawing

    /** The y axis title with its unit. */
    protected abstract String yTitle();

    /** The largest y value rows {@code [from, to)} reach, NaN when none has one. */
    protected abstract double yMax(int from, int to);

    /** Draws rows {@code [from, to)} into {@code area}; band, separators and grid are drawn. */
    protected abstract void drawRows(GraphicsContext g, PlotArea area, int from, int to);

    /**
     * The y of row {@code i} the pointer is measured to: of the values drawn for the row, the one
     * nearest {@code pointerY} (a y value; NaN: the highest); NaN when the row has nothing drawn.
     */
    protected abstract double pickY(int i, double pointerY);

    /** Appends the plotted figures of row {@code i}, one per line, each with its unit. */
    protected abstract void describeValues(StringBuilder b, int i);

    @Override
    protected final AxisSpec xAxis() {
        TimeRange r = shownRange();
        if (r == null) return null;
        spanCrossesDays = clock.crossesDays(r.from(), r.to());
        int[] rows = rowsIn(r);
        from = rows[0];
        to = rows[1];
        return AxisSpec.exact(xTitleShown ? clock.title(r.from(), r.to()) : "", r.from(), r.to());
    }

    @Override
    protected final AxisSpec yAxis() {
        if (full == null) return null;
        double max = yMax(from, to);
        return new AxisSpec(yTitle(), 0, Double.isNaN(max) || max <= 0 ? 1 : max, false, true);
    }

    @Override
    protected final NiceTicks xTicks(AxisSpec spec, int maxTicks) {
        return clock.ticks(spec.min(), spec.max(), maxTicks);
    }

    @Override
    protected final String xTickLabel(AxisTicks ticks, int i) {
        return clock.label((NiceTicks) ticks, i, spanCrossesDays); // xTicks above made them
    }

    @Override
    protected final double xPixelsPerTick() {
        return Math.max(70, textWidth(clock.widestLabel(spanCrossesDays)) + 24);
    }

    @Override
    protected final boolean crosshair() {
        return true;
    }

    @Override
    protected final void drawData(GraphicsContext g, PlotArea area) {
        TimeRange sel = selection.get();
        LinearScale xs = area.xScale();
        if (sel != null) {
            double a = Math.max(area.x() - 2, xs.toPixel(sel.from()));
            double b = Math.min(area.right() + 2, xs.toPixel(sel.to()));
            if (b >= a) {
                g.setFill(selectionFill.get());
                g.fillRect(a, area.y(), Math.max(1, b - a), area.height());
            }
        }
        drawRunSeparators(g, area);
        int h = highlightedRegime.get();
        if (h >= 0 && bandsHighlight()) drawHighlightBand(g, area, h);
        drawRows(g, area, from, to);
        if (sel != null) {
            g.setStroke(selectionStroke.get());
            g.setLineWidth(1);
            g.strokeLine(snap(xs.toPixel(sel.from())), area.y(), snap(xs.toPixel(sel.from())), area.bottom());
            g.strokeLine(snap(xs.toPixel(sel.to())), area.y(), snap(xs.toPixel(sel.to())), area.bottom());
        }
    }

    /**
     * Whether a highlighted regime is shown as a band behind its cycles (true) or by the chart's own
     * drawing (a chart coloured by regime dims the others instead).
     */
    protected boolean bandsHighlight() {
        return true;
    }

    /**
     * A translucent band in the regime's colour behind each of its cycles in view: a cycle's span
     * reaches halfway to its neighbours, so a stretch of the regime reads as one band and a lone cycle
     * as a narrow one; every span covers at least its own pixel column, so none vanishes when a column
     * holds thousands of cycles. Behind the data, so no line or bar is hidden.
     */
    private void drawHighlightBand(GraphicsContext g, PlotArea area, int regime) {
        int[] r = cycles.regimeOfRow();
        double[] x = layout.x();
        int columns = (int) Math.ceil(area.width());
        if (bandEdges.length < columns + 1) bandEdges = new int[columns + 1];
        Arrays.fill(bandEdges, 0, columns + 1, 0);
        LinearScale xs = area.xScale();
        // one row either side of the view: their spans can reach into it
        int lo = Math.max(0, from - 1), hi = Math.min(x.length, to + 1);
        boolean any = false;
        for (int i = lo; i < hi; i++) {
            if (r[i] != regime || Double.isNaN(x[i])) continue;
            double left = i > 0 && layout.run(i - 1) == layout.run(i) ? (x[i - 1] + x[i]) / 2 : x[i];
            double right = i + 1 < x.length && layout.run(i + 1) == layout.run(i) ? (x[i] + x[i + 1]) / 2 : x[i];
            double own = xs.toPixel(x[i]) - area.x();
            int c0 = (int) Math.floor(Math.min(own, xs.toPixel(left) - area.x()));
            int c1 = (int) Math.floor(Math.max(own, xs.toPixel(right) - area.x()));
            if (c1 < 0 || c0 >= columns) continue;
            bandEdges[Math.max(0, c0)]++;
            bandEdges[Math.min(columns, c1 + 1)]--;
            any = true;
        }
        if (!any) return;
        g.setFill(regimes.colour(regime));
        g.setGlobalAlpha(HIGHLIGHT_BAND_OPACITY);
        int depth = 0, start = -1;
        for (int c = 0; c <= columns; c++) {
            depth += bandEdges[c];
            boolean in = depth > 0 && c < columns;
            if (in && start < 0) start = c;
            else if (!in && start >= 0) {
                g.fillRect(area.x() + start, area.y(), c - start, area.height());
                start = -1;
            }
        }
        g.setGlobalAlpha(1);
    }

    private void drawRunSeparators(GraphicsContext g, PlotArea area) {
        double[] starts = layout.runStartX();
        if (starts.length == 0) return;
        g.setStroke(separatorStroke.get());
        g.setFill(separatorStroke.get());
        g.setLineWidth(1);
        g.setLineDashes(6, 4);
        g.setFont(tickFont());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int r = 0; r < starts.length; r++) {
            double px = snap(area.xScale().toPixel(starts[r]));
            if (px < area.x() || px > area.right()) continue;
            g.strokeLine(px, area.y(), px, area.bottom());
            g.fillText("run " + (r + 2), px + 4, area.y() + 2);
        }
        g.setLineDashes((double[]) null);
    }

    /** The rubber band of a selection being dragged. */
    @Override
    protected final void drawOverlay(GraphicsContext g, PlotArea area) {
        if (drag != Drag.SELECT || Math.abs(dragX - pressX) < DRAG_THRESHOLD) return;
        double a = clampToArea(area, Math.min(pressX, dragX));
        double b = clampToArea(area, Math.max(pressX, dragX));
        g.setFill(selectionFill.get());
        g.fillRect(a, area.y(), b - a, area.height());
        g.setStroke(selectionStroke.get());
        g.setLineWidth(1);
        g.strokeRect(snap(a), snap(area.y()), Math.floor(b - a), Math.floor(area.height()));
    }

    /** Width of a row's bar or mark: about the space one cycle has, between 1 and 14 pixels. */
    protected final double barWidth(PlotArea area, int from, int to) {
        int n = Math.max(1, to - from);
        return Math.max(1, Math.min(14, area.width() / n * 0.7));
    }

    // ------------------------------------------------------------------ rows and picking

    /** Rows whose x lies in {@code r}, as {@code [from, to)}. */
    final int[] rowsIn(TimeRange r) {
        double[] x = layout.x();
        if (!layout.xSorted()) return new int[] {0, x.length};
        return new int[] {lowerBound(x, r.from()), lowerBound(x, Math.nextUp(r.to()))};
    }

    @Override
    protected final Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        if (layout.isEmpty()) return Optional.empty();
        int best = nearestRow(px, py, area);
        if (best < 0) return Optional.empty();
        double y = pickY(best, area.yScale().toValue(py));
        double bx = area.xScale().toPixel(layout.x()[best]);
        double by = Double.isNaN(y) ? area.bottom() : Math.max(area.y(), area.yScale().toPixel(y));
        return Optional.of(new HoverPoint(bx, by, best, describe(best)));
    }

    /**
     * The cycle the readout shows for the pointer at ({@code px}, {@code py}): of those within a few
     * pixels along x, the one whose plotted value is closest to the pointer (ties to the higher one);
     * if none is that close, the one nearest along x.
     */
    final int nearestRow(double px, double py, PlotArea area) {
        double[] x = layout.x();
        LinearScale xs = area.xScale();
        int lo = from;
        int hi = to;
        if (layout.xSorted()) {
            lo = Math.max(from, lowerBound(x, xs.toValue(px - PICK_RADIUS)));
            hi = Math.min(to, lowerBound(x, Math.nextUp(xs.toValue(px + PICK_RADIUS))));
        }
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        double bestY = Double.NaN;
        double pointerY = area.yScale().toValue(py);
        for (int i = lo; i < hi; i++) {
            double dx = xs.toPixel(x[i]) - px;
            if (Math.abs(dx) > PICK_RADIUS) continue;
            double y = pickY(i, pointerY);
            double dy = Double.isNaN(y) ? area.height() : area.yScale().toPixel(y) - py;
            double d = dx * dx + dy * dy;
            if (d < bestDistance || (d == bestDistance && best >= 0 && y > bestY)) {
                best = i;
                bestDistance = d;
                bestY = y;
            }
        }
        if (best >= 0 || from >= to) return best;
        // Nothing within reach: the nearest cycle in view along x.
        double value = xs.toValue(px);
        if (!layout.xSorted()) return -1;
        int i = Math.min(Math.max(lowerBound(x, value), from), to - 1);
        if (i > from && value - x[i - 1] < x[i] - value) i--;
        return i;
    }

    /** The readout: which cycle, when, and its plotted figures. */
    final String describe(int i) {
        StringBuilder b = new StringBuilder();
        b.append("gc ").append(layout.gc(i));
        if (layout.runCount() > 1) b.append("  run ").append(layout.run(i));
        if (layout.forced()[i]) b.append("  (forced)");
        double start = layout.startS(i);
        if (!Double.isNaN(start)) b.append(String.format(Locale.ROOT, "%nstart       %.3f s", start));
        long wall = cycles.wallMs(i);
        if (wall != TimelineCycles.NO_WALL_TIME) b.append("\nwall        ").append(TimelineClock.formatWall(wall));
        describeValues(b, i);
        int regime = cycles.regimeOfRow()[i];
        if (regime >= 0) {
            String label = cycles.regimeLabel(regime);
            b.append("\nregime      ").append(regime).append(label.isEmpty() ? "" : " (" + label + ")");
        }
        return b.toString();
    }

    /** {@code "\nlabel    value unit"}, the readout's figure line; NaN reads "—". */
    protected static void figure(StringBuilder b, String label, double value, String unit) {
        b.append('\n').append(label);
        for (int k = label.length(); k < 12; k++) b.append(' ');
        if (Double.isNaN(value)) b.append('—');
        else b.append(Formats.exact(value)).append(' ').append(unit);
    }

    /** First index whose value is at least {@code v}. */
    static int lowerBound(double[] sorted, double v) {
        int i = Arrays.binarySearch(sorted, v);
        if (i < 0) return -i - 1;
        while (i > 0 && sorted[i - 1] == v) i--;
        return i;
    }

    /**
     * Colour {@code k} of the chart's palette ({@code -chart-color-0} … {@code -chart-color-7}, set
     * by the theme), cycling past the last.
     */
    public final Paint paletteColour(int k) {
        return palette[Math.floorMod(k, PALETTE_SIZE)].get();
    }

    protected final Paint separatorStroke() {
        return separatorStroke.get();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    /** Exact figures for the readout. */
    static final class Formats {
        private Formats() {}

        /** Up to three decimals, trailing zeros kept off (Go prints whole microseconds and megabytes). */
        static String exact(double v) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
            String s = String.format(Locale.ROOT, "%.3f", v);
            int end = s.length();
            while (s.charAt(end - 1) == '0') end--;
            return s.substring(0, end);
        }
    }
}
