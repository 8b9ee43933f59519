package dev.gcscope.ui.chart;

import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;

/**
 * The colour scale of a {@link BucketHeatmapChart}: "1", a gradient strip through the chart's own
 * colours (log scale, as the cells), and the largest count. Redrawn whenever the chart redraws its
 * cells or its colours change.
 */
public final class HeatScaleLegend extends HBox {
    private static final double STRIP_WIDTH = 160;
    private static final double STRIP_HEIGHT = 12;

    private final BucketHeatmapChart chart;
    private final Canvas strip = new Canvas(STRIP_WIDTH, STRIP_HEIGHT);
    private final Label min = new Label("1");
    private final Label max = new Label();

    public HeatScaleLegend(BucketHeatmapChart chart) {
        this.chart = chart;
        getStyleClass().add("heat-scale-legend");
        Label title = new Label("count per interval (log scale)");
        title.getStyleClass().add("legend-item");
        min.getStyleClass().add("legend-item");
        max.getStyleClass().add("legend-item");
        getChildren().addAll(title, min, strip, max);
        chart.needsLayoutProperty().addListener((obs, old, now) -> redraw());
        chart.cellsProperty().addListener((obs, old, now) -> redraw());
        redraw();
    }

    /** The largest count, as the legend shows it. */
    public String maxText() {
        return max.getText();
    }

    private void redraw() {
        GraphicsContext g = strip.getGraphicsContext2D();
        g.clearRect(0, 0, STRIP_WIDTH, STRIP_HEIGHT);
        double top = chart.maxCount();
        max.setText(top > 0 ? String.format(Locale.ROOT, "%,.0f", top) : "–");
        if (!(top > 0)) return;
        for (int x = 0; x < STRIP_WIDTH; x++) {
            double count = Math.exp(Math.log(Math.max(1, top)) * x / (STRIP_WIDTH - 1));
            Color c = chart.colorOf(Math.max(1, count));
            if (c == null) continue;
            g.setFill(c);
            g.fillRect(x, 0, 1, STRIP_HEIGHT);
        }
    }
}
