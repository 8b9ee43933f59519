package dev.gcscope.render.plot;

import java.util.Locale;

/**
 * How a chart's value axis is scaled. A logarithmic axis keeps 0.15 ms medians readable next to a
 * 56 ms pause that would flatten them to nothing on a linear one.
 */
public enum YScale {
    LINEAR("linear"),
    LOG("log");

    private final String label;

    YScale(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The key a setting stores it under. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static YScale fromKey(String key, YScale fallback) {
        for (YScale s : values()) {
            if (s.key().equals(key)) return s;
        }
        return fallback;
    }
}
