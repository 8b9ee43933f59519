package dev.gcscope.render.timeline;

import java.util.Locale;

/**
 * What the timelines' x axis counts from, as the user picks it. Whatever it counts from, the axis
 * is framed on the cycles (it starts at the first one), so a five-cycle excerpt 8,921 s into a
 * process fills the chart instead of being a sliver at the right of 0 – 9,000 s.
 */
public enum TimeAxis {
    /** Seconds since the first cycle of the file (0 at its first cycle). */
    SINCE_FIRST_CYCLE("since first cycle"),
    /** Seconds since the process started, as Go prints them ({@code @8921.3s}), per run. */
    SINCE_PROCESS_START("since process start"),
    /** The wall clock of the log lines' timestamps, when they carry one. */
    WALL_CLOCK("wall clock");

    private final String label;

    TimeAxis(String label) {
        this.label = label;
    }

    /** What the choice says on screen. */
    public String label() {
        return label;
    }

    /** The key a setting stores it under. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The axis stored as {@link #key()}, or {@code fallback} for anything else. */
    public static TimeAxis fromKey(String key, TimeAxis fallback) {
        for (TimeAxis a : values()) {
            if (a.key().equals(key)) return a;
        }
        return fallback;
    }
}
