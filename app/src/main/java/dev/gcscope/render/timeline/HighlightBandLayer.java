package dev.gcscope.render.timeline;

import dev.gcscope.render.Painter;
import dev.gcscope.render.plot.LinearScale;
import dev.gcscope.render.plot.PlotArea;
import dev.gcscope.render.plot.StwSeries;
import java.util.Arrays;

/**
 * A translucent band in the highlighted regime's colour behind each of its cycles in view: a cycle's
 * span reaches halfway to its neighbours, so a stretch of the regime reads as one band and a lone
 * cycle as a narrow one; every span covers at least its own pixel column, so none vanishes when a
 * column holds thousands of cycles. Drawn behind the data, so no line or bar is hidden.
 */
public final class HighlightBandLayer implements TimelineLayer {
    /** Opacity of the band: visible, yet every line stays legible over it. */
    public static final double OPACITY = 0.16;

    private final TimelineCycles cycles;
    private final StwSeries layout;
    /** Per pixel column, +1 where a highlighted cycle's span starts and −1 past where it ends; reused between frames. */
    private int[] edges = new int[0];

    HighlightBandLayer(TimelineCycles cycles) {
        this.cycles = cycles;
        this.layout = cycles.layout();
    }

    @Override
    public void draw(Painter g, TimelineFrame f) {
        int regime = f.highlightedRegime();
        if (regime < 0) return;
        PlotArea area = f.area();
        int[] r = cycles.regimeOfRow();
        double[] x = layout.x();
        int columns = f.columns();
        if (edges.length < columns + 1) edges = new int[columns + 1];
        Arrays.fill(edges, 0, columns + 1, 0);
        LinearScale xs = area.xScale();
        // one row either side of the view: their spans can reach into it
        int lo = Math.max(0, f.from() - 1), hi = Math.min(x.length, f.to() + 1);
        boolean any = false;
        for (int i = lo; i < hi; i++) {
            if (r[i] != regime || Double.isNaN(x[i])) continue;
            double left = i > 0 && layout.run(i - 1) == layout.run(i) ? (x[i - 1] + x[i]) / 2 : x[i];
            double right = i + 1 < x.length && layout.run(i + 1) == layout.run(i) ? (x[i] + x[i + 1]) / 2 : x[i];
            double own = xs.toPixel(x[i]) - area.x();
            int c0 = (int) Math.floor(Math.min(own, xs.toPixel(left) - area.x()));
            int c1 = (int) Math.floor(Math.max(own, xs.toPixel(right) - area.x()));
            if (c1 < 0 || c0 >= columns) continue;
            edges[Math.max(0, c0)]++;
            edges[Math.min(columns, c1 + 1)]--;
            any = true;
        }
        if (!any) return;
        g.setFill(f.colours().regimeBandColour(regime));
        g.setGlobalAlpha(OPACITY);
        int depth = 0, start = -1;
        for (int c = 0; c <= columns; c++) {
            depth += edges[c];
            boolean in = depth > 0 && c < columns;
            if (in && start < 0) start = c;
            else if (!in && start >= 0) {
                g.fillRect(area.x() + start, area.y(), c - start, area.height());
                start = -1;
            }
        }
        g.setGlobalAlpha(1);
    }
}
