package dev.gcscope.render.timeline;

/**
 * Which of gcscope's timelines a plot is, which decides its palette (the style class the window's
 * stylesheet colours it by, and {@code render.theme.ChartTheme}'s colours for it).
 */
public enum TimelineKind {
    /** Bars by regime: the palette is the regimes' colours. */
    PAUSE("pause-timeline"),
    HEAP("heap-timeline"),
    CPU("cpu-timeline"),
    CPU_SHARE("cpu-share-timeline"),
    /** A timeline of no particular kind (tests): grey. */
    OTHER("timeline-chart");

    private final String styleClass;

    TimelineKind(String styleClass) {
        this.styleClass = styleClass;
    }

    /** The style class the window's stylesheet colours this timeline by. */
    public String styleClass() {
        return styleClass;
    }
}
