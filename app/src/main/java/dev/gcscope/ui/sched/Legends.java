package dev.gcscope.ui.sched;

import dev.gcscope.render.chart.PercentileLinesPlot;
import dev.gcscope.ui.chart.PercentileLinesChart;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;

/** Legend rows for the percentile lines; swatch colours come from CSS ({@code .legend-p50} …). */
final class Legends {
    private static final double SWATCH_WIDTH = 14;
    private static final double SWATCH_HEIGHT = 3;

    private Legends() {}

    static HBox lines(PercentileLinesChart chart, PercentileLinesPlot.Role... roles) {
        HBox row = new HBox();
        row.getStyleClass().add("chart-header");
        for (PercentileLinesPlot.Role r : roles) {
            Rectangle swatch = new Rectangle(SWATCH_WIDTH, SWATCH_HEIGHT);
            swatch.getStyleClass().add("legend-" + r.name().toLowerCase(Locale.ROOT));
            Label l = new Label(r == PercentileLinesPlot.Role.MAX ? "max" : r.name(), swatch);
            l.getStyleClass().add("legend-item");
            row.getChildren().add(l);
        }
        return row;
    }

    /** The swatch of the raw min/max strokes under the lines. */
    static Label range(String text) {
        Rectangle swatch = new Rectangle(SWATCH_HEIGHT * 2, SWATCH_WIDTH);
        swatch.getStyleClass().add("legend-range");
        Label l = new Label(text, swatch);
        l.getStyleClass().add("legend-item");
        return l;
    }
}
