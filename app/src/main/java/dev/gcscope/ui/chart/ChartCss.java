package dev.gcscope.ui.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.paint.Paint;

/**
 * CSS plumbing for chart colours. Charts draw on a canvas, which CSS cannot reach, so each colour is
 * a styleable property ({@code -chart-series-stroke: -gc-stw;}) that the theme stylesheet sets from
 * its looked-up colours; a change of theme re-resolves them and the chart redraws.
 */
public final class ChartCss {
    private ChartCss() {}

    public static <S extends Styleable> CssMetaData<S, Paint> paint(String property, Function<S, StyleableObjectProperty<Paint>> field,
                                                               Paint initial) {
        return new CssMetaData<>(property, StyleConverter.getPaintConverter(), initial) {
            @Override
            public boolean isSettable(S node) {
                return !field.apply(node).isBound();
            }

            @Override
            public StyleableProperty<Paint> getStyleableProperty(S node) {
                return field.apply(node);
            }
        };
    }

    /** A paint property that calls {@code onChange} whenever CSS (or code) sets a different value. */
    public static StyleableObjectProperty<Paint> paintProperty(CssMetaData<? extends Styleable, Paint> meta, Object bean,
                                                        String name, Runnable onChange) {
        return new SimpleStyleableObjectProperty<>(meta, bean, name, meta.getInitialValue(null)) {
            @Override
            protected void invalidated() {
                onChange.run();
            }
        };
    }

    /** {@code inherited} followed by {@code own}, unmodifiable: a styleable class's full list. */
    public static List<CssMetaData<? extends Styleable, ?>> extend(List<CssMetaData<? extends Styleable, ?>> inherited,
                                                             List<CssMetaData<? extends Styleable, ?>> own) {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(inherited);
        all.addAll(own);
        return Collections.unmodifiableList(all);
    }
}
