package dev.gcscope.ui.settings;

import dev.gcscope.render.plot.YScale;
import dev.gcscope.render.timeline.TimeAxis;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How the user last set up the charts, remembered between runs: what the timelines' x axis counts
 * from (one choice for all of them) and each view's y scale, linear or log, by view id
 * ({@code pause-timeline}, {@code stw-histogram} …), and whether a followed log's timelines follow its
 * end. One instance per window, shared by its
 * documents, so a choice made in one tab holds in the others.
 */
public final class ChartPreferences {
    static final String TIME_AXIS_KEY = "chart.timeAxis";
    static final String Y_SCALE_KEY = "chart.yScale.";
    static final String FOLLOW_END_KEY = "chart.followEnd";

    private final SettingsStore store;
    private final ObjectProperty<TimeAxis> timeAxis = new SimpleObjectProperty<>(this, "timeAxis");
    private final Map<String, ObjectProperty<YScale>> yScales = new HashMap<>();
    private final BooleanProperty followEnd = new SimpleBooleanProperty(this, "followEnd");

    public ChartPreferences(SettingsStore store) {
        this.store = store;
        timeAxis.set(TimeAxis.fromKey(store.get(TIME_AXIS_KEY, ""), TimeAxis.WALL_CLOCK));
        timeAxis.addListener((o, old, now) -> store.put(TIME_AXIS_KEY, (now != null ? now : TimeAxis.WALL_CLOCK).key()));
        followEnd.set(!"false".equals(store.get(FOLLOW_END_KEY, "true")));
        followEnd.addListener((o, old, now) -> store.put(FOLLOW_END_KEY, Boolean.toString(now)));
    }

    /**
     * A followed log's "Follow end": true, a zoomed timeline slides with the newest cycles; false, it
     * keeps the time range it shows. The last choice made holds for the next follow.
     */
    public BooleanProperty followEndProperty() {
        return followEnd;
    }

    /** Remembered nowhere: for a model built without a window (tests, benchmarks). */
    public static ChartPreferences inMemory() {
        return new ChartPreferences(new MemorySettingsStore());
    }

    /** What the timelines' x axis counts from; the wall clock (the default) falls back to process start without one. */
    public ObjectProperty<TimeAxis> timeAxisProperty() {
        return timeAxis;
    }

    /** The y scale of view {@code viewId}, linear until the user picks log. */
    public ObjectProperty<YScale> yScaleProperty(String viewId) {
        return yScales.computeIfAbsent(viewId, id -> {
            ObjectProperty<YScale> p = new SimpleObjectProperty<>(this, "yScale." + id,
                    YScale.fromKey(store.get(Y_SCALE_KEY + id, ""), YScale.LINEAR));
            p.addListener((o, old, now) -> store.put(Y_SCALE_KEY + id, (now != null ? now : YScale.LINEAR).key()));
            return p;
        });
    }
}
