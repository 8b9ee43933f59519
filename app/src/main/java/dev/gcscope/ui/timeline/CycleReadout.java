package dev.gcscope.ui.timeline;

import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.render.timeline.TimeAxis;
import dev.gcscope.render.timeline.TimelineClock;
import dev.gcscope.render.timeline.TimelineCycles;
import java.util.Locale;
import java.util.function.Supplier;

/** The text of a timeline's readout: which cycle, when, its plotted figures and its regime. */
final class CycleReadout {
    /** Appends the plotted figures of a row, one per line ({@link #figure}). */
    @FunctionalInterface
    interface Figures {
        void append(StringBuilder b, int row);
    }

    private final TimelineCycles cycles;
    private final StwSeries layout;
    private final Figures figures;
    private final Supplier<TimelineClock> clock;

    /** @param clock what the chart's time axis reads now */
    CycleReadout(TimelineCycles cycles, Figures figures, Supplier<TimelineClock> clock) {
        this.cycles = cycles;
        this.layout = cycles.layout();
        this.figures = figures;
        this.clock = clock;
    }

    /** The readout of row {@code i}, one fact per line. */
    String describe(int i) {
        StringBuilder b = new StringBuilder();
        b.append("gc ").append(layout.gc(i));
        if (layout.runCount() > 1) b.append("  run ").append(layout.run(i));
        if (layout.forced()[i]) b.append("  (forced)");
        double start = layout.startS(i);
        if (!Double.isNaN(start)) b.append(String.format(Locale.ROOT, "%nstart       %.3f s", start));
        // Go's "@" counts from process start; an axis counting from the first cycle reads another
        // number under the pointer, and the readout gives both rather than contradict the axis
        TimelineClock c = clock.get();
        if (!Double.isNaN(start) && c.axis() == TimeAxis.SINCE_FIRST_CYCLE && c.kind() == TimelineClock.Kind.SECONDS) {
            b.append(String.format(Locale.ROOT, "%non axis     %.3f s since first cycle", c.seconds(layout.x()[i])));
        }
        long wall = cycles.wallMs(i);
        if (wall != TimelineCycles.NO_WALL_TIME) b.append("\nwall        ").append(TimelineClock.formatWall(wall));
        figures.append(b, i);
        int regime = cycles.regimeOfRow()[i];
        if (regime >= 0) {
            String label = cycles.regimeLabel(regime);
            b.append("\nregime      ").append(regime).append(label.isEmpty() ? "" : " (" + label + ")");
        }
        return b.toString();
    }

    /** {@code "\nlabel    value unit"}, the readout's figure line; NaN reads "—". */
    static void figure(StringBuilder b, String label, double value, String unit) {
        b.append('\n').append(label);
        for (int k = label.length(); k < 12; k++) b.append(' ');
        if (Double.isNaN(value)) b.append('—');
        else b.append(exact(value)).append(' ').append(unit);
    }

    /** Up to three decimals, trailing zeros kept off (Go prints whole microseconds and megabytes). */
    static String exact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.3f", v);
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        return s.substring(0, end);
    }
}
