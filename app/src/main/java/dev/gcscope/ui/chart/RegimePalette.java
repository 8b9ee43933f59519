package dev.gcscope.ui.chart;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The regime colours of a canvas chart that is not otherwise coloured by regime (a heap timeline,
 * the STW histogram), for emphasising the highlighted regime: CSS properties {@code -chart-regime-0}
 * … {@code -chart-regime-7}, which the theme sets to {@code -gc-regime-0..7} (regimes past the last
 * reuse them, as everywhere else).
 *
 * <p>A chart keeps one palette in a field and lists {@link #metaData(Function)} among its CSS metadata.
 */
public final class RegimePalette {
    public static final int SIZE = 8;

    private final StyleableObjectProperty<Paint>[] paints;

    @SuppressWarnings("unchecked")
    public <S extends Styleable> RegimePalette(S chart, List<CssMetaData<S, Paint>> meta, Runnable onChange) {
        paints = new StyleableObjectProperty[SIZE];
        for (int i = 0; i < SIZE; i++) paints[i] = ChartCss.paintProperty(meta.get(i), chart, "regime" + i, onChange);
    }

    /** The CSS metadata of a chart class's palette; {@code field} returns the chart's palette. */
    public static <S extends Styleable> List<CssMetaData<S, Paint>> metaData(Function<S, RegimePalette> field) {
        return IntStream.range(0, SIZE)
                .mapToObj(i -> ChartCss.<S>paint("-chart-regime-" + i, c -> field.apply(c).paints[i], Color.GRAY))
                .toList();
    }

    /** The colour of regime {@code id} (at least 0). */
    public Paint colour(int id) {
        return paints[Math.floorMod(id, SIZE)].get();
    }
}
