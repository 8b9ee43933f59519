package dev.gcscope.ui.chart;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

/**
 * Stop-the-world pause per GC cycle: x = when the cycle started, y = its pause in ms. Ordinary
 * cycles are drawn as one min-to-max stroke per pixel column; forced cycles ({@code runtime.GC()}
 * and the periodic 2-minute GC) as hollow diamonds on top, so they stand out however dense the rest
 * is; runs after the first are marked by a dashed line labelled with the run number.
 *
 * <p>Colours: {@code -chart-series-stroke}, {@code -chart-forced-stroke},
 * {@code -chart-separator-stroke} (the theme sets them to {@code -gc-stw}, {@code -gc-forced},
 * {@code -gc-run-separator}).
 */
public final class StwChart extends CanvasChart {
    /** Width of one column's stroke; wider than a pixel so a lone cycle is still a visible dot. */
    private static final double STROKE_WIDTH = 3;
    private static final double DIAMOND_RADIUS = 4.5;
    /** How far from the pointer (in pixels) a cycle may be and still be the one the readout shows. */
    private static final double PICK_RADIUS = 8;

    private static final CssMetaData<StwChart, Paint> SERIES_STROKE =
            ChartCss.paint("-chart-series-stroke", c -> c.seriesStroke, Color.STEELBLUE);
    private static final CssMetaData<StwChart, Paint> FORCED_STROKE =
            ChartCss.paint("-chart-forced-stroke", c -> c.forcedStroke, Color.ORANGERED);
    private static final CssMetaData<StwChart, Paint> SEPARATOR_STROKE =
            ChartCss.paint("-chart-separator-stroke", c -> c.separatorStroke, Color.GRAY);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA =
            ChartCss.extend(CanvasChart.getClassCssMetaData(), List.of(SERIES_STROKE, FORCED_STROKE, SEPARATOR_STROKE));

    private final StyleableObjectProperty<Paint> seriesStroke =
            ChartCss.paintProperty(SERIES_STROKE, this, "seriesStroke", this::invalidate);
    private final StyleableObjectProperty<Paint> forcedStroke =
            ChartCss.paintProperty(FORCED_STROKE, this, "forcedStroke", this::invalidate);
    private final StyleableObjectProperty<Paint> separatorStroke =
            ChartCss.paintProperty(SEPARATOR_STROKE, this, "separatorStroke", this::invalidate);
    private final ObjectProperty<StwSeries> series = new SimpleObjectProperty<>(this, "series", StwSeries.empty());

    private final MinMaxReducer regular = new MinMaxReducer();
    private final MinMaxReducer forcedOnly = new MinMaxReducer();
    private boolean[] notForced = new boolean[0];

    public StwChart() {
        getStyleClass().add("stw-chart");
        series.addListener((obs, old, now) -> {
            boolean[] forced = now.forced();
            notForced = new boolean[forced.length];
            for (int i = 0; i < forced.length; i++) notForced[i] = !forced[i];
            invalidate();
        });
    }

    public ObjectProperty<StwSeries> seriesProperty() {
        return series;
    }

    public Paint seriesStroke() {
        return seriesStroke.get();
    }

    public Paint forcedStroke() {
        return forcedStroke.get();
    }

    @Override
    protected AxisSpec xAxis() {
        StwSeries s = series.get();
        if (s.isEmpty()) return null;
        if (s.xKind() == StwSeries.XKind.CYCLE_INDEX) {
            return new AxisSpec("cycle (position in file; the trace has no cycle start times)", s.xMin(), s.xMax(), true, false);
        }
        String title = s.runCount() > 1 ? "time since process start (s), runs laid end to end" : "time since process start (s)";
        double max = s.xMax() > s.xMin() ? s.xMax() : s.xMin() + 1;
        return new AxisSpec(title, s.xMin(), max, false, false);
    }

    @Override
    protected AxisSpec yAxis() {
        StwSeries s = series.get();
        if (s.isEmpty()) return null;
        double max = Double.isNaN(s.yMax()) || s.yMax() <= 0 ? 1 : s.yMax();
        return new AxisSpec("stop-the-world pause (ms)", 0, max, false, true);
    }

    @Override
    protected void drawData(GraphicsContext g, PlotArea area) {
        StwSeries s = series.get();
        drawRunSeparators(g, area, s);
        int columns = (int) Math.ceil(area.width());
        LinearScale ys = area.yScale();

        regular.reduce(s.x(), s.stwMs(), 0, s.size(), notForced, area.xScale(), area.x(), columns);
        g.setFill(seriesStroke.get());
        for (int c = 0; c < columns; c++) {
            if (regular.count(c) == 0) continue;
            double centre = area.x() + c + 0.5;
            double top = ys.toPixel(regular.max(c));
            double bottom = ys.toPixel(regular.min(c));
            // A column holding one value is a dot: as tall as the stroke is wide.
            if (bottom - top < STROKE_WIDTH) {
                double mid = (top + bottom) / 2;
                top = mid - STROKE_WIDTH / 2;
                bottom = mid + STROKE_WIDTH / 2;
            }
            g.fillRect(centre - STROKE_WIDTH / 2, top, STROKE_WIDTH, bottom - top);
        }

        forcedOnly.reduce(s.x(), s.stwMs(), 0, s.size(), s.forced(), area.xScale(), area.x(), columns);
        g.setStroke(forcedStroke.get());
        g.setLineWidth(1.5);
        for (int c = 0; c < columns; c++) {
            if (forcedOnly.count(c) == 0) continue;
            double px = area.x() + c + 0.5;
            double top = ys.toPixel(forcedOnly.max(c));
            double bottom = ys.toPixel(forcedOnly.min(c));
            diamond(g, px, top);
            if (bottom - top > DIAMOND_RADIUS) {
                diamond(g, px, bottom);
                g.strokeLine(px, top + DIAMOND_RADIUS, px, bottom - DIAMOND_RADIUS);
            }
        }
    }

    private void drawRunSeparators(GraphicsContext g, PlotArea area, StwSeries s) {
        double[] starts = s.runStartX();
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
            g.strokeLine(px, area.y(), px, area.bottom());
            g.fillText("run " + (r + 2), px + 4, area.y() + 2);
        }
        g.setLineDashes((double[]) null);
    }

    private static void diamond(GraphicsContext g, double cx, double cy) {
        double r = DIAMOND_RADIUS;
        g.strokePolygon(new double[] {cx, cx + r, cx, cx - r}, new double[] {cy - r, cy, cy + r, cy}, 4);
    }

    @Override
    protected Optional<HoverPoint> pick(double px, double py, PlotArea area) {
        StwSeries s = series.get();
        if (s.isEmpty()) return Optional.empty();
        double[] x = s.x();
        double[] y = s.stwMs();
        int from = 0;
        int to = s.size();
        if (s.xSorted()) {
            from = lowerBound(x, area.xScale().toValue(px - PICK_RADIUS));
            to = lowerBound(x, area.xScale().toValue(px + PICK_RADIUS) + Math.ulp(1.0));
        }
        int best = -1;
        double bestDistance = PICK_RADIUS * PICK_RADIUS;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(y[i])) continue;
            double dx = area.xScale().toPixel(x[i]) - px;
            double dy = area.yScale().toPixel(y[i]) - py;
            double d = dx * dx + dy * dy;
            // Ties go to the longer pause: the one a user is looking for.
            if (d < bestDistance || (d == bestDistance && best >= 0 && y[i] > y[best])) {
                best = i;
                bestDistance = d;
            }
        }
        if (best < 0) return Optional.empty();
        return Optional.of(new HoverPoint(area.xScale().toPixel(x[best]), area.yScale().toPixel(y[best]), best,
                describe(s, best)));
    }

    /** The readout text for cycle {@code i}: its number, run, start time and exact pause. */
    static String describe(StwSeries s, int i) {
        StringBuilder b = new StringBuilder();
        b.append("gc ").append(s.gc(i));
        if (s.runCount() > 1) b.append("  (run ").append(s.run(i)).append(')');
        if (!Double.isNaN(s.startS(i))) b.append(String.format(Locale.ROOT, "%nstarted at %.3f s", s.startS(i)));
        b.append(String.format(Locale.ROOT, "%nSTW pause %.3f ms", s.stwMs()[i]));
        if (s.forced()[i]) b.append(" (forced)");
        return b.toString();
    }

    /** First index whose x is at least {@code value}. */
    private static int lowerBound(double[] x, double value) {
        int i = Arrays.binarySearch(x, value);
        if (i < 0) return -i - 1;
        while (i > 0 && x[i - 1] == value) i--;
        return i;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
